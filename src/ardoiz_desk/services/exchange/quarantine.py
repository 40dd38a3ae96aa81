"""Work from a computer whose date runs ahead: kept aside, shown, applied later, never lost.

Policy (docs/bundle-format.md, "Wrong clocks"): stamps up to the drift bound (24 h) ahead
of this computer's clock are accepted as they are. A bundle carrying a stamp further ahead
is neither applied nor refused: it is *quarantined* — kept in ``held/`` and in the ledger
(status ``clock``) with its site and how far ahead it runs, listed for the coordinator —
and this computer's clock is not moved. It is applied by itself at the first import run
after real time has caught up with it (or once the sender's date is corrected and it sends
again), or at once when a person approves it: then the stamps beyond the bound are replaced
by fresh stamps of this computer, so no clock drags the others forward.

A coordinator names, in the manifest of each bundle it writes (``clock_notices``), the
replicas whose work it holds for their clock, with the hours ahead; a site reading its own
name there tells its agent at the counter (``identity.own_clock_notice``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from ardoiz_desk.services.exchange.identity import NOTICE_STATE
from ardoiz_desk.services.exchange.ledger import ledger_values
from ardoiz_desk.services.files import write_atomically
from ardoiz_desk.services.privacy.audit import record_event
from ardoiz_desk.services.workspace import Workspace
from ardoiz_desk.store.sync_tables import SyncImport
from ardoiz_desk.sync import state
from ardoiz_desk.sync.container import Envelope
from ardoiz_desk.sync.manifest import section_counts

CLOCK = state.CLOCK  # ledger status of a quarantined bundle
HOUR_MS = 3_600_000


@dataclass(frozen=True)
class Quarantined:
    """A bundle kept aside because its sender's date runs ahead."""

    bundle_id: str
    origin_replica: str
    site_code: str
    hours_ahead: int
    file_name: str
    held_path: str
    received_at: str = ""  # when this computer set it aside (UTC, ISO)
    rows: dict[str, int] = field(default_factory=dict)  # table -> rows the bundle carries


def hours(lead_ms: int) -> int:
    """Hours ahead, rounded (what people are shown)."""
    return round(lead_ms / HOUR_MS)


def quarantine_message(site: str, lead_ms: int) -> str:
    """One French sentence naming the site and how far ahead its date runs."""
    return (
        f"La date de l'ordinateur de « {site} » est en avance de {hours(lead_ms)} h : son "
        "paquet est mis de côté, sans rien perdre, jusqu'à ce que la date soit juste ou "
        "qu'une personne l'approuve."
    )


def quarantine(
    ws: Workspace,
    data: bytes,
    envelope: Envelope,
    sha: str,
    head: dict[str, Any],
    lead_ms: int,
    *,
    dry_run: bool,
    already: bool,
) -> dict[str, Any]:
    """Keep a bundle aside (atomically) and record it; return the outcome's fields."""
    site = head["origin_site"] or head["origin_replica"]
    message = quarantine_message(site, lead_ms)
    if not (dry_run or already):
        target = ws.data_dir / "held" / f"{head['bundle_id']}-{sha[:16]}.clock.ardoiz"
        write_atomically(target, data)
        with ws.store.session() as session:
            state.add_ledger(
                session.connection(),
                **ledger_values(envelope, sha, head, CLOCK, message),
                held_path=str(target),
                counts={"clock_lead_ms": lead_ms, "rows": _rows(envelope)},
            )
        record_event(ws, "bundle-clock-quarantine", bundle=head["bundle_id"], ahead_ms=lead_ms)
    return {**head, "status": "quarantined", "message": message, "reason": "clock"}


def _rows(envelope: Envelope) -> dict[str, int]:
    """Rows per table the bundle carries (its roster left out), for what people are shown."""
    try:
        counts = section_counts(envelope.manifest)
    except (KeyError, TypeError):
        return {}
    return {name: n for name, n in counts.items() if name != "roster" and n}


def quarantined(ws: Workspace) -> list[Quarantined]:
    """The bundles kept aside for a clock ahead, oldest first."""
    table = SyncImport.__table__
    with ws.store.session() as session:
        rows = session.execute(
            select(table).where(table.c.status == CLOCK).order_by(table.c.id)
        ).mappings()
        return [
            Quarantined(
                r["bundle_id"],
                r["origin_replica"],
                r["origin_site"],
                hours(int((r["counts"] or {}).get("clock_lead_ms", 0))),
                r["file_name"],
                r["held_path"],
                r["imported_at"] or "",
                dict((r["counts"] or {}).get("rows") or {}),
            )
            for r in rows
        ]


def mark_released(ws: Workspace, conn: Any, bundle_id: str) -> None:
    """Turn a quarantined bundle's ledger entry into an applied one."""
    from sqlalchemy import update

    table = SyncImport.__table__
    conn.execute(
        update(table)
        .where(table.c.bundle_id == bundle_id, table.c.status == CLOCK)
        .values(status=state.APPLIED, imported_at=state.utc_now(), held_path="")
    )


def clock_notices(ws: Workspace) -> dict[str, int]:
    """Replica -> hours ahead, for every replica whose work waits here for its clock."""
    out: dict[str, int] = {}
    for q in quarantined(ws):
        out[q.origin_replica] = max(out.get(q.origin_replica, 0), q.hours_ahead)
    return out


def take_notice(ws: Workspace, manifest: dict[str, Any]) -> None:
    """Remember (or forget) what the coordinator's bundle says of this computer's clock."""
    notices = manifest.get("clock_notices") or {}
    ahead = notices.get(ws.replica_id)
    ws.store.set_state(
        NOTICE_STATE,
        json.dumps({"hours": ahead, "at": manifest.get("created_at", "")}) if ahead else "",
    )
