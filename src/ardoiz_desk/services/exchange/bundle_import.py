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
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ardoiz_desk.services.exchange.bundles import own_version_vector, sync_folder
from ardoiz_desk.services.exchange.import_report import (
    BundleOutcome,
    ImportReport,
    TableCounts,
    write_report,
)
from ardoiz_desk.services.exchange.territory import (
    COORDINATOR,
    PENDING,
    REVOKED,
    TRUSTED,
    apply_roster,
    drop_foreign_held,
    load_keys,
    set_peer_status,
)
from ardoiz_desk.services.privacy.audit import record_event
from ardoiz_desk.services.workspace import Workspace
from ardoiz_desk.store.hlc import ClockError, HybridLogicalClock
from ardoiz_desk.store.models import ReplicaState
from ardoiz_desk.sync import state
from ardoiz_desk.sync.codec import decode_json_section
from ardoiz_desk.sync.container import Envelope, decrypt_sections, open_envelope
from ardoiz_desk.sync.crypto import fingerprint
from ardoiz_desk.sync.erasure import erase_redirected_to_erased, live_redirected_to_erased
from ardoiz_desk.sync.errors import BundleError
from ardoiz_desk.sync.inbox import scan_folder
from ardoiz_desk.sync.merge import DecodedBundle, MergeResult, decode_tables, merge_tables
from ardoiz_desk.sync.versions import schema_steps, upgrade_tables

log = logging.getLogger(__name__)
Progress = Callable[[int, int, str], None]


class _Preview(Exception):
    """Raised inside a dry run's transaction so that it rolls back."""

    def __init__(self, result: MergeResult, chained: int) -> None:
        super().__init__("dry run")
        self.result = result
        self.chained = chained


def _counts(result: MergeResult) -> tuple[TableCounts, ...]:
    return tuple(TableCounts(**asdict(t)) for t in result.tables)


def import_bundle_bytes(
    ws: Workspace,
    data: bytes,
    *,
    name: str = "",
    dry_run: bool = False,
    from_held: bool = False,
    progress: Progress | None = None,
) -> BundleOutcome:
    """Check and merge one bundle; raise BundleError when it is refused."""
    envelope = open_envelope(data)
    manifest = envelope.manifest
    keys = load_keys(ws)
    if manifest["territory_id"] != keys.territory_id:
        raise BundleError("Ce paquet vient d'un autre territoire.", "other-territory")
    base = _outcome_base(name, manifest)
    if envelope.origin_replica == ws.replica_id:
        if envelope.public_key != keys.public_key:
            raise BundleError("Ce paquet se fait passer pour cette installation.", "wrong-key")
        return BundleOutcome(
            **base, status="skipped", message="Paquet écrit par cette installation."
        )
    sha = hashlib.sha256(data).hexdigest()
    with ws.store.session() as session:
        seen = state.find_ledger(session.connection(), manifest["bundle_id"], sha)
        peer = state.get_peer(session.connection(), envelope.origin_replica)
    if seen == state.APPLIED:
        return BundleOutcome(**base, status="already", message="Déjà importé : rien à faire.")
    from_held = from_held or seen == state.HELD
    if peer is not None and peer["status"] == PENDING:
        # Not trusted yet, so its key is not fixed: hold whatever key signed it.
        return _hold(ws, data, envelope, sha, base, dry_run, already_held=seen == state.HELD)
    if peer is not None and peer["public_key"] != envelope.public_key.hex():
        raise BundleError(
            "Ce paquet est signé par une clé qui n'est pas celle de son installation d'origine : "
            "refusé.",
            "wrong-key",
        )
    if peer is not None and peer["status"] == REVOKED:
        raise BundleError("Cette installation a été révoquée : paquet refusé.", "revoked")
    if peer is None:
        return _hold(ws, data, envelope, sha, base, dry_run, already_held=seen == state.HELD)
    bundle = _decode(envelope, keys.territory_key, ws.replica_id)
    return _merge(ws, envelope, bundle, sha, base, dry_run, from_held, progress)


def _outcome_base(name: str, manifest: dict[str, Any]) -> dict[str, Any]:
    origin = manifest["origin"]
    return {
        "file": name,
        "bundle_id": manifest["bundle_id"],
        "origin_replica": origin["replica"],
        "origin_site": origin.get("site_code") or "",
        "kind": manifest["kind"],
    }


def _decode(envelope: Envelope, territory_key: bytes, replica_id: str) -> DecodedBundle:
    steps = schema_steps(envelope.manifest)
    sections = decrypt_sections(envelope, territory_key)
    bundle = decode_tables(sections)
    if steps:
        bundle = DecodedBundle(
            upgrade_tables(bundle.tables, steps), bundle.max_stamp, bundle.replicas
        )
    if "roster" in sections:
        roster = decode_json_section(sections["roster"], "roster")
        if not isinstance(roster, list):
            raise BundleError("La liste des installations du paquet est mal formée.", "altered")
        bundle.tables["__roster__"] = (["roster"], [roster])  # carried beside the tables
    if bundle.max_stamp:
        try:
            HybridLogicalClock(replica_id).observe(bundle.max_stamp)
        except ClockError as exc:
            raise BundleError(
                "Ce paquet porte des dates trop en avance sur l'horloge de cet ordinateur "
                f"(plus de 24 h) : vérifiez la date et l'heure des deux ordinateurs. ({exc})",
                "clock",
            ) from exc
    return bundle


def _hold(
    ws: Workspace,
    data: bytes,
    envelope: Envelope,
    sha: str,
    base: dict[str, Any],
    dry_run: bool,
    *,
    already_held: bool,
) -> BundleOutcome:
    with ws.store.session() as session:
        peer = state.get_peer(session.connection(), envelope.origin_replica)
    message = (
        "Installation inconnue : le paquet attend l'approbation de la coordination "
        f"(empreinte de sa clé : {_fingerprint(envelope)})."
    )
    if peer is not None and peer["public_key"] != envelope.public_key.hex():
        message = (
            "Installation en attente, mais ce paquet est signé par une autre clé "
            f"(empreinte {_fingerprint(envelope)}) que son premier paquet (empreinte "
            f"{fingerprint(bytes.fromhex(peer['public_key']))}) : la coordination approuvera "
            "celle dont l'empreinte a été vérifiée par téléphone."
        )
    if dry_run or already_held:
        return BundleOutcome(**base, status="held", message=message)
    held_dir = ws.data_dir / "held"
    held_dir.mkdir(parents=True, exist_ok=True)
    # The file's hash in the name: a forged copy keeps the bundle id of the genuine one.
    target = held_dir / f"{envelope.manifest['bundle_id']}-{sha[:16]}.ardoiz"
    target.write_bytes(data)
    origin = envelope.manifest["origin"]
    with ws.store.session() as session:
        conn = session.connection()
        if state.get_peer(conn, envelope.origin_replica) is None:
            state.upsert_peer(
                conn,
                envelope.origin_replica,
                public_key=envelope.public_key.hex(),
                status=PENDING,
                site_id=origin.get("site_id"),
                site_code=origin.get("site_code") or "",
                site_name=origin.get("site_name") or "",
            )
        state.add_ledger(
            conn, **_ledger_values(envelope, sha, base, state.HELD, message), held_path=str(target)
        )
    record_event(ws, "bundle-held", bundle=base["bundle_id"], origin=envelope.origin_replica)
    return BundleOutcome(**base, status="held", message=message)


def _fingerprint(envelope: Envelope) -> str:
    return fingerprint(envelope.public_key)


def _ledger_values(
    envelope: Envelope, sha: str, base: dict[str, Any], status: str, message: str
) -> dict[str, Any]:
    return {
        "bundle_id": base["bundle_id"],
        "file_sha256": sha,
        "file_name": base["file"],
        "origin_replica": base["origin_replica"],
        "origin_site": base["origin_site"],
        "kind": base["kind"],
        "created_at": envelope.manifest["created_at"],
        "status": status,
        "message": message,
    }


def _merge(
    ws: Workspace,
    envelope: Envelope,
    bundle: DecodedBundle,
    sha: str,
    base: dict[str, Any],
    dry_run: bool,
    from_held: bool,
    progress: Progress | None,
) -> BundleOutcome:
    roster = bundle.tables.pop("__roster__", None)
    manifest = envelope.manifest
    sender_vv = manifest["version_vector"]
    try:
        with ws.store.remote_session() as session:
            conn = session.connection()
            result = merge_tables(conn, bundle, sender_vv, own_version_vector(ws, conn), progress)
            if dry_run:
                raise _Preview(result, len(live_redirected_to_erased(conn)))
            _bookkeep(ws, conn, envelope, bundle, result, sha, base, from_held)
            ws.store.clock.observe(bundle.max_stamp) if bundle.max_stamp else None
            # A record merged (here or elsewhere) into someone now erased is erased too,
            # by ordinary stamped writes, so the erasure travels on in later bundles.
            chained = erase_redirected_to_erased(session)
            session.merge(ReplicaState(key="hlc_last", value=ws.store.clock.last))
    except _Preview as preview:
        message = "Aperçu : rien n'a été modifié."
        if preview.chained:
            message += (
                f" {preview.chained} fiche(s) fusionnée(s) avec une personne effacée "
                "seront effacées aussi."
            )
        return BundleOutcome(
            **base,
            status="preview",
            message=message,
            tables=_counts(preview.result),
        )
    record_event(
        ws,
        "bundle-import",
        bundle=base["bundle_id"],
        origin=base["origin_replica"],
        new=sum(t.new for t in result.tables),
        updated=sum(t.updated for t in result.tables),
        conflicts=len(result.conflicts),
        erased=len(result.newly_erased),
        erased_merged_records=len(chained),
    )
    if roster is not None and _from_coordinator(ws, envelope.origin_replica):
        apply_roster(ws, roster[1][0])
    return BundleOutcome(**base, status="applied", message="Importé.", tables=_counts(result))


def _bookkeep(
    ws: Workspace,
    conn: Any,
    envelope: Envelope,
    bundle: DecodedBundle,
    result: MergeResult,
    sha: str,
    base: dict[str, Any],
    from_held: bool,
) -> None:
    manifest = envelope.manifest
    complete = manifest["kind"] == "full" or manifest.get("for_replica") == ws.replica_id
    known = manifest["version_vector"] if complete else {}
    state.raise_version_vector(conn, known, bundle.replicas)
    state.record_conflicts(conn, base["bundle_id"], result.conflicts)
    state.purge_conflicts_of(conn, result.erased_ids)
    peer = state.get_peer(conn, envelope.origin_replica) or {}
    peer_vv = state.join_version_vectors(peer.get("known_vv") or {}, manifest["version_vector"])
    state.upsert_peer(
        conn, envelope.origin_replica, known_vv=peer_vv, last_bundle_at=state.utc_now()
    )
    counts = {t.table: {"new": t.new, "updated": t.updated} for t in result.tables}
    if from_held:
        state.mark_held_applied(conn, base["bundle_id"])
    else:
        state.add_ledger(
            conn, **_ledger_values(envelope, sha, base, state.APPLIED, ""), counts=counts
        )


def _from_coordinator(ws: Workspace, replica_id: str) -> bool:
    with ws.store.session() as session:
        peer = state.get_peer(session.connection(), replica_id)
    return bool(peer and peer["role"] == COORDINATOR and peer["status"] == "trusted")


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
    pending = set() if dry_run else _pending_replicas(ws)
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
    if progress:
        progress(len(paths), len(paths), "")
    report = ImportReport(tuple(outcomes), dry_run, previewed=tuple(read))
    return report if dry_run else write_report(ws.data_dir, report)


NEW = "Nouveau depuis l'aperçu : non importé, relancez l'aperçu pour le voir d'abord."
CHANGED = "Modifié depuis l'aperçu : non importé, relancez l'aperçu pour le voir d'abord."
GONE = "Disparu depuis l'aperçu : rien importé."


def _pending_replicas(ws: Workspace) -> set[str]:
    with ws.store.session() as session:
        return {
            p["replica_id"]
            for p in state.list_peers(session.connection())
            if p["status"] == PENDING
        }


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
    """Apply the bundles held for a replica now trusted (by approval or a coordinator's roster).

    Bundles held under another key than the one retained are dropped first, never applied.
    """
    with ws.store.session() as session:
        peer = state.get_peer(session.connection(), replica_id)
    if peer is None or peer["status"] != TRUSTED:
        return []
    drop_foreign_held(ws, replica_id)
    with ws.store.session() as session:
        held = state.held_bundles(session.connection(), replica_id)
    outcomes = []
    for row in held:
        path = Path(row["held_path"])
        try:
            outcomes.append(
                import_bundle_bytes(
                    ws, path.read_bytes(), name=row["file_name"], from_held=True, progress=progress
                )
            )
            path.unlink(missing_ok=True)
        except (BundleError, OSError) as exc:
            outcomes.append(
                BundleOutcome(file=row["file_name"], status="refused", message=str(exc))
            )
    return outcomes


def report_as_json(report: ImportReport) -> str:
    """Return a report as JSON text."""
    return json.dumps(report.as_dict(), ensure_ascii=False, indent=2)
