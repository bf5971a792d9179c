"""Finding the two occupation names in headings and sentences.

Headings and sentences name the occupations in the singular, the plural or the
possessive ("patient coordinators'", "secretaries"), in any case. When one
name is part of the other ("nurse" and "registered nurse"), the longer wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.normalize import clean_text


def _name_pattern(name: str) -> re.Pattern[str]:
    words = clean_text(name).lower().split()
    if not words:
        return re.compile(r"(?!x)x")
    *head, last = words
    if last.endswith("y") and len(last) > 2:
        last_re = re.escape(last[:-1]) + r"(?:y|ies)"
    elif last.endswith("man"):
        last_re = re.escape(last[:-3]) + r"m[ae]n"
    else:
        last_re = re.escape(last) + r"(?:e?s)?"
    parts = [re.escape(word) for word in head] + [last_re]
    return re.compile(r"(?<![\w])" + r"\s+".join(parts) + r"(?:'s|s')?(?![\w])", re.IGNORECASE)


@dataclass(frozen=True)
class Names:
    """The two occupations' names as the title writes them, and how to find them in text."""

    a: str
    b: str
    _patterns: tuple[re.Pattern[str], re.Pattern[str]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_patterns", (_name_pattern(self.a), _name_pattern(self.b)))

    @property
    def pair(self) -> tuple[str, str]:
        return self.a, self.b

    def mentions(self, text: str) -> list[tuple[int, int, int]]:
        """Each mention as (start, end, occupation index), in order; overlaps go to the longer."""
        found = [
            (match.start(), match.end(), index)
            for index, pattern in enumerate(self._patterns)
            for match in pattern.finditer(text)
        ]
        found.sort(key=lambda item: (item[0], item[0] - item[1]))
        kept: list[tuple[int, int, int]] = []
        for start, end, index in found:
            if kept and start < kept[-1][1]:
                continue
            kept.append((start, end, index))
        return kept

    def indices(self, text: str) -> set[int]:
        """Which occupations ``text`` names."""
        return {index for _, _, index in self.mentions(text)}

    def exactly(self, text: str) -> int | None:
        """The occupation ``text`` is nothing but the name of, else ``None``."""
        cleaned = clean_text(text).strip(" .:;,?!")
        mentions = self.mentions(cleaned)
        if len(mentions) == 1 and mentions[0][0] == 0 and mentions[0][1] == len(cleaned):
            return mentions[0][2]
        return None

    def only(self, text: str) -> int | None:
        """The one occupation ``text`` names, if it names exactly one of them."""
        found = self.indices(text)
        return found.pop() if len(found) == 1 else None

    def keyword(self, index: int) -> str:
        """The longest word of a name: the word searched for with ``:lexbor-contains``."""
        words = re.findall(r"[a-z0-9]+", (self.a, self.b)[index].lower())
        if not words:
            return ""
        # The stem of the last word, so that plurals ("secretaries", "foremen") match too.
        if words[-1].endswith("y") and len(words[-1]) > 2:
            words[-1] = words[-1][:-1]
        elif words[-1].endswith("man"):
            words[-1] = words[-1][:-2]
        return max(words, key=len)
