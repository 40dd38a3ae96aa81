"""The Installations tab lists replicas grouped by site, with the files waiting for each."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ardoiz_desk.gui.exchange.views import table_model
from ardoiz_desk.services.exchange.bundle_import import import_files
from ardoiz_desk.services.exchange.bundles import export_bundle
from ardoiz_desk.services.people.participants import ParticipantInput, register_participant
from helpers.sync import clone_territory, open_pane


def test_pending_site_shows_its_waiting_files(territory, workspace_factory, tmp_path, qtbot):
    from ardoiz_desk.services.sites.sites import initialise_site

    coord, _site = territory(1)
    newcomer = workspace_factory("newcomer")
    initialise_site(newcomer, "MSAP-NOUVEAU", "MSAP Nouveau")
    clone_territory(coord, [newcomer])
    register_participant(newcomer, ParticipantInput(prenom="Hélène", nom="Dupré"))
    files = [export_bundle(newcomer, tmp_path / f"n{i}.ardoiz", full=True).path for i in range(2)]
    assert [o.status for o in import_files(coord, files).outcomes] == ["held", "held"]
    pane = open_pane(qtbot, coord)
    model = table_model(pane.peers)
    rows = [model.item(i) for i in range(model.rowCount())]
    sites = [r.site_code for r in rows]
    assert sites == sorted(sites)  # grouped by site
    [line] = [r for r in rows if r.replica_id == newcomer.replica_id]
    column = next(
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) == "Paquets en attente"
    )
    row = rows.index(line)
    assert model.data(model.index(row, column)) == "2"
