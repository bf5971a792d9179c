"""Content types and charsets of response bodies."""

from __future__ import annotations

import codecs

import pytest

from careerdiff.content import (
    choose_charset,
    decode_body,
    is_html,
    parse_content_type,
    sniff_meta_charset,
)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("text/html; charset=UTF-8", ("text/html", "UTF-8")),
        ('Text/HTML;Charset="iso-8859-1"', ("text/html", "iso-8859-1")),
        ("application/xhtml+xml", ("application/xhtml+xml", None)),
        ("text/html; boundary=x; charset=", ("text/html", None)),
        ("", (None, None)),
        (None, (None, None)),
    ],
)
def test_parse_content_type(header: str | None, expected: tuple[str | None, str | None]) -> None:
    assert parse_content_type(header) == expected


def test_only_html_types_are_pages() -> None:
    assert is_html("text/html") and is_html("application/xhtml+xml")
    assert not is_html("application/json")
    assert not is_html("application/xml")
    assert not is_html(None)


def test_header_charset_wins_over_meta() -> None:
    body = b'<meta charset="windows-1251"><p>x</p>'
    assert choose_charset(body, "utf-8") == "utf-8"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b'<html><head><meta charset="windows-1252"></head>', "cp1252"),
        (b"<meta charset=koi8-r>", "koi8-r"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">', "shift_jis"),
        (b'<META CONTENT="text/html; charset=iso-8859-1" HTTP-EQUIV="content-type">', "cp1252"),
        (b'<meta charset="utf-16">', "utf-8"),  # impossible in ASCII-compatible bytes
        (b'<meta charset="no-such-charset">', None),
        (b"<p>no meta at all</p>", None),
        (b" " * 5000 + b'<meta charset="koi8-r">', None),  # too far in to count
    ],
)
def test_sniff_meta_charset(body: bytes, expected: str | None) -> None:
    assert sniff_meta_charset(body) == expected


def test_default_is_utf8() -> None:
    assert choose_charset(b"<p>plain</p>", None) == "utf-8"
    assert choose_charset(b"<p>plain</p>", "bogus-charset") == "utf-8"


def test_byte_order_mark_wins() -> None:
    body = codecs.BOM_UTF8 + b'<meta charset="koi8-r"><p>caf\xc3\xa9</p>'
    charset = choose_charset(body, "iso-8859-1")
    assert charset == "utf-8"
    assert decode_body(body, charset).startswith("<meta")


def test_latin1_is_read_as_windows_1252() -> None:
    body = "\u201cquoted\u201d".encode("cp1252")
    charset = choose_charset(body, "ISO-8859-1")
    assert decode_body(body, charset) == "\u201cquoted\u201d"


def test_bad_bytes_are_replaced_not_fatal() -> None:
    text = decode_body(b"caf\xe9 ok", "utf-8")
    assert text == "caf\ufffd ok"


def test_a_meta_charset_loses_to_bytes_that_are_valid_utf8() -> None:
    """A template's stale ``<meta charset=windows-1252>`` over text saved as UTF-8 is read
    as UTF-8; Word's windows-1252 (a lone 0x92 for the apostrophe) stays windows-1252."""
    head = b"<meta charset='windows-1252'><p>"
    assert choose_charset(head + "patients\u2019".encode(), None) == "utf-8"
    assert choose_charset(head + "patients\u2019".encode("cp1252"), None) == "cp1252"
    assert choose_charset(head + b"plain ASCII", None) == "utf-8"
