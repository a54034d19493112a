"""the listing's order as an index: `items` (the CLI, `/api/items` without `q`) is newest first by publication
date, else fetch time (issue 12); without an index on that expression every listing sorted the whole archive
(~490 ms at 100,000 stories).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 15:50:00
"""
from alembic import op


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Raw SQL: an expression index is outside what the models (and alembic's comparison) describe. The
    # expression must stay the one storage.queries.item_sort_date() writes, or the planner will not use it.
    op.execute("CREATE INDEX IF NOT EXISTS ix_item_listing ON item (coalesce(published, fetched), id)")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_item_listing")
