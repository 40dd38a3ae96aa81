"""Altered, truncated, forged or foreign bundles are refused cleanly and change nothing."""

from __future__ import annotations

import json
import random
import struct

import pytest
from sqlalchemy import func, select

from ardoiz_desk.services.exchange.bundle_import import import_bundle_bytes
from ardoiz_desk.services.exchange.bundles import export_bundle
from ardoiz_desk.services.health import digest
from ardoiz_desk.services.people.participants import ParticipantInput, register_participant
from ardoiz_desk.store.sync_tables import SyncConflict, SyncImport, SyncPeer, SyncVersion
from ardoiz_desk.sync import crypto
from ardoiz_desk.sync.container import MAGIC, SIGN_CONTEXT
from ardoiz_desk.sync.errors import BundleError


def _bookkeeping(ws) -> tuple:
    with ws.store.session() as s:
        counts = tuple(
            s.scalar(select(func.count()).select_from(t))
            for t in (SyncImport, SyncPeer, SyncVersion, SyncConflict)
        )
    return digest(ws), counts, ws.store.get_state("hlc_last")


@pytest.fixture
def sent(territory, tmp_path):
    """A small bundle from a site, and the coordinator about to receive it."""
    coord, site = territory(1)
    for name in ("Hélène", "Gérard", "Zoé"):
        register_participant(
            site, ParticipantInput(prenom=name, nom="Dupré", telephone="0492610000")
        )
    data = export_bundle(site, tmp_path / "b.ardoiz", full=True).path.read_bytes()
    return coord, site, data


def test_every_single_byte_change_is_refused(sent) -> None:
    coord, _site, data = sent
    before = _bookkeeping(coord)
    rnd = random.Random(4)
    for pos in range(len(data)):
        mutated = bytearray(data)
        mutated[pos] ^= 1 << rnd.randrange(8)
        with pytest.raises(BundleError):
            import_bundle_bytes(coord, bytes(mutated))
    assert _bookkeeping(coord) == before
    assert import_bundle_bytes(coord, data).status == "applied"


def _mutate(data: bytes, rnd: random.Random) -> bytes:
    kind = rnd.randrange(5)
    buf = bytearray(data)
    if kind == 0:  # truncate
        return bytes(buf[: rnd.randrange(len(buf))])
    if kind == 1:  # random bytes overwritten
        for _ in range(rnd.randint(1, 20)):
            buf[rnd.randrange(len(buf))] = rnd.randrange(256)
    elif kind == 2:  # insertion
        pos = rnd.randrange(len(buf))
        buf[pos:pos] = rnd.randbytes(rnd.randint(1, 64))
    elif kind == 3:  # deletion of a run
        pos = rnd.randrange(len(buf))
        del buf[pos : pos + rnd.randint(1, 64)]
    else:  # appended garbage
        buf += rnd.randbytes(rnd.randint(1, 64))
    return bytes(buf)


def test_thousands_of_random_mutations_give_clean_refusals(sent) -> None:
    coord, _site, data = sent
    before = _bookkeeping(coord)
    rnd = random.Random(2026)
    reasons = set()
    for _ in range(2000):
        mutated = _mutate(data, rnd)
        if mutated == data:
            continue
        with pytest.raises(BundleError) as refused:
            import_bundle_bytes(coord, mutated)
        assert str(refused.value)
        reasons.add(refused.value.reason)
    assert _bookkeeping(coord) == before
    assert reasons <= {"altered", "truncated", "not-a-bundle", "newer-format"}


def _resign(data: bytes, signing_key: bytes, edit) -> bytes:
    """Rewrite a bundle's manifest and sign it again with some key (a forger's)."""
    (m_len,) = struct.unpack(">I", data[8:12])
    manifest = json.loads(data[12 : 12 + m_len])
    edit(manifest)
    m_bytes = json.dumps(manifest).encode()
    rest = data[12 + m_len : -64]
    body = MAGIC + struct.pack(">I", len(m_bytes)) + m_bytes + rest
    import hashlib

    return body + crypto.sign(signing_key, SIGN_CONTEXT + hashlib.sha256(body).digest())


def test_bundle_signed_by_wrong_key_for_its_origin_is_refused(sent) -> None:
    coord, _site, data = sent
    forger = crypto.new_signing_key()

    def claim_other_key(m):
        m["origin"]["public_key"] = crypto.public_key_of(forger).hex()

    with pytest.raises(BundleError) as refused:
        import_bundle_bytes(coord, _resign(data, forger, claim_other_key))
    assert refused.value.reason == "wrong-key"


def test_newer_format_and_schema_are_refused_with_the_version_needed(sent) -> None:
    coord, site, data = sent
    key = bytes.fromhex(site.store.get_state("signing_key"))

    def newer_format(m):
        m["format"], m["app_version"] = 7, "3.1.0"

    with pytest.raises(BundleError) as refused:
        import_bundle_bytes(coord, _resign(data, key, newer_format))
    assert refused.value.reason == "newer-format"
    assert "format 7" in str(refused.value) and "3.1.0" in str(refused.value)

    def newer_schema(m):
        m["schema"], m["app_version"] = "0042", "2.0.0"

    with pytest.raises(BundleError) as refused:
        import_bundle_bytes(coord, _resign(data, key, newer_schema))
    assert refused.value.reason == "newer-schema"
    assert "0042" in str(refused.value) and "2.0.0" in str(refused.value)


def test_older_schema_is_upgraded_on_import(sent) -> None:
    coord, site, data = sent
    key = bytes.fromhex(site.store.get_state("signing_key"))

    def older(m):
        m["schema"] = "0001"

    # The manifest is the encryption's associated data: a real older bundle, written by an
    # older app, is encrypted with its own manifest. Re-encrypt to simulate one.
    from ardoiz_desk.services.exchange.territory import load_keys
    from ardoiz_desk.sync.container import Section, decrypt_sections, open_envelope, write_bundle

    env = open_envelope(data)
    sections = decrypt_sections(env, load_keys(site).territory_key)
    manifest = {
        k: v for k, v in env.manifest.items() if k not in ("cipher", "signature", "sections")
    }
    older(manifest)
    parts = [Section(p["name"], p["rows"], sections[p["name"]]) for p in env.manifest["sections"]]
    old_bundle = write_bundle(manifest, parts, load_keys(site).territory_key, key)
    assert import_bundle_bytes(coord, old_bundle).status == "applied"


def test_bundle_from_another_territory_is_refused(sent, workspace_factory) -> None:
    from ardoiz_desk.services.exchange.territory import create_territory

    _coord, _site, data = sent
    stranger = workspace_factory("stranger")
    create_territory(stranger, "Ailleurs")
    with pytest.raises(BundleError) as refused:
        import_bundle_bytes(stranger, data)
    assert refused.value.reason == "other-territory"
