"""QtCharts charts of a report, shared by the Rapports pane and the PDF report."""

from __future__ import annotations

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QHorizontalBarSeries,
    QPieSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt
from PySide6.QtGui import QColor, QFont

from ardoiz_desk.printing.words import number, report_locale
from ardoiz_desk.services import vocabulary
from ardoiz_desk.services.reports import labels as lb
from ardoiz_desk.services.reports.figures import STAGES, Report

# Each colour at least 3:1 on white (RGAA 3.3, WCAG 1.4.11).
PALETTE = ("#1F4E79", "#B35C00", "#2E8B57", "#8E44AD", "#C0392B", "#6B7778", "#0F7A66")
STAGE_COLOURS = dict(zip(STAGES, PALETTE, strict=False))


def tr(text: str) -> str:
    """Translate a string of the report charts."""
    return QCoreApplication.translate("ReportCharts", text)


def shown(labels: dict[str, str], code: str) -> str:
    """A code's label through Qt's translation (English in the English window)."""
    return QCoreApplication.translate(
        vocabulary.TRANSLATION_CONTEXT, vocabulary.label(labels, code)
    )


def _chart(title: str, point_size: int = 10) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    font = QFont()
    font.setPointSize(point_size + 1)
    font.setBold(True)
    chart.setTitleFont(font)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setFont(_font(point_size - 1))
    # Bar labels and axes write their numbers as the report does (thousands separators).
    chart.setLocale(report_locale())
    chart.setLocalizeNumbers(True)
    return chart


def _font(size: int) -> QFont:
    font = QFont()
    font.setPointSize(size)
    return font


def nice_top(top: int, ticks: int = 5) -> tuple[int, int]:
    """Return an axis maximum at or above top on round steps (1, 2, 5 x 10^n), and the
    number of ticks, so that every tick is a whole number."""
    if top <= 0:
        return 1, 2
    step = 1
    while True:
        for factor in (1, 2, 5):
            candidate = step * factor
            if candidate * ticks >= top:
                count = -(-top // candidate)
                return candidate * count, count + 1
        step *= 10


def _value_axis(top: int, point_size: int) -> QValueAxis:
    axis = QValueAxis()
    maximum, ticks = nice_top(top)
    axis.setRange(0, maximum)
    axis.setTickCount(ticks)
    axis.setLabelFormat("%.0f")  # "%d" draws nothing once numbers are localised
    axis.setLabelsFont(_font(point_size - 1))
    return axis


def _category_axis(labels: list[str], point_size: int) -> QBarCategoryAxis:
    axis = QBarCategoryAxis()
    axis.append(labels)
    axis.setLabelsFont(_font(point_size - 1))
    return axis


def monthly_chart(report: Report, point_size: int = 10) -> QChart:
    """Stacked bars: activities per month, one colour per stage of the pilot."""
    chart = _chart(tr("Activités par mois et par étape (mois/année)"), point_size)
    series = QStackedBarSeries()
    by_stage = report.monthly_by_stage()
    for stage in STAGES:
        values = by_stage[stage]
        if not any(values):
            continue
        bar = QBarSet(shown(lb.STAGE_LABELS, stage))
        bar.append([float(v) for v in values])
        bar.setColor(QColor(STAGE_COLOURS[stage]))
        series.append(bar)
    chart.addSeries(series)
    months = [f"{m[5:]}/{m[2:4]}" for m in report.months]  # 07/25: short and unique
    totals = [sum(col) for col in zip(*by_stage.values(), strict=True)] or [0]
    _attach(chart, series, _category_axis(months, point_size), _value_axis(max(totals), point_size))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def _attach(chart: QChart, series, x_axis, y_axis) -> None:
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x_axis)
    series.attachAxis(y_axis)


def counts_chart(
    title: str, counts: dict[str, int], labels: dict[str, str], point_size: int = 10
) -> QChart:
    """Horizontal bars of a breakdown, largest first; empty categories left out."""
    chart = _chart(title, point_size)
    items = [(shown(labels, k), v) for k, v in counts.items() if v]
    items.sort(key=lambda kv: kv[1])  # Qt draws the first category at the bottom
    series = QHorizontalBarSeries()
    bar = QBarSet(title)
    bar.append([float(v) for _, v in items])
    bar.setColor(QColor(PALETTE[0]))
    series.append(bar)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value")
    series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
    bar.setLabelColor(QColor("#1A1A1A"))
    bar.setLabelFont(_font(point_size - 1))
    chart.addSeries(series)
    top = max((v for _, v in items), default=0)
    axis_y = _category_axis([k for k, _ in items] or [tr("Aucune donnée")], point_size)
    axis_x = _value_axis(top + max(1, top // 6), point_size)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_y)
    series.attachAxis(axis_x)
    chart.legend().setVisible(False)
    return chart


def pie_chart(
    title: str, counts: dict[str, int], labels: dict[str, str], point_size: int = 10
) -> QChart:
    """A pie of a breakdown, with counts in the legend; empty slices left out."""
    chart = _chart(title, point_size)
    series = QPieSeries()
    for i, (key, value) in enumerate((k, v) for k, v in counts.items() if v):
        text = tr("{label} : {value}").format(label=shown(labels, key), value=number(value))
        piece = series.append(text, float(value))
        piece.setColor(QColor(PALETTE[i % len(PALETTE)]))
    series.setPieSize(0.8)
    chart.addSeries(series)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def kinds_chart(report: Report, point_size: int = 10) -> QChart:
    """Workshops, individual sessions and trainings."""
    short = {
        "individuel": tr("Individuels"),
        "collectif": tr("Ateliers"),
        "formation": tr("Formations"),
    }
    return pie_chart(
        tr("Ateliers et accompagnements individuels"),
        report.activities_by_kind,
        short,
        point_size,
    )


def autonomy_chart(report: Report, point_size: int = 10) -> QChart:
    """Autonomy at the first and at the latest session, people per level."""
    chart = _chart(tr("Autonomie : première et dernière séance"), point_size)
    series = QBarSeries()
    top = 0
    for name, counts, colour in (
        (tr("Première séance"), report.autonomy_first, PALETTE[1]),
        (tr("Dernière séance"), report.autonomy_latest, PALETTE[2]),
    ):
        bar = QBarSet(name)
        bar.append([float(v) for v in counts.values()])
        bar.setColor(QColor(colour))
        bar.setLabelColor(QColor("#1A1A1A"))
        bar.setLabelFont(_font(point_size - 1))
        series.append(bar)
        top = max(top, *counts.values())
    series.setLabelsVisible(True)
    series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
    chart.addSeries(series)
    short = {
        "entierement_accompagne": tr("Avec guidage"),
        "partiellement_autonome": tr("Guidage si besoin"),
        "autonome": tr("Autonome"),
        "non_communique": tr("Non renseignée"),
    }
    levels = [short.get(k, k) for k in report.autonomy_first]
    x_axis = _category_axis(levels, point_size)
    y_axis = _value_axis(top + max(1, top // 6), point_size)
    _attach(chart, series, x_axis, y_axis)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def genres_chart(report: Report, point_size: int = 10) -> QChart:
    """People reached by gender."""
    return pie_chart(tr("Genre"), report.genres, lb.GENRE_LABELS, point_size)


def ages_chart(report: Report, point_size: int = 10) -> QChart:
    """People reached by age band."""
    return counts_chart(tr("Tranches d'âge"), report.age_bands, lb.AGE_BAND_LABELS, point_size)


def themes_chart(report: Report, point_size: int = 10) -> QChart:
    """Activities by theme."""
    return counts_chart(tr("Thématiques"), report.themes, lb.THEME_LABELS, point_size)


def durations_chart(report: Report, point_size: int = 10) -> QChart:
    """Activities by length."""
    labels = lb.DURATION_BAND_LABELS
    return counts_chart(tr("Durée des activités"), report.duration_bands, labels, point_size)


def places_chart(report: Report, point_size: int = 10) -> QChart:
    """Activities by kind of place."""
    return counts_chart(tr("Lieux"), report.place_types, lb.TYPE_LIEU_LABELS, point_size)


def all_charts(report: Report, point_size: int = 10) -> list[tuple[str, QChart]]:
    """Every chart of a report, each with a short id, in reading order."""
    return [
        ("monthly", monthly_chart(report, point_size)),
        ("kinds", kinds_chart(report, point_size)),
        ("genres", genres_chart(report, point_size)),
        ("ages", ages_chart(report, point_size)),
        ("autonomy", autonomy_chart(report, point_size)),
        ("themes", themes_chart(report, point_size)),
        ("durations", durations_chart(report, point_size)),
        ("places", places_chart(report, point_size)),
    ]
