"""What an import records of each bundle: the outcome's head and the ledger row."""

from __future__ import annotations

from typing import Any

from ardoiz_desk.sync.container import Envelope


def outcome_head(name: str, manifest: dict[str, Any]) -> dict[str, Any]:
    """Return the fields every outcome of this bundle shares (file, id, origin, kind)."""
    origin = manifest["origin"]
    return {
        "file": name,
        "bundle_id": manifest["bundle_id"],
        "origin_replica": origin["replica"],
        "origin_site": origin.get("site_code") or "",
        "kind": manifest["kind"],
    }


def ledger_values(
    envelope: Envelope, sha: str, head: dict[str, Any], status: str, message: str
) -> dict[str, Any]:
    """Return the import ledger row of a bundle file (applied or held)."""
    return {
        "bundle_id": head["bundle_id"],
        "file_sha256": sha,
        "file_name": head["file"],
        "origin_replica": head["origin_replica"],
        "origin_site": head["origin_site"],
        "kind": head["kind"],
        "created_at": envelope.manifest["created_at"],
        "status": status,
        "message": message,
    }
