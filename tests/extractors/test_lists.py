"""Per-occupation lists: what counts as a "Show more" control."""

from __future__ import annotations

import pytest

from extractors._lists import is_control


@pytest.mark.parametrize(
    "text",
    [
        "Show more",
        "Show less",
        "See more",
        "View all",
        "Show all 12 responsibilities",
        "+ 4 more",
        "Read more \u203a",
        "more",
        "Load more skills",
    ],
)
def test_controls(text: str) -> None:
    assert is_control(text)


@pytest.mark.parametrize(
    "text",
    ["Show patients to their rooms.", "More than 10 patients a day.", "Patients, 30%", "Moreover"],
)
def test_content_is_no_control(text: str) -> None:
    assert not is_control(text)
