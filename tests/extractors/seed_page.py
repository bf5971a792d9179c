"""The seed page's facts, its expected record, and the same page rendered in many markups.

The facts are transcribed by hand from /work/shared/seed (the visible text of
one real page); the expected record is SPEC section 2's example for A, and B's
values read from the same text. ``render`` lays the facts out as tables, div
grids, definition lists, cards, bold-div headings and more, inside realistic
boilerplate (menus that say "Salary", a JSON blob with the labels, related
comparisons, a footer), so tests can check the extractor on markups nobody
has seen, not only on the fixture pages.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from typing import Any

A, B = "Patient coordinator", "certified medical technician"
TITLE = f"{A} vs {B}"
HEADER = ("Patient Coordinator", "Certified Medical Technician")

INTRO = [
    "The differences between patient coordinators and certified medical technicians can be "
    "seen in a few details. Each job has different responsibilities and duties. While it "
    "typically takes 2-4 years to become a patient coordinator, becoming a certified medical "
    "technician takes usually requires 6-12 months. Additionally, a certified medical "
    "technician has an average salary of $38,859, which is higher than the $32,954 average "
    "annual salary of a patient coordinator.",
    "The top three skills for a patient coordinator include patients, customer service and "
    "patient care. The most important skills for a certified medical technician are "
    "patients, vital signs, and CPR.",
]

OVERVIEW = [
    ("Yearly salary", "$32,954", "$38,859"),
    ("Hourly rate", "$15.84", "$18.68"),
    ("Growth rate", "-4%", "5%"),
    ("Number of jobs", "97,878", "164,424"),
    ("Job satisfaction", "-", "-"),
    ("Most common degree", "Bachelor's Degree, 40%", "Bachelor's Degree, 28%"),
    ("Average age", "40", "44"),
    ("Years of experience", "4", "12"),
]

DESCRIPTIONS = (
    [
        "A patient coordinator functions as the primary point of contact between health care "
        "professionals and patients in a medical facility. They mostly perform administrative "
        "tasks such as greeting visitors, answering calls, responding to inquiries, managing "
        "schedules, arranging appointments, processing payments, gathering information, and "
        "keeping records. Moreover, they assist in filling out forms, escorting patients to "
        "different rooms or offices, and setting treatment plans. Most importantly, they discuss "
        "and share necessary information with patients and families regarding medications, "
        "procedures, and proceeding care according to a physician's assessment."
    ],
    [
        "Certified Medical Technicians are specialists in medical diagnoses by performing "
        "laboratory testing and analysis for hospitals and physicians. Their duties include lab "
        "sanitization to prepare for testing and collection, recording medical samples for "
        "testing, specimen preparation, blood drawing for donation and testing, and assisting "
        "physicians with sample collection as well as equipment handling in surgical rooms. They "
        "must also understand how to use complex and sensitive testing equipment such as cell "
        "counters, analyzers, microscopes, and centrifuges."
    ],
)

SALARY_INTRO = (
    "Patient coordinators and certified medical technicians have different pay scales, "
    "as shown below."
)
SALARY = [
    ("Average salary", "$32,954", "$38,859"),
    ("Salary range", "Between $25,000 And $41,000", "Between $28,000 And $53,000"),
    ("Highest paying City", "Brockton, MA", "Denton, TX"),
    ("Highest paying state", "Massachusetts", "Alaska"),
    ("Best paying company", "University of California, Berkeley", "Favorite Healthcare Staffing"),
    ("Best paying industry", "Health Care", "Health Care"),
]

EDUCATION_INTRO = (
    "There are a few differences between a patient coordinator and a certified medical "
    "technician in terms of educational background:"
)
EDUCATION = [
    ("Most common degree", "Bachelor's Degree, 40%", "Bachelor's Degree, 28%"),
    ("Most common major", "Business", "Nursing"),
    ("Most common college", "University of Pennsylvania", "University of Connecticut"),
]

DEMOGRAPHICS_INTRO = (
    "Here are the differences between patient coordinators' and certified medical "
    "technicians' demographics:"
)
GENDER = ([("Male", "11.2%"), ("Female", "88.8%")], [("Male", "20.4%"), ("Female", "79.6%")])
RACE = (
    [
        ("Black or African American", "11.1%"),
        ("Unknown", "5.3%"),
        ("Hispanic or Latino", "25.4%"),
        ("Asian", "6.2%"),
        ("White", "51.4%"),
        ("American Indian and Alaska Native", "0.7%"),
    ],
    [
        ("Black or African American", "15.9%"),
        ("Unknown", "5.0%"),
        ("Hispanic or Latino", "14.6%"),
        ("Asian", "10.0%"),
        ("White", "53.8%"),
        ("American Indian and Alaska Native", "0.8%"),
    ],
)
DEMOGRAPHICS = [
    ("Average age", "40", "44"),
    ("Gender ratio", GENDER[0], GENDER[1]),
    ("Race ratio", RACE[0], RACE[1]),
    ("LGBT Percentage", "7%", "8%"),
]

RESPONSIBILITIES = (
    [
        "Comply with HIPAA regulations by discreetly and professionally handling all patients "
        "private medical information.",
        "Gather personal plus insurance information and perform thorough insurance breakdowns "
        "for patients.",
        "Communicate directly with patients to obtain initial patient information and respond "
        "to inquiries.",
        "Process and update HIPAA relate paperwork and other require institutional forms as "
        "necessary.",
        "Obtain all necessary documentation prior to surgery such as proof of identification, "
        "copy of insurance and require insurance referrals.",
        "Respond in writing to all grievances in accordance with CMS and DNV guidelines.",
    ],
    [
        "Maintain the cleanliness of storage areas, trays, centrifuges, refrigerators, freezers "
        "and work area.",
        "Administer medications to patients according to their medication record as scheduled, "
        "as needed according to physician orders.",
        "Perform laboratory test and procedures in areas including chemistry, hematology, "
        "urinalysis, coagulation, serology, and bacteriology.",
        "Perform first aid and apply CPR when necessary.",
        "Perform first aid or CPR during medical emergencies until paramedics arrive.",
        "Assist the residents in their ADL needs and prepare their meals.",
    ],
)
#: How many of each list sit behind "Show more" (hidden in the DOM) in ``render``.
HIDDEN_COUNT = 2

SKILLS = (
    [
        ("Patients", "30%"),
        ("Customer Service", "11%"),
        ("Patient Care", "6%"),
        ("Patient Flow", "5%"),
        ("Excellent Organizational", "4%"),
        ("Check-In", "3%"),
    ],
    [
        ("Patients", "17%"),
        ("Vital Signs", "12%"),
        ("CPR", "8%"),
        ("Administer Medications", "7%"),
        ("Resident Care", "6%"),
        ("HIPAA", "6%"),
    ],
)
BROWSE = "Browse office and administrative jobs"


def _shares(pairs: list[tuple[str, float]]) -> list[dict[str, Any]]:
    return [{"category": name, "share_pct": pct} for name, pct in pairs]


def _skills(pairs: list[tuple[str, float]]) -> list[dict[str, Any]]:
    return [{"name": name, "share_pct": pct} for name, pct in pairs]


#: The record SPEC section 2 gives for the seed page (B's values read from the seed text).
EXPECTED_OCCUPATIONS: list[dict[str, Any]] = [
    {
        "slug": "patient-coordinator",
        "title": "Patient Coordinator",
        "description": DESCRIPTIONS[0][0],
        "time_to_become_min_months": 24,
        "time_to_become_max_months": 48,
        "top_skills": ["patients", "customer service", "patient care"],
        "yearly_salary_usd": 32954,
        "hourly_rate_usd": 15.84,
        "growth_rate_pct": -4.0,
        "job_count": 97878,
        "job_satisfaction": None,
        "top_degree": "Bachelor's Degree",
        "top_degree_pct": 40.0,
        "avg_age_years": 40,
        "experience_years": 4,
        "salary_min_usd": 25000,
        "salary_max_usd": 41000,
        "highest_paying_city": "Brockton",
        "highest_paying_city_state": "MA",
        "highest_paying_state": "Massachusetts",
        "best_paying_company": "University of California, Berkeley",
        "best_paying_industry": "Health Care",
        "top_major": "Business",
        "top_college": "University of Pennsylvania",
        "lgbt_pct": 7.0,
        "gender": _shares([("Male", 11.2), ("Female", 88.8)]),
        "race": _shares(
            [
                ("Black or African American", 11.1),
                ("Unknown", 5.3),
                ("Hispanic or Latino", 25.4),
                ("Asian", 6.2),
                ("White", 51.4),
                ("American Indian and Alaska Native", 0.7),
            ]
        ),
        "responsibilities": RESPONSIBILITIES[0],
        "skills": _skills(
            [
                ("Patients", 30.0),
                ("Customer Service", 11.0),
                ("Patient Care", 6.0),
                ("Patient Flow", 5.0),
                ("Excellent Organizational", 4.0),
                ("Check-In", 3.0),
            ]
        ),
    },
    {
        "slug": "certified-medical-technician",
        "title": "Certified Medical Technician",
        "description": DESCRIPTIONS[1][0],
        "time_to_become_min_months": 6,
        "time_to_become_max_months": 12,
        "top_skills": ["patients", "vital signs", "CPR"],
        "yearly_salary_usd": 38859,
        "hourly_rate_usd": 18.68,
        "growth_rate_pct": 5.0,
        "job_count": 164424,
        "job_satisfaction": None,
        "top_degree": "Bachelor's Degree",
        "top_degree_pct": 28.0,
        "avg_age_years": 44,
        "experience_years": 12,
        "salary_min_usd": 28000,
        "salary_max_usd": 53000,
        "highest_paying_city": "Denton",
        "highest_paying_city_state": "TX",
        "highest_paying_state": "Alaska",
        "best_paying_company": "Favorite Healthcare Staffing",
        "best_paying_industry": "Health Care",
        "top_major": "Nursing",
        "top_college": "University of Connecticut",
        "lgbt_pct": 8.0,
        "gender": _shares([("Male", 20.4), ("Female", 79.6)]),
        "race": _shares(
            [
                ("Black or African American", 15.9),
                ("Unknown", 5.0),
                ("Hispanic or Latino", 14.6),
                ("Asian", 10.0),
                ("White", 53.8),
                ("American Indian and Alaska Native", 0.8),
            ]
        ),
        "responsibilities": RESPONSIBILITIES[1],
        "skills": _skills(
            [
                ("Patients", 17.0),
                ("Vital Signs", 12.0),
                ("CPR", 8.0),
                ("Administer Medications", 7.0),
                ("Resident Care", 6.0),
                ("HIPAA", 6.0),
            ]
        ),
    },
]
EXPECTED_BROWSE_CATEGORY = "office and administrative"


# --- rendering ---------------------------------------------------------------

E = html.escape


def _value_html(value: Any, style: str) -> str:
    """A cell's value; breakdowns become one span per category in some styles."""
    if isinstance(value, list):
        if style in ("grid", "cards", "columns"):
            return "".join(
                f'<span class="q-{i}"><b>{E(name)}</b>, <i>{E(pct)}</i></span>'
                for i, (name, pct) in enumerate(value)
            )
        return " ".join(f"{E(name)}, {E(pct)}" for name, pct in value)
    if style == "grid" and value.startswith("$"):
        return f'<span class="c-cur">$</span><span class="c-amt">{E(value[1:])}</span>'
    return E(value)


def _table(rows: list[tuple[str, Any, Any]], style: str, header: str = "thead") -> str:
    """One section's rows in the given markup style."""
    a, b = HEADER
    if style == "table":
        head = f"<tr><th></th><th>{a}</th><th>{b}</th></tr>"
        body = "".join(
            f"<tr><td>{E(label)}</td><td>{_value_html(x, style)}</td>"
            f"<td>{_value_html(y, style)}</td></tr>"
            for label, x, y in rows
        )
        if header == "thead":
            return f"<table><thead>{head}</thead><tbody>{body}</tbody></table>"
        if header == "none":
            return f"<table><tbody>{body}</tbody></table>"
        return f"<table><tbody>{head}{body}</tbody></table>"
    if style == "th":
        head = f'<tr><td></td><th scope="col">{a}</th><th scope="col">{b}</th></tr>'
        body = "".join(
            f'<tr><th scope="row">{E(label)}</th><td>{_value_html(x, style)}</td>'
            f"<td>{_value_html(y, style)}</td></tr>"
            for label, x, y in rows
        )
        return f"<table>{head}{body}</table>"
    if style == "grid":
        head = (
            f'<div class="r-8f2a"><div class="c-1x"></div><div class="c-1x"><span>{a}</span>'
            f'</div><div class="c-1x"><span>{b}</span></div></div>'
        )
        body = "".join(
            f'<div class="r-8f2a"><div class="c-9fa2x1"><span class="l-0">{E(label)}</span></div>'
            f'<div class="c-9fa2x1"><div><span class="v-3">{_value_html(x, style)}</span></div>'
            f'</div><div class="c-9fa2x1"><div><span class="v-3">{_value_html(y, style)}</span>'
            "</div></div></div>"
            for label, x, y in rows
        )
        return f'<div class="g-77d1">{head}{body}</div>'
    if style == "dl":
        head = f"<div><span></span><strong>{a}</strong><strong>{b}</strong></div>"
        body = "".join(
            f"<dt>{E(label)}</dt><dd>{_value_html(x, style)}</dd><dd>{_value_html(y, style)}</dd>"
            for label, x, y in rows
        )
        return f"{head}<dl>{body}</dl>"
    if style == "cards":
        cards = []
        for index, name in enumerate(HEADER):
            items = "".join(
                f"<li><span>{E(row[0])}:</span> {_value_html(row[1 + index], style)}</li>"
                for row in rows
            )
            cards.append(f'<div class="k-{index}"><h4>{name}</h4><ul>{items}</ul></div>')
        return f'<div class="k-wrap">{"".join(cards)}</div>'
    if style == "columns":
        labels = "".join(f"<div>{E(label)}</div>" for label, _, _ in rows)
        columns = "".join(
            f'<div class="col-{i}"><div>{name}</div>'
            + "".join(f"<div>{_value_html(row[1 + i], style)}</div>" for row in rows)
            + "</div>"
            for i, name in enumerate(HEADER)
        )
        return f'<div class="t"><div class="labels"><div></div>{labels}</div>{columns}</div>'
    if style == "wrappers":
        body = "".join(
            f'<div class="row"><div><div><span>{E(label)}</span></div></div>'
            f'<div class="vals"><div>{_value_html(x, style)}</div>'
            f"<div>{_value_html(y, style)}</div></div></div>"
            for label, x, y in rows
        )
        head = f'<div class="row"><div></div><div><div>{a}</div><div>{b}</div></div></div>'
        return f"<div>{head}{body}</div>"
    raise ValueError(f"unknown style {style!r}")


def _list(items: list[str], hidden: str, show_more: bool = True) -> str:
    """A list whose last HIDDEN_COUNT items are hidden behind a "Show more" control."""
    visible = items[: len(items) - HIDDEN_COUNT]
    rest = items[len(items) - HIDDEN_COUNT :]
    attrs = {
        "hidden": " hidden",
        "display": ' style="display:none"',
        "aria": ' aria-hidden="true"',
        "class": ' class="is-collapsed"',
    }[hidden]
    out = "".join(f"<li>{E(item)}</li>" for item in visible)
    out += "".join(f"<li{attrs}>{E(item)}</li>" for item in rest)
    if show_more:
        out += '<li class="more"><button type="button">Show more</button></li>'
    return f"<ul>{out}</ul>"


def _heading(text: str, level: int, style: str) -> str:
    if style == "h":
        return f"<h{level}>{E(text)}</h{level}>"
    if style == "role":
        return f'<div role="heading" aria-level="{level}" class="h-{level}x">{E(text)}</div>'
    if style == "bold":
        return f'<div class="t-{level}"><b>{E(text)}</b></div>'
    if style == "span":
        return f'<p><span style="font-weight:700">{E(text)}</span></p>'
    raise ValueError(f"unknown heading style {style!r}")


def render(
    style: str = "table",
    headings: str = "h",
    wrap_sections: bool = True,
    boilerplate: bool = True,
    hidden: str = "hidden",
    header: str = "thead",
    overrides: dict[str, Callable[[str], str]] | None = None,
) -> str:
    """The seed page as HTML in one markup ``style`` (see ``_table``) and heading style.

    ``overrides`` maps a section name to a function that rewrites its HTML.
    """
    h = lambda text, level=2: _heading(text, level, headings)  # noqa: E731
    sections: dict[str, str] = {}
    sections["intro"] = "".join(f"<p>{E(p)}</p>" for p in INTRO)
    sections["overview"] = h(f"{TITLE} overview") + _table(OVERVIEW, style, header)
    for index, name in enumerate((A.lower(), B)):
        sections[f"description:{index}"] = h(f"What does a {name} do?") + "".join(
            f"<p>{E(p)}</p>" for p in DESCRIPTIONS[index]
        )
    sections["salary"] = h(f"{TITLE} salary") + f"<p>{E(SALARY_INTRO)}</p>" + _table(SALARY, style)
    sections["education"] = (
        h(f"Differences between {A.lower()} and {B} education")
        + f"<p>{E(EDUCATION_INTRO)}</p>"
        + _table(EDUCATION, style)
    )
    sections["demographics"] = (
        h(f"{TITLE} demographics") + f"<p>{E(DEMOGRAPHICS_INTRO)}</p>" + _table(DEMOGRAPHICS, style)
    )
    sections["duties"] = (
        h(f"Differences between {A.lower()} and {B} duties and responsibilities")
        + f"<p><strong>{A} example responsibilities.</strong></p>"
        + _list(RESPONSIBILITIES[0], hidden)
        + f"<p><strong>{B[0].upper() + B[1:]} example responsibilities.</strong></p>"
        + _list(RESPONSIBILITIES[1], hidden)
    )
    sections["skills"] = h(f"{TITLE} skills") + "".join(
        f'<div class="s-{i}">{h(f"Common {name} skills", 3)}'
        + _list([f"{s}, {p}" for s, p in SKILLS[i]], hidden)
        + "</div>"
        for i, name in enumerate((A.lower(), B))
    )
    sections["browse"] = f'<p><a href="/office-jobs/">{E(BROWSE)}</a></p>'
    for name, rewrite in (overrides or {}).items():
        sections[name] = rewrite(sections[name])
    if wrap_sections:
        main = "".join(
            f'<section class="x{i}">{body}</section>' for i, body in enumerate(sections.values())
        )
    else:
        main = "".join(sections.values())
    article = (
        f'<main><article><h1>{E(TITLE)}</h1><div class="byline">Updated</div>{main}'
        "</article></main>"
    )
    if not boilerplate:
        head = f"<head><title>{E(TITLE)}</title></head>"
        return f"<!doctype html><html>{head}<body>{article}</body></html>"
    return _page(article)


def _page(article: str) -> str:
    blob = json.dumps(
        {
            "labels": ["Yearly salary", "Hourly rate", "Average age"],
            "occupation": A,
            "headings": [f"{TITLE} salary", f"{TITLE} overview"],
        }
    )
    nav_groups = "".join(
        f"<li><h3>{group}</h3><ul>"
        + "".join(
            f'<li><a href="/{group.lower()}/{i}">{group} {word}</a></li>'
            for i, word in enumerate(("guide", "by state", "by city", "calculator"))
        )
        + "</ul></li>"
        for group in ("Salary", "Skills", "Education", "Demographics", "Overview")
    )
    related = "".join(
        f'<li><a href="/patient-coordinator-jobs/patient-coordinator-vs-job-{i}-differences">'
        f"{A} vs job {i}</a></li>"
        for i in range(12)
    )
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        f"<title>{E(TITLE)} | Careers</title>"
        f'<script type="application/ld+json">{blob}</script>'
        "<style>.c-9fa2x1{display:flex}.is-collapsed{display:none}</style>"
        "<script>window.dataLayer=[];function show(){}</script></head><body>"
        '<div class="cookie">We use cookies. <button>Accept</button></div>'
        f'<header><nav><ul class="menu">{nav_groups}</ul></nav></header>'
        '<nav aria-label="breadcrumb"><a href="/">Home</a> &rsaquo; <a href="/x">Salary</a></nav>'
        f"{article}"
        '<div class="ad"><iframe src="about:blank"></iframe></div>'
        f"<aside><h2>Related comparisons</h2><ul>{related}</ul></aside>"
        "<noscript><p>Yearly salary $1</p></noscript>"
        "<footer><h4>Salary</h4><ul><li><a href='/s'>Salary</a></li></ul>"
        "<h4>Skills</h4><p>Browse all jobs</p></footer></body></html>"
    )


# --- tiny pages for one-behaviour tests -----------------------------------------


def mini_page(body: str, title: str = TITLE, head: str = "") -> str:
    """A minimal comparison page: an h1 "A vs B" and ``body`` after it."""
    return (
        f"<!doctype html><html><head><title>{E(title)}</title>{head}</head>"
        f"<body><main><h1>{E(title)}</h1>{body}</main></body></html>"
    )


def record(body: str, title: str = TITLE) -> Any:
    """The record ``extract_page`` makes of ``mini_page(body)``."""
    from extractors import extract_page

    return extract_page(mini_page(body, title))


def issue_pairs(rec: Any) -> set[tuple[str, str]]:
    """The (section, severity) pairs of a record's issues."""
    return {(issue.section, issue.severity) for issue in rec.issues}


def issues_of(rec: Any, section: str) -> list[str]:
    """The messages of a record's issues about ``section``."""
    return [issue.message for issue in rec.issues if issue.section == section]
