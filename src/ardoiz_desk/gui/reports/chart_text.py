"""Charts a screen reader can read and that do not rely on colour alone (RGAA 1.1, 1.6,
3.1; WCAG 1.1.1, 1.4.1).

A chart view is not a tab stop; it carries its title as accessible name and a text summary
as description. The figures of every chart are also listed in a table the keyboard reaches.
Bar sets after the first are hatched, pie slices labelled, so nothing is told by colour only.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCharts import QAbstractBarSeries, QBarCategoryAxis, QChart, QChartView, QPieSeries
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from ardoiz_desk.gui.kit.i18n import translate
from ardoiz_desk.gui.kit.table_model import Column, ItemTableModel
from ardoiz_desk.printing.words import number

# Patterns for the 2nd, 3rd… bar set of a chart (the first stays plain).
PATTERNS = (
    Qt.BrushStyle.SolidPattern,
    Qt.BrushStyle.BDiagPattern,
    Qt.BrushStyle.CrossPattern,
    Qt.BrushStyle.Dense4Pattern,
    Qt.BrushStyle.FDiagPattern,
)
SUMMARY_ITEMS = 24


@dataclass(frozen=True)
class ChartFigure:
    """One figure drawn in a chart."""

    chart: str
    category: str
    series: str
    value: float

    @property
    def shown_value(self) -> str:
        v = self.value
        return number(int(v)) if v == int(v) else number(v)


def chart_figures(chart: QChart) -> list[ChartFigure]:
    """Every value a chart draws, with its category and series."""
    title = chart.title()
    figures: list[ChartFigure] = []
    for series in chart.series():
        if isinstance(series, QPieSeries):
            for piece in series.slices():
                figures.append(ChartFigure(title, piece.label(), "", piece.value()))
        elif isinstance(series, QAbstractBarSeries):
            categories: list[str] = []
            for axis in series.attachedAxes():
                if isinstance(axis, QBarCategoryAxis):
                    categories = list(axis.categories())
            sets = series.barSets()
            for bar in sets:
                name = bar.label() if len(sets) > 1 else ""
                for i in range(bar.count()):
                    category = categories[i] if i < len(categories) else str(i + 1)
                    figures.append(ChartFigure(title, category, name, bar.at(i)))
    return figures


def summary(figures: list[ChartFigure]) -> str:
    """A short text of a chart's figures (its accessible description)."""
    if not figures:
        return translate("ReportsPane", "Aucune donnée.")
    parts = [
        translate("ReportsPane", "{item} : {value}").format(
            item=f"{f.category} ({f.series})" if f.series else f.category, value=f.shown_value
        )
        for f in figures[:SUMMARY_ITEMS]
    ]
    text = " ; ".join(parts)
    if len(figures) > SUMMARY_ITEMS:
        text += " ; " + translate("ReportsPane", "suite dans le tableau des chiffres.")
    return text


def not_by_colour_alone(chart: QChart) -> None:
    """Hatch every bar set after the first, show slice labels on pies."""
    for series in chart.series():
        if isinstance(series, QAbstractBarSeries):
            for i, bar in enumerate(series.barSets()):
                if i:
                    bar.setBrush(QBrush(bar.color(), PATTERNS[i % len(PATTERNS)]))
                    bar.setBorderColor(bar.color())
        elif isinstance(series, QPieSeries):
            series.setLabelsVisible(True)


def make_readable(view: QChartView, chart: QChart) -> list[ChartFigure]:
    """Name and describe a chart view; return the chart's figures."""
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    view.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)
    not_by_colour_alone(chart)
    figures = chart_figures(chart)
    view.setAccessibleName(chart.title())
    view.setAccessibleDescription(summary(figures))
    return figures


def figures_model(parent=None) -> ItemTableModel:
    """The table of every chart's figures."""
    return ItemTableModel(
        [
            Column(translate("ReportsPane", "Graphique"), lambda f: f.chart),
            Column(translate("ReportsPane", "Catégorie"), lambda f: f.category),
            Column(translate("ReportsPane", "Série"), lambda f: f.series),
            Column(translate("ReportsPane", "Valeur"), lambda f: f.shown_value, lambda f: f.value),
        ],
        parent,
    )
