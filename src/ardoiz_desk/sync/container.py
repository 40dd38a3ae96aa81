"""The bundle file: magic, clear manifest, encrypted payload, signature (docs/bundle-format.md).

Layout (integers big-endian)::

    "ARDOIZB" 0x00 | u32 manifest length | manifest (UTF-8 JSON)
    | u64 ciphertext length | ciphertext (AES-256-GCM, manifest as associated data)
    | Ed25519 signature (64 bytes) over SIGN_CONTEXT + SHA-256(everything before it)

The manifest stays readable without the territory key (``inspect``); it holds no personal
data. The payload is a run of zlib-compressed sections whose names, lengths and hashes the
manifest lists. Reading refuses anything that does not parse exactly.
"""

from __future__ import annotations

import hashlib
import json
import struct
from dataclasses import dataclass
from typing import Any

from ardoiz_desk.sync import crypto
from ardoiz_desk.sync.errors import BundleError
from ardoiz_desk.sync.manifest import check_manifest

MAGIC = b"ARDOIZB\x00"
#: 2: key_id, key_grants, clock_notices, origin.box_key; 3: a table may span several
#: consecutive sections (docs/bundle-format.md). A bundle that needs no format 3 feature is
#: written as format 2, so that older versions still read it.
FORMAT_VERSION = 3
CHUNKED_FORMAT = 3
SIGN_CONTEXT = b"ardoiz-desk bundle signature v1\n"
MAX_MANIFEST_BYTES = 4 * 1024 * 1024
_HEAD = len(MAGIC) + 4

NOT_A_BUNDLE = "Ce fichier n'est pas un paquet Ardoiz Desk (ou il est tronqué)."


@dataclass(frozen=True)
class Section:
    """One named part of the payload, already compressed."""

    name: str
    rows: int
    data: bytes


@dataclass(frozen=True)
class Envelope:
    """A bundle read from bytes whose signature matched its own claimed public key."""

    manifest: dict[str, Any]
    associated: bytes
    ciphertext: bytes

    @property
    def origin_replica(self) -> str:
        """The replica that wrote and signed the bundle."""
        return self.manifest["origin"]["replica"]

    @property
    def public_key(self) -> bytes:
        """The public key the bundle claims for its origin (already checked to sign it)."""
        return bytes.fromhex(self.manifest["origin"]["public_key"])


def write_bundle(
    manifest: dict[str, Any],
    sections: list[Section],
    territory_key: bytes,
    signing_key: bytes,
) -> bytes:
    """Return the bytes of a signed, encrypted bundle; fills the manifest's cipher and parts."""
    payload = b"".join(s.data for s in sections)
    names = [s.name for s in sections]
    chunked = len(set(names)) != len(names)
    salt, nonce = crypto.random_bytes(crypto.SALT_BYTES), crypto.random_bytes(crypto.NONCE_BYTES)
    manifest = {
        **manifest,
        "format": CHUNKED_FORMAT if chunked else 2,
        "cipher": {
            "alg": "AES-256-GCM",
            "kdf": "HKDF-SHA256",
            "salt": salt.hex(),
            "nonce": nonce.hex(),
        },
        "signature": {"alg": "Ed25519"},
        "sections": [
            {
                "name": s.name,
                "rows": s.rows,
                "bytes": len(s.data),
                "sha256": hashlib.sha256(s.data).hexdigest(),
            }
            for s in sections
        ],
    }
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, sort_keys=True).encode("utf-8")
    associated = MAGIC + struct.pack(">I", len(manifest_bytes)) + manifest_bytes
    key = crypto.bundle_key(territory_key, salt)
    ciphertext = crypto.encrypt(key, nonce, payload, associated)
    body = associated + struct.pack(">Q", len(ciphertext)) + ciphertext
    signature = crypto.sign(signing_key, SIGN_CONTEXT + hashlib.sha256(body).digest())
    return body + signature


def read_manifest(data: bytes) -> dict[str, Any]:
    """Return the manifest of a bundle without checking anything else (for versions)."""
    if len(data) < _HEAD or data[: len(MAGIC)] != MAGIC:
        raise BundleError(NOT_A_BUNDLE, "not-a-bundle")
    (length,) = struct.unpack(">I", data[len(MAGIC) : _HEAD])
    if length > MAX_MANIFEST_BYTES or _HEAD + length > len(data):
        raise BundleError(NOT_A_BUNDLE, "not-a-bundle")
    try:
        manifest = json.loads(data[_HEAD : _HEAD + length].decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise BundleError("L'en-tête du paquet est illisible : fichier altéré.", "altered") from exc
    if not isinstance(manifest, dict) or type(manifest.get("format")) is not int:
        raise BundleError("L'en-tête du paquet est illisible : fichier altéré.", "altered")
    return manifest


def open_envelope(data: bytes) -> Envelope:
    """Parse a bundle and check its signature against the key its manifest claims."""
    manifest = read_manifest(data)
    check_format(manifest)
    check_manifest(manifest)
    m_len = struct.unpack(">I", data[len(MAGIC) : _HEAD])[0]
    body_start = _HEAD + m_len
    if len(data) < body_start + 8 + crypto.SIGNATURE_BYTES:
        raise BundleError(NOT_A_BUNDLE, "truncated")
    (c_len,) = struct.unpack(">Q", data[body_start : body_start + 8])
    end = body_start + 8 + c_len
    if end + crypto.SIGNATURE_BYTES != len(data):
        raise BundleError(NOT_A_BUNDLE, "truncated")
    body, signature = data[:end], data[end:]
    public_key = bytes.fromhex(manifest["origin"]["public_key"])
    if not crypto.verify(public_key, signature, SIGN_CONTEXT + hashlib.sha256(body).digest()):
        raise BundleError(
            "La signature du paquet ne correspond pas à son contenu : fichier altéré ou "
            "contrefait.",
            "altered",
        )
    return Envelope(manifest, data[:body_start], data[body_start + 8 : end])


def check_format(manifest: dict[str, Any]) -> None:
    """Refuse formats this version cannot read, saying which version is needed."""
    version = manifest["format"]
    if version > FORMAT_VERSION:
        app = manifest.get("app_version") if isinstance(manifest.get("app_version"), str) else "?"
        raise BundleError(
            f"Ce paquet est au format {version}, trop récent : cette version d'Ardoiz Desk lit "
            f"jusqu'au format {FORMAT_VERSION}. Installez Ardoiz Desk {app} ou plus récent.",
            "newer-format",
        )
    if version < 1:
        raise BundleError("Format de paquet inconnu : fichier altéré.", "altered")


def decrypt_parts(envelope: Envelope, territory_key: bytes) -> list[tuple[str, int, memoryview]]:
    """Decrypt the payload and split it into its sections, each checked against its hash.

    Returns (name, rows claimed, bytes) in manifest order; a table may span several
    consecutive sections (format 3). The bytes are views of the one decrypted payload.
    """
    cipher = envelope.manifest["cipher"]
    key = crypto.bundle_key(territory_key, bytes.fromhex(cipher["salt"]))
    payload = memoryview(
        crypto.decrypt(
            key, bytes.fromhex(cipher["nonce"]), envelope.ciphertext, envelope.associated
        )
    )
    parts: list[tuple[str, int, memoryview]] = []
    offset = 0
    for part in envelope.manifest["sections"]:
        chunk = payload[offset : offset + part["bytes"]]
        offset += part["bytes"]
        if len(chunk) != part["bytes"] or hashlib.sha256(chunk).hexdigest() != part["sha256"]:
            raise BundleError(f"La section « {part['name']} » est altérée.", "altered")
        parts.append((part["name"], part["rows"], chunk))
    if offset != len(payload):
        raise BundleError("Le contenu du paquet a une longueur inattendue.", "altered")
    return parts


def decrypt_sections(envelope: Envelope, territory_key: bytes) -> dict[str, bytes]:
    """The sections of a bundle whose tables each fit in one section, by name."""
    sections: dict[str, bytes] = {}
    for name, _rows, chunk in decrypt_parts(envelope, territory_key):
        if name in sections:
            raise BundleError(f"La section « {name} » est en plusieurs parties.", "altered")
        sections[name] = bytes(chunk)
    return sections
