"""Finding the two occupation names in headings and sentences.

Headings and sentences name the occupations in the singular, the plural or the
possessive ("patient coordinators'", "secretaries", "foremen"), in any case.
When one name is part of the other ("nurse" and "registered nurse"), the longer
mention wins.

Matching is plain string search on lower-case text (every page has new names,
so compiling a regular expression per name would cost more than the search).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.normalize import clean_text

#: What may follow a name's stem: (ending, what the plain form's last letters are).
_ENDINGS_Y = ("ies'", "ies", "y's", "ys", "y")
_ENDINGS_MAN = ("men's", "man's", "men", "man")
_ENDINGS = ("es'", "s's", "s'", "'s", "es", "s", "")
#: What stands between two names in one header text: "A vs. B", "A | B", "A / B".
_WORD = re.compile(r"[^\W_]+")
_BETWEEN_NAMES = re.compile(r"\s+(?:vs\.?|versus|v\.|\||/)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class _NameForm:
    """A name's lower-case stem and the endings it may take."""

    stem: str
    endings: tuple[str, ...]

    @classmethod
    def of(cls, name: str) -> _NameForm:
        words = clean_text(name).lower()
        if len(words) > 2 and words.endswith("y") and words[-2] not in "aeiou":
            return cls(words[:-1], _ENDINGS_Y)
        if words.endswith("man"):
            return cls(words[:-3], _ENDINGS_MAN)
        return cls(words, _ENDINGS)

    def find_all(self, text: str, first_only: bool = False) -> list[tuple[int, int]]:
        """Every (start, end) of the name in lower-case ``text``, on word boundaries
        (with ``first_only``, the first of them: enough to tell whether it is there)."""
        stem = self.stem
        start = text.find(stem) if stem else -1
        if start < 0:
            return []
        found: list[tuple[int, int]] = []
        size = len(text)
        after_stem = len(stem)
        plain = "" in self.endings
        while start >= 0:
            if start == 0 or not text[start - 1].isalnum():
                after = start + after_stem
                if plain and (after == size or not (text[after].isalnum() or text[after] == "'")):
                    found.append((start, after))  # the plain form, the usual case
                    if first_only:
                        return found
                    start = text.find(stem, after)
                    continue
                for ending in self.endings:
                    if text.startswith(ending, after):
                        end = after + len(ending)
                        if end == size or not text[end].isalnum():
                            found.append((start, end))
                            if first_only:
                                return found
                            break
            start = text.find(stem, start + 1)
        return found


def _by_start_then_longest(mention: tuple[int, int, int]) -> tuple[int, int]:
    return mention[0], mention[0] - mention[1]


@dataclass(frozen=True)
class Names:
    """The two occupations' names as the title writes them, and how to find them in text."""

    a: str
    b: str
    _forms: tuple[_NameForm, _NameForm] = field(init=False, repr=False, compare=False)
    _whole: dict[str, int] = field(init=False, repr=False, compare=False)
    _nested: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        forms = (_NameForm.of(self.a), _NameForm.of(self.b))
        object.__setattr__(self, "_forms", forms)
        # Every way a text can be nothing but a name; the longer name wins a tie.
        whole = {
            form.stem + ending: index
            for index, form in sorted(enumerate(forms), key=lambda item: len(item[1].stem))
            for ending in form.endings
            if form.stem
        }
        object.__setattr__(self, "_whole", whole)
        # When neither stem holds the other, a mention of one never overlaps the other's.
        nested = (
            bool(forms[0].stem)
            and bool(forms[1].stem)
            and (forms[0].stem in forms[1].stem or forms[1].stem in forms[0].stem)
        )
        object.__setattr__(self, "_nested", nested)

    @property
    def pair(self) -> tuple[str, str]:
        return self.a, self.b

    def mentions(self, text: str) -> list[tuple[int, int, int]]:
        """Each mention as (start, end, occupation index), in order; overlaps go to the longer.

        Positions are in ``text.lower()``, which has ``text``'s length for the
        text this is used on (cleaned page text).
        """
        lowered = text.lower()
        first, second = self._forms
        found = [(start, end, 0) for start, end in first.find_all(lowered)]
        found += [(start, end, 1) for start, end in second.find_all(lowered)]
        if len(found) < 2:
            return found
        found.sort(key=_by_start_then_longest)
        kept = [found[0]]
        for mention in found[1:]:
            if mention[0] >= kept[-1][1]:
                kept.append(mention)
        return kept

    def indices(self, text: str) -> set[int]:
        """Which occupations ``text`` names."""
        if self._nested:
            return {index for _, _, index in self.mentions(text)}
        lowered = text.lower()
        return {
            index
            for index, form in enumerate(self._forms)
            if form.stem and form.stem in lowered and form.find_all(lowered, first_only=True)
        }

    def exactly(self, text: str) -> int | None:
        """The occupation ``text`` is nothing but the name of, else ``None``."""
        return self._whole.get(clean_text(text).strip(" .:;,?!").lower())

    def both(self, text: str) -> list[tuple[int, str]] | None:
        """Both names, in the order ``text`` gives them, when it is nothing but the two names
        with "vs", "|" or "/" between them (a table's ``<caption>``); else ``None``."""
        parts = _BETWEEN_NAMES.split(clean_text(text).strip(" .:;"))
        if len(parts) != 2:
            return None
        found = [(self.exactly(part), part.strip(" .:;,")) for part in parts]
        if {index for index, _ in found} != {0, 1}:
            return None
        return [(index, part) for index, part in found if index is not None]

    def stem(self, index: int) -> str:
        """The lower-case start every form of a name shares ("secretar" of "secretary")."""
        return self._forms[index].stem

    def keyword(self, index: int) -> str:
        """The longest word of a name's stem: what ``:lexbor-contains`` searches for."""
        words = _WORD.findall(self._forms[index].stem)  # "host/hostess": "host", "hostess"
        return max(words, key=len) if words else ""
