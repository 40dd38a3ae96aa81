"""Export and inspect bundles: the files that carry a site's data to the others.

See docs/bundle-format.md for the file itself and sync/ for the merge rules. Import lives
in :mod:`ardoiz_desk.services.exchange.bundle_import`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import secrets
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, union_all

from ardoiz_desk import __version__
from ardoiz_desk.services.exchange.quarantine import clock_notices
from ardoiz_desk.services.exchange.territory import COORDINATOR, Keys, load_keys, roster
from ardoiz_desk.services.exchange.territory_keys import grants_for
from ardoiz_desk.services.files import write_atomically
from ardoiz_desk.services.privacy.audit import record_event
from ardoiz_desk.services.sites.sites import this_site
from ardoiz_desk.services.workspace import Workspace
from ardoiz_desk.store.models import SYNCED_MODELS
from ardoiz_desk.store.text import fold
from ardoiz_desk.sync import crypto, state
from ardoiz_desk.sync.container import Section, open_envelope, read_manifest, write_bundle
from ardoiz_desk.sync.errors import BundleError
from ardoiz_desk.sync.export import collect_sections
from ardoiz_desk.sync.inbox import BUNDLE_SUFFIX
from ardoiz_desk.sync.manifest import section_counts
from ardoiz_desk.sync.versions import known_schemas

Progress = Callable[[int, int, str], None]
STATE_SYNC_FOLDER = "sync_folder"


@dataclass(frozen=True)
class ExportResult:
    """A bundle written to disk."""

    path: Path
    bundle_id: str
    kind: str
    for_replica: str | None
    counts: dict[str, int]
    size: int
    version_vector: dict[str, str] = field(default_factory=dict)
    since: dict[str, str] | None = None


@dataclass(frozen=True)
class BundleInfo:
    """What a bundle says about itself, and what this installation thinks of it."""

    path: Path
    bundle_id: str
    format: int
    schema: str
    app_version: str
    kind: str
    created_at: str
    origin_replica: str
    origin_site: str
    fingerprint: str
    for_replica: str | None
    counts: dict[str, int]
    size: int
    trust: str  # trusted | unknown | pending | revoked | wrong-key | self | other-territory
    already_imported: bool
    manifest: dict[str, Any]


def own_version_vector(ws: Workspace, conn: Any) -> dict[str, str]:
    """Return this replica's version vector, its own newest committed stamp included.

    The own entry is read from the rows in this very snapshot, not from the clock: a write
    stamped but not yet committed must not be claimed as sent.
    """
    vv = state.load_version_vector(conn)
    pattern = f"%.{ws.replica_id}"
    parts = [
        select(func.max(m.__table__.c.updated_hlc).label("newest")).where(  # type: ignore[attr-defined]
            m.__table__.c.updated_hlc.like(pattern)  # type: ignore[attr-defined]
        )
        for m in SYNCED_MODELS
    ]
    newest = max((v or "" for v in conn.scalars(union_all(*parts))), default="")
    if newest:
        vv[ws.replica_id] = max(vv.get(ws.replica_id, ""), newest)
    return vv


def _manifest(ws: Workspace, keys: Keys, kind: str, for_replica: str | None, vv: dict) -> dict:
    site = this_site(ws)
    return {
        "schema": known_schemas()[-1],
        "app_version": __version__,
        "bundle_id": secrets.token_hex(16),
        "territory_id": keys.territory_id,
        "created_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "kind": kind,
        "for_replica": for_replica,
        "origin": {
            "replica": ws.replica_id,
            "public_key": keys.public_key.hex(),
            "box_key": keys.box_key.hex(),
            "site_id": site.id if site else None,
            "site_code": site.code if site else None,
            "site_name": site.name if site else None,
        },
        "version_vector": vv,
        "key_id": keys.key_id,
    }


def default_bundle_name(ws: Workspace, bundle_id: str) -> str:
    """Return a file name telling site, time and bundle: ardoiz-SITE-YYYYmmdd-HHMMSS-ID.ardoiz."""
    site = this_site(ws)
    label = (site.code if site else ws.replica_id).replace("/", "-").replace(" ", "-")
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return f"ardoiz-{label}-{stamp}-{bundle_id[:8]}{BUNDLE_SUFFIX}"


def proposed_bundle_name(ws: Workspace) -> str:
    """The name a save dialog proposes: site name and today, e.g. ardoiz-mison-2026-12-02.ardoiz.

    Accents, spaces and punctuation of the site's name are folded into a plain slug; an
    installation without a site yet is only "ardoiz" and the date.
    """
    site = this_site(ws)
    slug = re.sub(r"[^0-9a-z]+", "-", fold(site.name if site else "")).strip("-")[:40]
    parts = ["ardoiz", slug.strip("-"), ws.today().isoformat()]
    return "-".join(p for p in parts if p) + BUNDLE_SUFFIX


def export_bundle(
    ws: Workspace,
    out: Path,
    *,
    for_replica: str | None = None,
    full: bool = False,
    since: Mapping[str, str] | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """Write a bundle: all rows, or only what ``for_replica`` has not seen; out may be a folder.

    ``since`` (a version vector, for a shared folder read by many) cuts a delta of every row
    holding a stamp that vector has not seen; the manifest carries it, so that any receiver
    whose own vector covers it knows the bundle is complete for it.
    """
    keys = load_keys(ws)
    with ws.store.session() as session:
        conn = session.connection()
        vv = own_version_vector(ws, conn)
        peer = state.get_peer(conn, for_replica) if for_replica else None
        peer_vv = None if full or peer is None or not peer.known_vv else dict(peer.known_vv)
        if for_replica and peer is None and not full:
            raise BundleError(f"Installation inconnue : {for_replica}.", "unknown-peer")
        if since and not for_replica and not full:
            peer_vv = dict(since)
        sections, newest = collect_sections(conn, peer_vv, vv, progress)
    kind = "full" if peer_vv is None else "delta"
    manifest = _manifest(ws, keys, kind, for_replica, vv)
    manifest["max_stamp"] = newest
    if kind == "delta" and since and not for_replica:
        manifest["since"] = dict(since)
    if keys.role == COORDINATOR:
        manifest["key_grants"] = grants_for(ws, keys.territory_id, keys.territory_key)
        manifest["clock_notices"] = clock_notices(ws)
        entries = roster(ws)
        blob = zlib.compress(json.dumps(entries).encode())
        sections.append(Section("roster", len(entries), blob))
    data = write_bundle(manifest, sections, keys.territory_key, keys.signing_key)
    path = out / default_bundle_name(ws, manifest["bundle_id"]) if out.is_dir() else out
    write_atomically(path, data)
    counts = {s.name: s.rows for s in sections if s.name != "roster"}
    record_event(
        ws,
        "bundle-export",
        bundle=manifest["bundle_id"],
        kind=kind,
        for_replica=for_replica,
        rows=sum(counts.values()),
        file=path.name,
    )
    if progress:
        progress(1, 1, path.name)
    return ExportResult(
        path,
        manifest["bundle_id"],
        kind,
        for_replica,
        counts,
        len(data),
        dict(vv),
        manifest.get("since"),
    )


def inspect_bundle(ws: Workspace, path: Path) -> BundleInfo:
    """Read a bundle's manifest and check its signature and trust, without importing it."""
    data = path.read_bytes()
    manifest = read_manifest(data)
    envelope = open_envelope(data)
    trust = _trust(ws, envelope.manifest, envelope.public_key)
    sha = hashlib.sha256(data).hexdigest()
    with ws.store.session() as session:
        seen = state.find_ledger(session.connection(), manifest["bundle_id"], sha)
    origin = manifest["origin"]
    return BundleInfo(
        path,
        manifest["bundle_id"],
        manifest["format"],
        manifest["schema"],
        manifest["app_version"],
        manifest["kind"],
        manifest["created_at"],
        origin["replica"],
        origin.get("site_code") or "",
        crypto.fingerprint(envelope.public_key),
        manifest.get("for_replica"),
        section_counts(manifest),
        len(data),
        trust,
        seen == state.APPLIED,
        manifest,
    )


def _trust(ws: Workspace, manifest: dict[str, Any], public_key: bytes) -> str:
    if manifest["territory_id"] != ws.store.get_state("territory_id"):
        return "other-territory"
    replica = manifest["origin"]["replica"]
    if replica == ws.replica_id:
        return "self" if public_key == load_keys(ws).public_key else "wrong-key"
    with ws.store.session() as session:
        peer = state.get_peer(session.connection(), replica)
    if peer is None:
        return "unknown"
    if peer.public_key != public_key.hex():
        return "wrong-key"
    return peer.status


def sync_folder(ws: Workspace) -> Path | None:
    """Return the shared folder bundles are exchanged through, once chosen."""
    value = ws.store.get_state(STATE_SYNC_FOLDER)
    return Path(value) if value else None


def set_sync_folder(ws: Workspace, folder: Path) -> Path:
    """Choose the shared folder (Nextcloud, Syncthing, network drive) bundles go through."""
    folder = folder.expanduser().resolve()
    folder.mkdir(parents=True, exist_ok=True)
    ws.store.set_state(STATE_SYNC_FOLDER, str(folder))
    return folder
