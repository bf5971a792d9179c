"""Alembic migrations of careerdiff's database, run through :mod:`models.migrate`."""
