"""The territory: the coordinator creates it, sites join with an enrolment file and a passphrase.

The territory key encrypts every bundle; each replica signs its bundles with its own Ed25519
key. The coordinator's enrolment file carries the territory key and the coordinator's public
key, encrypted with a key derived (scrypt) from a passphrase given by another channel.
Bundles from replicas not yet trusted are held until someone approves them. A pending
replica's key is not fixed yet: bundles under another key are held too, every key is listed
with its fingerprint, and the coordinator (by approval, or by its signed roster) picks the
right one; the bundles held under the other keys are then dropped. Once a replica is trusted
or revoked, its key never changes.
"""

from __future__ import annotations

import dataclasses
import json
import secrets
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select, update

from ardoiz_desk.services.exchange import territory_keys
from ardoiz_desk.services.files import write_atomically
from ardoiz_desk.services.privacy.audit import record_event
from ardoiz_desk.services.safekeeping.passphrases import check_strength
from ardoiz_desk.services.sites.sites import this_site
from ardoiz_desk.services.validation import ValidationError
from ardoiz_desk.services.workspace import Workspace
from ardoiz_desk.store.models import ReplicaState
from ardoiz_desk.store.sync_tables import SyncImport
from ardoiz_desk.sync import crypto, state
from ardoiz_desk.sync.container import MAX_MANIFEST_BYTES, read_manifest
from ardoiz_desk.sync.errors import BundleError
from ardoiz_desk.sync.state import COORDINATOR, REVOKED, SITE, TRUSTED
from ardoiz_desk.sync.state import PENDING as PENDING  # re-exported: peer statuses live in sync

ENROLMENT_MAGIC = b"ARDOIZE\x00"
ENROLMENT_FORMAT = 1
MIN_PASSPHRASE = 10
DROPPED = "dropped"  # ledger status of a held bundle whose key was not the one approved
_KEYS = ("territory_id", "territory_name", "territory_key", "territory_role", "signing_key")


@dataclass(frozen=True)
class TerritoryInfo:
    """This installation's place in a territory."""

    territory_id: str
    name: str
    role: str
    replica_id: str
    fingerprint: str


@dataclass(frozen=True)
class Keys:
    """What writing and reading bundles needs (never shown to people)."""

    territory_id: str
    territory_key: bytes
    signing_key: bytes
    public_key: bytes
    role: str

    @property
    def key_id(self) -> str:
        """The public name of the current territory key (carried in manifests)."""
        return crypto.key_id(self.territory_key)

    @property
    def box_key(self) -> bytes:
        """This replica's X25519 public key (new territory keys are sealed to it)."""
        return crypto.box_public_key(self.signing_key)


@dataclass(frozen=True)
class PeerView:
    """Another replica of the territory."""

    replica_id: str
    role: str
    status: str
    site_code: str
    site_name: str
    fingerprint: str
    last_bundle_at: str
    keys_shown: int = 1  # pending only: how many different keys bundles of this replica bore
    files_waiting: int = 0  # bundles held (or set aside for its clock) under this line's key


def check_passphrase(passphrase: str) -> str:
    """Refuse passphrases too short or too easy to guess (zxcvbn), saying why in French."""
    return check_strength(passphrase)


def _state(ws: Workspace) -> dict[str, str]:
    with ws.store.session() as session:
        found = dict(
            session.execute(
                select(ReplicaState.key, ReplicaState.value).where(ReplicaState.key.in_(_KEYS))
            ).all()
        )
    state = {k: found.get(k, "") for k in _KEYS}
    if state["territory_id"] and not state["signing_key"]:  # a restored base: a new identity
        state["signing_key"] = _own_signing_key(ws)
    return state


def territory_info(ws: Workspace) -> TerritoryInfo | None:
    """Return the territory this installation belongs to, if any."""
    st = _state(ws)
    if not st["territory_id"]:
        return None
    public = crypto.public_key_of(bytes.fromhex(st["signing_key"]))
    return TerritoryInfo(
        st["territory_id"],
        st["territory_name"],
        st["territory_role"],
        ws.replica_id,
        crypto.fingerprint(public),
    )


def load_keys(ws: Workspace) -> Keys:
    """Return the keys of this installation, or raise BundleError if it joined no territory."""
    st = _state(ws)
    if not st["territory_id"]:
        raise BundleError(
            "Cette installation n'appartient à aucun territoire : créez-le (coordination) "
            "ou rejoignez-le avec le fichier d'inscription reçu.",
            "no-territory",
        )
    signing = bytes.fromhex(st["signing_key"])
    return Keys(
        st["territory_id"],
        bytes.fromhex(st["territory_key"]),
        signing,
        crypto.public_key_of(signing),
        st["territory_role"],
    )


def _own_signing_key(ws: Workspace) -> str:
    existing = ws.store.get_state("signing_key")
    if existing:
        return existing
    key = crypto.new_signing_key().hex()
    ws.store.set_state("signing_key", key)
    return key


def create_territory(ws: Workspace, name: str) -> TerritoryInfo:
    """Create a territory with this installation as its coordinator."""
    if territory_info(ws):
        raise ValidationError({"territory": "Cette installation appartient déjà à un territoire."})
    name = name.strip()[:120]
    if not name:
        raise ValidationError({"name": "Nom du territoire : ce champ est obligatoire."})
    _own_signing_key(ws)
    for key, value in (
        ("territory_key", crypto.new_secret_key().hex()),
        ("territory_name", name),
        ("territory_role", COORDINATOR),
        ("territory_id", secrets.token_hex(16)),
    ):
        ws.store.set_state(key, value)
    _journal(ws, "territory-create", territory=ws.store.get_state("territory_id"))
    info = territory_info(ws)
    assert info is not None
    return info


def _self_entry(ws: Workspace, keys: Keys) -> dict[str, Any]:
    site = this_site(ws)
    return {
        "replica": ws.replica_id,
        "public_key": keys.public_key.hex(),
        "box_key": keys.box_key.hex(),
        "role": keys.role,
        "status": TRUSTED,
        "site_id": site.id if site else None,
        "site_code": site.code if site else "",
        "site_name": site.name if site else "",
    }


def roster(ws: Workspace) -> list[dict[str, Any]]:
    """Return this installation and its trusted or revoked peers, as a coordinator shares them."""
    keys = load_keys(ws)
    with ws.store.session() as session:
        peers = state.list_peers(session.connection())
    entries = [_self_entry(ws, keys)]
    for p in peers:
        if p.status in (TRUSTED, REVOKED):
            entries.append(
                {
                    "replica": p.replica_id,
                    "public_key": p.public_key,
                    "role": p.role,
                    "status": p.status,
                    "site_id": p.site_id,
                    "site_code": p.site_code,
                    "site_name": p.site_name,
                    "box_key": p.box_key,
                    "revoked_at": p.revoked_at,
                }
            )
    return entries


def write_enrolment(ws: Workspace, out: Path, passphrase: str) -> Path:
    """Write an enrolment file for a site joining the territory (coordinator only)."""
    keys = load_keys(ws)
    if keys.role != COORDINATOR:
        raise ValidationError({"role": "Seule la coordination peut inscrire un site."})
    secret = {
        "territory_id": keys.territory_id,
        "territory_name": ws.store.get_state("territory_name"),
        "territory_key": keys.territory_key.hex(),
        # Older keys too (after a revocation): bundles written under them stay readable.
        "territory_keys": {k: v.hex() for k, v in territory_keys.key_ring(ws).items()},
        "roster": roster(ws),
    }
    salt, nonce = crypto.random_bytes(16), crypto.random_bytes(12)
    header = json.dumps(
        {
            "format": ENROLMENT_FORMAT,
            "kdf": "scrypt",
            "n": crypto.SCRYPT_N,
            "r": 8,
            "p": 1,
            "salt": salt.hex(),
            "nonce": nonce.hex(),
        }
    ).encode()
    associated = ENROLMENT_MAGIC + struct.pack(">I", len(header)) + header
    key = crypto.passphrase_key(check_passphrase(passphrase), salt, crypto.SCRYPT_N)
    body = crypto.encrypt(key, nonce, json.dumps(secret).encode(), associated)
    write_atomically(out, associated + body)
    _journal(ws, "enrolment-written", file=out.name)
    return out


def read_enrolment(data: bytes, passphrase: str) -> dict[str, Any]:
    """Decrypt an enrolment file, raising BundleError (in French) when it cannot be read."""
    bad = BundleError("Ce fichier n'est pas un fichier d'inscription Ardoiz Desk.", "not-a-bundle")
    if not data.startswith(ENROLMENT_MAGIC) or len(data) < 12:
        raise bad
    (length,) = struct.unpack(">I", data[8:12])
    try:
        header = json.loads(data[12 : 12 + length])
        salt, nonce, n = bytes.fromhex(header["salt"]), bytes.fromhex(header["nonce"]), header["n"]
    except (ValueError, KeyError, TypeError) as exc:
        raise bad from exc
    if header.get("format") != ENROLMENT_FORMAT or type(n) is not int:
        raise bad
    key = crypto.passphrase_key(passphrase.strip(), salt, n)
    try:
        plain = crypto.decrypt(key, nonce, data[12 + length :], data[: 12 + length])
    except BundleError as exc:
        raise BundleError(
            "Phrase secrète incorrecte, ou fichier d'inscription altéré.", "passphrase"
        ) from exc
    return json.loads(plain)


def join_territory(ws: Workspace, path: Path, passphrase: str) -> TerritoryInfo:
    """Join the territory described by an enrolment file; trust its coordinator."""
    secret = read_enrolment(path.read_bytes(), passphrase)
    current = ws.store.get_state("territory_id")
    if current and current != secret["territory_id"]:
        raise ValidationError({"territory": "Cette installation appartient à un autre territoire."})
    _own_signing_key(ws)
    for key in ("territory_key", "territory_name", "territory_id"):
        ws.store.set_state(key, secret[key])
    for old in (secret.get("territory_keys") or {}).values():
        territory_keys.keep_key(ws, bytes.fromhex(old))
    if not ws.store.get_state("territory_role"):
        ws.store.set_state("territory_role", SITE)
    apply_roster(ws, secret["roster"])
    _journal(ws, "territory-join", territory=secret["territory_id"])
    info = territory_info(ws)
    assert info is not None
    return info


def apply_roster(ws: Workspace, entries: list[dict[str, Any]]) -> list[str]:
    """Trust (or revoke) the replicas a coordinator lists; return those that were pending.

    The key of a trusted or revoked replica never changes. A pending replica's key is only
    what its first bundle claimed (anyone can sign a copy with their own key), so the
    coordinator's roster fixes it; bundles held under another key are dropped.
    """
    was_pending = []
    with ws.store.session() as session:
        conn = session.connection()
        for e in entries:
            if e.get("replica") == ws.replica_id:
                continue
            peer = state.get_peer(conn, e["replica"])
            if peer and not peer.pending and peer.public_key != e["public_key"]:
                continue
            if peer and peer.pending:
                was_pending.append(e["replica"])
                if peer.public_key != e["public_key"]:
                    record_event(
                        ws,
                        "peer-key-fixed-by-roster",
                        replica=e["replica"],
                        fingerprint=crypto.fingerprint(bytes.fromhex(e["public_key"])),
                    )
            extra = {k: e[k] for k in ("box_key", "revoked_at") if isinstance(e.get(k), str)}
            if peer and peer.revoked and e.get("status", TRUSTED) != REVOKED:
                continue  # a revocation is never undone by an older roster
            state.upsert_peer(
                conn,
                e["replica"],
                public_key=e["public_key"],
                role=e.get("role", SITE),
                status=e.get("status", TRUSTED),
                site_id=e.get("site_id"),
                site_code=e.get("site_code") or "",
                site_name=e.get("site_name") or "",
                **extra,
            )
    for replica in was_pending:
        drop_foreign_held(ws, replica)
    return was_pending


def held_origin(path: Path) -> dict[str, Any] | None:
    """Return the ``origin`` of a held bundle's manifest (its key was checked when held)."""
    try:
        with path.open("rb") as f:
            head = f.read(12 + MAX_MANIFEST_BYTES)
        origin = read_manifest(head).get("origin")
    except (OSError, BundleError):
        return None
    return origin if isinstance(origin, dict) and "public_key" in origin else None


def pending_keys(ws: Workspace, replica_id: str) -> dict[str, str]:
    """Fingerprint → public key (hex) of every key a pending replica's bundles bore."""
    with ws.store.session() as session:
        conn = session.connection()
        peer = state.get_peer(conn, replica_id)
        held = state.held_bundles(conn, replica_id)
    if peer is None or not peer.pending:
        return {}
    keys = {crypto.fingerprint(bytes.fromhex(peer.public_key)): peer.public_key}
    for row in held:
        origin = held_origin(Path(row["held_path"]))
        if origin:
            keys.setdefault(
                crypto.fingerprint(bytes.fromhex(origin["public_key"])), origin["public_key"]
            )
    return keys


def drop_foreign_held(ws: Workspace, replica_id: str) -> int:
    """Drop the bundles held for a replica under another key than its recorded one."""
    dropped = 0
    with ws.store.session() as session:
        conn = session.connection()
        peer = state.get_peer(conn, replica_id)
        if peer is None:
            return 0
        table = SyncImport.__table__
        for row in state.held_bundles(conn, replica_id):
            path = Path(row["held_path"])
            origin = held_origin(path)
            if origin and origin["public_key"] == peer.public_key:
                continue
            conn.execute(
                update(table)
                .where(table.c.id == row["id"])
                .values(
                    status=DROPPED,
                    held_path="",
                    message="Écarté : fichier illisible, ou signé par une clé que la coordination "
                    "n'a pas retenue.",
                )
            )
            path.unlink(missing_ok=True)
            dropped += 1
    if dropped:
        record_event(ws, "held-dropped", replica=replica_id, bundles=dropped)
    return dropped


def list_peers(ws: Workspace) -> list[PeerView]:
    """Return the replicas this installation knows, pending ones included.

    A pending replica whose bundles bore several keys is listed once per key, so that the
    coordinator can approve the key whose fingerprint the site read out on the phone.
    """
    with ws.store.session() as session:
        conn = session.connection()
        peers = state.list_peers(conn)
        held = state.held_bundles(conn) + state.held_bundles(conn, status=state.CLOCK)
    views = []
    for p in peers:
        view = PeerView(
            p.replica_id,
            p.role,
            p.status,
            p.site_code,
            p.site_name,
            crypto.fingerprint(bytes.fromhex(p.public_key)),
            p.last_bundle_at,
        )
        others: dict[str, dict[str, Any]] = {}
        files: dict[str, int] = {}  # public key -> files waiting under it
        for row in held:
            if row["origin_replica"] != p.replica_id:
                continue
            origin = held_origin(Path(row["held_path"]))
            key = origin["public_key"] if origin else p.public_key
            files[key] = files.get(key, 0) + 1
            if p.pending and origin and key != p.public_key:
                others.setdefault(key, origin)
        shown = 1 + len(others)
        views.append(
            dataclasses.replace(view, keys_shown=shown, files_waiting=files.get(p.public_key, 0))
        )
        for key, origin in others.items():
            views.append(
                dataclasses.replace(
                    view,
                    site_code=str(origin.get("site_code") or ""),
                    site_name=str(origin.get("site_name") or ""),
                    fingerprint=crypto.fingerprint(bytes.fromhex(key)),
                    keys_shown=shown,
                    files_waiting=files.get(key, 0),
                )
            )
    # Grouped by site: every line of one site (each key, each replica) together.
    return sorted(views, key=lambda v: (v.site_code or v.site_name or "~", v.replica_id))


def set_peer_status(
    ws: Workspace, replica_id: str, status: str, *, fingerprint: str | None = None
) -> PeerView:
    """Trust or revoke a replica.

    Approving a pending replica trusts one of the keys its bundles bore: the one whose
    ``fingerprint`` is given (checked over the phone), or its only one. When several keys
    were seen, the fingerprint is required; the bundles held under the others are dropped.
    """
    keys = pending_keys(ws, replica_id) if status == TRUSTED else {}
    if fingerprint is not None and keys and fingerprint not in keys:
        raise ValidationError(
            {
                "replica": "Cette empreinte n'est plus celle d'une clé en attente pour cette "
                "installation : actualisez la liste et vérifiez-la de nouveau."
            }
        )
    if fingerprint is None and len(keys) > 1:
        raise ValidationError(
            {
                "replica": "Des paquets signés par plusieurs clés différentes se présentent pour "
                "cette installation : approuvez depuis l'onglet « Installations » la clé dont "
                "l'empreinte a été vérifiée par téléphone."
            }
        )
    with ws.store.session() as session:
        conn = session.connection()
        if state.get_peer(conn, replica_id) is None:
            raise ValidationError({"replica": f"Installation inconnue : {replica_id}"})
        values: dict[str, Any] = {"status": status}
        if fingerprint is not None and keys:
            values["public_key"] = keys[fingerprint]
        if status == REVOKED:  # rows it stamps after this are refused, whoever relays them
            values["revoked_at"] = ws.store.clock.now()
        state.upsert_peer(conn, replica_id, **values)
    record_event(ws, f"peer-{status}", replica=replica_id)
    if status == REVOKED and ws.store.get_state("territory_role") == COORDINATOR:
        record_event(ws, "territory-key-rotated", key=territory_keys.rotate(ws))
    if keys:
        drop_foreign_held(ws, replica_id)
    return next(p for p in list_peers(ws) if p.replica_id == replica_id)


def territory_key_for(ws: Workspace, envelope: Any) -> bytes:
    """The territory key a bundle was encrypted with (see ``territory_keys``)."""
    return territory_keys.key_for(ws, envelope, load_keys(ws).signing_key)


def _journal(ws: Workspace, action: str, **detail: Any) -> None:
    record_event(ws, action, **detail)
