"""participants in name order: the list's first page before the search index is loaded

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 00:10:00
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_participants_name", "participants", ["nom", "prenom", "id"])


def downgrade() -> None:
    op.drop_index("ix_participants_name", table_name="participants")
