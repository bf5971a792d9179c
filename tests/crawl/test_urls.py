"""URL normal form and the rules of which URLs the crawl may touch."""

from __future__ import annotations

from random import Random
from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerdiff.crawl import urls
from careerdiff.crawl.urls import (
    UrlKind,
    UrlRules,
    hosts_of,
    is_private_host,
    normalize_url,
    origin_of,
)
from careerdiff.settings import DEFAULT_COMPARISON_PATTERN, DEFAULT_LISTING_PATTERN

COMPARISON = (
    "https://www.zippia.com/patient-coordinator-jobs/patient-coordinator-vs-nurse-differences"
)


@pytest.mark.parametrize(
    ("given_url", "expected"),
    [
        ("HTTP://Example.COM/A/b", "http://example.com/A/b"),  # path case is kept
        ("http://example.com:80/a", "http://example.com/a"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        ("https://example.com/a#section", "https://example.com/a"),
        ("https://example.com/a/", "https://example.com/a"),
        ("https://example.com/a//", "https://example.com/a"),
        ("https://example.com/", "https://example.com/"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com/?b=2&a=1", "https://example.com/?a=1&b=2"),
        ("https://example.com/a?utm_source=x&id=3&gclid=1&fbclid=2", "https://example.com/a?id=3"),
        ("https://example.com/a?UTM_Medium=mail", "https://example.com/a"),
        ("  https://example.com/a  ", "https://example.com/a"),
        ("https://example.com/%7Euser/caf%C3%A9", "https://example.com/~user/caf%C3%A9"),
        ("https://example.com/café", "https://example.com/caf%C3%A9"),
        ("http://[::1]:8080/x/", "http://[::1]:8080/x"),
    ],
)
def test_normalize_url(given_url: str, expected: str) -> None:
    assert normalize_url(given_url) == expected


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "/relative/path",
        "file:///etc/passwd",
        "ftp://example.com/x",
        "http://",
        "http://x:99999/",
    ],
)
def test_normalize_url_refuses_what_is_not_a_web_url(bad: str) -> None:
    with pytest.raises(ValueError, match="invalid URL"):
        normalize_url(bad)


_label = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8)
_segment = st.text(
    alphabet=st.characters(
        codec="utf-8", exclude_categories=("Cs", "Cc"), exclude_characters="/?#\\"
    ),
    max_size=8,
)
_query_part = st.text(
    alphabet=st.characters(
        codec="utf-8", exclude_categories=("Cs", "Cc", "Zs"), exclude_characters="&=#"
    ),
    max_size=6,
)


@st.composite
def web_urls(draw: st.DrawFn) -> str:
    scheme = draw(st.sampled_from(["http", "https", "HTTP", "HtTpS"]))
    host = ".".join(draw(st.lists(_label, min_size=1, max_size=3)))
    host = "".join(c.upper() if draw(st.booleans()) else c for c in host)
    port = draw(st.sampled_from(["", ":80", ":443", ":8080"]))
    path = "/".join(draw(st.lists(_segment, max_size=4)))
    slash = draw(st.sampled_from(["", "/"]))
    pairs = draw(st.lists(st.tuples(_query_part, _query_part), max_size=4))
    tracking = draw(st.sampled_from(["", "utm_source=news", "gclid=abc"]))
    query = "&".join([f"{k}={v}" for k, v in pairs] + ([tracking] if tracking else []))
    fragment = draw(st.sampled_from(["", "#top", "#a/b"]))
    return f"{scheme}://{host}{port}/{path}{slash}{'?' + query if query else ''}{fragment}"


@given(web_urls())
def test_normalize_url_is_idempotent(url: str) -> None:
    once = normalize_url(url)
    assert normalize_url(once) == once


@given(web_urls())
def test_normalized_urls_have_no_fragment_tracking_or_default_port(url: str) -> None:
    normal = normalize_url(url)
    parts = urlsplit(normal)
    assert parts.scheme in ("http", "https")
    assert parts.netloc == parts.netloc.lower()
    assert parts.port != {"http": 80, "https": 443}[parts.scheme]
    assert "#" not in normal
    names = [pair.partition("=")[0].lower() for pair in parts.query.split("&") if pair]
    assert not [name for name in names if name.startswith("utm_") or name == "gclid"]
    assert parts.path == "/" or not parts.path.endswith("/")


@given(st.lists(st.tuples(_query_part, _query_part), max_size=5), st.randoms())
def test_query_order_does_not_matter(pairs: list[tuple[str, str]], rnd: Random) -> None:
    shuffled = list(pairs)
    rnd.shuffle(shuffled)
    as_given = "&".join(f"{k}={v}" for k, v in pairs)
    reordered = "&".join(f"{k}={v}" for k, v in shuffled)
    assert normalize_url(f"https://a.test/p?{as_given}") == normalize_url(
        f"https://a.test/p?{reordered}"
    )


def _rules(*hosts: str) -> UrlRules:
    return UrlRules(hosts, DEFAULT_COMPARISON_PATTERN, DEFAULT_LISTING_PATTERN)


def test_classify_by_pattern() -> None:
    rules = _rules("www.zippia.com")
    assert rules.classify(COMPARISON) is UrlKind.COMPARISON
    assert rules.classify(COMPARISON + "/") is UrlKind.COMPARISON
    assert rules.classify("https://www.zippia.com/patient-coordinator-jobs") is UrlKind.LISTING
    assert rules.classify("https://www.zippia.com/patient-coordinator-jobs/") is UrlKind.LISTING
    assert rules.classify("https://www.zippia.com/about") is UrlKind.OTHER
    # the first occupation of a comparison repeats the folder's name
    mismatched = "https://www.zippia.com/nurse-jobs/patient-coordinator-vs-nurse-differences"
    assert rules.classify(mismatched) is UrlKind.OTHER


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("file:///etc/passwd", "invalid-url"),
        ("ftp://www.zippia.com/x", "invalid-url"),
        ("javascript:alert(1)", "invalid-url"),
        ("mailto:someone@zippia.com", "invalid-url"),
        ("https:///no-host", "invalid-url"),
        ("http://[::1", "invalid-url"),
        ("https://elsewhere.example/a-jobs", "offsite"),
    ],
)
def test_refusals_on_an_allow_list(url: str, reason: str) -> None:
    rules = _rules("www.zippia.com")
    assert rules.refusal(url) == reason
    assert rules.classify(url) is UrlKind.REFUSED


def test_an_allowed_host_entry_without_port_allows_any_port() -> None:
    rules = _rules("www.zippia.com")
    assert rules.refusal("https://www.zippia.com/a") is None
    assert rules.refusal("http://www.zippia.com/a") is None


def test_an_allowed_host_entry_with_port_allows_that_port_only() -> None:
    rules = _rules("127.0.0.1:8080")
    assert rules.refusal("http://127.0.0.1:8080/a") is None
    assert rules.refusal("http://127.0.0.1:8081/a") == "offsite"
    assert rules.refusal("http://localhost:8080/a") == "offsite"


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/a",
        "http://10.1.2.3/a",
        "http://192.168.0.10/a",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/a",
        "http://localhost/a",
        "http://app.localhost/a",
        "http://0.0.0.0/a",
    ],
)
def test_private_addresses_are_refused_unless_allowed_by_name(url: str) -> None:
    open_rules = _rules()  # no allow list: any public host
    assert open_rules.refusal(url) == "private-address"
    host_entry = url.split("/")[2]
    assert _rules(host_entry).refusal(url) is None


def test_without_allow_list_public_hosts_pass() -> None:
    assert _rules().refusal("https://example.org/x") is None


def test_any_host_lifts_the_allow_list_but_not_the_other_refusals() -> None:
    rules = _rules("www.zippia.com")
    assert rules.refusal("https://cdn.example.org/robots.txt", any_host=True) is None
    assert rules.refusal("http://10.0.0.1/robots.txt", any_host=True) == "private-address"
    assert rules.refusal("file:///robots.txt", any_host=True) == "invalid-url"


def test_invalid_allow_entry_is_an_error() -> None:
    with pytest.raises(ValueError, match="invalid allowed host"):
        _rules("http://")


def test_allow_entries_may_be_urls() -> None:
    rules = _rules("https://www.zippia.com/")
    assert rules.refusal("https://www.zippia.com/a") is None
    assert rules.refusal("http://www.zippia.com/a") == "offsite"  # port 80 is not 443


def test_origin_and_hosts() -> None:
    assert origin_of("HTTPS://Example.com:443/a?b") == "https://example.com"
    assert origin_of("http://example.com:8080/a") == "http://example.com:8080"
    assert origin_of("http://[::1]:81/") == "http://[::1]:81"
    urls = [
        "https://a.test/x",
        "http://a.test:8080/",
        "http://a.test:80/y",
        "nope",
        "http://[::1]:81/",
    ]
    assert hosts_of(urls) == ("a.test", "a.test:8080", "[::1]:81")


def test_is_private_host_leaves_names_alone() -> None:
    assert not is_private_host("www.zippia.com")
    assert not is_private_host("8.8.8.8")
    assert is_private_host("127.0.0.2")


_simple_segment = st.text(alphabet="abcXYZ019._~-", min_size=1, max_size=6)


@st.composite
def simple_urls(draw: st.DrawFn) -> str:
    """URLs near the fast path's shape: safe characters, some dots, ports and slashes."""
    scheme = draw(st.sampled_from(["http", "https"]))
    labels = st.text(alphabet="ab9-", min_size=1, max_size=5)
    host = ".".join(draw(st.lists(labels, min_size=1, max_size=3)))
    port = draw(st.sampled_from(["", ":80", ":443", ":8080", ":080", ":0", ":70000"]))
    path = "".join("/" + segment for segment in draw(st.lists(_simple_segment, max_size=4)))
    slash = draw(st.sampled_from(["", "/"]))
    return f"{scheme}://{host}{port}{path}{slash}"


@given(st.one_of(simple_urls(), web_urls()))
def test_the_fast_path_agrees_with_canonicalizing(url: str) -> None:
    fast = urls._simple_normal_form(url)
    if fast is not None:
        assert fast == urls._canonical(url, url)


def test_the_fast_path_takes_plain_comparison_urls() -> None:
    url = "http://127.0.0.1:8123/nurse-jobs/nurse-vs-medical-assistant-differences/"
    assert urls._simple_normal_form(url) == url.rstrip("/")
    assert urls._simple_normal_form("https://www.zippia.com:443") == "https://www.zippia.com/"
    assert urls._simple_normal_form("https://a.test/p?q=1") is None
    assert urls._simple_normal_form("https://A.test/p") is None
