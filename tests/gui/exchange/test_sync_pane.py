"""The synchronisation pane: preview, apply, conflicts, approval — without freezing or modals."""

from __future__ import annotations

from ardoiz_desk.gui.exchange.views import table_model
from ardoiz_desk.services.exchange.bundle_import import import_files
from ardoiz_desk.services.exchange.bundles import export_bundle
from ardoiz_desk.services.health import digest
from ardoiz_desk.services.people.participants import (
    ParticipantInput,
    get_participant,
    input_from_view,
    register_participant,
    update_participant,
)
from helpers.sync import click_and_wait, open_pane


def test_import_previews_then_applies(qtbot, territory, tmp_path) -> None:
    coord, site = territory(1)
    register_participant(site, ParticipantInput(prenom="Hélène", nom="Dupré"))
    path = export_bundle(site, tmp_path / "site.ardoiz", full=True).path
    pane = open_pane(qtbot, coord)
    pane.choose_import_files = lambda: [path]
    before = digest(coord)
    click_and_wait(qtbot, pane, "importFiles")
    rows = table_model(pane.outcomes).items
    assert [o.status for o in rows] == ["preview"] and rows[0].total("new") >= 1
    assert digest(coord) == before and pane.apply_button.isEnabled()
    pane.grab().save(str(tmp_path / "preview.png"))
    click_and_wait(qtbot, pane, "applyImport")
    assert [o.status for o in table_model(pane.outcomes).items] == ["applied"]
    assert digest(coord) != before and not pane.apply_button.isEnabled()
    assert "Import terminé" in pane.status.text()


def test_refused_file_shows_a_french_reason(qtbot, territory, tmp_path) -> None:
    coord, _site = territory(1)
    junk = tmp_path / "junk.ardoiz"
    junk.write_bytes(b"not a bundle at all")
    pane = open_pane(qtbot, coord)
    pane.choose_import_files = lambda: [junk]
    click_and_wait(qtbot, pane, "importFiles")
    [outcome] = table_model(pane.outcomes).items
    assert outcome.status == "refused" and "paquet Ardoiz" in outcome.message
    assert not pane.apply_button.isEnabled()


def test_conflict_is_shown_side_by_side_and_overturned(qtbot, territory, tmp_path) -> None:
    coord, site = territory(1)
    p = register_participant(site, ParticipantInput(prenom="Gérard", nom="Bérard"))
    import_files(coord, [export_bundle(site, tmp_path / "1.ardoiz", full=True).path])
    update_participant(site, p.id, input_from_view(get_participant(site, p.id), nom="Site"))
    update_participant(
        coord, p.id, input_from_view(get_participant(coord, p.id), nom="Coordination")
    )
    import_files(coord, [export_bundle(site, tmp_path / "2.ardoiz", full=True).path])
    pane = open_pane(qtbot, coord)
    pane.tabs.setCurrentIndex(1)
    assert pane.tabs.tabText(1) == "Conflits (1)"
    assert pane.conflicts.model().index(0, 1).data() == "Nom"  # the form's label, not "nom"
    pane.grab().save(str(tmp_path / "conflicts.png"))
    pane.conflicts.selectRow(0)
    click_and_wait(qtbot, pane, "overturnConflict")
    assert get_participant(coord, p.id).nom == "Site"
    assert table_model(pane.conflicts).items == []


def test_pending_replica_is_approved_from_theopen_pane(qtbot, territory, tmp_path) -> None:
    coord, site = territory(1, trust_all=False)
    register_participant(site, ParticipantInput(prenom="Zoé", nom="Ébrard"))
    import_files(coord, [export_bundle(site, tmp_path / "1.ardoiz", full=True).path])
    pane = open_pane(qtbot, coord)
    assert "1 en attente" in pane.tabs.tabText(2)
    pane.dialogs.ask = lambda *a: True
    pane.tabs.setCurrentIndex(2)
    pane.peers.selectRow(0)
    click_and_wait(qtbot, pane, "approvePeer")
    assert [o.status for o in table_model(pane.outcomes).items] == ["applied"]
    assert pane.tabs.tabText(2) == "Installations"
