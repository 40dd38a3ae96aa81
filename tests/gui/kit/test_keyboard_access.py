"""No keyboard trap (RGAA 12.9, WCAG 2.1.2): one Tab leaves a table, arrows move inside;
wrapper scroll areas are not unnamed tab stops (RGAA 12.8)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QScrollArea

from helpers.gui import type_text


def _tab_leaves(qtbot, view: QAbstractItemView) -> None:
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 1))
    qtbot.waitUntil(view.hasFocus)
    QTest.keyClick(view, Qt.Key.Key_Right)  # arrows stay inside
    assert QApplication.focusWidget() is view
    assert view.currentIndex().column() == 2
    QTest.keyClick(view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not view
    assert not view.isAncestorOf(QApplication.focusWidget())
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is view


def test_tab_leaves_the_participants_table(qtbot, window) -> None:
    window.activateWindow()
    _tab_leaves(qtbot, window.participants.view)


def test_tab_leaves_the_attendance_table(qtbot, window) -> None:
    dialog = window.record_activity()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    type_text(dialog.picker.search_edit, window.participants.model.index(0, 0).data())
    assert dialog.picker.pick_current()
    assert dialog.attendance.rowCount() == 1
    _tab_leaves(qtbot, dialog.attendance_view)


def test_every_table_of_the_window_releases_tab(window) -> None:
    for row in range(7):
        window.show_pane(row)
    dialog = window.record_activity()
    card = window.open_participant(window.participants.model.id_at(0))
    views = [
        v
        for top in (window, dialog, card)
        for v in top.findChildren(QAbstractItemView)
        if not v.inherits("QComboBoxListView") and v.objectName() != "qt_calendar_calendarview"
    ]
    assert len(views) >= 8
    assert [v.accessibleName() for v in views if v.tabKeyNavigation()] == []


def test_wrapper_scroll_areas_take_no_focus(window) -> None:
    for row in range(7):
        window.show_pane(row)
    card = window.open_participant(window.participants.model.id_at(0))
    areas = [a for top in (window, card) for a in top.findChildren(QScrollArea)]
    assert len(areas) >= 9
    assert [a for a in areas if a.focusPolicy() != Qt.FocusPolicy.NoFocus] == []


def test_participants_focus_order_is_the_declared_one(qtbot, window) -> None:
    pane = window.participants
    window.activateWindow()
    pane.search_edit.setFocus()
    qtbot.waitUntil(pane.search_edit.hasFocus)
    seen = [QApplication.focusWidget()]
    for _ in range(7):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == [
        pane.search_edit,
        pane.site_filter,
        pane.stage_filter,
        pane.autonomy_filter,
        pane.tablet_filter,
        pane.view,
        pane.duplicates_button,
        pane.new_button,
    ]
