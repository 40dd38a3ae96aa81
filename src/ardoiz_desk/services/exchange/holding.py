"""Bundles held until their replica is trusted: written atomically in ``held/``, released later.

A bundle from an unknown or pending replica is kept in the data folder's ``held`` folder
and recorded in the ledger as held; once the replica is trusted (by approval, or by the
coordinator's roster), its held bundles are imported, those under another key dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ardoiz_desk.services.exchange.import_report import BundleOutcome
from ardoiz_desk.services.exchange.ledger import ledger_values
from ardoiz_desk.services.exchange.territory import PENDING, drop_foreign_held
from ardoiz_desk.services.files import write_atomically
from ardoiz_desk.services.privacy.audit import record_event
from ardoiz_desk.services.workspace import Workspace
from ardoiz_desk.sync import state
from ardoiz_desk.sync.container import Envelope
from ardoiz_desk.sync.crypto import fingerprint
from ardoiz_desk.sync.errors import BundleError

HELD_FOLDER = "held"
#: What may wait for approval per claimed replica, and in all: an outsider who copied the
#: territory id cannot fill the disk (and without the territory key nothing is held at all).
MAX_HELD_FILES = 20
MAX_HELD_BYTES = 200 * 1024**2
MAX_HELD_TOTAL_FILES = 400
Importer = Callable[[bytes, str], BundleOutcome]


def check_room(ws: Workspace, replica_id: str, size: int, site: str) -> None:
    """Refuse to hold one more bundle for a replica beyond the caps."""
    with ws.store.session() as session:
        held = state.held_bundles(session.connection())
    mine = [r for r in held if r["origin_replica"] == replica_id]
    used = sum(_size(r["held_path"]) for r in mine)
    if (
        len(mine) >= MAX_HELD_FILES
        or used + size > MAX_HELD_BYTES
        or len(held) >= MAX_HELD_TOTAL_FILES
    ):
        raise BundleError(
            f"« {site} » a déjà {len(mine)} paquet(s) en attente d'approbation "
            f"({used / 1024**2:.0f} Mo) : celui-ci est refusé tant que la coordination ne "
            "l'a pas approuvée.",
            "held-full",
        )


def _size(path: str) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0


def hold_message(envelope: Envelope, peer: state.Peer | None) -> str:
    """Say why a bundle waits, with the fingerprint of the key that signed it."""
    signer = fingerprint(envelope.public_key)
    if peer is not None and peer.public_key != envelope.public_key.hex():
        return (
            "Installation en attente, mais ce paquet est signé par une autre clé "
            f"(empreinte {signer}) que son premier paquet (empreinte "
            f"{fingerprint(bytes.fromhex(peer.public_key))}) : la coordination approuvera "
            "celle dont l'empreinte a été vérifiée par téléphone."
        )
    return (
        "Installation inconnue : le paquet attend l'approbation de la coordination "
        f"(empreinte de sa clé : {signer})."
    )


def hold(
    ws: Workspace,
    data: bytes,
    envelope: Envelope,
    sha: str,
    head: dict[str, Any],
    *,
    dry_run: bool,
    already_held: bool,
) -> BundleOutcome:
    """Keep a bundle for later (atomically), record it as held, and say so."""
    with ws.store.session() as session:
        peer = state.get_peer(session.connection(), envelope.origin_replica)
    message = hold_message(envelope, peer)
    if dry_run or already_held:
        return BundleOutcome(**head, status="held", message=message)
    check_room(
        ws, envelope.origin_replica, len(data), head["origin_site"] or head["origin_replica"]
    )
    # The file's hash in the name: a forged copy keeps the bundle id of the genuine one.
    target = ws.data_dir / HELD_FOLDER / f"{envelope.manifest['bundle_id']}-{sha[:16]}.ardoiz"
    write_atomically(target, data)
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
            conn, **ledger_values(envelope, sha, head, state.HELD, message), held_path=str(target)
        )
    record_event(ws, "bundle-held", bundle=head["bundle_id"], origin=envelope.origin_replica)
    return BundleOutcome(**head, status="held", message=message)


def pending_replicas(ws: Workspace) -> set[str]:
    """Return the replicas still waiting for approval."""
    with ws.store.session() as session:
        return {p.replica_id for p in state.list_peers(session.connection()) if p.pending}


def release_held(ws: Workspace, replica_id: str, importer: Importer) -> list[BundleOutcome]:
    """Import the bundles held for a replica now trusted, through ``importer(data, name)``.

    Bundles held under another key than the one retained are dropped first, never applied.
    """
    with ws.store.session() as session:
        peer = state.get_peer(session.connection(), replica_id)
    if peer is None or not peer.trusted:
        return []
    drop_foreign_held(ws, replica_id)
    with ws.store.session() as session:
        held = state.held_bundles(session.connection(), replica_id)
    outcomes = []
    for row in held:
        path = Path(row["held_path"])
        try:
            outcomes.append(importer(path.read_bytes(), row["file_name"]))
            path.unlink(missing_ok=True)
        except (BundleError, OSError) as exc:
            outcomes.append(
                BundleOutcome(file=row["file_name"], status="refused", message=str(exc))
            )
    return outcomes
