"""Charts with a text alternative and not told by colour alone (RGAA 1.1, 1.6, 3.1)."""

from __future__ import annotations

from PySide6.QtCharts import QAbstractBarSeries, QPieSeries
from PySide6.QtCore import Qt

from ardoiz_desk.gui.reports.chart_text import chart_figures, make_readable, summary
from ardoiz_desk.printing import charts
from ardoiz_desk.services.reports.figures import ReportFilter, compute_report, default_period


def test_every_chart_is_named_described_and_listed(qtbot, window) -> None:
    window.show_pane(5)
    pane = window.reports_pane
    qtbot.waitUntil(lambda: pane.report is not None, timeout=20_000)
    for view in pane._views.values():
        assert view.focusPolicy() == Qt.FocusPolicy.NoFocus
        assert view.accessibleName() == view.chart().title()
        assert " : " in view.accessibleDescription()
        # chart titles one point above the text size, never under 10 pt
        assert view.chart().titleFont().pointSizeF() >= 11
    table = pane.chart_figures_view
    assert table.focusPolicy() != Qt.FocusPolicy.NoFocus
    assert not table.tabKeyNavigation()
    titles = {pane.chart_figures.item(r).chart for r in range(pane.chart_figures.rowCount())}
    assert titles == {view.chart().title() for view in pane._views.values()}


def test_figures_match_what_the_chart_draws(site_ws) -> None:
    start, end = default_period(site_ws.today())
    report = compute_report(site_ws, ReportFilter(start=start, end=end))
    kinds = charts.kinds_chart(report)
    figures = chart_figures(kinds)
    assert sum(f.value for f in figures) == sum(report.activities_by_kind.values())
    monthly = charts.monthly_chart(report)
    rows = chart_figures(monthly)
    assert {f.series for f in rows} >= {"Prise en main"}
    assert "suite dans le tableau" in summary(rows) or len(rows) <= 24


def test_second_series_is_hatched_and_pie_slices_labelled(qtbot, site_ws) -> None:
    from PySide6.QtCharts import QChartView

    start, end = default_period(site_ws.today())
    report = compute_report(site_ws, ReportFilter(start=start, end=end))
    autonomy = charts.autonomy_chart(report)
    view = QChartView()
    qtbot.addWidget(view)
    view.setChart(autonomy)
    make_readable(view, autonomy)
    bars = next(s for s in autonomy.series() if isinstance(s, QAbstractBarSeries)).barSets()
    assert bars[0].brush().style() == Qt.BrushStyle.SolidPattern
    assert bars[1].brush().style() != Qt.BrushStyle.SolidPattern
    pie = charts.kinds_chart(report)
    make_readable(QChartView(), pie)
    slices = next(s for s in pie.series() if isinstance(s, QPieSeries)).slices()
    assert all(piece.isLabelVisible() for piece in slices)
