"""La Coop's vocabulary: tri-state orientation, structure codes, procedure name, the place's
commune, the anonymous participants' breakdown; renamed theme codes; the La Coop export
ledger (replica-local)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 23:30:00
"""

import json

import sqlalchemy as sa
from alembic import op

from ardoiz_desk.store.upgrades import (
    lacoop_oriente,
    lacoop_stamps,
    lacoop_structure,
    lacoop_themes,
)

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _json(value):
    return json.loads(value) if isinstance(value, str) else value


def _reshape_activities() -> None:
    """Rewrite the values older versions wrote (store/upgrades.py), stamps untouched."""
    conn = op.get_bind()
    rows = conn.execute(
        sa.text(
            "SELECT id, thematiques, oriente_vers_structure, structure_de_redirection, notes, "
            "stamps FROM activities"
        )
    ).all()
    update = sa.text(
        "UPDATE activities SET thematiques = :themes, oriente = :oriente, "
        "structure_de_redirection = :structure, notes = :notes, stamps = :stamps WHERE id = :id"
    ).bindparams(sa.bindparam("themes", type_=sa.JSON), sa.bindparam("stamps", type_=sa.JSON))
    for rid, themes, oriented, structure, notes, stamps in rows:
        structure, notes = lacoop_structure(structure, notes)
        conn.execute(
            update,
            {
                "id": rid,
                "themes": lacoop_themes(_json(themes)),
                "oriente": lacoop_oriente(oriented),
                "structure": structure,
                "notes": notes,
                "stamps": lacoop_stamps(_json(stamps)),
            },
        )


def upgrade() -> None:
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("oriente", sa.String(length=3), nullable=False, server_default="")
        )
        for name, length in (
            ("precisions_demarche", 200),
            ("lieu_commune", 100),
            ("lieu_code_postal", 5),
            ("lieu_code_insee", 5),
        ):
            batch_op.add_column(
                sa.Column(name, sa.String(length=length), nullable=False, server_default="")
            )
        batch_op.add_column(sa.Column("anonymes", sa.JSON(), nullable=False, server_default="{}"))
    _reshape_activities()
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.drop_column("oriente_vers_structure")
        for name in (
            "oriente",
            "precisions_demarche",
            "lieu_commune",
            "lieu_code_postal",
            "lieu_code_insee",
            "anonymes",
        ):
            batch_op.alter_column(name, server_default=None)
    op.create_table(
        "lacoop_exports",
        sa.Column("participant_id", sa.String(length=32), nullable=False),
        sa.Column("first_exported_at", sa.String(length=40), nullable=False),
        sa.Column("last_exported_at", sa.String(length=40), nullable=False),
        sa.Column("times", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("participant_id", name=op.f("pk_lacoop_exports")),
    )


def downgrade() -> None:
    op.drop_table("lacoop_exports")
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "oriente_vers_structure", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )
    op.execute("UPDATE activities SET oriente_vers_structure = (oriente = 'oui')")
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.alter_column("oriente_vers_structure", server_default=None)
        for name in (
            "anonymes",
            "lieu_code_insee",
            "lieu_code_postal",
            "lieu_commune",
            "precisions_demarche",
            "oriente",
        ):
            batch_op.drop_column(name)
