"""Value normalizers: small pure functions from a cell's text to a typed value.

Every function takes text as the page shows it (already entity-decoded by the
parser) and returns ``None`` for an absent value ("", "-", "--", "N/A", ...),
never 0. None of them raises on bad text.
"""

from __future__ import annotations

import re
from collections.abc import Collection

# --- text -------------------------------------------------------------------

#: Characters replaced in every text: typographic quotes become plain ones, the
#: minus sign a hyphen, and invisible characters go. White space (non-breaking
#: spaces too) is handled by ``str.split``.
_REPLACEMENTS = (
    ("\u2018", "'"),  # left single quote
    ("\u2019", "'"),  # right single quote / apostrophe
    ("\u201a", "'"),
    ("\u201b", "'"),
    ("\u2032", "'"),  # prime
    ("\u00b4", "'"),  # acute accent used as an apostrophe
    ("\u02bc", "'"),  # modifier letter apostrophe
    ("\u201c", '"'),
    ("\u201d", '"'),
    ("\u201e", '"'),
    ("\u201f", '"'),
    ("\u2033", '"'),
    ("\u00ab", '"'),
    ("\u00bb", '"'),
    ("\u2212", "-"),  # minus sign
    ("\u200b", ""),  # zero-width space
    ("\u200c", ""),
    ("\u200d", ""),
    ("\u2060", ""),
    ("\ufeff", ""),
    ("\u00ad", ""),  # soft hyphen
    ("\x00", ""),
    # Footnote marks written as characters after a figure or a word ("$44,190¹", "Growth
    # rate²", "-4%†"): superscript digits and daggers, never words of a career page.
    *(
        (mark, "")
        for mark in "\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079\u2020\u2021"
    ),
)
#: Any character ``clean_text`` replaces or drops (a cheap test before the replacements).
_SPECIAL = re.compile("[" + "".join(char for char, _ in _REPLACEMENTS) + "\u2009\u202f\u00a7]")
#: A thin or narrow no-break space between digit groups: a thousands separator ("97 878").
_GROUP_SPACE = re.compile(r"(?<=\d)[\u2009\u202f](?=\d{3}(?!\d))")
#: A section sign touching the word before it, a footnote mark ("Washington, DC§").
_SECTION_MARK = re.compile(r"(?<=\S)\u00a7")
#: Spaces before closing punctuation, and after an opening one or a currency sign.
_TIDY = re.compile(r"\s+(?=[,.;:!?%)\]])|(?<=[($\[])\s+")
#: What ``tidy_spacing`` unspaces: closing punctuation, and opening ones or a currency sign
#: (the chain of replacements there spells these out).
_CLOSERS = ",.;:!?%)]"
_OPENERS = "($["

_NULL_PADDING = " .\t\n\r\xa0*\u2020\u2021"  # and footnote marks: "N/A*"
#: Texts that mean "no value" in a cell.
NULL_TEXTS = frozenset(
    {
        "",
        "-",
        "--",
        "---",
        "\u2013",
        "\u2014",
        "n/a",
        "na",
        "none",
        "null",
        "not available",
        "unavailable",
        "no data",
        "no data available",
        "data not available",
    }
)
_NULL_DASHES = "-\u2013\u2014 "
_MAX_NULL_CHARS = 32


def clean_text(text: str) -> str:
    """Plain quotes, no zero-width characters nor footnote marks, no space inside a figure
    ("97 878" with a narrow space is 97878), one space for every run of white space."""
    if not text.isascii() and _SPECIAL.search(text) is not None:
        if "\u2009" in text or "\u202f" in text:
            text = _GROUP_SPACE.sub("", text)
        if "\u00a7" in text:
            text = _SECTION_MARK.sub("", text)
        for char, replacement in _REPLACEMENTS:
            if char in text:
                text = text.replace(char, replacement)
    return " ".join(text.split())


def tidy_spacing(text: str) -> str:
    """Undo spaces that joining separate elements put before punctuation or after ``$``/``(``."""
    if " " not in text:
        return text
    if "  " in text or "\n" in text or "\t" in text:
        return _TIDY.sub("", text)
    # One space at most: plain replacing is cheaper than the pattern, and one chain of
    # replacements (each a no-op when its pair is absent) cheaper than a loop over them.
    return (
        text.replace(" ,", ",")
        .replace(" .", ".")
        .replace(" ;", ";")
        .replace(" :", ":")
        .replace(" !", "!")
        .replace(" ?", "?")
        .replace(" %", "%")
        .replace(" )", ")")
        .replace(" ]", "]")
        .replace("( ", "(")
        .replace("$ ", "$")
        .replace("[ ", "[")
    )


def is_null(text: str | None) -> bool:
    """Whether a cell's text means "no value" ("", "-", "--", "—", "N/A", ...)."""
    if text is None:
        return True
    if len(text) > _MAX_NULL_CHARS:
        return False
    lowered = text.strip(_NULL_PADDING).lower()
    if lowered in NULL_TEXTS:
        return True
    # A dash shown and its words for a screen reader: "--No data available".
    words = lowered.lstrip(_NULL_DASHES)
    return words != lowered and words.strip(" ()") in NULL_TEXTS


def text_or_none(text: str | None) -> str | None:
    """The cleaned text, or ``None`` for an absent value."""
    if text is None or is_null(text):
        return None
    return clean_text(text)


_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """Lower-case; each run of characters other than a-z0-9 becomes one "-", none at the ends."""
    return _NON_SLUG.sub("-", text.lower()).strip("-")


# --- numbers ----------------------------------------------------------------

_NUMBER = re.compile(
    r"(?P<sign>[-+\u2212])?\s*\$?\s*(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"\s*(?P<mult>[kKmMbB](?![a-zA-Z])|(?i:thousand|million|billion)\b|(?i:mn|bn)\b)?"
)
_MULTIPLIERS = {"k": 1_000, "m": 1_000_000, "b": 1_000_000_000, "t": 1_000}
_NUMBER_STARTS = frozenset("0123456789-+.")


def parse_number(text: str | None) -> float | None:
    """The first number in ``text``: "$32,954" -> 32954.0, "-4%" -> -4.0, "$45K" -> 45000.0."""
    if not text:  # no digits in "--", "N/A" and the like: the pattern finds nothing
        return None
    plain = text.strip().lstrip("$").replace(",", "").rstrip("%").rstrip()
    if plain and plain[-1].isdigit() and plain[0] in _NUMBER_STARTS and "e" not in plain:
        try:  # the common case, "$32,954" or "-4%", without the pattern
            return float(plain)
        except ValueError:
            pass
    match = _NUMBER.search(text)
    if match is None:
        return None
    value = float(match["num"].replace(",", ""))
    if match["mult"]:
        value *= _MULTIPLIERS[match["mult"][0].lower()]  # "M", "million", "mn"
    if match["sign"] in ("-", "\u2212"):
        value = -value
    return value


def parse_int(text: str | None) -> int | None:
    """A whole number: "97,878" -> 97878, "$32,954" -> 32954, "40 years" -> 40."""
    value = parse_number(text)
    return None if value is None else round(value)


def parse_money(text: str | None) -> int | None:
    """Whole dollars: "$32,954" -> 32954, "$45K" -> 45000."""
    return parse_int(text)


def parse_float(text: str | None) -> float | None:
    """A decimal number: "$15.84" -> 15.84, "-4%" -> -4.0, "3.8" -> 3.8."""
    value = parse_number(text)
    return None if value is None else round(value, 6)


def parse_percent(text: str | None) -> float | None:
    """Percent points: "-4%" -> -4.0, "7%" -> 7.0."""
    return parse_float(text)


_RANGE_SEPARATORS = (" and ", " to ", " - ", " \u2013 ", " \u2014 ", "-", "\u2013", "\u2014")


def parse_money_range(text: str | None) -> tuple[int | None, int | None]:
    """ "Between $25,000 And $41,000" or "$25,000 - $41,000" (any dash) -> (25000, 41000)."""
    if text is None or is_null(text):
        return None, None
    body = clean_text(text)
    lowered = body.lower()
    if lowered.startswith("between "):
        body, lowered = body[8:], lowered[8:]
    for separator in _RANGE_SEPARATORS:
        at = lowered.find(separator)
        if at > 0:
            low = parse_money(body[:at])
            high = parse_money(body[at + len(separator) :])
            if low is not None and high is not None:
                return low, high
    value = parse_money(body)
    return value, value


# --- labelled values --------------------------------------------------------

#: What may stand between a category and its number ("Male, 11.2", "High School Diploma ·
#: 67%"), besides white space.
_SHARE_SEPARATOR_CHARS = ",:;(-\u2013\u2014\u00b7\u2022|"
#: "Category, NN%" in a run of them: the category is everything up to the number.
_SHARE = re.compile(rf"\s*([^%]*?)[\s{re.escape(_SHARE_SEPARATOR_CHARS)}]*(\d+(?:\.\d+)?)\s*%\)?")
_LABEL_END = " " + _SHARE_SEPARATOR_CHARS
_SHARE_SEPARATORS = frozenset(_SHARE_SEPARATOR_CHARS)


#: A share written alone: "15%", "88.8 %".
_BARE_SHARE = re.compile(r"\d{1,3}(?:\.\d+)?\s?%")


def is_bare_share(text: str) -> bool:
    """Whether ``text`` is a share and nothing else ("15%")."""
    return _BARE_SHARE.fullmatch(text) is not None


#: An hourly figure written beside a yearly one: "$61,590 per year $29.61 per hour".
_HOURLY = re.compile(
    r"\$\s?(\d[\d,]*(?:\.\d+)?)\s*(?:per hour|an hour|/\s?hr\b|/\s?hour|hourly)", re.IGNORECASE
)


def hourly_beside(text: str | None) -> float | None:
    """The hourly pay a yearly pay's cell also gives ("$61,590 per year<br>$29.61 per
    hour" -> 29.61), else ``None``."""
    if not text or ("our" not in text and "hr" not in text):
        return None
    match = _HOURLY.search(text)
    return float(match[1].replace(",", "")) if match else None


def parse_labelled_share(text: str | None) -> tuple[str | None, float | None]:
    """ "Bachelor's Degree, 40%" -> ("Bachelor's Degree", 40.0); no percent -> (text, None)."""
    if text is None:
        return None, None
    return split_labelled_share(clean_text(text))


#: A share written before its category: "64% Bachelor's Degree", "59.6% Male".
_SHARE_FIRST = re.compile(
    r"(?P<pct>\d+(?:\.\d+)?)\s*%\s*[-:,\u2013\u2014]?\s*(?P<label>[^\W\d_][^%]*?)[\s,;/|]*"
)
#: Several of them in one text, each category up to the next share.
_SHARES_FIRST = re.compile(
    r"\s*(?P<pct>\d+(?:\.\d+)?)\s*%\s*[-:,\u2013\u2014]?\s*(?P<label>[^\W\d_][^%]*?)"
    r"[\s,;/|\u00b7\u2022]*(?=\d+(?:\.\d+)?\s*%|$)"
)


def _shares_first(cleaned: str) -> list[tuple[str, float]]:
    """Shares written before their categories ("59.6% Male 40.4% Female"), when the
    whole text is nothing else; else []."""
    shares: list[tuple[str, float]] = []
    end = 0
    for match in _SHARES_FIRST.finditer(cleaned):
        if match.start() != end:
            return []
        shares.append((match["label"], float(match["pct"])))
        end = match.end()
    return shares if end == len(cleaned) else []


#: Footnote marks at the end of a value: "[7]", "*", "†", "‡", "§", one or more.
_NOTE_MARKS_AT_END = re.compile(r"(?:\s*(?:\[\d{1,2}\]|[*\u2020\u2021\u00a7]+))+$")


def without_note_marks(text: str) -> str:
    """``text`` without footnote marks at its end ("New York[7]" -> "New York")."""
    last = text[-1]
    if last != "]" and last not in "*\u2020\u2021\u00a7":
        return text
    return _NOTE_MARKS_AT_END.sub("", text) or text


#: Words in parentheses after a share, saying what it counts: "38% (of workers)".
_NOTE_AFTER_SHARE = re.compile(r"(?<=%)\s*\([^()%\d]*\)$")


def split_labelled_share(cleaned: str) -> tuple[str | None, float | None]:
    """``parse_labelled_share`` of text that ``clean_text`` has already cleaned."""
    if is_null(cleaned):
        return None, None
    if cleaned[-1] == ")" and (note := _NOTE_AFTER_SHARE.search(cleaned)) is not None:
        cleaned = cleaned[: note.start()]  # "Associate Degree, 38% (of workers)"
    if cleaned[0].isdecimal() and (first := _SHARE_FIRST.fullmatch(cleaned)) is not None:
        return first["label"], float(first["pct"])  # "64% Bachelor's Degree"
    body = cleaned[:-1] if cleaned[-1] == ")" else cleaned  # "Patients (30%)"
    if body[-1:] == "%":
        head = body[:-1].rstrip()
        label = head.rstrip("0123456789.")  # the number is the last run of digits
        number = head[len(label) :]
        if number.strip("."):
            try:
                value = float(number)
            except ValueError:  # "1.2.3%"
                return cleaned, None
            return (label_before_share(label) or None), value
    return cleaned, None


def label_before_share(text: str) -> str:
    """A category's text without what separates it from its share: "Patients, " ->
    "Patients" (a share in the same text, or in the next element: "Patients," | "22%")."""
    return text.rstrip(_LABEL_END)


def parse_shares(text: str | None) -> list[tuple[str, float]]:
    """Every "Category, NN%" in page order: "Male, 11.2% Female, 88.8%" -> two pairs.

    The same reading as ``_SHARE.finditer``, done one "%" at a time: the text
    before each "%" must end in a number, and the category is what comes before
    that number (a lazy pattern over the whole text tries every start and is
    several times slower).
    """
    if text is None or is_null(text):
        return []
    cleaned = clean_text(text)
    if cleaned[:1].isdecimal() and (first := _shares_first(cleaned)):
        return first
    shares: list[tuple[str, float]] = []
    start = 0
    while True:
        percent = cleaned.find("%", start)
        if percent < 0:
            break
        chunk = cleaned[start:percent]
        tail = _share_tail(chunk)
        start = percent + 1
        if tail is not None:
            # The separators between shares too: "Male 57.2% / Female 42.8%".
            label = chunk[: tail[0]].strip(" ,;)(/|\u00b7\u2022")
            if shares and label.startswith(("and ", "& ")):
                label = label.split(" ", 1)[1]  # "Male 71.4% and Female 28.6%"
            if label:
                shares.append((label, float(tail[1])))
            if cleaned.startswith(")", start):
                start += 1
    if shares:
        category = _without_copied_names(_without_column_headers(shares[0][0]), shares[1:])
        shares[0] = (category, shares[0][1])
    return shares


#: Up to a figure or a colon in what stands before the first category ("Male : 92.5").
_UP_TO_FIGURE = re.compile(r".*[\d:]\s*")


def _without_copied_names(category: str, others: list[tuple[str, float]]) -> str:
    """The first category without a chart's legend and tooltip read before it ("Male
    Female Male: 92.5 Male" -> "Male"): what follows the last figure or colon in it, or
    the last of the other categories' names in it."""
    if " " not in category:
        return category
    if any(char.isdecimal() or char == ":" for char in category):
        rest = _UP_TO_FIGURE.sub("", category, count=1)
        if rest and rest[0].isalpha():
            category = rest
    for name, _ in others:
        at = category.rfind(f"{name} ")
        if at >= 0 and (at == 0 or category[at - 1] == " "):
            category = category[at + len(name) + 1 :]
    return category


#: The words a breakdown's own table heads its columns with ("Category | Share").
_COLUMN_HEADERS = frozenset({"category", "share", "percent", "percentage", "%", "group", "value"})


def _without_column_headers(category: str) -> str:
    """The first category without the column headers of a table the breakdown was in
    ("Category Share Male" -> "Male"); a category that is nothing else stays."""
    words = category.split(" ")
    lead = 0
    while lead < len(words) - 1 and words[lead].lower() in _COLUMN_HEADERS:
        lead += 1
    return " ".join(words[lead:]) if lead else category


def _share_tail(chunk: str) -> tuple[int, str] | None:
    """Where the separators and the number that end ``chunk`` start, and the number:
    "Male, 11.2" -> (4, "11.2"); ``None`` when it does not end in a number.

    What the leftmost match of separators, then digits with perhaps one decimal
    part, then white space to the end would give; read backwards from the end
    rather than by a pattern tried at every start.
    """
    tail = chunk.rstrip()
    end = len(tail)
    at = end
    while at and tail[at - 1].isdecimal():
        at -= 1
    if at == end:
        return None
    if at >= 2 and tail[at - 1] == "." and tail[at - 2].isdecimal():
        at -= 2  # "11.2": the digits before the point are the number's too
        while at and tail[at - 1].isdecimal():
            at -= 1
    number = tail[at:]
    while at and (tail[at - 1] in _SHARE_SEPARATORS or tail[at - 1].isspace()):
        at -= 1
    return at, number


def parse_city_state(text: str | None) -> tuple[str | None, str | None]:
    """ "Brockton, MA" -> ("Brockton", "MA"); a city without a state -> (city, None)."""
    value = text_or_none(text)
    if value is None:
        return None, None
    city, comma, state = value.rpartition(",")
    if not comma:
        return value, None
    return text_or_none(city), text_or_none(state)


# --- time to become ---------------------------------------------------------

_UNIT_MONTHS = {"year": 12, "yr": 12, "month": 1, "mo": 1, "week": 12 / 52}
_NUM = r"\b(\d+(?:\.\d+)?|(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\b)"
_UNIT = r"(years?|yrs?|months?|mos?|weeks?)"
_DURATION = re.compile(
    rf"(?P<less>less than\s+|under\s+|up to\s+)?{_NUM}(?:\s*{_UNIT})?"
    rf"(?:\s*(?:-|\u2013|\u2014|to)\s*{_NUM})?\s*{_UNIT}\b",
    re.IGNORECASE,
)
_UNIT_WORD = re.compile(r"\b(?:years?|yrs?|months?|mos?|weeks?)\b", re.IGNORECASE)
#: How far before a unit word a duration may start ("less than twelve months to 1 year"),
#: and after it end ("6 months to 1 year").
_DURATION_REACH = 40
_WORD_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
}


def find_durations(text: str) -> list[tuple[int, int, tuple[int, int]]]:
    """Every duration in ``text`` as (start, end, (min_months, max_months)), in order.

    The full pattern runs only just before each unit word ("years", "months"),
    which keeps it cheap on long paragraphs.
    """
    found: list[tuple[int, int, tuple[int, int]]] = []
    searched_to = 0
    for unit in _UNIT_WORD.finditer(text):
        if unit.start() < searched_to:
            continue  # part of the duration found before ("6 months to 1 year")
        start = max(searched_to, unit.start() - _DURATION_REACH)
        # (not past what a duration beginning by this unit can reach: a search that
        # found nothing here would otherwise read the rest of the text)
        match = _DURATION.search(text, start, unit.end() + _DURATION_REACH)
        if match is None or match.start() > unit.end():
            searched_to = unit.end()
            continue
        searched_to = match.end()
        if match[2].isalpha() and text[: match.start()].rstrip()[-1:].isdecimal():
            continue  # "$78,630 a year": a pay's period, no time to become
        months = _duration_months(match)
        if months is not None:
            found.append((match.start(), match.end(), months))
    return found


def parse_duration(text: str | None) -> tuple[int | None, int | None]:
    """Months to become: "2-4 years" -> (24, 48), "6-12 months" -> (6, 12), "1 year" -> (12, 12).

    "less than 1 year" is read as (0, 12): 0 is a real lower bound there, not a
    missing value. "1.5 years" -> (18, 18); "6 months to 1 year" -> (6, 12).
    """
    if text is None:
        return None, None
    found = find_durations(clean_text(text))
    return found[0][2] if found else (None, None)


def _duration_months(match: re.Match[str]) -> tuple[int, int] | None:
    low_text, low_unit, high_text, unit = match.group(2, 3, 4, 5)
    high_months = _to_months(high_text or low_text, unit)
    low_months = _to_months(low_text, low_unit or unit)
    if low_months is None or high_months is None:
        return None
    if match["less"]:
        return 0, high_months
    return min(low_months, high_months), max(low_months, high_months)


def _to_months(number: str, unit: str) -> int | None:
    amount = _WORD_NUMBERS.get(number.lower())
    value = float(number) if amount is None else float(amount)
    key = unit.lower().rstrip("s")
    factor = _UNIT_MONTHS.get(key)
    if factor is None:
        return None
    return round(value * factor)


# --- lists in prose ---------------------------------------------------------


_LEADING_CONJUNCTION = re.compile(r"^(?:and|or|&)\s+", re.IGNORECASE)


def split_prose_list(text: str, known: Collection[str] = ()) -> list[str]:
    """ "patients, customer service and patient care" -> 3 items; the Oxford comma is optional.

    When the last item could split at more than one "and" ("cleanliness and food and
    beverage"), the split whose items are most often among ``known`` (lower-case skill
    names the page lists elsewhere) wins: "cleanliness", "food and beverage". Without
    them, the last "and" splits.
    """
    body = clean_text(text).strip(" .;:")
    parts = [part.strip() for part in body.split(",")]
    parts = [_LEADING_CONJUNCTION.sub("", part) for part in parts]
    last = parts[-1] if parts else ""
    if len(parts) < 3:
        head, sep, tail = last.rpartition(" and ")
        if sep and head and tail:
            parts[-1:] = [head.strip(), tail.strip()]
            if known and " and " in head:
                parts[-2:] = _best_split(last, known)
    return [part for part in parts if part]


def _best_split(last: str, known: Collection[str]) -> list[str]:
    """``last`` split in two at the "and" that gives the most items among ``known`` (the
    last "and" on a tie)."""
    pieces = last.split(" and ")
    best: list[str] = []
    best_score = -1
    for at in range(len(pieces) - 1, 0, -1):  # the last "and" first
        split = [" and ".join(pieces[:at]).strip(), " and ".join(pieces[at:]).strip()]
        score = sum(item.lower() in known for item in split)
        if score > best_score:
            best, best_score = split, score
    return best
