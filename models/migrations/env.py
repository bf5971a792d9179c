"""Alembic environment: migrations run on a connection :mod:`models.migrate` hands in.

There is no ``alembic.ini``: :func:`models.migrate.alembic_config` builds the
configuration in code and passes an open connection whose transaction already
holds the write lock, so the migration and the revision stamp commit together.
"""

from __future__ import annotations

from alembic import context

from models.schema import metadata


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None or context.is_offline_mode():
        raise RuntimeError("run careerdiff's migrations with `careerdiff db upgrade`")
    context.configure(
        connection=connection,
        target_metadata=metadata,
        transactional_ddl=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
