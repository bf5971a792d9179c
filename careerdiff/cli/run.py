"""Commands of the ``run`` group (registered on the shared app)."""

from __future__ import annotations
