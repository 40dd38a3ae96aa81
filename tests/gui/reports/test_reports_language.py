"""The Rapports pane and the report PDF in the window's language: every label translated in
English, numbers through QLocale (« 3 304,5 » in French, "3,304.5" in English)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest
from PySide6.QtCharts import QBarCategoryAxis
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QWidget

from ardoiz_desk.gui.kit.i18n import install_translators
from ardoiz_desk.gui.kit.operations import Operations
from ardoiz_desk.gui.reports.pane import ReportsPane
from ardoiz_desk.paths import resources_dir
from ardoiz_desk.printing.report_pdf import render_person_pdf, render_report_pdf
from ardoiz_desk.printing.words import number
from ardoiz_desk.services.privacy.access_record import person_record
from ardoiz_desk.services.reports.figures import ReportFilter, compute_report
from ardoiz_desk.services.sites.sites import list_agents, list_sites

PERIOD = ReportFilter(start=dt.date(2026, 1, 1), end=dt.date(2026, 5, 31))
TS = resources_dir() / "translations" / "ardoiz_desk_en.ts"
# French words no English label holds (site and agent names are proper names, kept).
FRENCH_WORDS = re.compile(
    r"\b(du|au|des|les|dont|et|ans|par|Aucune|Activités|Personnes|Nombre|Durée|Thématiques|"
    r"Tranches|Genre|Lieux|janvier|février|mars|avril|mai)\b"
)


def french_sources() -> set[str]:
    """Every French text of the catalogue whose English differs from it."""
    found = set()
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            source = message.findtext("source", "")
            if (message.findtext("translation") or "") != source:
                found.add(source)
    return found


def still_french(texts: list[str]) -> list[str]:
    """The texts that read French: a French label whole or in part, or a French word."""
    sources = french_sources()
    left = []
    for text in texts:
        pieces = [text, *re.split(r" — | : |: |, |\n| \(|\)", text)]
        if any(p.strip() in sources for p in pieces) or FRENCH_WORDS.search(text):
            left.append(text)
    return left


@pytest.fixture
def english(qapp):
    """The English catalogue and locale, as the window installs them; French afterwards."""
    before = QLocale()
    installed = install_translators(qapp, "en")
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(before)


def _pane(qtbot, pilot) -> ReportsPane:
    ops = Operations()
    pane = ReportsPane(pilot.ws, ops)
    qtbot.addWidget(pane)
    pane.resize(1366, 900)
    with qtbot.waitSignal(pane.report_ready, timeout=20_000):
        pane.show()
    return pane


def visible_texts(pane: ReportsPane) -> list[str]:
    """What the pane shows: labels, buttons, choices, charts (titles, legends, categories,
    bar sets) and the chart figures table."""
    texts = []
    for widget in pane.findChildren(QWidget):
        if not widget.isVisibleTo(pane):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
    for view in pane._views.values():
        chart = view.chart()
        texts.append(chart.title())
        texts += [marker.label() for marker in chart.legend().markers()]
        for axis in chart.axes():
            if isinstance(axis, QBarCategoryAxis):
                texts += list(axis.categories())
    model = pane.chart_figures
    for column in range(model.columnCount()):
        texts.append(model.headerData(column, Qt.Orientation.Horizontal))
        texts += [str(model.index(r, column).data()) for r in range(model.rowCount())]
    return [t for t in texts if t and t != "…"]


def _labels(pane: ReportsPane, ws) -> list[str]:
    """The pane's texts but the directory's names (proper names: "La Motte-du-Caire")."""
    names = {s.name for s in list_sites(ws)} | {a.name for a in list_agents(ws)}
    return [t for t in visible_texts(pane) if t not in names]


def test_the_pane_reads_english_in_the_english_window(qtbot, pilot, english) -> None:
    pane = _pane(qtbot, pilot)
    texts = _labels(pane, pilot.ws)
    assert "People supported" in texts and "60 - 69 years" in texts
    assert still_french(texts) == []
    assert "from 01/" in pane.status.text()


def test_the_check_sees_french_in_the_french_window(qtbot, pilot) -> None:
    """The same check on the French pane finds its labels: it can fail."""
    texts = _labels(_pane(qtbot, pilot), pilot.ws)
    assert {"Personnes accompagnées", "60 - 69 ans", "Tranches d'âge"} <= set(still_french(texts))


def _pdf_text(path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_the_report_pdf_reads_english_in_the_english_window(qapp, pilot, english, tmp_path):
    out = tmp_path / "report.pdf"
    render_report_pdf(compute_report(pilot.ws, PERIOD), out)
    text = _pdf_text(out)
    assert "Ardoiz pilot — activity report" in text and "from 01/01/2026 to 31/05/2026" in text
    assert "Age bands" in text and "60 - 69 years" in text and "Hands-on" in text
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    # Site names are proper names ("France Services Serres"): kept as they are.
    assert still_french([line for line in lines if "France Services" not in line]) == []


def test_the_person_record_pdf_reads_english_in_the_english_window(
    qapp, pilot, english, tmp_path
) -> None:
    out = tmp_path / "record.pdf"
    render_person_pdf(person_record(pilot.ws, pilot.a), out)
    text = _pdf_text(out)
    assert "Year of birth" in text and "Female" in text and "Due date" in text
    names = {s.name for s in list_sites(pilot.ws)}
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    # Proper names (people, sites) and what the agent wrote (notes, reasons) are kept.
    written = ("Hélène", "DUPRÉ", "France Services", *names)
    labels = [line for line in lines if not any(n in line for n in written)]
    assert still_french(labels) == []


def _grown(report):
    return replace(
        report,
        activities_by_kind={"individuel": 1500, "collectif": 4, "formation": 1},
        minutes_by_kind={"individuel": 198_270, "collectif": 0, "formation": 0},  # 3 304,5 h
    )


def _legend(pane: ReportsPane, chart_id: str) -> list[str]:
    return [m.label() for m in pane._views[chart_id].chart().legend().markers()]


def _figures_table(pane: ReportsPane) -> list[str]:
    model = pane.chart_figures
    return [model.index(r, 3).data() for r in range(model.rowCount())]


def test_key_figures_in_french_number_format(qtbot, pilot) -> None:
    pane = _pane(qtbot, pilot)
    pane._show_report(_grown(pane.report))
    assert pane._figures["Heures d'activité"].text() == "3\u202f304,5"
    assert pane._figures["Activités"].text() == "1\u202f505"
    assert "Individuels : 1\u202f500" in _legend(pane, "kinds")
    assert "1\u202f500" in _figures_table(pane)
    assert number(3304.5) == "3\u202f304,5"


def test_key_figures_and_pdf_in_english_number_format(qtbot, pilot, english, tmp_path) -> None:
    pane = _pane(qtbot, pilot)
    pane._show_report(_grown(pane.report))
    assert pane._figures["Heures d'activité"].text() == "3,304.5"
    assert "Individual: 1,500" in _legend(pane, "kinds")
    assert "1,500" in _figures_table(pane)
    assert number(3304.5) == "3,304.5" and number(12_345) == "12,345"
    out = tmp_path / "report.pdf"
    render_report_pdf(_grown(compute_report(pilot.ws, PERIOD)), out)
    assert "3,304.5" in _pdf_text(out)
