"""fill the INSEE and postal codes of participants whose commune name resolves

The official directory of communes (resources/communes.tsv.gz) now checks every commune
typed. Participants recorded before it may have a commune name without its codes: where
the name designates one commune (or one former commune), its INSEE code (and its postal
code when it has only one) are filled in. Names that do not resolve are left as they are;
``ardoiz-desk check`` lists them. The filling derives from the data alone, so every site
that upgrades computes the same values: nothing is stamped, nothing needs to travel.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 23:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from ardoiz_desk.services.people.communes import resolve_commune

    conn = op.get_bind()
    rows = conn.execute(
        sa.text(
            "SELECT id, commune, commune_code_insee, commune_code_postal FROM participants "
            "WHERE commune <> '' AND (commune_code_insee = '' OR commune_code_postal = '')"
        )
    ).all()
    update = sa.text(
        "UPDATE participants SET commune_code_insee = :insee, commune_code_postal = :postal "
        "WHERE id = :id"
    )
    for pid, commune, insee, postal in rows:
        found = resolve_commune(commune, insee, postal)
        if found.error or not found.code_insee:
            continue
        new_insee = insee or found.code_insee
        new_postal = postal or found.code_postal
        if (new_insee, new_postal) != (insee, postal):
            conn.execute(update, {"insee": new_insee, "postal": new_postal, "id": pid})


def downgrade() -> None:
    """Codes filled in are right: nothing to undo."""
