"""Other wordings of row labels: hyphens read as spaces, closed tails, longest first."""

from __future__ import annotations

import pytest

from extractors._wordings import BY_PAY, NEEDED, wordings


def test_a_hyphenated_wording_is_also_matched_with_a_space() -> None:
    words = [label.words for label in wordings("city", "city", "best-paying city")]
    assert words == ["best-paying city", "best paying city"]


def test_tails_follow_each_spelling_and_longer_wordings_come_first() -> None:
    labels = wordings("company", "employer", "top employer", "top-paying employer", tails=BY_PAY)
    words = [label.words for label in labels]
    assert set(words) == {
        "top employer",
        "top employer by pay",
        "top-paying employer",
        "top-paying employer by pay",
        "top paying employer",
        "top paying employer by pay",
    }
    assert [len(w) for w in words] == sorted((len(w) for w in words), reverse=True)
    assert {label.key for label in labels} == {"company"}
    assert {label.keyword for label in labels} == {"employer"}


def test_lgbtq_plus_comes_before_lgbtq() -> None:
    words = [label.words for label in wordings("lgbt", "lgbt", "lgbtq", "lgbtq+ share", "lgbtq+")]
    assert words.index("lgbtq+ share") < words.index("lgbtq+") < words.index("lgbtq")


def test_no_tails_but_those_asked_for() -> None:
    words = [label.words for label in wordings("experience", "experience", "experience")]
    assert words == ["experience"]
    assert "experience required" in [
        label.words for label in wordings("experience", "experience", "experience", tails=NEEDED)
    ]


@pytest.mark.parametrize("phrase", ["top city", "city-wide pay"])
def test_every_wording_must_hold_its_keyword(phrase: str) -> None:
    with pytest.raises(ValueError, match="must hold"):
        wordings("state", "state", phrase)
