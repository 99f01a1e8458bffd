"""Add tasks.priority: 1 to 5, required; existing tasks are backfilled.

Revision ID: 0002
Revises: 0001

Upgrade, on a table that already has rows:

1. add ``priority`` as a nullable integer (a required column cannot be added to rows that
   have no value for it);
2. backfill it: tasks already done get 1, open tasks get 3;
3. make it required (NOT NULL) and add the check constraint ``ck_tasks_priority_range``
   (``priority BETWEEN 1 AND 5``), in a batch so SQLite can do it too.

Downgrade undoes exactly that (the constraint, then the column) and keeps every task.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # BEGIN SOLUTION: add the column, backfill it, then make it NOT NULL with the check
    op.add_column("tasks", sa.Column("priority", sa.Integer(), nullable=True))
    op.execute(sa.text("UPDATE tasks SET priority = CASE WHEN done THEN 1 ELSE 3 END"))
    with op.batch_alter_table("tasks") as batch:
        batch.alter_column("priority", existing_type=sa.Integer(), nullable=False)
        batch.create_check_constraint(op.f("ck_tasks_priority_range"), "priority BETWEEN 1 AND 5")
    # END SOLUTION


def downgrade() -> None:
    # BEGIN SOLUTION: drop the check constraint, then the column
    with op.batch_alter_table("tasks") as batch:
        batch.drop_constraint(op.f("ck_tasks_priority_range"), type_="check")
        batch.drop_column("priority")
    # END SOLUTION
