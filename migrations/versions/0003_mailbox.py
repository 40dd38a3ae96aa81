"""replica-local tables of the shared-folder mailbox: its ledger, and acknowledgements

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 23:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_mailbox",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("direction", sa.String(length=3), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("mtime_ns", sa.Integer(), nullable=False),
        sa.Column("bundle_id", sa.String(length=32), nullable=False),
        sa.Column("origin_replica", sa.String(length=16), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("version_vector", sa.JSON(), nullable=False),
        sa.Column("since", sa.JSON(), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("complete", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.Column("seen_at", sa.String(length=40), nullable=False),
        sa.Column("confirmed_at", sa.String(length=40), nullable=False),
        sa.Column("pruned_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_sync_mailbox")),
    )
    with op.batch_alter_table("sync_mailbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_mailbox_direction"), ["direction"], unique=False)
    op.create_table(
        "sync_acknowledgements",
        sa.Column("replica_id", sa.String(length=16), nullable=False),
        sa.Column("version_vector", sa.JSON(), nullable=False),
        sa.Column("bundle_id", sa.String(length=32), nullable=False),
        sa.Column("bundle_created_at", sa.String(length=40), nullable=False),
        sa.Column("max_stamp", sa.String(length=40), nullable=False),
        sa.Column("received_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("replica_id", name=op.f("pk_sync_acknowledgements")),
    )


def downgrade() -> None:
    op.drop_table("sync_acknowledgements")
    with op.batch_alter_table("sync_mailbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_mailbox_direction"))
    op.drop_table("sync_mailbox")
