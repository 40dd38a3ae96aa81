"""A hostile (or broken) site: bundles with forged content, validly signed with its real key.

``forge(ws, folder, tables=..., manifest=...)`` exports a real full bundle of ``ws``, opens
it with the territory key, lets the callers rewrite its decoded tables (``{table: {"columns":
[...], "data": [[...], ...]}}``) and its manifest, then re-encodes, re-encrypts and signs it
with the site's own key: every check that relies on the signature alone passes.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ardoiz_desk.services.exchange.bundles import export_bundle
from ardoiz_desk.services.exchange.territory import load_keys
from ardoiz_desk.services.workspace import Workspace
from ardoiz_desk.store.hlc import wall_clock_ms
from ardoiz_desk.sync.codec import encode_section
from ardoiz_desk.sync.container import Section, decrypt_sections, open_envelope, write_bundle

Docs = dict[str, dict[str, Any]]
HOUR_MS = 3_600_000


def stamp(replica: str, ms_from_now: int = 0, counter: int = 0) -> str:
    """A well-formed clock stamp of a replica, some milliseconds from now."""
    return f"{wall_clock_ms() + ms_from_now:013d}.{counter:05d}.{replica}"


def read_docs(data: bytes, territory_key: bytes) -> tuple[dict[str, Any], Docs, dict[str, bytes]]:
    """Return (manifest, decoded table docs, raw extra sections) of a bundle."""
    envelope = open_envelope(data)
    sections = decrypt_sections(envelope, territory_key)
    docs: Docs = {}
    extra: dict[str, bytes] = {}
    for name, blob in sections.items():
        if name == "roster":
            extra[name] = blob
        else:
            docs[name] = json.loads(zlib.decompress(blob))
    manifest = {
        k: v
        for k, v in envelope.manifest.items()
        if k not in ("format", "cipher", "signature", "sections")
    }
    return manifest, docs, extra


def seal(
    ws: Workspace,
    manifest: dict[str, Any],
    docs: Docs,
    extra: dict[str, bytes] | None = None,
    *,
    territory_key: bytes | None = None,
) -> bytes:
    """Encode, encrypt and sign (with ``ws``'s real key) a bundle from decoded tables."""
    keys = load_keys(ws)
    sections = [
        Section(name, len(doc["data"][0]), encode_section(doc["columns"], doc["data"]))
        for name, doc in docs.items()
    ]
    sections += [Section(name, 0, blob) for name, blob in (extra or {}).items()]
    return write_bundle(manifest, sections, territory_key or keys.territory_key, keys.signing_key)


def forge(
    ws: Workspace,
    folder: Path,
    *,
    tables: Callable[[Docs], None] | None = None,
    manifest: Callable[[dict[str, Any]], None] | None = None,
    name: str = "forged.ardoiz",
) -> Path:
    """Write a bundle of ``ws`` whose tables and manifest the callbacks rewrite in place."""
    folder.mkdir(parents=True, exist_ok=True)
    real = export_bundle(ws, folder / f"real-{name}", full=True)
    head, docs, extra = read_docs(real.path.read_bytes(), load_keys(ws).territory_key)
    real.path.unlink()
    if tables:
        tables(docs)
    if manifest:
        manifest(head)
    path = folder / name
    path.write_bytes(seal(ws, head, docs, extra))
    return path


def column(doc: dict[str, Any], name: str) -> list[Any]:
    """The values of one column of a decoded table."""
    return doc["data"][doc["columns"].index(name)]
