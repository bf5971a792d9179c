"""${message}

Revision ID: ${up_revision}
% if down_revision:
Revises: ${down_revision | comma,n}
% else:
Revises: nothing (the first migration)
% endif
Create Date: ${create_date}
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.dialect  # noqa: F401  (autogenerate writes its column types as models.dialect.X)
% if not down_revision:
from models import views
% endif
${imports if imports else ""}

revision: str = ${repr(up_revision)}
down_revision: str | Sequence[str] | None = ${repr(down_revision)}
branch_labels: str | Sequence[str] | None = ${repr(branch_labels)}
depends_on: str | Sequence[str] | None = ${repr(depends_on)}


def upgrade() -> None:
    ${upgrades if upgrades else "pass"}
% if not down_revision:
    for statement in views.create_statements(op.get_bind().dialect.name):
        op.execute(statement)
% endif


def downgrade() -> None:
% if not down_revision:
    for statement in views.drop_statements():
        op.execute(statement)
% endif
    ${downgrades if downgrades else "pass"}
