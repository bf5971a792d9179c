"""Sections laid out as tabs: a tab's words head the panel it controls."""

from __future__ import annotations

import pytest
from seed_page import TITLE, record

ROWS = (
    "<table><tr><td></td><td>Patient Coordinator</td><td>Certified Medical Technician</td></tr>"
    "<tr><td>{label}</td><td>{a}</td><td>{b}</td></tr></table>"
)


def _tabbed(panels: list[tuple[str, str]], by_label: bool = False) -> str:
    """A tab list then its panels, the first shown, the rest hidden."""
    tabs = "".join(
        f"<button role='tab' id='t{index}'"
        + ("" if by_label else f" aria-controls='p{index}'")
        + f">{name}</button>"
        for index, (name, _) in enumerate(panels)
    )
    bodies = "".join(
        f"<div role='tabpanel' id='p{index}' aria-labelledby='t{index}'"
        + (" hidden" if index else "")
        + f">{body}</div>"
        for index, (_, body) in enumerate(panels)
    )
    return f"<div role='tablist'>{tabs}</div>{bodies}"


@pytest.mark.parametrize("by_label", [False, True])
def test_the_tabs_words_are_the_only_heading_of_each_panel(by_label: bool) -> None:
    rec = record(
        _tabbed(
            [
                ("Overview", ROWS.format(label="Hourly rate", a="$15.84", b="$18.68")),
                ("Salary", ROWS.format(label="Best paying industry", a="Health Care", b="Retail")),
                ("Demographics", ROWS.format(label="LGBT Percentage", a="7%", b="8%")),
            ],
            by_label=by_label,
        )
    )
    a, b = rec.occupations
    assert (a.hourly_rate_usd, b.hourly_rate_usd) == (15.84, 18.68)
    assert (a.best_paying_industry, b.best_paying_industry) == ("Health Care", "Retail")
    assert (a.lgbt_pct, b.lgbt_pct) == (7.0, 8.0)


def test_a_panel_with_its_own_heading_keeps_it() -> None:
    rec = record(
        _tabbed(
            [
                (
                    "Salary",
                    f"<h2>{TITLE} salary</h2>"
                    + ROWS.format(label="Best paying industry", a="Health Care", b="Retail"),
                ),
                ("Skills", "<p>Nothing yet.</p>"),
            ]
        )
    )
    assert [o.best_paying_industry for o in rec.occupations] == ["Health Care", "Retail"]


def test_tabs_that_name_no_section_add_no_heading() -> None:
    """One tab per occupation (its name) heads no section."""
    rec = record(
        f"<h2>{TITLE} overview</h2>"
        + _tabbed(
            [
                ("Patient coordinator", "<p>Yearly salary: $32,954</p>"),
                ("Certified medical technician", "<p>Yearly salary: $38,859</p>"),
            ]
        )
    )
    assert [o.yearly_salary_usd for o in rec.occupations] == [32954, 38859]
