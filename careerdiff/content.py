"""Page bodies (fetched or saved): which content types are pages, how bytes become text.

The charset comes from a byte-order mark, then the Content-Type header, then the
page's own ``<meta charset>`` or ``http-equiv`` tag, and defaults to UTF-8; bytes
that do not decode are replaced, never fatal.
"""

from __future__ import annotations

import codecs
import re

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
DEFAULT_CHARSET = "utf-8"
#: How far into a page to look for a ``<meta>`` charset (browsers look at 1024 bytes).
META_SCAN_BYTES = 4096

_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([a-z0-9_:.+-]+)""", re.IGNORECASE
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: Labels that browsers read as a superset (WHATWG Encoding): Latin-1 and ASCII pages
#: are decoded as windows-1252, which differs only where those would fail.
_SUPERSETS = {"iso8859-1": "cp1252", "ascii": "cp1252"}
#: A UTF-16 label found inside ASCII-compatible bytes cannot be true: browsers use UTF-8.
_UTF16 = frozenset({"utf-16", "utf-16-le", "utf-16-be"})


def parse_content_type(header: str | None) -> tuple[str | None, str | None]:
    """Media type (lower-case) and charset parameter of a Content-Type header value."""
    if not header:
        return None, None
    media_type, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return media_type.strip().lower() or None, charset


def is_html(media_type: str | None) -> bool:
    """True for the content types kept as pages."""
    return media_type in HTML_TYPES


def known_charset(label: str | None) -> str | None:
    """Python's name for a charset label, or None when the label is unknown."""
    if not label:
        return None
    try:
        return codecs.lookup(label.strip()).name
    except LookupError:
        return None


def sniff_meta_charset(body: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag near its start, if a known one."""
    match = _META_CHARSET.search(body, 0, META_SCAN_BYTES)
    if match is None:
        return None
    name = known_charset(match.group(1).decode("ascii"))
    if name in _UTF16:
        return DEFAULT_CHARSET
    return _SUPERSETS.get(name, name) if name else None


def choose_charset(body: bytes, header_charset: str | None) -> str:
    """The charset to decode ``body`` with: BOM, header, ``<meta>``, then UTF-8.

    A ``<meta>`` that names another charset than UTF-8 loses to bytes that are valid
    UTF-8: a page edited as UTF-8 often keeps the charset its template was written in,
    and text in a single-byte charset is almost never valid UTF-8 by chance (Word's
    curly apostrophe in windows-1252 is the byte 0x92, which no UTF-8 text holds alone).
    """
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name
    declared = known_charset(header_charset)
    if declared:
        return _SUPERSETS.get(declared, declared)
    sniffed = sniff_meta_charset(body)
    if sniffed is None or sniffed == DEFAULT_CHARSET or _is_utf8(body):
        return DEFAULT_CHARSET
    return sniffed


def _is_utf8(body: bytes) -> bool:
    try:
        body.decode(DEFAULT_CHARSET)
    except UnicodeDecodeError:
        return False
    return True


def decode_body(body: bytes, charset: str) -> str:
    """Text of ``body`` in ``charset``, bad bytes replaced and a byte-order mark dropped."""
    for bom, name in _BOMS:
        if name == charset and body.startswith(bom):
            body = body[len(bom) :]
            break
    try:
        return body.decode(charset, errors="replace")
    except LookupError:
        return body.decode(DEFAULT_CHARSET, errors="replace")
