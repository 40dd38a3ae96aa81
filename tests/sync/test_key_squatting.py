"""A forged copy of a site's bundle, signed with another key, never blocks the real site."""

from __future__ import annotations

import hashlib
import json
import struct
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from ardoiz_desk.gui.exchange.pane import SyncPane
from ardoiz_desk.gui.exchange.views import table_model
from ardoiz_desk.gui.kit.operations import Operations
from ardoiz_desk.services.exchange.bundle_import import approve_replica, import_files
from ardoiz_desk.services.exchange.bundles import export_bundle
from ardoiz_desk.services.exchange.territory import apply_roster, list_peers, roster, territory_info
from ardoiz_desk.services.people.participants import (
    ParticipantInput,
    register_participant,
    search_participants,
)
from ardoiz_desk.services.validation import ValidationError
from ardoiz_desk.sync import crypto
from ardoiz_desk.sync.container import (
    MAGIC,
    SIGN_CONTEXT,
    Section,
    decrypt_sections,
    open_envelope,
    read_manifest,
    write_bundle,
)


def forge(genuine: Path, out: Path) -> tuple[Path, str]:
    """Copy a bundle as an enrolled site could (it holds the territory key): own key, the
    payload encrypted again for the new manifest, signed again.

    Without the territory key a re-signed copy no longer authenticates (the manifest is
    the cipher's associated data) and is refused outright: see
    ``test_a_copy_re_signed_without_the_territory_key_is_refused``.
    """
    data = genuine.read_bytes()
    key = bytes.fromhex(_SQUATTER_KEY[0])
    envelope = open_envelope(data)
    plain = decrypt_sections(envelope, key)
    manifest = {
        k: v
        for k, v in envelope.manifest.items()
        if k not in ("format", "cipher", "signature", "sections")
    }
    evil = crypto.new_signing_key()
    manifest["origin"] = {**manifest["origin"], "public_key": crypto.public_key_of(evil).hex()}
    sections = [
        Section(p["name"], p["rows"], plain[p["name"]]) for p in envelope.manifest["sections"]
    ]
    out.write_bytes(write_bundle(manifest, sections, key, evil))
    return out, crypto.fingerprint(crypto.public_key_of(evil))


_SQUATTER_KEY: list[str] = [""]


@pytest.fixture
def territory(territory):
    """The shared fixture; the forger is an enrolled site: it knows the territory key."""

    def make(*args, **kwargs):
        replicas = territory(*args, **kwargs)
        _SQUATTER_KEY[0] = replicas[0].store.get_state("territory_key")
        return replicas

    return make


def _resign_only(genuine: Path, out: Path) -> Path:
    data = genuine.read_bytes()
    manifest = read_manifest(data)
    (m_len,) = struct.unpack(">I", data[8:12])
    evil = crypto.new_signing_key()
    manifest["origin"]["public_key"] = crypto.public_key_of(evil).hex()
    mb = json.dumps(manifest).encode()
    body = MAGIC + struct.pack(">I", len(mb)) + mb + data[12 + m_len : -64]
    out.write_bytes(body + crypto.sign(evil, SIGN_CONTEXT + hashlib.sha256(body).digest()))
    return out


def test_a_copy_re_signed_without_the_territory_key_is_refused(territory, tmp_path) -> None:
    coord, x = territory(1, trust_all=False)
    register_participant(x, ParticipantInput(prenom="Xavier", nom="Véritable"))
    genuine = export_bundle(x, tmp_path / "x.ardoiz", full=True).path
    outcome = import_files(coord, [_resign_only(genuine, tmp_path / "f.ardoiz")]).outcomes[0]
    assert outcome.status == "refused" and outcome.reason == "altered"
    assert not (coord.data_dir / "held").exists()


def _names(ws) -> set[str]:
    return {p.nom for p in search_participants(ws)}


def _peer_lines(ws, replica_id: str):
    return [p for p in list_peers(ws) if p.replica_id == replica_id]


def test_forged_then_genuine_ends_with_the_genuine_site_trusted_by_the_roster(
    territory, tmp_path
) -> None:
    coord, a, x = territory(2, trust_all=False)
    register_participant(x, ParticipantInput(prenom="Xavier", nom="Véritable"))
    genuine = export_bundle(x, tmp_path / "x.ardoiz", full=True).path
    forged, evil_fp = forge(genuine, tmp_path / "forged.ardoiz")
    x_fp = territory_info(x).fingerprint
    # The coordinator trusts x, having checked its fingerprint over the phone.
    assert import_files(coord, [genuine]).outcomes[0].status == "held"
    assert [o.status for o in approve_replica(coord, x.replica_id, fingerprint=x_fp).outcomes] == [
        "applied"
    ]
    # Site a sees the forged copy first: held, never applied.
    assert import_files(a, [forged]).outcomes[0].status == "held"
    # The genuine bundle is not refused for a "wrong key": it is held too, both keys shown.
    second = import_files(a, [genuine]).outcomes[0]
    assert second.status == "held" and "autre clé" in second.message
    lines = _peer_lines(a, x.replica_id)
    assert sorted(p.fingerprint for p in lines) == sorted([evil_fp, x_fp])
    assert {(p.status, p.keys_shown) for p in lines} == {("pending", 2)}
    assert "Véritable" not in _names(a)
    # The coordinator's signed roster fixes x's key; the genuine held bundle is applied.
    back = export_bundle(coord, tmp_path / "coord.ardoiz", full=True).path
    report = import_files(a, [back])
    assert [o.status for o in report.outcomes] == ["applied", "applied"]
    [line] = _peer_lines(a, x.replica_id)
    assert (line.status, line.fingerprint, line.keys_shown) == ("trusted", x_fp, 1)
    assert "Véritable" in _names(a)
    assert list((a.data_dir / "held").glob("*.ardoiz")) == []  # the forged copy is dropped
    # Later bundles of the real site are applied; the forged one is refused for its key.
    register_participant(x, ParticipantInput(prenom="Xavier", nom="Suivant"))
    later = export_bundle(x, tmp_path / "x2.ardoiz", full=True).path
    assert import_files(a, [later]).outcomes[0].status == "applied"
    refused = import_files(a, [forged]).outcomes[0]
    assert refused.status == "refused" and refused.reason == "wrong-key"


def test_coordinator_sees_both_keys_and_approves_the_checked_one(territory, tmp_path) -> None:
    coord, x = territory(1, trust_all=False)
    register_participant(x, ParticipantInput(prenom="Xavier", nom="Véritable"))
    genuine = export_bundle(x, tmp_path / "x.ardoiz", full=True).path
    forged, evil_fp = forge(genuine, tmp_path / "forged.ardoiz")
    x_fp = territory_info(x).fingerprint
    assert [o.status for o in import_files(coord, [forged, genuine]).outcomes] == [
        "held",
        "held",
    ]
    lines = _peer_lines(coord, x.replica_id)
    assert [p.fingerprint for p in lines] == [evil_fp, x_fp]  # the first key stays first
    with pytest.raises(ValidationError):  # several keys: the fingerprint must be named
        approve_replica(coord, x.replica_id)
    with pytest.raises(ValidationError):  # a key never seen for it
        approve_replica(coord, x.replica_id, fingerprint="0000-0000")
    report = approve_replica(coord, x.replica_id, fingerprint=x_fp)
    assert [o.status for o in report.outcomes] == ["applied"]
    assert "Véritable" in _names(coord)
    [line] = _peer_lines(coord, x.replica_id)
    assert (line.status, line.fingerprint) == ("trusted", x_fp)
    assert list((coord.data_dir / "held").glob("*.ardoiz")) == []
    assert import_files(coord, [forged]).outcomes[0].reason == "wrong-key"
    assert import_files(coord, [genuine]).outcomes[0].status == "already"


def test_forged_bundle_alone_is_never_applied(territory, tmp_path) -> None:
    coord, x = territory(1, trust_all=False)
    register_participant(x, ParticipantInput(prenom="Xavier", nom="Véritable"))
    genuine = export_bundle(x, tmp_path / "x.ardoiz", full=True).path
    # Re-signed without the territory key, its payload does not open (the manifest is
    # authenticated): refused at once, never held, so nobody can approve it by mistake.
    outcome = import_files(coord, [_resign_only(genuine, tmp_path / "forged.ardoiz")]).outcomes[0]
    assert outcome.status == "refused"
    assert list_peers(coord) == [] or all(p.status != "pending" for p in list_peers(coord))
    assert "Véritable" not in _names(coord)


def test_trusted_keys_stay_fixed(territory, tmp_path) -> None:
    coord, a, x = territory(2)
    register_participant(x, ParticipantInput(prenom="Xavier", nom="Véritable"))
    genuine = export_bundle(x, tmp_path / "x.ardoiz", full=True).path
    forged, _fp = forge(genuine, tmp_path / "forged.ardoiz")
    assert import_files(a, [forged]).outcomes[0].reason == "wrong-key"
    entry = next(e for e in roster(coord) if e["replica"] == x.replica_id)
    other = crypto.public_key_of(crypto.new_signing_key()).hex()
    assert apply_roster(a, [{**entry, "public_key": other}]) == []
    [line] = _peer_lines(a, x.replica_id)
    assert line.fingerprint == territory_info(x).fingerprint
    assert import_files(a, [genuine]).outcomes[0].status == "applied"


def test_pane_approves_the_line_whose_fingerprint_was_checked(qtbot, territory, tmp_path) -> None:
    coord, x = territory(1, trust_all=False)
    register_participant(x, ParticipantInput(prenom="Xavier", nom="Véritable"))
    genuine = export_bundle(x, tmp_path / "x.ardoiz", full=True).path
    forged, _fp = forge(genuine, tmp_path / "forged.ardoiz")
    import_files(coord, [forged, genuine])
    pane = SyncPane(coord, Operations())
    qtbot.addWidget(pane)
    pane.show()
    pane.tabs.setCurrentIndex(2)
    model = pane.peers.model()
    x_fp = territory_info(x).fingerprint
    items = table_model(pane.peers)

    def peer(r: int):
        return items.item(model.mapToSource(model.index(r, 0)).row())

    rows = [r for r in range(model.rowCount()) if peer(r).replica_id == x.replica_id]
    assert len(rows) == 2 and all("2 clés" in model.index(r, 2).data() for r in rows)
    pane.peers.selectRow(next(r for r in rows if model.index(r, 3).data() == x_fp))
    pane.dialogs.ask = lambda *a: True
    with qtbot.waitSignal(
        pane.runner.busy_changed, check_params_cb=lambda busy: not busy, timeout=20_000
    ):
        qtbot.mouseClick(pane.findChild(QPushButton, "approvePeer"), Qt.MouseButton.LeftButton)
    assert [o.status for o in table_model(pane.outcomes).items] == ["applied"]
    assert "Véritable" in _names(coord)


def test_command_line_approval_names_the_fingerprint(territory, tmp_path, capsys) -> None:
    from ardoiz_desk.cli import main

    coord, x = territory(1, trust_all=False)
    register_participant(x, ParticipantInput(prenom="Xavier", nom="Véritable"))
    genuine = export_bundle(x, tmp_path / "x.ardoiz", full=True).path
    forged, _evil_fp = forge(genuine, tmp_path / "forged.ardoiz")
    x_fp = territory_info(x).fingerprint
    import_files(coord, [forged, genuine])
    data = ["--data-dir", str(coord.data_dir)]
    assert main([*data, "territory", "approve", x.replica_id]) != 0  # two keys: say which
    capsys.readouterr()
    assert main([*data, "territory", "approve", x.replica_id, "--fingerprint", x_fp]) == 0
    assert "applied" in capsys.readouterr().out
    assert "Véritable" in _names(coord)
