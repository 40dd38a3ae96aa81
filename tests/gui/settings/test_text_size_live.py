"""Text size 175 % applies at once to every pane, dialog, table row and chart; 100 % restores.

Every pane is shown in turn for each measure (a hidden pane must follow as well as the one
on screen), with the activity dialog, a card, the Doublons and the F1 help open meanwhile.

The agent changes it in Paramètres (the combo, as a user would) with panes and dialogs open;
nothing is restarted. Each widget's font, each table's row height and each chart's title
must follow, and going back to 100 % must give every one its first size again.
"""

from __future__ import annotations

from PySide6.QtCharts import QChartView
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QWidget

from ardoiz_desk.gui.app.main_window import REPORTS
from ardoiz_desk.gui.kit.widgets import HEADING


def _visible_widgets() -> list[QWidget]:
    return [
        w
        for top in QApplication.topLevelWidgets()
        if top.isVisible()
        for w in [top, *top.findChildren(QWidget)]
        if w.isVisible()
    ]


def _sizes() -> dict[int, tuple[str, float, float]]:
    """Every visible widget's font size and, for tables, their row height."""
    found = {}
    for widget in _visible_widgets():
        rows = 0.0
        if isinstance(widget, QAbstractItemView) and hasattr(widget, "verticalHeader"):
            rows = float(widget.verticalHeader().defaultSectionSize())
        found[id(widget)] = (type(widget).__name__, widget.font().pointSizeF(), rows)
    return found


def _every_pane(qtbot, window) -> dict[int, tuple[str, float, float]]:
    """The sizes of what is visible with each pane shown in turn (the dialogs stay open)."""
    found = {}
    for row in range(7):
        window.show_pane(row)
        qtbot.wait(10)
        found.update(_sizes())
    window.show_pane(REPORTS)
    return found


def _describe(key: int, was: float, now: float) -> str:
    widget = next(w for w in QApplication.allWidgets() if id(w) == key)
    names = []
    while widget is not None:
        names.append(widget.objectName() or type(widget).__name__)
        widget = widget.parentWidget()
    return f"{'/'.join(reversed(names[:4]))}: {was} -> {now}"


def _chart_title_sizes(window) -> list[float]:
    pane = window.reports_pane
    return [v.chart().titleFont().pointSizeF() for v in pane.findChildren(QChartView)]


def _set_size(qtbot, window, percent: int) -> None:
    combo = window.settings_pane.text_size
    combo.setCurrentIndex(combo.findData(percent))
    qtbot.wait(50)


def test_175_percent_scales_everything_open_and_100_restores_it(qtbot, window, dialogs) -> None:
    window.apply_text_scale(100)  # as the start-up does (from the saved setting)
    for row in range(7):  # every pane built and shown once
        window.show_pane(row)
        window.runner.wait(20_000)
    window.show_pane(REPORTS)
    qtbot.waitUntil(lambda: window.reports_pane.report is not None, timeout=20_000)
    window.runner.wait(20_000)
    charts_before = _chart_title_sizes(window)
    assert charts_before
    activity = window.record_activity()
    card = window.open_participant(window.participants.model.id_at(0))
    card.form.edits["telephone"].setText("04 92 00 00 01")  # a label marked « modifié », bold
    assert card.form.row_labels["telephone"][0].font().bold()
    duplicates = window.review_duplicates()
    window.runner.wait(20_000)
    help_box = window.show_shortcuts()
    heading = next(
        label for label in window.findChildren(QLabel) if label.property("role") == HEADING
    )
    before = _every_pane(qtbot, window)
    body = QApplication.font().pointSizeF()
    assert heading.font().pointSizeF() > body

    _set_size(qtbot, window, 175)
    window.runner.wait(20_000)
    after = _every_pane(qtbot, window)
    ratio = QApplication.font().pointSizeF() / body
    assert abs(ratio - 1.75) < 0.05
    # Each one ×1.75, or (a header the platform left at its 9 pt) now the body text's size.
    unscaled = [
        _describe(key, before[key][1], size)
        for key, (name, size, _rows) in after.items()
        if key in before
        and abs(size - before[key][1] * ratio) > 0.6
        and abs(size - body * ratio) > 0.1
    ]
    assert unscaled == []  # every visible widget of every window, headings included
    short_rows = [
        _describe(key, before[key][2], rows)
        for key, (name, _size, rows) in after.items()
        if key in before and before[key][2] and rows < before[key][2] * 1.5
    ]
    assert short_rows == []  # table rows grew with the text
    assert abs(heading.font().pointSizeF() / QApplication.font().pointSizeF() - 1.35) < 0.05
    window.show_pane(REPORTS)
    qtbot.waitUntil(
        lambda: min(_chart_title_sizes(window)) >= min(charts_before) * 1.5, timeout=20_000
    )
    for dialog in (activity, card, duplicates, help_box):
        assert dialog.isVisible() and dialog.font().pointSizeF() > before[id(dialog)][1] * 1.5

    _set_size(qtbot, window, 100)
    window.runner.wait(20_000)
    back = _every_pane(qtbot, window)
    changed = [
        name
        for key, (name, size, rows) in back.items()
        if key in before
        and (
            (abs(size - before[key][1]) > 0.1 and abs(size - body) > 0.1) or rows != before[key][2]
        )
    ]
    assert changed == []  # back to 100 %: every size as it was (or the body text's), rows too
    window.show_pane(REPORTS)
    qtbot.waitUntil(lambda: _chart_title_sizes(window) == charts_before, timeout=20_000)
    card.form.edits["telephone"].setText("")
    card._initial = card.form.value()  # close without the unsaved-changes question
    for dialog in (activity, card, duplicates, help_box):
        dialog.hide()
    window.runner.wait(20_000)
