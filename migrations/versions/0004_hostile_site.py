"""a hostile site: merged-field provenance, peers' box keys and revocation stamps

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 23:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("participants", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("merged_fields", sa.JSON(), nullable=False, server_default="{}")
        )
    with op.batch_alter_table("sync_peers", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("box_key", sa.String(length=64), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("revoked_at", sa.String(length=40), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("sync_peers", schema=None) as batch_op:
        batch_op.drop_column("revoked_at")
        batch_op.drop_column("box_key")
    with op.batch_alter_table("participants", schema=None) as batch_op:
        batch_op.drop_column("merged_fields")
