"""The manifest of a bundle: its fields, and a strict check of their shapes."""

from __future__ import annotations

import re
from typing import Any

from ardoiz_desk.store.hlc import STAMP_RE
from ardoiz_desk.sync.errors import BundleError

_HEX = {n: re.compile(rf"^[0-9a-f]{{{n}}}$") for n in (16, 24, 32, 64)}
SECTION_NAME = re.compile(r"^[a-z_]{1,40}$")
KINDS = ("full", "delta")
MAX_REPLICAS = 1000
#: A table of at most MAX_ROWS rows cut in sections of CHUNK_ROWS (sync/codec.py), plus
#: the other sections: far more than any legitimate bundle needs.
MAX_SECTIONS = 512
SINGLE_SECTIONS = frozenset({"roster"})
_HEX_ANY = re.compile(r"^[0-9a-f]*$")


def _bad(what: str) -> BundleError:
    return BundleError(f"En-tête du paquet invalide ({what}) : fichier altéré.", "altered")


def _hex(value: Any, n: int, what: str, *, optional: bool = False) -> None:
    if optional and value is None:
        return
    if not isinstance(value, str) or not _HEX[n].match(value):
        raise _bad(what)


def _text(value: Any, what: str, *, optional: bool = False, max_len: int = 200) -> None:
    if optional and value is None:
        return
    if not isinstance(value, str) or len(value) > max_len:
        raise _bad(what)


def _dict(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _bad(what)
    return value


def check_version_vector(value: Any, what: str = "vecteur de versions") -> dict[str, str]:
    """Check a version vector (replica id -> newest stamp seen from it) and return it."""
    vv = _dict(value, what)
    if len(vv) > MAX_REPLICAS:
        raise _bad(what)
    for replica, stamp in vv.items():
        _hex(replica, 16, what)
        if not isinstance(stamp, str) or not STAMP_RE.match(stamp):
            raise _bad(what)
    return vv


def check_manifest(manifest: dict[str, Any]) -> None:
    """Raise BundleError unless every manifest field has the expected shape."""
    _text(manifest.get("schema"), "schéma", max_len=40)
    _text(manifest.get("app_version"), "version", max_len=40)
    _hex(manifest.get("bundle_id"), 32, "identifiant")
    _hex(manifest.get("territory_id"), 32, "territoire")
    _text(manifest.get("created_at"), "date", max_len=40)
    if manifest.get("kind") not in KINDS:
        raise _bad("type")
    _hex(manifest.get("for_replica"), 16, "destinataire", optional=True)
    origin = _dict(manifest.get("origin"), "origine")
    _hex(origin.get("replica"), 16, "origine")
    _hex(origin.get("public_key"), 64, "clé publique")
    _hex(origin.get("site_id"), 32, "site", optional=True)
    _text(origin.get("site_code"), "site", optional=True, max_len=40)
    _text(origin.get("site_name"), "site", optional=True)
    check_version_vector(manifest.get("version_vector"))
    max_stamp = manifest.get("max_stamp")
    if not isinstance(max_stamp, str) or (max_stamp and not STAMP_RE.match(max_stamp)):
        raise _bad("horloge")
    cipher = _dict(manifest.get("cipher"), "chiffrement")
    if cipher.get("alg") != "AES-256-GCM" or cipher.get("kdf") != "HKDF-SHA256":
        raise _bad("chiffrement")
    _hex(cipher.get("salt"), 32, "chiffrement")
    _hex(cipher.get("nonce"), 24, "chiffrement")
    if _dict(manifest.get("signature"), "signature").get("alg") != "Ed25519":
        raise _bad("signature")
    _check_sections(manifest.get("sections"), chunked=manifest.get("format", 0) >= 3)
    _check_format_2(manifest, origin)


def _check_format_2(manifest: dict[str, Any], origin: dict[str, Any]) -> None:
    """Fields format 2 added, all optional (a format 1 bundle has none of them)."""
    _hex(origin.get("box_key"), 64, "clé d'échange", optional=True)
    _hex(manifest.get("key_id"), 16, "clé du territoire", optional=True)
    grants = manifest.get("key_grants", {})
    if not isinstance(grants, dict) or len(grants) > MAX_REPLICAS:
        raise _bad("clés transmises")
    for replica, grant in grants.items():
        _hex(replica, 16, "clés transmises")
        grant = _dict(grant, "clés transmises")
        _hex(grant.get("eph"), 64, "clés transmises")
        _hex(grant.get("nonce"), 24, "clés transmises")
        box = grant.get("box")
        if not isinstance(box, str) or len(box) != 96 or not _HEX_ANY.match(box):
            raise _bad("clés transmises")
    notices = manifest.get("clock_notices", {})
    if not isinstance(notices, dict) or len(notices) > MAX_REPLICAS:
        raise _bad("horloges")
    for replica, hours in notices.items():
        _hex(replica, 16, "horloges")
        if type(hours) is not int or not 0 <= hours <= 10**6:
            raise _bad("horloges")


def _check_sections(sections: Any, *, chunked: bool = False) -> None:
    """Sections have distinct names; from format 3, a table's may repeat, one after another."""
    if not isinstance(sections, list) or len(sections) > MAX_SECTIONS:
        raise _bad("sections")
    names: set[str] = set()
    previous = None
    for part in sections:
        part = _dict(part, "sections")
        name = part.get("name")
        if not isinstance(name, str) or not SECTION_NAME.match(name):
            raise _bad("sections")
        again = chunked and name == previous and name not in SINGLE_SECTIONS
        if name in names and not again:
            raise _bad("sections")
        names.add(name)
        previous = name
        for key in ("rows", "bytes"):
            if type(part.get(key)) is not int or part[key] < 0:
                raise _bad("sections")
        _hex(part.get("sha256"), 64, "sections")


def section_counts(manifest: dict[str, Any]) -> dict[str, int]:
    """Return the number of rows each table (or other section) of a bundle holds."""
    counts: dict[str, int] = {}
    for part in manifest["sections"]:
        counts[part["name"]] = counts.get(part["name"], 0) + part["rows"]
    return counts
