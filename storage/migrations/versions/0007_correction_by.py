"""who made a correction: the page lets signed-in users merge, split, reject and confirm (issue 12), and a
newsroom needs to know which of them did.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 14:30:00
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('correction', sa.Column('by', sqlmodel.sql.sqltypes.AutoString(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('correction') as batch:
        batch.drop_column('by')
