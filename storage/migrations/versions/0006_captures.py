"""captures and imports (issue 13): the bytes each archived response was read from are kept in WARC files
beside the archive, each `capture` row naming its byte range and digests; items and their versions carry the
SHA-256 payload digest; `import_mark` records how far an import or backfill got so it resumes.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 17:20:00
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

_S = sqlmodel.sql.sqltypes.AutoString
_T = sqlmodel.sql.sqltypes.UTCDateTime


def upgrade() -> None:
    # plain ADD COLUMN, not batch mode: SQLite would rebuild tables that others point at
    op.add_column('item', sa.Column('payload_digest', _S(), nullable=True))
    op.add_column('item_version', sa.Column('payload_digest', _S(), nullable=True))
    op.create_table(
        'capture',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('item_id', sa.Integer(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('url', _S(), nullable=False),
        sa.Column('captured', _T(), nullable=False),
        sa.Column('origin', _S(), nullable=False),
        sa.Column('file', _S(), nullable=False),
        sa.Column('offset', sa.BigInteger(), nullable=False),
        sa.Column('length', sa.BigInteger(), nullable=False),
        sa.Column('payload_digest', _S(), nullable=False),
        sa.Column('stored_digest', _S(), nullable=False),
        sa.Column('record_id', _S(), nullable=False),
        sa.ForeignKeyConstraint(['item_id'], ['item.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index(op.f('ix_capture_item_id'), 'capture', ['item_id'], unique=False)
    op.create_index(op.f('ix_capture_captured'), 'capture', ['captured'], unique=False)
    op.create_index(op.f('ix_capture_payload_digest'), 'capture', ['payload_digest'], unique=False)
    op.create_table(
        'import_mark',
        sa.Column('key', _S(), nullable=False),
        sa.Column('offset', sa.BigInteger(), nullable=False),
        sa.Column('records', sa.Integer(), nullable=False),
        sa.Column('relevant', sa.Integer(), nullable=False),
        sa.Column('bad', sa.Integer(), nullable=False),
        sa.Column('done', sa.Boolean(), nullable=False),
        sa.Column('updated', _T(), nullable=False),
        sa.PrimaryKeyConstraint('key'),
    )


def downgrade() -> None:
    op.drop_table('import_mark')
    op.drop_index(op.f('ix_capture_payload_digest'), table_name='capture')
    op.drop_index(op.f('ix_capture_captured'), table_name='capture')
    op.drop_index(op.f('ix_capture_item_id'), table_name='capture')
    op.drop_table('capture')
    with op.batch_alter_table('item_version', schema=None) as batch_op:
        batch_op.drop_column('payload_digest')
    with op.batch_alter_table('item', schema=None) as batch_op:
        batch_op.drop_column('payload_digest')
