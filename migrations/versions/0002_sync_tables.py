"""replica-local synchronisation tables: peers, version vector, import ledger, conflicts

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=32), nullable=False),
        sa.Column("person_id", sa.String(length=32), nullable=True),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("kept_value", sa.Text(), nullable=False),
        sa.Column("kept_stamp", sa.String(length=40), nullable=False),
        sa.Column("lost_value", sa.Text(), nullable=False),
        sa.Column("lost_stamp", sa.String(length=40), nullable=False),
        sa.Column("bundle_id", sa.String(length=32), nullable=False),
        sa.Column("detected_at", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("resolved_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
    )
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sync_conflicts_person_id"), ["person_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_sync_conflicts_row_id"), ["row_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_sync_conflicts_status"), ["status"], unique=False)

    op.create_table(
        "sync_imports",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("bundle_id", sa.String(length=32), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("origin_replica", sa.String(length=16), nullable=False),
        sa.Column("origin_site", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.Column("imported_at", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("held_path", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_imports")),
    )
    with op.batch_alter_table("sync_imports", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_imports_bundle_id"), ["bundle_id"], unique=False)

    op.create_table(
        "sync_peers",
        sa.Column("replica_id", sa.String(length=16), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("site_id", sa.String(length=32), nullable=True),
        sa.Column("site_code", sa.String(length=40), nullable=False),
        sa.Column("site_name", sa.String(length=200), nullable=False),
        sa.Column("known_vv", sa.JSON(), nullable=False),
        sa.Column("added_at", sa.String(length=40), nullable=False),
        sa.Column("last_bundle_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("replica_id", name=op.f("pk_sync_peers")),
    )
    op.create_table(
        "sync_version_vector",
        sa.Column("replica_id", sa.String(length=16), nullable=False),
        sa.Column("stamp", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("replica_id", name=op.f("pk_sync_version_vector")),
    )


def downgrade() -> None:
    op.drop_table("sync_version_vector")
    op.drop_table("sync_peers")
    with op.batch_alter_table("sync_imports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_imports_bundle_id"))
    op.drop_table("sync_imports")
    with op.batch_alter_table("sync_conflicts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_conflicts_status"))
        batch_op.drop_index(batch_op.f("ix_sync_conflicts_row_id"))
        batch_op.drop_index(batch_op.f("ix_sync_conflicts_person_id"))
    op.drop_table("sync_conflicts")
