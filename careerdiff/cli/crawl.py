"""Commands of the ``crawl`` group (registered on the shared app)."""

from __future__ import annotations
