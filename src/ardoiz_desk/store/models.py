"""SQLAlchemy models of a counter's base.

Synchronised tables carry, beside their data, ``stamps`` (field name -> clock stamp of the
write that set it) and ``updated_hlc`` (the greatest of those stamps). Which columns are
synchronised is derived from the metadata: every column that is not a bookkeeping column
and not marked ``info={"local": True}``. Columns marked ``info={"personal": True}`` are
emptied when a person is erased.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from ardoiz_desk.store.base import NAMING_CONVENTION, Base

__all__ = ["NAMING_CONVENTION", "Base"]  # re-exported: older imports name them from here

BOOKKEEPING_COLUMNS = frozenset({"id", "stamps", "updated_hlc"})
ATTENDANCE_NAMESPACE = uuid.UUID("6f1c2d4e-8a57-4b8e-9a0c-3d5e7f9a1b2c")

# The codes stored in the vocabulary columns, and their labels: services/vocabulary.py.


def new_id() -> str:
    """Return a new random row id (UUID4, 32 hex digits), born where the row is born."""
    return uuid.uuid4().hex


def attendance_id(activity_id: str, participant_id: str) -> str:
    """Return the deterministic id of a presence, so two sites converge to one row."""
    return uuid.uuid5(ATTENDANCE_NAMESPACE, f"{activity_id}:{participant_id}").hex


def site_id_for_code(code: str) -> str:
    """Return a site's id from its code, so directories loaded on two replicas converge."""
    return uuid.uuid5(ATTENDANCE_NAMESPACE, f"site:{code.strip().upper()}").hex


def training_id(activity_id: str, agent_id: str) -> str:
    """Return the deterministic id of an agent's attendance at a training."""
    return uuid.uuid5(ATTENDANCE_NAMESPACE, f"training:{activity_id}:{agent_id}").hex


class Synced:
    """Mixin for tables whose rows travel in bundles and merge per field."""

    __synced__: ClassVar[bool] = True

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    stamps: Mapped[dict[str, str]] = mapped_column(JSON, nullable=False, default=dict)
    updated_hlc: Mapped[str] = mapped_column(String(40), nullable=False, default="", index=True)
    deleted: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)


def _fk(target: str) -> Any:
    return ForeignKey(target, deferrable=True, initially="DEFERRED")


class Site(Synced, Base):
    """A counter (MSAP / France Services, postal agency) or the coordination."""

    __tablename__ = "sites"

    code: Mapped[str] = mapped_column(String(32), nullable=False, index=True)
    name: Mapped[str] = mapped_column(String(120), nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False, default="msap")
    commune: Mapped[str] = mapped_column(String(80), nullable=False, default="")
    commune_code_insee: Mapped[str] = mapped_column(String(5), nullable=False, default="")
    commune_code_postal: Mapped[str] = mapped_column(String(5), nullable=False, default="")
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)


class Agent(Synced, Base):
    """A counter agent or coordinator."""

    __tablename__ = "agents"

    name: Mapped[str] = mapped_column(String(120), nullable=False)
    site_id: Mapped[str | None] = mapped_column(String(32), _fk("sites.id"), index=True)
    role: Mapped[str] = mapped_column(String(20), nullable=False, default="agent")
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)


class Participant(Synced, Base):
    """A senior helped at a counter, in La Coop's beneficiary vocabulary."""

    __tablename__ = "participants"
    # The list's first page, in name order, is read through this index at start-up, before
    # the in-memory search index is loaded.
    __table_args__ = (Index("ix_participants_name", "nom", "prenom", "id"),)

    prenom: Mapped[str] = mapped_column(String(80), nullable=False, info={"personal": True})
    nom: Mapped[str] = mapped_column(String(80), nullable=False, info={"personal": True})
    annee_naissance: Mapped[int | None] = mapped_column(Integer, info={"personal": True})
    commune: Mapped[str] = mapped_column(
        String(80), nullable=False, default="", info={"personal": True}
    )
    commune_code_insee: Mapped[str] = mapped_column(
        String(5), nullable=False, default="", info={"personal": True}
    )
    commune_code_postal: Mapped[str] = mapped_column(
        String(5), nullable=False, default="", info={"personal": True}
    )
    telephone: Mapped[str] = mapped_column(
        String(20), nullable=False, default="", info={"personal": True}
    )
    email: Mapped[str] = mapped_column(
        String(254), nullable=False, default="", info={"personal": True}
    )
    genre: Mapped[str] = mapped_column(
        String(20), nullable=False, default="non_communique", info={"personal": True}
    )
    statut_social: Mapped[str] = mapped_column(
        String(20), nullable=False, default="non_communique", info={"personal": True}
    )
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="", info={"personal": True})
    site_id: Mapped[str | None] = mapped_column(String(32), _fk("sites.id"), index=True)
    notice_given_on: Mapped[dt.date | None] = mapped_column(Date, info={"personal": True})
    tablet_status: Mapped[str] = mapped_column(String(10), nullable=False, default="none")
    autonomie: Mapped[str | None] = mapped_column(String(30))
    merged_into: Mapped[str | None] = mapped_column(String(32))
    # Fields a merge of duplicates filled from another record: {field: [source id, stamp]},
    # so that erasing that source also empties the values copied from it.
    merged_fields: Mapped[dict[str, list[str]]] = mapped_column(
        JSON, nullable=False, default=dict, server_default="{}"
    )
    erased: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    # Derived, replica-local: accent- and case-folded text that search runs over.
    search_key: Mapped[str] = mapped_column(Text, nullable=False, default="", info={"local": True})


class Activity(Synced, Base):
    """A workshop, an individual session or an agents' training (La Coop's CRA)."""

    __tablename__ = "activities"

    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    date: Mapped[dt.date] = mapped_column(Date, nullable=False, index=True)
    duree_minutes: Mapped[int] = mapped_column(Integer, nullable=False)
    type_lieu: Mapped[str] = mapped_column(String(20), nullable=False, default="lieu_activite")
    materiel: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    thematiques: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    tags: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    site_id: Mapped[str | None] = mapped_column(String(32), _fk("sites.id"), index=True)
    agent_id: Mapped[str | None] = mapped_column(String(32), _fk("agents.id"), index=True)
    titre_atelier: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    niveau: Mapped[str | None] = mapped_column(String(20))
    autonomie: Mapped[str | None] = mapped_column(String(30))
    # Oriented towards another structure: "oui", "non", or "" when not asked (La Coop: null).
    oriente: Mapped[str] = mapped_column(String(3), nullable=False, default="")
    structure_de_redirection: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    # The administrative procedure's name (La Coop: precisionsDemarche).
    precisions_demarche: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    # The place's commune when not at the site: at home, remote or elsewhere (La Coop: lieu*).
    lieu_commune: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    lieu_code_postal: Mapped[str] = mapped_column(String(5), nullable=False, default="")
    lieu_code_insee: Mapped[str] = mapped_column(String(5), nullable=False, default="")
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    participants_anonymes: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    # The anonymous participants' breakdown: {"deja_accompagnes": n, "genre": {code: n},
    # "tranche_age": {code: n}, "statut_social": {code: n}}; the rest is "non communiqué".
    anonymes: Mapped[dict] = mapped_column(JSON, nullable=False, default=dict)


class Attendance(Synced, Base):
    """A participant's presence at an activity; its id derives from both."""

    __tablename__ = "attendances"

    activity_id: Mapped[str] = mapped_column(
        String(32), _fk("activities.id"), nullable=False, index=True
    )
    participant_id: Mapped[str] = mapped_column(
        String(32), _fk("participants.id"), nullable=False, index=True
    )
    premiere_fois: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    note: Mapped[str] = mapped_column(Text, nullable=False, default="", info={"personal": True})
    autonomie: Mapped[str | None] = mapped_column(String(30))


class AgentTraining(Synced, Base):
    """An agent's attendance at a training (formation) activity."""

    __tablename__ = "agent_trainings"

    activity_id: Mapped[str] = mapped_column(
        String(32), _fk("activities.id"), nullable=False, index=True
    )
    agent_id: Mapped[str] = mapped_column(String(32), _fk("agents.id"), nullable=False, index=True)


class FollowUp(Synced, Base):
    """Something to do next for a participant ("prochain rendez-vous")."""

    __tablename__ = "followups"

    participant_id: Mapped[str] = mapped_column(
        String(32), _fk("participants.id"), nullable=False, index=True
    )
    due_on: Mapped[dt.date] = mapped_column(Date, nullable=False, index=True)
    reason: Mapped[str] = mapped_column(
        String(300), nullable=False, default="", info={"personal": True}
    )
    site_id: Mapped[str | None] = mapped_column(String(32), _fk("sites.id"))
    done: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    done_on: Mapped[dt.date | None] = mapped_column(Date)


class ReplicaState(Base):
    """This installation's identity and clock (one row; never synchronised)."""

    __tablename__ = "replica_state"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False, default="")


def listed_participant() -> tuple[Any, ...]:
    """Where-clauses of a participant shown in lists: not deleted, erased or merged away."""
    return (
        Participant.deleted.is_(False),
        Participant.erased.is_(False),
        Participant.merged_into.is_(None),
    )


SYNCED_MODELS: tuple[type[Synced], ...] = (
    Site,
    Agent,
    Participant,
    Activity,
    Attendance,
    AgentTraining,
    FollowUp,
)


def synced_fields(model: type[Synced]) -> tuple[str, ...]:
    """Return the names of a model's synchronised columns, derived from the metadata."""
    table = model.__table__  # type: ignore[attr-defined]
    return tuple(
        c.name
        for c in table.columns
        if c.name not in BOOKKEEPING_COLUMNS and not c.info.get("local")
    )


def personal_fields(model: type[Synced]) -> tuple[str, ...]:
    """Return the columns emptied when a person is erased."""
    table = model.__table__  # type: ignore[attr-defined]
    return tuple(c.name for c in table.columns if c.info.get("personal"))


def model_for_table(name: str) -> type[Synced]:
    """Return the synchronised model stored in a table."""
    for model in SYNCED_MODELS:
        if model.__tablename__ == name:  # type: ignore[attr-defined]
            return model
    raise KeyError(name)
