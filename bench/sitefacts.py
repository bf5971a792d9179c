"""The facts of a generated benchmark site: many occupations, made up combinatorially.

An occupation's name is a seniority word, a specialty and a role ("senior pediatric
nurse", "lead cloud software engineer"); its facts are drawn from a random generator
seeded by its name, so an occupation has the same facts on every page it appears on
(the store keeps one row per occupation) and every run draws the same site. The
facts are ``fixtures.tools`` objects, so the fixture renderer draws the pages and
``fixtures.tools.expected`` says what the extractor must read from them.

Names avoid the words the extractor finds sections by ("salary", "skills",
"education", ...), acronyms and punctuation, so a page's record follows from its
facts alone.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from fixtures.tools import facts as f
from fixtures.tools.chrome import COLLEGES, MAJORS, STATES
from fixtures.tools.facts import Occupation
from fixtures.tools.pages import (
    CONSTRUCTION,
    FINANCE,
    HEALTHCARE,
    OFFICE,
    TECHNOLOGY,
    TRANSPORTATION,
    Category,
    ComparisonPage,
    Style,
)


@dataclass(frozen=True)
class Family:
    """A group of roles that share a category, specialties and the words of their facts."""

    category: Category
    roles: tuple[str, ...]
    specialties: tuple[str, ...]
    skills: tuple[str, ...]
    duties: tuple[str, ...]
    companies: tuple[str, ...]
    industries: tuple[str, ...]
    work: str  # what they do, for descriptions: "care for patients"


FAMILIES = (
    Family(
        HEALTHCARE,
        ("nurse", "medical assistant", "pharmacy technician", "phlebotomist", "physical therapist",
         "dental hygienist", "radiology technician", "respiratory therapist", "paramedic",
         "surgical technologist", "home health aide", "medical coder", "occupational therapist"),
        ("", "pediatric", "surgical", "emergency", "geriatric", "cardiac", "oncology",
         "rehabilitation", "hospice", "outpatient"),
        ("Patients", "Patient Care", "Vital Signs", "CPR", "Medical Terminology",
         "Infection Control", "Wound Care", "Patient Education", "Medication Administration",
         "Telemetry", "Electronic Health Records", "Phlebotomy"),
        ("Monitor vital signs and report changes to the attending physician.",
         "Administer medications and document every dose in the patient chart.",
         "Educate patients and families on care plans and follow-up visits.",
         "Prepare examination rooms and sterilize instruments between visits.",
         "Collect blood and tissue samples following lab protocols.",
         "Maintain accurate records in the electronic health record system.",
         "Coordinate discharge plans with case managers and social workers.",
         "Respond to emergencies and perform CPR when necessary.",
         "Follow infection control procedures and isolation precautions.",
         "Schedule appointments and verify insurance coverage for patients."),
        ("Kaiser Permanente", "Mayo Clinic", "Cleveland Clinic", "Sutter Health", "HCA Healthcare",
         "Providence", "Stanford Health Care"),
        ("Health Care", "Hospitals", "Pharmaceuticals"),
        "care for patients and support the clinical team",
    ),
    Family(
        OFFICE,
        ("administrative assistant", "receptionist", "office manager", "data entry clerk",
         "file clerk", "secretary", "scheduler", "office clerk", "records clerk",
         "customer service representative", "executive assistant"),
        ("", "legal", "medical", "front desk", "payroll", "sales", "facilities", "bilingual"),
        ("Customer Service", "Data Entry", "Microsoft Office", "Scheduling", "Phone Calls",
         "Filing", "Office Equipment", "Calendar Management", "Travel Arrangements",
         "Front Desk", "Spreadsheets", "Correspondence"),
        ("Answer phone calls and direct visitors to the right department.",
         "Manage calendars and schedule meetings for the management team.",
         "Enter and update records in the company database.",
         "Order office supplies and track the supply budget.",
         "Prepare correspondence, memos and reports for review.",
         "Organize physical and electronic filing systems.",
         "Arrange travel and process expense reports.",
         "Greet visitors and issue building badges.",
         "Take minutes at staff meetings and distribute them.",
         "Coordinate repairs of office equipment with vendors."),
        ("Robert Half", "Kelly Services", "Adecco", "Randstad", "JPMorgan Chase", "Deloitte"),
        ("Professional", "Government", "Retail"),
        "keep an office running and help the people around them",
    ),
    Family(
        TECHNOLOGY,
        ("software engineer", "web developer", "data analyst", "systems administrator",
         "network engineer", "database administrator", "software tester", "data scientist",
         "solutions architect", "support technician", "site reliability engineer"),
        ("", "cloud", "mobile", "embedded", "security", "backend", "frontend", "platform",
         "machine learning", "game"),
        ("Python", "Java", "JavaScript", "Linux", "Cloud Computing", "Troubleshooting",
         "Databases", "Software Development", "Web Services", "Version Control", "Automation",
         "Networking"),
        ("Design and implement services that handle millions of requests a day.",
         "Review code and mentor junior engineers on design and testing.",
         "Build deployment pipelines with automated unit and integration tests.",
         "Monitor production systems and respond to incidents.",
         "Write database migrations and tune slow queries.",
         "Document system architecture and onboarding guides.",
         "Migrate on-premises services to the cloud.",
         "Automate routine operations with scripts and scheduled jobs.",
         "Analyze logs and metrics to find the cause of failures.",
         "Estimate and plan sprints with product managers."),
        ("Google", "Microsoft", "Amazon", "Netflix", "Meta", "Salesforce", "Oracle"),
        ("Technology", "Finance", "Media"),
        "build and run the software and systems a business depends on",
    ),
    Family(
        CONSTRUCTION,
        ("electrician", "plumber", "carpenter", "welder", "pipefitter", "roofer", "painter",
         "mason", "heavy equipment operator", "construction laborer", "ironworker", "glazier"),
        ("", "commercial", "residential", "industrial", "maintenance", "journeyman", "union",
         "finish"),
        ("Hand Tools", "Power Tools", "Blueprint Reading", "Safety Procedures", "Construction",
         "Troubleshooting", "Building Codes", "Measurements", "Scaffolding", "Forklift",
         "Equipment Maintenance", "Site Preparation"),
        ("Read blueprints and plan the layout of each job.",
         "Install, repair and maintain systems to code.",
         "Inspect work areas for hazards before starting a job.",
         "Operate power tools and keep them in safe working order.",
         "Measure, cut and fit materials on site.",
         "Coordinate with other trades to keep the schedule on track.",
         "Estimate materials and labor for small projects.",
         "Train apprentices on safe work practices.",
         "Clean up job sites and dispose of waste properly.",
         "Test finished work and fix any defects found."),
        ("Bechtel", "Turner Construction", "Fluor", "Kiewit", "Skanska", "Quanta Services"),
        ("Construction", "Manufacturing", "Energy"),
        "build, install and repair the structures and systems people use every day",
    ),
    Family(
        FINANCE,
        ("accountant", "bookkeeper", "financial analyst", "auditor", "tax preparer",
         "accounting clerk", "loan officer", "bank teller", "controller", "actuary",
         "credit analyst", "budget analyst"),
        ("", "corporate", "forensic", "cost", "treasury", "mortgage", "commercial", "public"),
        ("Accounts Payable", "Accounts Receivable", "Reconciliation", "General Ledger",
         "Financial Statements", "Tax Returns", "Budgeting", "Financial Analysis", "Auditing",
         "Spreadsheets", "Payroll", "Forecasting"),
        ("Reconcile bank statements and general ledger accounts every month.",
         "Prepare financial statements and management reports.",
         "Process invoices, payments and expense reports.",
         "Prepare tax returns and respond to notices from tax authorities.",
         "Build budgets and forecasts with department managers.",
         "Review transactions for accuracy and compliance.",
         "Support external auditors during the annual audit.",
         "Analyze variances between budget and actual results.",
         "Maintain the chart of accounts and closing checklists.",
         "Evaluate loan applications and credit histories."),
        ("Goldman Sachs", "Wells Fargo", "Bank of America", "Ernst & Young", "KPMG", "PwC"),
        ("Finance", "Insurance", "Professional"),
        "keep the books, check the numbers and advise on money decisions",
    ),
    Family(
        TRANSPORTATION,
        ("truck driver", "delivery driver", "dispatcher", "forklift operator",
         "warehouse associate", "logistics coordinator", "shipping clerk", "material handler",
         "courier", "bus driver", "freight handler"),
        ("", "long haul", "local", "night shift", "regional", "hazmat", "flatbed", "cold chain"),
        ("Safe Driving", "Forklift", "Inventory", "Logistics", "Shipping", "Receiving",
         "Route Planning", "Pallet Jack", "Customer Service", "Loading", "Dispatching",
         "Warehouse Management"),
        ("Load and unload freight safely and on schedule.",
         "Inspect vehicles before and after every trip.",
         "Plan delivery routes and update customers on arrival times.",
         "Scan packages and keep inventory counts accurate.",
         "Operate forklifts and pallet jacks in busy aisles.",
         "Complete delivery paperwork and driver logs.",
         "Report damaged goods and file claims with carriers.",
         "Keep the warehouse clean and aisles clear.",
         "Coordinate pickups with carriers and suppliers.",
         "Secure loads with straps, blocks and covers."),
        ("Amazon", "UPS", "FedEx", "Walmart", "XPO Logistics", "J.B. Hunt", "Sysco"),
        ("Transportation", "Retail", "Logistics"),
        "move goods and people where they need to be, on time",
    ),
)  # fmt: skip

SENIORITIES = (
    "", "senior", "junior", "lead", "chief", "associate", "assistant", "staff", "principal",
    "head", "apprentice", "certified", "licensed", "traveling", "contract", "trainee",
)  # fmt: skip

GENERIC_SKILLS = ("Communication", "Teamwork", "Time Management", "Problem Solving", "Leadership")
GENERIC_DUTIES = (
    "Communicate clearly with supervisors, coworkers and customers.",
    "Follow company policies and safety rules at all times.",
    "Train new team members on daily procedures.",
    "Keep work areas organized and ready for the next shift.",
)
DEGREES = (
    "Bachelor's Degree",
    "Associate Degree",
    "High School Diploma",
    "Master's Degree",
    "Certificate",
)
CITIES = (
    ("San Jose", "CA"), ("Boston", "MA"), ("Seattle", "WA"), ("Austin", "TX"), ("Denver", "CO"),
    ("Brockton", "MA"), ("Newark", "NJ"), ("Anchorage", "AK"), ("Portland", "OR"),
    ("Chicago", "IL"), ("Atlanta", "GA"), ("Minneapolis", "MN"), ("Hartford", "CT"),
)  # fmt: skip
TIMES = (f.YEARS_2_4, f.YEARS_4_6, f.YEARS_1_2, f.ONE_YEAR, f.MONTHS_6_12, f.MONTHS_3_6)


@dataclass(frozen=True)
class Role:
    """An occupation's name and the family it belongs to."""

    name: str
    family: Family


def all_roles() -> list[Role]:
    """Every combination of seniority, specialty and role, in a fixed order."""
    roles = []
    for family in FAMILIES:
        for specialty in family.specialties:
            for role in family.roles:
                for seniority in SENIORITIES:
                    name = " ".join(w for w in (seniority, specialty, role) if w)
                    roles.append(Role(name, family))
    return roles


def occupation(role: Role) -> Occupation:
    """The facts of ``role``, the same on every call (drawn from a generator seeded by name)."""
    rng = random.Random(f"occupation:{role.name}")
    family, name = role.family, role.name
    title = " ".join(word.capitalize() for word in name.split())
    yearly = rng.randrange(24_000, 160_000)
    low = int(yearly * rng.uniform(0.6, 0.85)) // 1000 * 1000
    high = int(yearly * rng.uniform(1.2, 1.5)) // 1000 * 1000
    skills = _skills(rng, family)
    city, city_state = rng.choice(CITIES)
    male = round(rng.uniform(5, 95), 1)
    return Occupation(
        name=name,
        title=title,
        article="an" if name[0] in "aeiou" else "a",
        time_to_become=rng.choice(TIMES),
        top_skills=tuple(_as_written(n) for n, _ in skills[:3]),  # type: ignore[arg-type]
        description=_description(rng, name, family),
        responsibilities=tuple(rng.sample(family.duties + GENERIC_DUTIES, rng.randint(5, 10))),
        skills=skills,
        yearly_salary=yearly,
        hourly_rate=round(yearly / 2080, 2),
        growth_pct=rng.randint(-8, 18),
        job_count=rng.randrange(1_000, 600_000),
        satisfaction=round(rng.uniform(2.5, 4.8), 1) if rng.random() < 0.3 else None,
        degree=rng.choice(DEGREES),
        degree_pct=rng.randint(20, 75),
        avg_age=rng.randint(28, 52),
        experience_years=rng.randint(1, 12),
        salary_range=(low, high),
        city=city,
        city_state=city_state,
        state=rng.choice(STATES),
        company=rng.choice(family.companies),
        industry=rng.choice(family.industries),
        major=rng.choice(MAJORS),
        college=rng.choice(COLLEGES),
        lgbt_pct=rng.randint(3, 14),
        gender=(male, round(100 - male, 1)),
        race=_race(rng),
    )


def _as_written(skill: str) -> str:
    """How the intro writes a skill: lower-case, acronyms kept."""
    return skill if skill.isupper() else skill.lower()


def _skills(rng: random.Random, family: Family) -> tuple[tuple[str, int], ...]:
    names = rng.sample(family.skills + GENERIC_SKILLS, rng.randint(6, 9))
    shares = sorted((rng.randint(2, 32) for _ in names), reverse=True)
    return tuple(zip(names, shares, strict=True))


def _description(rng: random.Random, name: str, family: Family) -> tuple[str, ...]:
    article = "An" if name[0] in "aeiou" else "A"
    first = (
        f"{article} {name} works to {family.work}. Most of the day goes to the tasks listed "
        f"below, and the rest to meetings, training and paperwork."
    )
    more = [
        f"Many {name}s start in a related role and move up after a few years of experience. "
        "Employers value people who are reliable, careful and easy to work with.",
        f"The work of {article.lower()} {name} changes with the employer: a large organization "
        "splits it among several people, while a small one expects one person to do it all.",
    ]
    return (first, *more[: rng.randint(0, 2)])


def _race(rng: random.Random) -> tuple[float, float, float, float, float, float]:
    """Six shares in tenths of a percent that sum to exactly 100."""
    weights = [rng.uniform(0.2, 1.0) for _ in range(5)] + [0.02]
    total = sum(weights)
    tenths = [max(1, round(w / total * 1000)) for w in weights]
    tenths[4] += 1000 - sum(tenths)  # the largest group absorbs the rounding
    a, b, c, d, e, g = (t / 10 for t in tenths)
    return (a, b, c, d, e, g)


@dataclass(frozen=True)
class SitePlan:
    """Which comparison pages a site of ``pages`` pages has, drawn from ``seed``."""

    pages: int
    seed: int = 2025

    def occupations(self) -> list[Role]:
        """The site's occupations: about one for every eight pages (at least 24)."""
        count = max(24, math.ceil(self.pages / 8))
        roles = all_roles()
        if count > len(roles):
            raise ValueError(f"at most {len(roles)} occupations can be made, not {count}")
        random.Random(f"roles:{self.seed}").shuffle(roles)
        return roles[:count]

    def comparisons(self) -> list[ComparisonPage]:
        """``pages`` comparison pages with distinct pairs and varied markup, in site order."""
        roles = self.occupations()
        by_category: dict[str, list[Role]] = {}
        for role in roles:
            by_category.setdefault(role.family.category.slug, []).append(role)
        rng = random.Random(f"pairs:{self.seed}")
        seen: set[tuple[str, str]] = set()
        facts: dict[str, Occupation] = {}
        pages: list[ComparisonPage] = []
        while len(pages) < self.pages:
            a = rng.choice(roles)
            same = by_category[a.family.category.slug]
            b = rng.choice(same) if rng.random() < 0.7 and len(same) > 1 else rng.choice(roles)
            if a.name == b.name or (a.name, b.name) in seen or (b.name, a.name) in seen:
                continue
            seen.add((a.name, b.name))
            for role in (a, b):
                if role.name not in facts:
                    facts[role.name] = occupation(role)
            pages.append(_page(rng, facts[a.name], facts[b.name], a.family.category))
        return pages


def _page(rng: random.Random, a: Occupation, b: Occupation, category: Category) -> ComparisonPage:
    """One comparison page of ``a`` and ``b`` with markup quirks drawn from ``rng``."""
    style: Style = rng.choice(("table", "grid", "defs"))
    return ComparisonPage(
        name=f"{a.slug}-vs-{b.slug}",
        a=a,
        b=b,
        style=style,
        category=category,
        note="generated for the benchmark",
        heading_level=rng.choice((2, 2, 3)),
        intro=rng.choice(("seed", "requires", "whereas")),
        oxford=(rng.random() < 0.5, rng.random() < 0.5),
        apostrophe=rng.choice(("plain", "plain", "curly", "entity")),
        nbsp=rng.random() < 0.2,
        ragged=rng.random() < 0.2,
        thead=style == "table" and rng.random() < 0.5,
        visible_duties=rng.randint(3, 6),
    )
