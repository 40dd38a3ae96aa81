"""The Rapports pane: figures computed off the GUI thread, exports through seams."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate

from ardoiz_desk.gui.kit.operations import Operations
from ardoiz_desk.gui.reports.pane import ReportsPane
from ardoiz_desk.services.privacy.audit import read_events
from ardoiz_desk.store.models import site_id_for_code


@pytest.fixture
def pane(qtbot, pilot):
    ops = Operations()
    widget = ReportsPane(pilot.ws, ops)
    qtbot.addWidget(widget)
    widget.start_edit.setDate(QDate(2026, 1, 1))
    widget.end_edit.setDate(QDate(2026, 5, 31))
    yield widget
    ops.wait()


def _compute(qtbot, pane):
    with qtbot.waitSignal(pane.report_ready, timeout=20_000) as blocker:
        pane.compute()
    return blocker.args[0]


def test_figures_and_charts_for_the_chosen_filters(qtbot, pane) -> None:
    report = _compute(qtbot, pane)
    assert report.start == dt.date(2026, 1, 1) and report.reached == 5
    assert pane._figures["Personnes accompagnées"].text() == "5"
    assert pane._figures["Heures d'activité"].text() == "13,1"
    assert pane._views["monthly"].chart().title().startswith("Activités par mois")
    assert not pane.progress.isVisible()
    assert all(b.isEnabled() for b in pane.export_buttons.values())
    pane.site_combo.setCurrentIndex(pane.site_combo.findData(site_id_for_code("MSAP-SISTERON")))
    report = _compute(qtbot, pane)
    assert report.site_label == "France Services Sisteron" and report.reached == 3


def test_start_after_end_is_refused_without_computing(qtbot, pane) -> None:
    pane.start_edit.setDate(QDate(2026, 6, 1))
    pane.compute()
    assert "après la date de fin" in pane.status.text()
    assert pane.report is None


@pytest.mark.parametrize("kind", ["csv", "xlsx", "pdf", "lacoop"])
def test_exports_through_the_save_seam(qtbot, pane, pilot, tmp_path, kind) -> None:
    _compute(qtbot, pane)
    target = tmp_path / f"export-{kind}"
    asked = []
    pane.choose_path = lambda parent, title, suggested, filters: (
        asked.append(suggested) or str(target)
    )
    shown = []
    pane.confirm_lacoop = lambda parent, plan: shown.append(plan) or True
    with qtbot.waitSignal(pane.export_done, timeout=20_000) as blocker:
        pane.export(kind)
    if kind == "lacoop":  # no ending given: La Coop's .xlsx is added
        target = target.with_suffix(".xlsx")
        assert shown[0].new == 4 and shown[0].already_exported == 0
    assert blocker.args == [str(target)]
    assert target.stat().st_size > 0
    assert asked[0].endswith((".csv", ".xlsx", ".pdf"))
    assert read_events(pilot.ws.data_dir)[-1]["action"].startswith("export.")


def test_la_coop_export_says_who_is_new_before_writing(qtbot, pane, pilot, tmp_path) -> None:
    from ardoiz_desk.gui.reports.pane import lacoop_question

    _compute(qtbot, pane)
    pane.choose_path = lambda *args: str(tmp_path / "coop.xlsx")
    pane.confirm_lacoop = lambda parent, plan: False
    pane.export("lacoop")
    assert not (tmp_path / "coop.xlsx").exists() and read_events(pilot.ws.data_dir) == []
    shown = []
    pane.confirm_lacoop = lambda parent, plan: shown.append(lacoop_question(plan)) or True
    with qtbot.waitSignal(pane.export_done, timeout=20_000):
        pane.export("lacoop")
    assert "déjà exportés : 0, nouveaux : 4" in shown[0]
    with qtbot.waitSignal(pane.export_done, timeout=20_000):
        pane.export("lacoop")
    assert "déjà exportés : 4, nouveaux : 0" in shown[1]
    pane.choose_path = lambda *args: str(tmp_path / "coop.csv")
    pane.export("lacoop")
    assert "xlsx" in pane.status.text() and not (tmp_path / "coop.csv").exists()


def test_cancelled_save_dialog_writes_nothing(qtbot, pane, pilot) -> None:
    _compute(qtbot, pane)
    pane.choose_path = lambda *args: None
    pane.export("csv")
    assert read_events(pilot.ws.data_dir) == []


def test_refresh_while_hidden_is_lazy(qtbot, pane) -> None:
    pane.refresh()
    assert pane.report is None and pane._stale
    with qtbot.waitSignal(pane.report_ready, timeout=20_000):
        pane.show()
    assert pane.report is not None


@pytest.mark.parametrize("kind", ["csv", "pdf"])
def test_an_export_inside_the_data_folder_is_refused_in_french(qtbot, pane, pilot, kind) -> None:
    _compute(qtbot, pane)
    target = pilot.ws.data_dir / f"rapport.{kind}"
    pane.choose_path = lambda *args: str(target)
    done = []
    pane.export_done.connect(done.append)
    pane.export(kind)
    qtbot.waitUntil(lambda: "hors du dossier de données" in pane.status.text(), timeout=20_000)
    assert "chiffrée" in pane.status.text() and "échoué" in pane.status.text()
    assert not target.exists() and done == []
    assert read_events(pilot.ws.data_dir) == []
