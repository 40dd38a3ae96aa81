"""Apply imports exactly what the preview showed: files new or changed since are not applied."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from ardoiz_desk.gui.exchange.views import table_model
from ardoiz_desk.gui.exchange.wording import file_label
from ardoiz_desk.services.exchange.bundle_import import import_files, import_inbox
from ardoiz_desk.services.exchange.bundles import export_bundle, set_sync_folder
from ardoiz_desk.services.health import digest
from ardoiz_desk.services.people.participants import (
    ParticipantInput,
    register_participant,
    search_participants,
)
from helpers.sync import click_and_wait, open_pane


def _person(ws, nom: str) -> None:
    register_participant(ws, ParticipantInput(prenom="Hélène", nom=nom))


def _by_origin(report, ws) -> str:
    return next(o.status for o in report.outcomes if o.origin_replica == ws.replica_id)


def test_inbox_bundle_arrived_after_the_preview_is_not_applied(territory, tmp_path) -> None:
    coord, a, b = territory(2)
    folder = set_sync_folder(coord, tmp_path / "partage")
    _person(a, "Avant")
    export_bundle(a, folder, full=True)
    preview = import_inbox(coord, dry_run=True)
    assert [o.status for o in preview.outcomes] == ["preview"]
    assert len(preview.previewed) == 1 and len(preview.previewed[0][1]) == 64
    _person(b, "Après")
    late = export_bundle(b, folder, full=True).path  # lands before the agent confirms
    report = import_inbox(coord, expected=preview.fingerprints())
    assert _by_origin(report, a) == "applied"
    [stale] = [o for o in report.outcomes if o.status == "stale"]
    assert stale.file == late.name and "Nouveau depuis l'aperçu" in stale.message
    assert "relancez l'aperçu" in stale.message
    # Nothing of b's got in; a fresh preview shows it, and only then is it applied.
    again = import_inbox(coord, dry_run=True)
    assert sorted(o.status for o in again.outcomes) == ["already", "preview"]
    report = import_inbox(coord, expected=again.fingerprints())
    assert _by_origin(report, b) == "applied"


def test_file_replaced_after_the_preview_is_not_applied(territory, tmp_path) -> None:
    coord, site = territory(1)
    _person(site, "Un")
    chosen = tmp_path / "site.ardoiz"
    export_bundle(site, chosen, full=True)
    preview = import_files(coord, [chosen], dry_run=True)
    assert preview.outcomes[0].status == "preview"
    before = digest(coord)
    _person(site, "Deux")
    other = export_bundle(site, tmp_path / "other.ardoiz", full=True).path
    shutil.copyfile(other, chosen)  # same name, other bytes
    report = import_files(coord, [chosen], expected=preview.fingerprints())
    [outcome] = report.outcomes
    assert outcome.status == "stale" and "Modifié depuis l'aperçu" in outcome.message
    assert digest(coord) == before
    assert report.report_path is not None  # the refusal to apply is in the kept report


def test_previewed_file_gone_is_reported_and_unchanged_files_apply(territory, tmp_path) -> None:
    coord, a, b = territory(2)
    _person(a, "Un")
    _person(b, "Deux")
    pa = export_bundle(a, tmp_path / "a.ardoiz", full=True).path
    pb = export_bundle(b, tmp_path / "b.ardoiz", full=True).path
    preview = import_files(coord, [pa, pb], dry_run=True)
    pb.unlink()
    report = import_files(coord, [pa], expected=preview.fingerprints())
    assert [(o.file, o.status) for o in report.outcomes] == [
        ("a.ardoiz", "applied"),
        ("b.ardoiz", "stale"),
    ]
    assert "Disparu" in report.outcomes[1].message


def test_pane_applies_only_what_it_previewed(qtbot, territory, tmp_path) -> None:
    coord, a, b = territory(2)
    folder = tmp_path / "partage"
    folder.mkdir()
    _person(a, "Vu")
    export_bundle(a, folder, full=True)
    pane = open_pane(qtbot, coord)
    pane.choose_folder = lambda: folder
    qtbot.mouseClick(pane.findChild(QPushButton, "pickFolder"), Qt.MouseButton.LeftButton)
    click_and_wait(qtbot, pane, "importInbox")
    assert [o.status for o in table_model(pane.outcomes).items] == ["preview"]
    for i in range(3):
        _person(b, f"Jamais vu {i}")
    late = export_bundle(b, folder, full=True).path
    click_and_wait(qtbot, pane, "applyImport")
    rows = {o.file: o for o in table_model(pane.outcomes).items}
    assert rows[late.name].status == "stale"
    assert [o.status for n, o in rows.items() if n != late.name] == ["applied"]
    text = pane.status.text()
    assert (
        "1 paquet(s) importé(s)" in text
        and "depuis l'aperçu" in text
        and "relancez l'aperçu" in text
    )
    row = next(
        r
        for r in range(pane.outcomes.model().rowCount())
        if pane.outcomes.model().index(r, 0).data() == file_label(late.name)
    )
    assert "depuis l'aperçu" in pane.outcomes.model().index(row, 2).data()
    names = {p.nom for p in search_participants(coord)}
    assert "Vu" in names and not any(n.startswith("Jamais vu") for n in names)


def test_pane_file_replaced_between_preview_and_apply(qtbot, territory, tmp_path) -> None:
    coord, site = territory(1)
    _person(site, "Vu")
    chosen = tmp_path / "choisi.ardoiz"
    export_bundle(site, chosen, full=True)
    pane = open_pane(qtbot, coord)
    pane.choose_import_files = lambda: [chosen]
    click_and_wait(qtbot, pane, "importFiles")
    before = digest(coord)
    _person(site, "Jamais vu")
    shutil.copyfile(export_bundle(site, tmp_path / "autre.ardoiz", full=True).path, chosen)
    click_and_wait(qtbot, pane, "applyImport")
    assert [o.status for o in table_model(pane.outcomes).items] == ["stale"]
    assert digest(coord) == before and not pane.apply_button.isEnabled()
