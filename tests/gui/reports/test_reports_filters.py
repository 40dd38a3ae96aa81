"""The Rapports filters as an agent uses them: dates typed with real keys, the period
presets, and a report that follows the filters by itself (debounced, no Actualiser)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from ardoiz_desk.gui.kit.date_field import DateField
from ardoiz_desk.gui.kit.operations import Operations
from ardoiz_desk.gui.reports import pane as pane_module
from ardoiz_desk.gui.reports.pane import ReportsPane
from ardoiz_desk.services.reports.periods import preset_of, preset_period
from ardoiz_desk.store.models import site_id_for_code

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def field(qtbot):
    widget = DateField(dt.date(2026, 9, 1))
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.edit.setFocus()
    return widget


def _type_over(qtbot, field: DateField, text: str) -> None:
    """Select all (Ctrl+A) then type, key by key."""
    qtbot.keyClick(field.edit, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(field.edit, text)


def test_a_date_typed_over_a_full_selection_is_taken_whole(qtbot, field) -> None:
    """A QDateEdit gave 01/09 here: it refused day 30 in the month it still showed."""
    seen = []
    field.dateChanged.connect(seen.append)
    _type_over(qtbot, field, "30/09/2026")
    assert field.date() == QDate(2026, 9, 30)
    assert field.edit.text() == "30/09/2026"
    assert seen[-1] == QDate(2026, 9, 30)


def test_the_slashes_may_be_left_out(qtbot, field) -> None:
    _type_over(qtbot, field, "31122026")
    assert field.date() == QDate(2026, 12, 31)


def test_typing_over_a_partial_date(qtbot, field) -> None:
    _type_over(qtbot, field, "15/0")
    assert field.date() == QDate(2026, 9, 1)  # not complete: the last good date stays
    _type_over(qtbot, field, "30/09/2026")
    assert field.date() == QDate(2026, 9, 30)


def test_an_impossible_date_is_put_back_on_leaving(qtbot, field) -> None:
    _type_over(qtbot, field, "31/02/2026")
    assert field.date() == QDate(2026, 9, 1)
    qtbot.keyClick(field.edit, Qt.Key.Key_Tab)
    field.edit.editingFinished.emit()
    assert field.edit.text() == "01/09/2026"


@pytest.mark.parametrize(
    ("today", "code", "expected"),
    [
        (dt.date(2026, 6, 15), "this_month", (dt.date(2026, 6, 1), dt.date(2026, 6, 15))),
        (dt.date(2026, 6, 15), "last_month", (dt.date(2026, 5, 1), dt.date(2026, 5, 31))),
        (dt.date(2026, 1, 10), "last_month", (dt.date(2025, 12, 1), dt.date(2025, 12, 31))),
        (dt.date(2026, 3, 1), "last_month", (dt.date(2026, 2, 1), dt.date(2026, 2, 28))),
        (dt.date(2026, 6, 15), "this_quarter", (dt.date(2026, 4, 1), dt.date(2026, 6, 15))),
        (dt.date(2026, 11, 30), "this_quarter", (dt.date(2026, 10, 1), dt.date(2026, 11, 30))),
        (dt.date(2026, 6, 15), "this_year", (dt.date(2026, 1, 1), dt.date(2026, 6, 15))),
        (dt.date(2026, 6, 15), "last_year", (dt.date(2025, 1, 1), dt.date(2025, 12, 31))),
    ],
)
def test_period_presets_relative_to_today(today, code, expected) -> None:
    assert preset_period(code, today) == expected
    assert preset_of(*expected, today) == code


@pytest.fixture
def pane(qtbot, pilot):
    ops = Operations()
    widget = ReportsPane(pilot.ws, ops)
    qtbot.addWidget(widget)
    widget.resize(1366, 900)
    with qtbot.waitSignal(widget.report_ready, timeout=20_000):
        widget.show()  # 'today' is 2026-06-15 (tests/conftest.py)
    yield widget
    ops.wait()


@pytest.mark.parametrize(
    ("label", "start", "end"),
    [
        ("Ce mois-ci", QDate(2026, 6, 1), QDate(2026, 6, 15)),
        ("Le mois dernier", QDate(2026, 5, 1), QDate(2026, 5, 31)),
        ("Ce trimestre", QDate(2026, 4, 1), QDate(2026, 6, 15)),
        ("Cette année", QDate(2026, 1, 1), QDate(2026, 6, 15)),
    ],
)
def test_choosing_a_preset_sets_the_dates_and_refreshes(qtbot, pane, label, start, end) -> None:
    with qtbot.waitSignal(pane.report_ready, timeout=20_000) as done:
        pane.preset_combo.setCurrentIndex(pane.preset_combo.findText(label))
    assert (pane.start_edit.date(), pane.end_edit.date()) == (start, end)
    assert (done.args[0].start, done.args[0].end) == (start.toPython(), end.toPython())


def test_typed_dates_that_match_a_preset_show_it(qtbot, pane) -> None:
    pane.start_edit.edit.setFocus()
    qtbot.keyClick(pane.start_edit.edit, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(pane.start_edit.edit, "01/05/2026")
    qtbot.keyClick(pane.end_edit.edit, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(pane.end_edit.edit, "31/05/2026")
    assert pane.preset_combo.currentText() == "Le mois dernier"
    qtbot.keyClick(pane.end_edit.edit, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(pane.end_edit.edit, "30/05/2026")
    assert pane.preset_combo.currentText() == "Personnalisée"


def test_a_burst_of_filter_changes_computes_once_without_actualiser(
    qtbot, pane, monkeypatch
) -> None:
    calls = []
    real = pane_module.compute_report
    monkeypatch.setattr(
        pane_module, "compute_report", lambda ws, flt, p=None: calls.append(flt) or real(ws, flt, p)
    )
    reports = []
    pane.report_ready.connect(reports.append)
    # Site, stage and both dates changed in a row, the dates typed with real keys.
    pane.site_combo.setCurrentIndex(pane.site_combo.findData(site_id_for_code("MSAP-SISTERON")))
    pane.stage_combo.setCurrentIndex(1)
    pane.start_edit.edit.setFocus()
    qtbot.keyClick(pane.start_edit.edit, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(pane.start_edit.edit, "01/01/2026")
    qtbot.keyClick(pane.end_edit.edit, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(pane.end_edit.edit, "31/05/2026")
    assert calls == []  # nothing computed while the agent is still choosing
    qtbot.waitUntil(lambda: len(reports) == 1, timeout=20_000)
    qtbot.wait(2 * ReportsPane.DEBOUNCE_MS)
    assert len(calls) == 1 and len(reports) == 1
    flt = calls[0]
    assert flt.site_id == site_id_for_code("MSAP-SISTERON") and flt.stage is not None
    assert (flt.start, flt.end) == (dt.date(2026, 1, 1), dt.date(2026, 5, 31))
    assert reports[0].site_label == "France Services Sisteron"
    assert pane.refresh_button.isEnabled()  # never pressed


def test_a_filter_change_while_hidden_waits_for_the_next_show(qtbot, pane, monkeypatch) -> None:
    pane.hide()
    pane.stage_combo.setCurrentIndex(2)
    qtbot.wait(2 * ReportsPane.DEBOUNCE_MS)
    assert pane._stale
    with qtbot.waitSignal(pane.report_ready, timeout=20_000) as done:
        pane.show()
    assert done.args[0].stage == pane.stage_combo.currentData()
