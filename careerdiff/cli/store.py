"""Commands of the ``store`` group (registered on the shared app)."""

from __future__ import annotations
