"""an estimate knows the places its place lies in (issue 10: one incident placed "in al-Zanjili" by one outlet
and "in Mosul" by another is one estimate). Rows archived before are filled on the first crawl after the
upgrade (storage/archive.py `nest_old_places`: the archive has no gazetteer of its own).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 12:40:00
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain ADD COLUMN, not batch mode: SQLite would rebuild a table that mentions and alerts point at
    op.add_column('estimate', sa.Column('place_within', sqlmodel.sql.sqltypes.AutoString(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('estimate', schema=None) as batch_op:
        batch_op.drop_column('place_within')
