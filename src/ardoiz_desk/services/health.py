"""Health of the base: integrity check, schema version, content digest."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ardoiz_desk.services.workspace import Workspace
from ardoiz_desk.store.digest import content_digest


@dataclass(frozen=True)
class CheckReport:
    """The verdict of ``check``."""

    integrity: str
    foreign_key_problems: int
    schema: str | None
    head: str

    @property
    def sound(self) -> bool:
        """True when SQLite's integrity check passes, references hold and the schema is at head."""
        return (
            self.integrity == "ok" and self.foreign_key_problems == 0 and self.schema == self.head
        )


def check_base(ws: Workspace) -> CheckReport:
    """Run SQLite's integrity and foreign-key checks and compare the schema with head."""
    from ardoiz_desk.store.migrate import current_revision, head_revision  # loads Alembic

    with ws.store.engine.connect() as conn:
        integrity = "; ".join(
            r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()
        )
        fk = len(conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall())
    return CheckReport(integrity, fk, current_revision(ws.store.engine), head_revision())


def digest(ws: Workspace) -> str:
    """Return the hash of the synchronised content (see store.digest)."""
    with ws.store.session() as session:
        return content_digest(session)


def clock_warning(ws: Workspace, tolerance_hours: int = 24) -> str | None:
    """Warn (in French) when this computer's date is behind the base's latest write, or
    when the coordinator's latest bundle says it holds this computer's work for its date.

    It happens when a PC ran with a date in the future and was then corrected: its stamps
    stay ahead of real time, and other sites hold its bundles back until that date passes.
    """
    from ardoiz_desk.services.exchange.identity import own_clock_notice
    from ardoiz_desk.store.hlc import parse_stamp, wall_clock_ms

    notice = own_clock_notice(ws)  # the coordinator saw this computer's dates ahead
    if notice:
        return notice
    last = ws.store.clock.last
    if not last:
        return None
    ahead_ms = parse_stamp(last).wall_ms - wall_clock_ms()
    if ahead_ms <= tolerance_hours * 3_600_000:
        return None
    when = dt.datetime.fromtimestamp(parse_stamp(last).wall_ms / 1000).strftime("%d/%m/%Y %H:%M")
    return (
        f"La date de cet ordinateur est antérieure à la dernière modification enregistrée "
        f"({when}) : vérifiez la date et l'heure de l'ordinateur, puis prévenez la "
        "coordination avant d'échanger des paquets."
    )


@dataclass(frozen=True)
class UnresolvedCommune:
    """A participant whose commune the official directory does not resolve."""

    participant_id: str
    name: str
    commune: str
    code_insee: str
    code_postal: str
    reason: str  # in English (the command line's language)


def unresolved_communes(ws: Workspace) -> list[UnresolvedCommune]:
    """Participants (listed ones) whose commune does not resolve to one INSEE code."""
    from sqlalchemy import select

    from ardoiz_desk.services.people.communes import resolve_commune
    from ardoiz_desk.store.models import Participant, listed_participant

    stmt = (
        select(
            Participant.id,
            Participant.prenom,
            Participant.nom,
            Participant.commune,
            Participant.commune_code_insee,
            Participant.commune_code_postal,
        )
        .where(*listed_participant())
        .where(
            (Participant.commune != "")
            | (Participant.commune_code_insee != "")
            | (Participant.commune_code_postal != "")
        )
        .order_by(Participant.nom, Participant.prenom, Participant.id)
    )
    out = []
    with ws.store.session() as session:
        rows = session.execute(stmt).all()
    for pid, prenom, nom, commune, insee, postal in rows:
        found = resolve_commune(commune, insee, postal)
        if found.error:
            reason = found.error_en
        elif not found.code_insee:
            reason = found.note_en or "no INSEE code"
        else:
            continue
        out.append(UnresolvedCommune(pid, f"{prenom} {nom}", commune, insee, postal, reason))
    return out
