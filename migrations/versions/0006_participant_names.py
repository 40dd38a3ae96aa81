"""participants in name order: the list's first page before the search index is loaded

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 00:10:00
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_participants_name", "participants", ["nom", "prenom", "id"])


def downgrade() -> None:
    op.drop_index("ix_participants_name", table_name="participants")
