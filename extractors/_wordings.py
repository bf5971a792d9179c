"""Other wordings of a table's row labels, with the spellings every site varies alike.

A site words a row's label its own way ("Best-paying city", "Top employer by pay",
"Years of experience needed"). Each table lists the wordings it knows; ``wordings``
adds, from closed lists only:

* the same words with a space for each hyphen ("top-paying city", "top paying city"),
  so the tables write compounds once, hyphenated;
* the tails a table names for a row ("needed", "score", "by pay"), which do not
  change what the row holds.

Labels are matched whole (or as the start of a text that goes on with a value), so
a wording never matches a sentence or a value. Longer wordings come first: the
first label a text starts with wins ("lgbtq+ share" before "lgbtq").
"""

from __future__ import annotations

from extractors._rows import Label, synonyms

#: Tails after a requirement's label: "Years of experience needed", "Degree required".
NEEDED = ("needed", "required")
#: Tails after a rating's label: "Job satisfaction score", "Satisfaction rating".
SCORE = ("score", "rating")
#: A year's pay as labour statistics word it, in the overview and the salary table alike.
ANNUAL_WAGES = (
    "median annual wage",
    "mean annual wage",
    "average annual wage",
    "annual wage",
    "yearly wage",
    "median wage",
    "average wage",
)
#: A tail after a best payer's label: "Top employer by pay".
BY_PAY = ("by pay",)


def wordings(
    key: str, keyword: str, *phrases: str, tails: tuple[str, ...] = ()
) -> tuple[Label, ...]:
    """Row ``key``'s ``phrases`` (lower-case, compounds hyphenated), each also with spaces
    for hyphens and with each of ``tails`` after it, longest first; each is found by
    ``keyword``, which every one of them holds."""
    spelled: dict[str, None] = {}
    for phrase in phrases:
        for base in (phrase, phrase.replace("-", " ")):
            spelled[base] = None
            for tail in tails:
                spelled[f"{base} {tail}"] = None
    if any(keyword not in words for words in spelled):
        raise ValueError(f"every wording of {key!r} must hold {keyword!r}")
    return synonyms(key, keyword, *sorted(spelled, key=len, reverse=True))
