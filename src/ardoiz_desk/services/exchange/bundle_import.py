"""Import bundles: checked, then merged all-or-nothing; a dry run shows what would change.

Each bundle is refused, held or applied on its own: one bad file never blocks the others.
The import ledger makes a second import of the same file a no-op, and a report of every
import run is written (JSON and text) in the data folder's ``reports/imports``.

A preview records the SHA-256 of every file it read (``ImportReport.previewed``); an import
given those fingerprints (``expected``) applies only files whose bytes still match, and
reports anything new, changed or gone since as ``stale``, never applied unseen.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from ardoiz_desk.services.exchange.applying import ClockAhead, apply_bundle
from ardoiz_desk.services.exchange.bundles import sync_folder
from ardoiz_desk.services.exchange.holding import hold, pending_replicas, release_held
from ardoiz_desk.services.exchange.import_report import (
    BundleOutcome,
    ImportReport,
    write_report,
)
from ardoiz_desk.services.exchange.incoming import CheckedStream
from ardoiz_desk.services.exchange.ledger import outcome_head
from ardoiz_desk.services.exchange.quarantine import quarantine, quarantined
from ardoiz_desk.services.exchange.territory import (
    TRUSTED,
    load_keys,
    set_peer_status,
    territory_key_for,
)
from ardoiz_desk.services.exchange.territory_keys import revoked_cutoffs
from ardoiz_desk.services.privacy.audit import record_event
from ardoiz_desk.services.workspace import Workspace
from ardoiz_desk.sync import state, trust
from ardoiz_desk.sync.container import open_envelope
from ardoiz_desk.sync.errors import BundleError
from ardoiz_desk.sync.inbox import scan_folder
from ardoiz_desk.sync.reading import MAX_DRIFT_MS, now_ms, open_bundle

log = logging.getLogger(__name__)
Progress = Callable[[int, int, str], None]


def import_bundle_bytes(
    ws: Workspace,
    data: bytes,
    *,
    name: str = "",
    dry_run: bool = False,
    from_held: bool = False,
    progress: Progress | None = None,
    approve_clock: bool = False,
) -> BundleOutcome:
    """Check and merge one bundle; raise BundleError when it is refused.

    The envelope is opened (signature checked), the trust gate decides (``sync/trust``);
    the payload must then decrypt and authenticate with the territory key and decode within
    bounds (``sync/reading``) before anything is held. Then ``applying`` merges it section
    by section in one transaction, each section checked first as at entry (``incoming``:
    values, communes, redirects), rows of a revoked replica written after its revocation
    left out; anything refused rolls the whole bundle back. A sender's clock too far ahead
    rolls it back too and sends the bundle to ``quarantine`` (``approve_clock``: a person
    approved it, its future stamps are rebased and it is applied).
    """
    envelope = open_envelope(data)
    keys = load_keys(ws)
    sha = hashlib.sha256(data).hexdigest()
    with ws.store.session() as session:
        conn = session.connection()
        seen = state.find_ledger(conn, envelope.manifest["bundle_id"], sha)
        peer = state.get_peer(conn, envelope.origin_replica)
    me = trust.Identity(ws.replica_id, keys.public_key, keys.territory_id)
    verdict = trust.decide(envelope.manifest, envelope.public_key, me, peer, seen)
    head = outcome_head(name, envelope.manifest)
    site = head["origin_site"] or head["origin_replica"]
    if verdict.action == trust.REFUSE:
        raise _naming(site, BundleError(verdict.message, verdict.reason))
    if verdict.action in (trust.SKIP, trust.ALREADY):
        status = "skipped" if verdict.action == trust.SKIP else "already"
        return BundleOutcome(**head, status=status, message=verdict.message)
    try:
        stream = open_bundle(envelope, territory_key_for(ws, envelope))
        if verdict.action == trust.HOLD:  # only what proves itself with the territory key
            stream.check()
            already = seen == state.HELD
            return hold(ws, data, envelope, sha, head, dry_run=dry_run, already_held=already)
        checked = CheckedStream(
            stream,
            ws.today(),
            revoked_cutoffs(ws),
            approve_clock=approve_clock,
            fresh=ws.store.clock.now,
            limit=f"{now_ms() + MAX_DRIFT_MS:013d}.99999.ffffffffffffffff",
        )
        held = seen if seen in (state.HELD, state.CLOCK) else (state.HELD if from_held else None)
        return apply_bundle(
            ws,
            envelope,
            checked,
            sha,
            head,
            dry_run=dry_run,
            from_held=held,
            progress=progress,
            roster=stream.roster,
            approve_clock=approve_clock,
        )
    except ClockAhead as ahead:
        fields = quarantine(
            ws,
            data,
            envelope,
            sha,
            head,
            ahead.lead_ms,
            dry_run=dry_run,
            already=seen == state.CLOCK,
        )
        return BundleOutcome(**fields)
    except BundleError as exc:
        raise _naming(site, exc) from exc


def _naming(site: str, exc: BundleError) -> BundleError:
    """The refusal as one French sentence naming the site and the reason."""
    reason = exc.message[:1].lower() + exc.message[1:]
    return BundleError(f"Paquet de « {site} » refusé : {reason}", exc.reason)


def import_files(
    ws: Workspace,
    paths: Sequence[Path],
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    skipped: Sequence[BundleOutcome] = (),
    expected: Mapping[str, str] | None = None,
) -> ImportReport:
    """Import several bundle files, each on its own; write and return the report.

    With ``expected`` (path → SHA-256, a preview's ``previewed``), only the files whose bytes
    are those previewed are imported; the others, and previewed files now gone, are
    reported as ``stale``.
    """
    outcomes = list(skipped)
    read: list[tuple[str, str]] = []
    pending = set() if dry_run else pending_replicas(ws)
    for i, path in enumerate(paths):
        if progress:
            progress(i, len(paths), path.name)
        sub = _sub(progress, i, len(paths), path.name)
        outcomes.append(_import_path(ws, path, dry_run, sub, expected, read))
    if expected is not None:
        seen = {str(p) for p in paths}
        outcomes += [_stale(Path(p), GONE) for p in expected if p not in seen]
    for replica in sorted(pending):  # a coordinator's roster may have trusted it meanwhile
        outcomes += _release_held(ws, replica, None)
    if not dry_run:  # work kept aside for a clock ahead, applied once real time caught up
        outcomes += [o for o in _retry_quarantined(ws) if o.status != "quarantined"]
    if progress:
        progress(len(paths), len(paths), "")
    report = ImportReport(tuple(outcomes), dry_run, previewed=tuple(read))
    return report if dry_run else write_report(ws.data_dir, report)


NEW = "Nouveau depuis l'aperçu : non importé, relancez l'aperçu pour le voir d'abord."
CHANGED = "Modifié depuis l'aperçu : non importé, relancez l'aperçu pour le voir d'abord."
GONE = "Disparu depuis l'aperçu : rien importé."


def _stale(path: Path, message: str) -> BundleOutcome:
    return BundleOutcome(file=path.name, status="stale", message=message, reason="stale")


def _sub(progress: Progress | None, i: int, n: int, name: str) -> Progress | None:
    if progress is None:
        return None
    return lambda done, total, what: progress(i * total + done, n * total, f"{name} : {what}")


def _import_path(
    ws: Workspace,
    path: Path,
    dry_run: bool,
    progress: Progress | None,
    expected: Mapping[str, str] | None = None,
    read: list[tuple[str, str]] | None = None,
) -> BundleOutcome:
    if expected is not None and str(path) not in expected:
        return _stale(path, NEW)
    try:
        data = path.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        if read is not None:
            read.append((str(path), sha))
        if expected is not None and expected[str(path)] != sha:
            return _stale(path, CHANGED)
        # The very bytes hashed above are imported: nothing can swap the file in between.
        return import_bundle_bytes(ws, data, name=path.name, dry_run=dry_run, progress=progress)
    except BundleError as exc:
        return BundleOutcome(
            file=path.name, status="refused", message=exc.message, reason=exc.reason
        )
    except OSError as exc:
        return BundleOutcome(
            file=path.name,
            status="refused",
            message=f"Fichier illisible : {exc.strerror or exc}.",
            reason="io",
        )
    except Exception as exc:  # one bad bundle must never block the others
        log.exception("unexpected failure importing %s", path)
        return BundleOutcome(
            file=path.name,
            status="refused",
            message=f"Erreur inattendue ({type(exc).__name__}) : paquet ignoré, voir le journal.",
            reason="internal",
        )


def import_inbox(
    ws: Workspace,
    folder: Path | None = None,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    expected: Mapping[str, str] | None = None,
) -> ImportReport:
    """Import the sync folder's new bundles; partial files and conflict copies are skipped.

    With ``expected`` (a preview's ``previewed``), bundles that landed in the folder since the
    preview, or changed, are reported as ``stale`` and not imported.
    """
    folder = folder or sync_folder(ws)
    if folder is None:
        raise BundleError("Aucun dossier de synchronisation n'est choisi.", "no-folder")
    entries = scan_folder(folder)
    skipped = [
        BundleOutcome(file=e.path.name, status="skipped", message=f"Ignoré : {e.skipped_reason}.")
        for e in entries
        if e.skipped_reason
    ]
    ready = [e.path for e in entries if not e.skipped_reason]
    return import_files(
        ws, ready, dry_run=dry_run, progress=progress, skipped=skipped, expected=expected
    )


def approve_replica(
    ws: Workspace,
    replica_id: str,
    progress: Progress | None = None,
    *,
    fingerprint: str | None = None,
) -> ImportReport:
    """Trust a pending replica and apply the bundles held for it.

    ``fingerprint`` names the key to trust (the one checked over the phone); it is required
    when the replica's bundles bore several keys. Bundles held under the others are dropped.
    """
    set_peer_status(ws, replica_id, TRUSTED, fingerprint=fingerprint)
    return write_report(
        ws.data_dir, ImportReport(tuple(_release_held(ws, replica_id, progress)), False)
    )


def _release_held(ws: Workspace, replica_id: str, progress: Progress | None) -> list[BundleOutcome]:
    """Apply the bundles held for a replica now trusted (by approval or a coordinator's roster)."""

    def importer(data: bytes, name: str) -> BundleOutcome:
        return import_bundle_bytes(ws, data, name=name, from_held=True, progress=progress)

    return release_held(ws, replica_id, importer)


def _retry_quarantined(
    ws: Workspace, bundle_id: str | None = None, *, approve: bool = False
) -> list[BundleOutcome]:
    outcomes = []
    for q in quarantined(ws):
        if bundle_id is not None and q.bundle_id != bundle_id:
            continue
        path = Path(q.held_path)
        try:
            outcome = import_bundle_bytes(
                ws, path.read_bytes(), name=q.file_name, approve_clock=approve
            )
        except BundleError as exc:
            outcome = BundleOutcome(file=q.file_name, status="refused", message=str(exc))
        except OSError:
            message = "Le paquet mis de côté est introuvable ou illisible : rien n'a été modifié."
            outcome = BundleOutcome(file=q.file_name, status="refused", message=message)
        if outcome.status == "applied":
            path.unlink(missing_ok=True)
        outcomes.append(outcome)
    return outcomes


def approve_quarantined(ws: Workspace, bundle_id: str) -> ImportReport:
    """Apply a bundle kept aside for its sender's clock, as a person decided.

    Its stamps beyond the drift bound are replaced by fresh stamps of this computer: the
    work is kept, and no clock is dragged forward.
    """
    outcomes = _retry_quarantined(ws, bundle_id, approve=True)
    if not outcomes:
        raise BundleError("Aucun paquet mis de côté sous cet identifiant.", "unknown-bundle")
    record_event(ws, "bundle-clock-approved", bundle=bundle_id)
    return write_report(ws.data_dir, ImportReport(tuple(outcomes), False))


def report_as_json(report: ImportReport) -> str:
    """Return a report as JSON text."""
    return json.dumps(report.as_dict(), ensure_ascii=False, indent=2)
