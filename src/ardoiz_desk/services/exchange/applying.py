"""Merge an admitted, decoded bundle in one transaction, or preview it (rolled back).

Besides the rows: the version vector is raised to what the bundle proves, its conflicts
are recorded, the peer's known vector and the ledger are kept, the clock observes the
bundle, and records merged into someone now erased are erased too. A coordinator's roster
is applied once the bundle is in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ardoiz_desk.services.exchange.bundles import own_version_vector
from ardoiz_desk.services.exchange.import_report import BundleOutcome
from ardoiz_desk.services.exchange.incoming import CheckedStream
from ardoiz_desk.services.exchange.ledger import ledger_values
from ardoiz_desk.services.exchange.preview_rows import RowChanges, finish_noting, start_noting
from ardoiz_desk.services.exchange.quarantine import CLOCK, mark_released, take_notice
from ardoiz_desk.services.exchange.territory import apply_roster
from ardoiz_desk.services.privacy.audit import record_event
from ardoiz_desk.services.privacy.erased_ids import remember_erased
from ardoiz_desk.services.workspace import Workspace
from ardoiz_desk.store.models import ReplicaState
from ardoiz_desk.sync import state
from ardoiz_desk.sync.container import Envelope
from ardoiz_desk.sync.erasure import erase_redirected_to_erased, live_redirected_to_erased
from ardoiz_desk.sync.guards import bounded_version_vector
from ardoiz_desk.sync.merge import MergeResult, StampSummary, merge_tables
from ardoiz_desk.sync.reading import beyond_drift, clock_lead_ms
from ardoiz_desk.sync.redirects import blank_copies_of_erased, break_redirect_loops

Progress = Callable[[int, int, str], None]


ALREADY_MESSAGE = "Déjà importé : rien à faire."


class ClockAhead(Exception):
    """The bundle carries stamps too far ahead of this machine's clock: it is quarantined."""

    def __init__(self, lead_ms: int) -> None:
        super().__init__("clock ahead")
        self.lead_ms = lead_ms


class _AlreadyApplied(Exception):
    """Another import of this very file committed while this one waited for the lock."""


class _Preview(Exception):
    """Raised inside a dry run's transaction so that it rolls back."""

    def __init__(self, result: MergeResult, chained: int, changes: tuple[RowChanges, ...]) -> None:
        super().__init__("dry run")
        self.result = result
        self.chained = chained
        self.changes = changes


def apply_bundle(
    ws: Workspace,
    envelope: Envelope,
    bundle: CheckedStream,
    sha: str,
    head: dict[str, Any],
    *,
    dry_run: bool,
    from_held: str | None,
    progress: Progress | None,
    roster: list[Any] | None = None,
    approve_clock: bool = False,
) -> BundleOutcome:
    """Merge a bundle (or preview it), section by section in one transaction; return its
    outcome.

    ``from_held`` is the ledger status of the copy kept aside ('held' or 'clock'), if any.
    Raises BundleError (refused) or :class:`ClockAhead` (to be quarantined), nothing changed.
    """
    sender_vv = envelope.manifest["version_vector"]
    try:
        # One write transaction from the ledger check to the commit: a racing import of
        # the same file waits for the lock here, then finds it done.
        with ws.store.remote_session() as session:
            conn = session.connection()
            if state.find_ledger(conn, head["bundle_id"], sha) == state.APPLIED:
                raise _AlreadyApplied
            # A preview also says who: rows the merge adds or changes are noted (rolled back).
            noting = dry_run and start_noting(conn)
            result = merge_tables(conn, bundle, sender_vv, own_version_vector(ws, conn), progress)
            bundle.redirects.check(conn)
            if beyond_drift(bundle.stream.read) and not approve_clock:
                raise ClockAhead(clock_lead_ms(bundle.stream.read))
            if dry_run:
                changes = finish_noting(conn) if noting else ()
                raise _Preview(result, len(live_redirected_to_erased(conn)), changes)
            kept = bundle.kept
            _bookkeep(ws, conn, envelope, kept, result, sha, head, from_held)
            ws.store.clock.observe(kept.max_stamp) if kept.max_stamp else None
            # Opposite merges (A -> B -> A) leave one live record, the same everywhere.
            break_redirect_loops(session)
            # A record merged (here or elsewhere) into someone now erased is erased too,
            # by ordinary stamped writes, so the erasure travels on in later bundles.
            chained = erase_redirected_to_erased(session)
            blank_copies_of_erased(session)
            session.merge(ReplicaState(key="hlc_last", value=ws.store.clock.last))
    except _Preview as preview:
        return _preview_outcome(head, preview, bundle.note())
    except _AlreadyApplied:
        return BundleOutcome(**head, status="already", message=ALREADY_MESSAGE)
    remember_erased(ws.data_dir, {*result.newly_erased, *chained})
    ws.store.forget_freed_pages()
    record_event(
        ws,
        "bundle-import",
        bundle=head["bundle_id"],
        origin=head["origin_replica"],
        new=sum(t.new for t in result.tables),
        updated=sum(t.updated for t in result.tables),
        conflicts=len(result.conflicts),
        erased=len(result.newly_erased),
        erased_merged_records=len(chained),
    )
    if _from_coordinator(ws, envelope.origin_replica):
        if roster is not None:
            apply_roster(ws, roster)
        take_notice(ws, envelope.manifest)
    message = f"Importé.{bundle.note()}"
    return BundleOutcome(**head, status="applied", message=message, tables=result.tables)


def _preview_outcome(head: dict[str, Any], preview: _Preview, note: str) -> BundleOutcome:
    message = f"Aperçu : rien n'a été modifié.{note}"
    if preview.chained:
        message += (
            f" {preview.chained} fiche(s) fusionnée(s) avec une personne effacée "
            "seront effacées aussi."
        )
    return BundleOutcome(
        **head,
        status="preview",
        message=message,
        tables=preview.result.tables,
        changes=preview.changes,
    )


def _bookkeep(
    ws: Workspace,
    conn: Any,
    envelope: Envelope,
    bundle: StampSummary,
    result: MergeResult,
    sha: str,
    head: dict[str, Any],
    from_held: str | None,
) -> None:
    manifest = envelope.manifest
    complete = manifest["kind"] == "full" or manifest.get("for_replica") == ws.replica_id
    peer = state.get_peer(conn, envelope.origin_replica)
    known = bounded_version_vector(
        manifest["version_vector"] if complete else {},
        bundle.newest,
        sender=envelope.origin_replica,
        me=ws.replica_id,
        from_coordinator=bool(peer and peer.trusted_coordinator),
    )
    state.raise_version_vector(conn, known, bundle.replicas)
    state.record_conflicts(conn, head["bundle_id"], result.conflicts)
    state.purge_conflicts_of(conn, result.erased_ids)
    known_before = peer.known_vv if peer else {}
    claimed = dict(manifest["version_vector"])
    mine = own_version_vector(ws, conn).get(ws.replica_id, "")
    if claimed.get(ws.replica_id, "") > mine:  # nobody has seen more of mine than I wrote
        claimed[ws.replica_id] = mine
    peer_vv = state.join_version_vectors(known_before, claimed)
    state.upsert_peer(
        conn, envelope.origin_replica, known_vv=peer_vv, last_bundle_at=state.utc_now()
    )
    counts = {t.table: {"new": t.new, "updated": t.updated} for t in result.tables}
    if from_held == CLOCK:
        mark_released(ws, conn, head["bundle_id"])
    elif from_held:
        state.mark_held_applied(conn, head["bundle_id"])
    else:
        state.add_ledger(
            conn, **ledger_values(envelope, sha, head, state.APPLIED, ""), counts=counts
        )


def _from_coordinator(ws: Workspace, replica_id: str) -> bool:
    with ws.store.session() as session:
        peer = state.get_peer(session.connection(), replica_id)
    return bool(peer and peer.trusted_coordinator)
