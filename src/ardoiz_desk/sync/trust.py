"""The trust gate: admit, hold or refuse a bundle, decided from facts alone (no I/O).

The import service gathers the facts (the manifest, the key its signature was checked
against, this replica's identity, the peer record of the bundle's origin and whether the
ledger already holds this very file) and acts on the verdict.

* another territory, a bundle claiming to be ours under another key, a known replica
  signing with a key that is not its own, a revoked replica: **refuse**;
* our own bundle: **skip**; a file already applied: **already**;
* an unknown replica, or one still pending (its key is not fixed until approval): **hold**;
* a trusted replica under its own key: **admit**.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ardoiz_desk.sync.state import APPLIED, Peer

ADMIT, HOLD, REFUSE, SKIP, ALREADY = "admit", "hold", "refuse", "skip", "already"


@dataclass(frozen=True)
class Verdict:
    """What to do with a bundle; ``reason`` and ``message`` (French) when refused or skipped."""

    action: str
    reason: str = ""
    message: str = ""


@dataclass(frozen=True)
class Identity:
    """Who is reading: this replica, its own public key, its territory."""

    replica_id: str
    public_key: bytes
    territory_id: str


def decide(
    manifest: dict[str, Any],
    signed_by: bytes,
    me: Identity,
    peer: Peer | None,
    ledger: str | None = None,
) -> Verdict:
    """Return the verdict on a bundle whose signature was checked against ``signed_by``.

    ``ledger`` is what the import ledger says of this very file ('applied', 'held' or None).
    """
    if manifest["territory_id"] != me.territory_id:
        return Verdict(REFUSE, "other-territory", "Ce paquet vient d'un autre territoire.")
    if manifest["origin"]["replica"] == me.replica_id:
        if signed_by != me.public_key:
            return Verdict(REFUSE, "wrong-key", "Ce paquet se fait passer pour cette installation.")
        return Verdict(SKIP, "self", "Paquet écrit par cette installation.")
    if ledger == APPLIED:
        return Verdict(ALREADY, "already", "Déjà importé : rien à faire.")
    if peer is None or peer.pending:
        # Unknown, or not trusted yet so its key is not fixed: hold whatever key signed it.
        return Verdict(HOLD, "pending")
    if peer.public_key != signed_by.hex():
        return Verdict(
            REFUSE,
            "wrong-key",
            "Ce paquet est signé par une clé qui n'est pas celle de son installation "
            "d'origine : refusé.",
        )
    if peer.revoked:
        return Verdict(REFUSE, "revoked", "Cette installation a été révoquée : paquet refusé.")
    return Verdict(ADMIT)
