"""Record comparison for the benchmark's checks."""

from __future__ import annotations

from bench.compare import differences


def _record(**occupation: object) -> dict[str, object]:
    return {
        "url": None,
        "title": "A vs b",
        "occupations": [{"slug": "a", "share_pct": 1.0, **occupation}],
        "issues": [{"section": "skills", "severity": "warning", "message": "one"}],
    }


def test_equal_records_have_no_differences() -> None:
    assert differences(_record(), _record()) == []


def test_issue_messages_are_not_compared_but_sections_are() -> None:
    other = _record()
    other["issues"] = [{"section": "skills", "severity": "warning", "message": "two"}]
    assert differences(other, _record()) == []
    other["issues"] = [{"section": "duties", "severity": "warning", "message": "one"}]
    assert len(differences(other, _record())) == 1


def test_values_lists_and_floats() -> None:
    assert differences(_record(share_pct=1.0 + 1e-12), _record()) == []
    assert differences(_record(share_pct=1.1), _record()) == [
        "occupations[0].share_pct: 1.0 != 1.1"
    ]
    assert differences(_record(share_pct="1.0"), _record()) != []
    assert differences(_record(skills=[1]), _record(skills=[1, 2])) == [
        "occupations[0].skills: 2 items != 1 items"
    ]
    assert differences(_record(extra=None), _record()) == []  # absent and null are alike
    assert differences(_record(extra=0), _record()) == ["occupations[0].extra: None != 0"]
