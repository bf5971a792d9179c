"""Pure extraction: HTML text in, a :class:`PageRecord` out. No I/O here.

The modules run compiled when ``make install`` could compile them and their
sources have not changed since, else from source (see ``extractors._native``);
``RUNS_AS`` says which.
"""

from extractors import _native

RUNS_AS = _native.choose()

from extractors.page import EXTRACTOR_VERSION, extract_page  # noqa: E402
from extractors.records import Issue, Occupation, PageRecord, Share, Skill  # noqa: E402

__all__ = [
    "EXTRACTOR_VERSION",
    "RUNS_AS",
    "Issue",
    "Occupation",
    "PageRecord",
    "Share",
    "Skill",
    "extract_page",
]
