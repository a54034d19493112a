"""estimates are resolved across stories (issue 10): an estimate's place key, victims group, kind, period,
first statement, revision and correction status; mentions keep their own figures and date; corrections
are logged. The estimate key stops being unique (restatements with other figures fold into one row).

The data step fills the new columns from what old rows hold; the archive then resolves the old mentions
again under the new rules once (storage/resolution.py, `resolve_again`), without queuing alerts.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 07:30:00
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

_S = sqlmodel.sql.sqltypes.AutoString
# victims -> group as the estimates room defined it when this migration was written
_GROUPS = {"civilians": "civilian", "children": "civilian", "women": "civilian",
           "combatants": "combatant", "security forces": "combatant"}


def upgrade() -> None:
    with op.batch_alter_table('estimate', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_estimate_key'))
        batch_op.create_index(batch_op.f('ix_estimate_key'), ['key'], unique=False)
        batch_op.add_column(sa.Column('victims_group', _S(), nullable=False, server_default='unknown'))
        batch_op.add_column(sa.Column('place_key', _S(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('kind', _S(), nullable=True))
        batch_op.add_column(sa.Column('period_start', _S(), nullable=True))
        batch_op.add_column(sa.Column('period_end', _S(), nullable=True))
        batch_op.add_column(sa.Column('first_stated', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('first_stated_from', _S(), nullable=True))

        batch_op.add_column(sa.Column('status', _S(), nullable=False, server_default='new'))
        batch_op.create_index(batch_op.f('ix_estimate_place_key'), ['place_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_estimate_first_stated'), ['first_stated'], unique=False)
    # foreign keys as column clauses, outside batch mode: SQLite adds them with ALTER TABLE instead of
    # rebuilding a table that mentions and alerts point at (a rebuild breaks their foreign keys)
    for name in ('revises', 'merged_into'):
        if op.get_bind().dialect.name == 'sqlite':
            op.execute(f'ALTER TABLE estimate ADD COLUMN {name} INTEGER REFERENCES estimate (id)')
        else:
            op.add_column('estimate', sa.Column(name, sa.Integer(), sa.ForeignKey('estimate.id'), nullable=True))
    op.create_index(op.f('ix_estimate_merged_into'), 'estimate', ['merged_into'], unique=False)
    with op.batch_alter_table('mention', schema=None) as batch_op:
        for name in ('claimant_id', 'outcome', 'victims', 'victims_group', 'place', 'place_id', 'lang', 'kind',
                     'period_start', 'period_end', 'stated_from'):
            batch_op.add_column(sa.Column(name, _S(), nullable=True))
        batch_op.add_column(sa.Column('low', sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column('high', sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column('stated', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
    op.create_table(
        'correction',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('action', _S(), nullable=False),
        sa.Column('estimate_id', sa.Integer(), nullable=False),
        sa.Column('other_id', sa.Integer(), nullable=True),
        sa.Column('mention_id', sa.Integer(), nullable=True),
        sa.Column('why', _S(), nullable=True),
        sa.Column('at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['estimate_id'], ['estimate.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('correction', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_correction_estimate_id'), ['estimate_id'], unique=False)
    _fill()


def _fill() -> None:
    """What old rows already say: each mention takes its estimate's figures, and its story's date."""
    conn = op.get_bind()
    for victims, group in _GROUPS.items():
        conn.execute(sa.text("UPDATE estimate SET victims_group = :g WHERE victims = :v"), {"g": group, "v": victims})
    conn.execute(sa.text("UPDATE estimate SET place_key = COALESCE(place_id, LOWER(TRIM(place)), '')"))
    conn.execute(sa.text(
        "UPDATE mention SET low = (SELECT e.low FROM estimate e WHERE e.id = mention.estimate_id), "
        "high = (SELECT e.high FROM estimate e WHERE e.id = mention.estimate_id), "
        "outcome = (SELECT e.outcome FROM estimate e WHERE e.id = mention.estimate_id), "
        "victims = (SELECT e.victims FROM estimate e WHERE e.id = mention.estimate_id), "
        "victims_group = (SELECT e.victims_group FROM estimate e WHERE e.id = mention.estimate_id), "
        "claimant_id = (SELECT e.claimant_id FROM estimate e WHERE e.id = mention.estimate_id), "
        "place = (SELECT e.place FROM estimate e WHERE e.id = mention.estimate_id), "
        "place_id = (SELECT e.place_id FROM estimate e WHERE e.id = mention.estimate_id), "
        "lang = (SELECT e.lang FROM estimate e WHERE e.id = mention.estimate_id), "
        "stated = (SELECT COALESCE(i.published, i.fetched) FROM item i WHERE i.id = mention.item_id), "
        "stated_from = (SELECT CASE WHEN i.published IS NULL THEN 'fetched' ELSE 'published' END "
        "               FROM item i WHERE i.id = mention.item_id)"))


def downgrade() -> None:
    with op.batch_alter_table('correction', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_correction_estimate_id'))
    op.drop_table('correction')
    with op.batch_alter_table('mention', schema=None) as batch_op:
        for name in ('claimant_id', 'outcome', 'victims', 'victims_group', 'place', 'place_id', 'lang', 'kind',
                     'period_start', 'period_end', 'stated_from', 'low', 'high', 'stated'):
            batch_op.drop_column(name)
    with op.batch_alter_table('estimate', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_estimate_merged_into'))
        batch_op.drop_index(batch_op.f('ix_estimate_first_stated'))
        batch_op.drop_index(batch_op.f('ix_estimate_place_key'))
        for name in ('merged_into', 'status', 'revises', 'first_stated_from', 'first_stated', 'period_end',
                     'period_start', 'kind', 'place_key', 'victims_group'):
            batch_op.drop_column(name)
        batch_op.drop_index(batch_op.f('ix_estimate_key'))
        batch_op.create_index(batch_op.f('ix_estimate_key'), ['key'], unique=True)
