"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-26 06:13:29.809444
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "replica_state",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_replica_state")),
    )
    op.create_table(
        "sites",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("commune", sa.String(length=80), nullable=False),
        sa.Column("commune_code_insee", sa.String(length=5), nullable=False),
        sa.Column("commune_code_postal", sa.String(length=5), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("stamps", sa.JSON(), nullable=False),
        sa.Column("updated_hlc", sa.String(length=40), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sites")),
    )
    with op.batch_alter_table("sites", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sites_code"), ["code"], unique=False)
        batch_op.create_index(batch_op.f("ix_sites_updated_hlc"), ["updated_hlc"], unique=False)

    op.create_table(
        "agents",
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("site_id", sa.String(length=32), nullable=True),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("stamps", sa.JSON(), nullable=False),
        sa.Column("updated_hlc", sa.String(length=40), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["site_id"],
            ["sites.id"],
            name=op.f("fk_agents_site_id_sites"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agents")),
    )
    with op.batch_alter_table("agents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agents_site_id"), ["site_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_agents_updated_hlc"), ["updated_hlc"], unique=False)

    op.create_table(
        "participants",
        sa.Column("prenom", sa.String(length=80), nullable=False),
        sa.Column("nom", sa.String(length=80), nullable=False),
        sa.Column("annee_naissance", sa.Integer(), nullable=True),
        sa.Column("commune", sa.String(length=80), nullable=False),
        sa.Column("commune_code_insee", sa.String(length=5), nullable=False),
        sa.Column("commune_code_postal", sa.String(length=5), nullable=False),
        sa.Column("telephone", sa.String(length=20), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("genre", sa.String(length=20), nullable=False),
        sa.Column("statut_social", sa.String(length=20), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("site_id", sa.String(length=32), nullable=True),
        sa.Column("notice_given_on", sa.Date(), nullable=True),
        sa.Column("tablet_status", sa.String(length=10), nullable=False),
        sa.Column("autonomie", sa.String(length=30), nullable=True),
        sa.Column("merged_into", sa.String(length=32), nullable=True),
        sa.Column("erased", sa.Boolean(), nullable=False),
        sa.Column("search_key", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("stamps", sa.JSON(), nullable=False),
        sa.Column("updated_hlc", sa.String(length=40), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["site_id"],
            ["sites.id"],
            name=op.f("fk_participants_site_id_sites"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_participants")),
    )
    with op.batch_alter_table("participants", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_participants_site_id"), ["site_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_participants_updated_hlc"), ["updated_hlc"], unique=False
        )

    op.create_table(
        "activities",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("duree_minutes", sa.Integer(), nullable=False),
        sa.Column("type_lieu", sa.String(length=20), nullable=False),
        sa.Column("materiel", sa.JSON(), nullable=False),
        sa.Column("thematiques", sa.JSON(), nullable=False),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("site_id", sa.String(length=32), nullable=True),
        sa.Column("agent_id", sa.String(length=32), nullable=True),
        sa.Column("titre_atelier", sa.String(length=200), nullable=False),
        sa.Column("niveau", sa.String(length=20), nullable=True),
        sa.Column("autonomie", sa.String(length=30), nullable=True),
        sa.Column("oriente_vers_structure", sa.Boolean(), nullable=False),
        sa.Column("structure_de_redirection", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("participants_anonymes", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("stamps", sa.JSON(), nullable=False),
        sa.Column("updated_hlc", sa.String(length=40), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agent_id"],
            ["agents.id"],
            name=op.f("fk_activities_agent_id_agents"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["site_id"],
            ["sites.id"],
            name=op.f("fk_activities_site_id_sites"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activities")),
    )
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_activities_agent_id"), ["agent_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_activities_date"), ["date"], unique=False)
        batch_op.create_index(batch_op.f("ix_activities_site_id"), ["site_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_activities_updated_hlc"), ["updated_hlc"], unique=False
        )

    op.create_table(
        "followups",
        sa.Column("participant_id", sa.String(length=32), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=300), nullable=False),
        sa.Column("site_id", sa.String(length=32), nullable=True),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("stamps", sa.JSON(), nullable=False),
        sa.Column("updated_hlc", sa.String(length=40), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participants.id"],
            name=op.f("fk_followups_participant_id_participants"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["site_id"],
            ["sites.id"],
            name=op.f("fk_followups_site_id_sites"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_followups")),
    )
    with op.batch_alter_table("followups", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_followups_due_on"), ["due_on"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_followups_participant_id"), ["participant_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_followups_updated_hlc"), ["updated_hlc"], unique=False)

    op.create_table(
        "agent_trainings",
        sa.Column("activity_id", sa.String(length=32), nullable=False),
        sa.Column("agent_id", sa.String(length=32), nullable=False),
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("stamps", sa.JSON(), nullable=False),
        sa.Column("updated_hlc", sa.String(length=40), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activities.id"],
            name=op.f("fk_agent_trainings_activity_id_activities"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["agent_id"],
            ["agents.id"],
            name=op.f("fk_agent_trainings_agent_id_agents"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agent_trainings")),
    )
    with op.batch_alter_table("agent_trainings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agent_trainings_activity_id"), ["activity_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_agent_trainings_agent_id"), ["agent_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_agent_trainings_updated_hlc"), ["updated_hlc"], unique=False
        )

    op.create_table(
        "attendances",
        sa.Column("activity_id", sa.String(length=32), nullable=False),
        sa.Column("participant_id", sa.String(length=32), nullable=False),
        sa.Column("premiere_fois", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("autonomie", sa.String(length=30), nullable=True),
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("stamps", sa.JSON(), nullable=False),
        sa.Column("updated_hlc", sa.String(length=40), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activities.id"],
            name=op.f("fk_attendances_activity_id_activities"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participants.id"],
            name=op.f("fk_attendances_participant_id_participants"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendances")),
    )
    with op.batch_alter_table("attendances", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_attendances_activity_id"), ["activity_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_attendances_participant_id"), ["participant_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_attendances_updated_hlc"), ["updated_hlc"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("attendances", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attendances_updated_hlc"))
        batch_op.drop_index(batch_op.f("ix_attendances_participant_id"))
        batch_op.drop_index(batch_op.f("ix_attendances_activity_id"))

    op.drop_table("attendances")
    with op.batch_alter_table("agent_trainings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agent_trainings_updated_hlc"))
        batch_op.drop_index(batch_op.f("ix_agent_trainings_agent_id"))
        batch_op.drop_index(batch_op.f("ix_agent_trainings_activity_id"))

    op.drop_table("agent_trainings")
    with op.batch_alter_table("followups", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_followups_updated_hlc"))
        batch_op.drop_index(batch_op.f("ix_followups_participant_id"))
        batch_op.drop_index(batch_op.f("ix_followups_due_on"))

    op.drop_table("followups")
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activities_updated_hlc"))
        batch_op.drop_index(batch_op.f("ix_activities_site_id"))
        batch_op.drop_index(batch_op.f("ix_activities_date"))
        batch_op.drop_index(batch_op.f("ix_activities_agent_id"))

    op.drop_table("activities")
    with op.batch_alter_table("participants", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_participants_updated_hlc"))
        batch_op.drop_index(batch_op.f("ix_participants_site_id"))

    op.drop_table("participants")
    with op.batch_alter_table("agents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agents_updated_hlc"))
        batch_op.drop_index(batch_op.f("ix_agents_site_id"))

    op.drop_table("agents")
    with op.batch_alter_table("sites", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sites_updated_hlc"))
        batch_op.drop_index(batch_op.f("ix_sites_code"))

    op.drop_table("sites")
    op.drop_table("replica_state")
