"""PDF report and person record drawn by Qt (offscreen)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest

from ardoiz_desk.printing.charts import all_charts, nice_top
from ardoiz_desk.printing.report_pdf import render_person_pdf, render_report_pdf
from ardoiz_desk.services.privacy.access_record import person_record
from ardoiz_desk.services.reports.figures import ReportFilter, compute_report

PERIOD = ReportFilter(start=dt.date(2026, 1, 1), end=dt.date(2026, 5, 31))


def _text(path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_report_pdf_has_title_figures_tables_and_page_numbers(qapp, pilot, tmp_path) -> None:
    out = tmp_path / "rapport.pdf"
    pages = render_report_pdf(compute_report(pilot.ws, PERIOD), out)
    assert out.read_bytes().startswith(b"%PDF")
    text = _text(out)
    assert "Pilote Ardoiz — rapport d'activité" in text
    assert "du 01/01/2026 au 31/05/2026" in text
    assert "Personnes accompagnées" in text and "Tablettes prises en main" in text
    assert "Activités par mois et par étape" in text  # a chart title
    assert "France Services Serres" in text  # a table row
    assert f"Page 1 / {pages}" in text and f"Page {pages} / {pages}" in text


def test_person_pdf(qapp, pilot, tmp_path) -> None:
    out = tmp_path / "fiche.pdf"
    render_person_pdf(person_record(pilot.ws, pilot.a), out)
    text = _text(out)
    assert "droit d'accès" in text and "Hélène DUPRÉ" in text
    assert "10/11/2025" in text and "Fiches en double fusionnées" in text


def test_charts_for_every_breakdown(qapp, pilot) -> None:
    charts = dict(all_charts(compute_report(pilot.ws, PERIOD)))
    assert set(charts) >= {"monthly", "kinds", "genres", "ages", "autonomy", "themes"}
    assert charts["monthly"].series()[0].count() == 4  # four stages present


@pytest.mark.parametrize(
    ("top", "expected"), [(0, (1, 2)), (3, (3, 4)), (43, (50, 6)), (219, (250, 6)), (7, (8, 5))]
)
def test_nice_axis(top, expected) -> None:
    assert nice_top(top) == expected
