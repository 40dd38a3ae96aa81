"""A synchronisation round through the shared folder: read what others wrote, write ours, prune.

A round calls the ordinary import and export (so trust, holding of unknown keys, the import
ledger and reports stay theirs) and adds the mailbox's own bookkeeping
(:mod:`~ardoiz_desk.services.exchange.mailbox`). It never raises for a bad file or a folder
that goes away: each problem is a line of the round's report, and the next round retries.
Nothing is applied twice (the import ledger) and nothing is lost (our files stay until every
known replica holds what they carried).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ardoiz_desk.services.exchange import mailbox as mb
from ardoiz_desk.services.exchange.bundle_import import import_files
from ardoiz_desk.services.exchange.bundles import export_bundle, own_version_vector, sync_folder
from ardoiz_desk.services.exchange.territory import TRUSTED, load_keys
from ardoiz_desk.services.files import write_atomically
from ardoiz_desk.services.workspace import Workspace
from ardoiz_desk.sync import state
from ardoiz_desk.sync.errors import BundleError
from ardoiz_desk.sync.mailbox import (
    MailboxEntry,
    covers,
    floor_vector,
    list_mailbox,
    lowered,
    outgoing_name,
    parse_name,
)
from ardoiz_desk.sync.rules import join_version_vectors

log = logging.getLogger(__name__)
Progress = Callable[[int, int, str], None]
DONE, UNREACHABLE, NO_FOLDER, NO_TERRITORY = "done", "unreachable", "no-folder", "no-territory"
STATE_LAST_PROBLEMS = "mailbox_last_problems"


@dataclass(frozen=True)
class RoundLine:
    """One file the round did something with, or skipped, and why (French)."""

    file: str
    status: str  # applied | held | refused | skipped | waiting | written | pruned | error
    message: str


@dataclass(frozen=True)
class RoundReport:
    """What one round did."""

    status: str
    folder: str = ""
    lines: tuple[RoundLine, ...] = ()
    written: str = ""
    written_rows: int = 0
    pruned: int = 0
    waiting: int = 0
    pending_approvals: int = 0
    changed: bool = False  # the base took in something: panes should refresh
    message: str = ""
    at: str = field(default_factory=mb.utc_now)
    report_path: str = ""

    def count(self, status: str) -> int:
        """How many lines have this status."""
        return sum(1 for line in self.lines if line.status == status)

    def summary(self) -> str:
        """One English line for the command line."""
        if self.status != DONE:
            return f"round {self.status}: {self.message}"
        parts = [
            f"{self.count('applied')} applied",
            f"{self.count('held')} held",
            f"{self.count('refused')} refused",
            f"{self.count('skipped')} skipped",
        ]
        if self.waiting:
            parts.append(f"{self.waiting} waiting for a preview (manual mode)")
        parts.append(
            f"sent {self.written} ({self.written_rows} rows)"
            if self.written
            else "sent nothing new"
        )
        parts.append(f"{self.pruned} pruned")
        if self.pending_approvals:
            parts.append(f"{self.pending_approvals} bundle(s) waiting for approval")
        return "round done: " + ", ".join(parts)


def run_round(
    ws: Workspace, *, manual: bool | None = None, progress: Progress | None = None
) -> RoundReport:
    """Run one round: read the folder, apply what is new (unless manual), write ours, prune."""
    folder = sync_folder(ws)
    manual = mb.manual_mode(ws) if manual is None else manual
    ws.store.set_state(mb.STATE_LAST_ROUND, mb.utc_now())
    if folder is None:
        return RoundReport(NO_FOLDER, message="Aucun dossier de synchronisation n'est choisi.")
    try:
        load_keys(ws)
    except BundleError as exc:
        return RoundReport(NO_TERRITORY, str(folder), message=exc.message)
    try:
        entries = list_mailbox(folder) if folder.is_dir() else None
    except OSError as exc:
        log.info("sync folder unreachable: %s", exc)
        entries = None
    if entries is None:
        return _unreachable(ws, folder)
    lines: list[RoundLine] = []
    received = _receive(ws, entries, manual, lines, progress)
    with ws.store.session() as session:
        conn = session.connection()
        before = own_version_vector(ws, conn)
        after = mb.raise_from_complete(conn, before)
    written, rows, ok = _send(ws, folder, entries, lines)
    pruned = _prune(ws, folder, lines) if ok else 0
    _note_confirmations(ws)
    if ok:
        ws.store.set_state(mb.STATE_LAST_OK, mb.utc_now())
        ws.store.set_state(mb.STATE_UNREACHABLE, "")
    ws.store.set_state(mb.STATE_WAITING, str(received["waiting"]))
    report = RoundReport(
        DONE,
        str(folder),
        tuple(lines),
        written,
        rows,
        pruned,
        received["waiting"],
        pending_approvals(ws),
        changed=received["applied"] > 0 or after != before,
        message="" if ok else "Dossier injoignable pendant l'écriture : réessai au prochain tour.",
    )
    return _keep(ws, report)


def _unreachable(ws: Workspace, folder: Path) -> RoundReport:
    if not ws.store.get_state(mb.STATE_UNREACHABLE):
        ws.store.set_state(mb.STATE_UNREACHABLE, mb.utc_now())
    return RoundReport(
        UNREACHABLE,
        str(folder),
        message=f"Dossier injoignable : {folder} (clé USB retirée, réseau absent ?).",
        pending_approvals=pending_approvals(ws),
    )


def pending_approvals(ws: Workspace) -> int:
    """How many received bundles wait for the coordination's approval of their site."""
    with ws.store.session() as session:
        return len(state.held_bundles(session.connection()))


# --- receiving --------------------------------------------------------------------------------


def _to_read(
    ws: Workspace, entries: list[MailboxEntry], lines: list[RoundLine]
) -> list[MailboxEntry]:
    with ws.store.session() as session:
        ledger = mb.incoming(session.connection())
        # Files gone from the folder (pruned by their writer) leave the ledger too: it stays
        # as small as the folder. The import ledger still knows every bundle applied.
        mb.forget_incoming(session.connection(), set(ledger) - {e.name for e in entries})
    todo = []
    for e in entries:
        if e.skipped_reason:
            lines.append(RoundLine(e.name, "skipped", f"Ignoré : {e.skipped_reason}."))
            continue
        parsed = parse_name(e.name)
        if parsed and parsed[0] == ws.replica_id:
            continue  # ours: pruning looks after them
        known = ledger.get(e.name)
        if (
            known
            and known["status"] in mb.SETTLED
            and (known["size"], known["mtime_ns"]) == (e.size, e.mtime_ns)
        ):
            continue
        todo.append(e)
    return todo


def _coordinators_first(ws: Workspace, todo: list[MailboxEntry]) -> list[MailboxEntry]:
    """Read the coordination's bundles first: their roster may trust the sites of the others."""
    with ws.store.session() as session:
        leaders = {
            p.replica_id
            for p in state.list_peers(session.connection())
            if p.role == "coordinator" and p.status == TRUSTED
        }

    def order(e: MailboxEntry) -> tuple[int, str, int]:
        parsed = parse_name(e.name) or ("", 0)
        return (0 if parsed[0] in leaders else 1, parsed[0], parsed[1])

    return sorted(todo, key=order)


def _import(ws: Workspace, todo: list[MailboxEntry], progress: Progress | None):
    """Import files; those held for a replica trusted meanwhile (by a roster) are read again."""
    report = import_files(ws, [e.path for e in todo], progress=progress)
    outcomes = list(report.outcomes[: len(todo)])
    released = list(report.outcomes[len(todo) :])
    with ws.store.session() as session:
        trusted = {
            p.replica_id for p in state.list_peers(session.connection()) if p.status == TRUSTED
        }
    again = [
        i for i, o in enumerate(outcomes) if o.status == "held" and o.origin_replica in trusted
    ]
    if again:
        second = import_files(ws, [todo[i].path for i in again])
        for i, outcome in zip(again, second.outcomes, strict=False):
            outcomes[i] = outcome
        released += list(second.outcomes[len(again) :])
    return outcomes, released, trusted


def _already_previewed(ws: Workspace, todo: list[MailboxEntry]) -> list[MailboxEntry]:
    """Manual mode: note the files the agent imported (after a preview); return the others."""
    waiting = []
    with ws.store.session() as session:
        conn = session.connection()
        for e in todo:
            manifest = mb.head_manifest(e.path)
            try:
                sha = hashlib.sha256(e.path.read_bytes()).hexdigest()
            except OSError:
                manifest = None
            applied = manifest is not None and (
                state.find_ledger(conn, manifest["bundle_id"], sha) == state.APPLIED
            )
            if not applied:
                waiting.append(e)
                continue
            mb.record_incoming(conn, e, "already", manifest)
            mb.record_acknowledgement(conn, manifest)
    return waiting


def _receive(
    ws: Workspace,
    entries: list[MailboxEntry],
    manual: bool,
    lines: list[RoundLine],
    progress: Progress | None,
) -> dict[str, int]:
    todo = _to_read(ws, entries, lines)
    if manual:
        waiting = _already_previewed(ws, todo)
        lines += [
            RoundLine(e.name, "waiting", "Reçu : attend votre aperçu (mode manuel).")
            for e in waiting
        ]
        return {"applied": 0, "waiting": len(waiting)}
    if not todo:
        return {"applied": 0, "waiting": 0}
    todo = _coordinators_first(ws, todo)
    outcomes, released, trusted = _import(ws, todo, progress)
    applied = 0
    with ws.store.session() as session:
        conn = session.connection()
        for e, outcome in zip(todo, outcomes, strict=False):
            manifest = mb.head_manifest(e.path)
            status = outcome.status
            mb.record_incoming(conn, e, status, manifest)
            acknowledged = status in ("applied", "already") and manifest is not None
            if acknowledged and manifest["origin"]["replica"] in trusted:
                mb.record_acknowledgement(conn, manifest)
            if status != "already":
                lines.append(RoundLine(e.name, status, outcome.message))
            applied += status == "applied"
    # Held bundles released by a coordinator's roster come after the files read.
    for outcome in released:
        lines.append(RoundLine(outcome.file, outcome.status, outcome.message))
        applied += outcome.status == "applied"
    return {"applied": applied, "waiting": 0}


# --- sending and pruning ----------------------------------------------------------------------


def _floor(ws: Workspace, conn) -> tuple[dict[str, str], dict[str, str]]:
    own_vv = own_version_vector(ws, conn)
    acks = mb.acknowledgements(conn)
    peer_vvs = []
    for p in state.list_peers(conn):
        if p.status != TRUSTED or p.replica_id == ws.replica_id:
            continue
        known = join_version_vectors(
            p.known_vv or {}, (acks.get(p.replica_id) or {}).get("version_vector") or {}
        )
        if known:
            peer_vvs.append(known)
    return own_vv, floor_vector(own_vv, peer_vvs)


def _send(
    ws: Workspace, folder: Path, entries: list[MailboxEntry], lines: list[RoundLine]
) -> tuple[str, int, bool]:
    present = {e.name for e in entries}
    with ws.store.session() as session:
        conn = session.connection()
        own_vv, floor = _floor(ws, conn)
        mine = mb.sent(conn, include_pruned=True)
        live = [s for s in mine if not s.pruned_at]
        lost = [s for s in live if s.name not in present]
        for s in lost:  # the folder was emptied or replaced: say it, and send again
            mb.mark_sent(conn, s.name, pruned_at=mb.utc_now(), status="lost")
    last = mine[-1] if mine else None
    needed = (
        last is None or last.version_vector != own_vv or lowered(floor, last.since) or bool(lost)
    )
    if not needed:
        return "", 0, True
    highest = max(
        (p[1] for p in map(parse_name, present) if p and p[0] == ws.replica_id), default=0
    )
    sequence = mb.next_sequence(ws, max(highest, last.sequence if last else 0))
    name = outgoing_name(ws.replica_id, sequence)
    # Written in the data folder first, then published into the shared one, which is never
    # recreated if it is gone: a pulled USB stick must not reappear on the local disk.
    staging = ws.data_dir / "outbox" / name
    try:
        result = export_bundle(ws, staging, since=floor or None, full=not floor)
        write_atomically(folder / name, staging.read_bytes(), make_parent=False)
    except OSError as exc:
        lines.append(RoundLine(name, "error", f"Écriture impossible : {exc.strerror or exc}."))
        return "", 0, False
    finally:
        staging.unlink(missing_ok=True)
    rows = sum(result.counts.values())
    with ws.store.session() as session:
        mb.record_sent(
            session.connection(), name, sequence, rows, result.version_vector, result.since or {}
        )
    lines.append(RoundLine(name, "written", f"Paquet déposé : {rows} enregistrement(s)."))
    return name, rows, True


def _peer_vectors(conn, replica_id: str) -> list[tuple[state.Peer, dict[str, str]]]:
    acks = mb.acknowledgements(conn)
    out = []
    for p in state.list_peers(conn):
        if p.status == TRUSTED and p.replica_id != replica_id:
            ack = (acks.get(p.replica_id) or {}).get("version_vector") or {}
            out.append((p, join_version_vectors(p.known_vv or {}, ack)))
    return out


def _prune(ws: Workspace, folder: Path, lines: list[RoundLine]) -> int:
    """Delete our files whose content every trusted replica says it holds.

    The newest stays: its vector is our acknowledgement, which the others still have to read.
    """
    with ws.store.session() as session:
        conn = session.connection()
        peers = _peer_vectors(conn, ws.replica_id)
        live = mb.sent(conn, include_pruned=False)
    if not peers:
        return 0
    pruned = 0
    for s in live[:-1]:
        if not all(covers(vv, s.version_vector) for _p, vv in peers):
            continue
        try:
            (folder / s.name).unlink(missing_ok=True)
        except OSError as exc:
            lines.append(RoundLine(s.name, "error", f"Suppression impossible : {exc.strerror}."))
            continue
        with ws.store.session() as session:
            mb.mark_sent(session.connection(), s.name, pruned_at=mb.utc_now(), status="pruned")
        pruned += 1
    if pruned:
        lines.append(
            RoundLine("", "pruned", f"{pruned} paquet(s) reçus partout, retirés du dossier.")
        )
    return pruned


def _note_confirmations(ws: Workspace) -> None:
    """Date our bundles the coordination now says it holds (per-site status at the counter)."""
    with ws.store.session() as session:
        conn = session.connection()
        coordinators = [
            vv for p, vv in _peer_vectors(conn, ws.replica_id) if p.role == "coordinator"
        ]
        if not coordinators:
            return
        for s in mb.sent(conn):
            own = s.version_vector.get(ws.replica_id)
            if s.confirmed_at or not own:
                continue
            if any(vv.get(ws.replica_id, "") >= own for vv in coordinators):
                mb.mark_sent(conn, s.name, confirmed_at=mb.utc_now())


# --- the round's report -----------------------------------------------------------------------


def report_text(report: RoundReport) -> str:
    """The round's report as French text."""
    lines = [f"Tour de synchronisation — {report.at} — {report.folder}", ""]
    if report.message:
        lines.append(report.message)
    for line in report.lines:
        lines.append(f"* {line.file} : {line.status}. {line.message}".replace("*  : ", "* "))
    return "\n".join(lines) + "\n"


def _keep(ws: Workspace, report: RoundReport) -> RoundReport:
    """Write the report of a round that did or met something new.

    A no-op round leaves none, and neither does a round whose only lines are the same files
    skipped or refused as at the previous report (a stray file must not fill the disk with a
    report every ten minutes); the lines are still in the report returned.
    """
    if not report.lines and not report.message:
        return report
    repeated = {"skipped", "refused"}
    problems = sorted((line.file, line.status, line.message) for line in report.lines)
    key = hashlib.sha256(json.dumps(problems).encode()).hexdigest()[:32]
    only_problems = all(line.status in repeated for line in report.lines) and not report.message
    if only_problems and ws.store.get_state(STATE_LAST_PROBLEMS) == key:
        return report
    ws.store.set_state(STATE_LAST_PROBLEMS, key)
    folder = ws.data_dir / "reports" / "rounds"
    stem = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = folder / f"round-{stem}.json"
    report = dataclasses.replace(report, report_path=str(path))
    try:
        write_atomically(path, json.dumps(dataclasses.asdict(report), ensure_ascii=False, indent=2))
        write_atomically(path.with_suffix(".txt"), report_text(report))
    except OSError:
        log.exception("cannot write the round's report")
    return report
