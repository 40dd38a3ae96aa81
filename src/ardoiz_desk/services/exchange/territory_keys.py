"""The territory key ring: rotation on revocation, grants sealed to each trusted site; the
revocation cut-offs (rows a revoked replica stamped later are left out of every import).

Revoking a site rotates the territory key at the coordinator. Every bundle names the key it
is encrypted with (``key_id``); keys are kept in a ring so that bundles written before the
rotation (format 1 bundles carry no ``key_id``: they use the first key) are still read.
The coordinator's bundles carry, for each trusted site whose X25519 key it knows, the new
key sealed to that site (``key_grants``): a site learns it from the coordinator's next
bundle and writes with it from then on; a revoked site receives no grant and cannot read
anything encrypted with the new key.
"""

from __future__ import annotations

import json
from typing import Any

from ardoiz_desk.services.workspace import Workspace
from ardoiz_desk.sync import crypto, state
from ardoiz_desk.sync.container import Envelope
from ardoiz_desk.sync.errors import BundleError

RING_STATE = "territory_keys"


def key_ring(ws: Workspace) -> dict[str, bytes]:
    """Key id -> territory key, oldest first; the current key is always in it."""
    ring = {
        k: bytes.fromhex(v) for k, v in json.loads(ws.store.get_state(RING_STATE) or "{}").items()
    }
    current = ws.store.get_state("territory_key")
    if current:
        ring.setdefault(crypto.key_id(bytes.fromhex(current)), bytes.fromhex(current))
    return ring


def _store_ring(ws: Workspace, ring: dict[str, bytes]) -> None:
    ws.store.set_state(RING_STATE, json.dumps({k: v.hex() for k, v in ring.items()}))


def keep_key(ws: Workspace, key: bytes) -> None:
    """Keep an older territory key in the ring (to read bundles written under it)."""
    ring = key_ring(ws)
    ring.setdefault(crypto.key_id(key), key)
    _store_ring(ws, ring)


def adopt_key(ws: Workspace, key: bytes) -> None:
    """Make a territory key the current one, keeping the older ones to read old bundles."""
    ring = key_ring(ws)
    ring[crypto.key_id(key)] = key
    _store_ring(ws, ring)
    ws.store.set_state("territory_key", key.hex())


def rotate(ws: Workspace) -> str:
    """Replace the current territory key by a new random one; return its id."""
    key = crypto.new_secret_key()
    adopt_key(ws, key)
    return crypto.key_id(key)


def _grant_context(territory_id: str, kid: str, replica: str) -> bytes:
    return f"ardoiz-desk key grant\n{territory_id}\n{kid}\n{replica}".encode()


def grants_for(ws: Workspace, territory_id: str, key: bytes) -> dict[str, dict[str, str]]:
    """The current key sealed to every trusted peer whose X25519 key is known."""
    if len(key_ring(ws)) < 2:  # never rotated: every member already holds the only key
        return {}
    kid = crypto.key_id(key)
    with ws.store.session() as session:
        peers = state.list_peers(session.connection())
    return {
        p.replica_id: crypto.seal_to(
            bytes.fromhex(p.box_key), key, _grant_context(territory_id, kid, p.replica_id)
        )
        for p in peers
        if p.trusted and p.box_key
    }


def key_for(ws: Workspace, envelope: Envelope, signing_key: bytes) -> bytes:
    """The territory key a bundle is encrypted with, taken from a grant if need be."""
    manifest: dict[str, Any] = envelope.manifest
    ring = key_ring(ws)
    kid = manifest.get("key_id")
    if kid is None:
        return next(iter(ring.values()))
    if kid in ring:
        return ring[kid]
    grant = (manifest.get("key_grants") or {}).get(ws.replica_id)
    with ws.store.session() as session:
        peer = state.get_peer(session.connection(), envelope.origin_replica)
    if grant is None or peer is None or not peer.trusted_coordinator:
        raise BundleError(
            "ce paquet est chiffré avec une clé du territoire que cette installation n'a pas "
            "(installation révoquée, ou nouvelle clé pas encore reçue de la coordination).",
            "key",
        )
    key = crypto.open_sealed(
        signing_key, grant, _grant_context(manifest["territory_id"], kid, ws.replica_id)
    )
    if crypto.key_id(key) != kid:
        raise BundleError("La clé du territoire transmise ne correspond pas.", "altered")
    adopt_key(ws, key)
    return key


def revoked_cutoffs(ws: Workspace) -> dict[str, str]:
    """Revoked replica -> the stamp of its revocation (its later rows are refused)."""
    with ws.store.session() as session:
        peers = state.list_peers(session.connection())
    return {p.replica_id: p.revoked_at for p in peers if p.revoked and p.revoked_at}
