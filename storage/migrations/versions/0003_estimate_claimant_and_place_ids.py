"""estimates keep the claimant as written and the ids of its body and place (issue 9: claimants and
places resolved to a registry body and a gazetteer entry)

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 21:45:00
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('estimate', schema=None) as batch_op:
        batch_op.add_column(sa.Column('claimant_text', sqlmodel.sql.sqltypes.AutoString(), nullable=True))
        batch_op.add_column(sa.Column('claimant_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True))
        batch_op.add_column(sa.Column('place_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True))
        batch_op.create_index(batch_op.f('ix_estimate_place_id'), ['place_id'], unique=False)
    with op.batch_alter_table('mention', schema=None) as batch_op:
        batch_op.add_column(sa.Column('claimant_text', sqlmodel.sql.sqltypes.AutoString(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('mention', schema=None) as batch_op:
        batch_op.drop_column('claimant_text')
    with op.batch_alter_table('estimate', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_estimate_place_id'))
        batch_op.drop_column('place_id')
        batch_op.drop_column('claimant_id')
        batch_op.drop_column('claimant_text')
