"""PDF report and person record drawn by Qt (offscreen)."""

from __future__ import annotations

import datetime as dt
import html
import itertools
import re
import shutil
import subprocess
from dataclasses import replace

import pytest

from ardoiz_desk.printing.charts import all_charts, nice_top
from ardoiz_desk.printing.report_pdf import render_person_pdf, render_report_pdf, report_document
from ardoiz_desk.printing.words import number
from ardoiz_desk.services.privacy.access_record import person_record
from ardoiz_desk.services.reports.figures import ReportFilter, compute_report
from ardoiz_desk.services.reports.tables import report_tables

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


# Laid out by QTextDocument: no clipped header, no orphaned heading, French numbers ---------


def _big(report, communes: int = 40, months: int = 12):
    """The pilot's report grown to span pages: many communes and monthly rows."""
    row = report.monthly[0]
    monthly = tuple(
        replace(row, month=f"2025-{m:02d}", site=f"France Services Site {s}", activities=3304 + s)
        for m in range(1, months + 1)
        for s in range(6)
    )
    return replace(
        report,
        monthly=monthly,
        communes={f"Commune n° {i} (04{i:03d})": 1000 + i for i in range(communes)},
        activities_by_kind={"individuel": 1500, "collectif": 1804, "formation": 12},
        minutes_by_kind={"individuel": 198_270, "collectif": 0, "formation": 0},  # 3 304,5 h
    )


_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(.*?)</word>'
)


def _words(path) -> list[list[tuple[float, float, float, str]]]:
    """Each page's words as (xMin, xMax, yMin, text), from pdftotext -bbox."""
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [
        [(float(a), float(c), float(b), html.unescape(t)) for a, b, c, t in _WORD.findall(page)]
        for page in out.split("<page ")[1:]
    ]


def _overlaps(pages) -> list[str]:
    """Words drawn over one another on a line: what a clipped or overflowing cell gives."""
    found = []
    for number_, words in enumerate(pages, start=1):
        lines: dict[int, list] = {}
        for word in words:
            lines.setdefault(round(word[2]), []).append(word)
        for line in lines.values():
            line.sort()
            for left, right in itertools.pairwise(line):
                if left[1] > right[0] + 0.5:
                    found.append(f"page {number_}: {left[3]!r} over {right[3]!r}")
    return found


def test_report_pdf_headers_are_whole_and_never_overlap(qapp, pilot, tmp_path) -> None:
    """The hand-placed cells clipped right-aligned headers ("ivités", "eures"): their text
    ran over the next column's. Qt's table layout keeps every column as wide as its longest
    word."""
    report = _big(compute_report(pilot.ws, PERIOD))
    out = tmp_path / "rapport.pdf"
    assert render_report_pdf(report, out) >= 5
    words = _words(out)
    assert _overlaps(words) == []
    found = {w[3] for page in words for w in page}
    for table in report_tables(report)[1:]:  # the first (summary) is shown as tiles
        for header in table.headers:
            for word in header.split():
                assert word in found, f"{word!r} of {table.title!r} is not whole in the PDF"


def test_person_pdf_columns_never_overlap(qapp, pilot, tmp_path) -> None:
    """The person-record PDF clipped its date column over the type column."""
    out = tmp_path / "fiche.pdf"
    render_person_pdf(person_record(pilot.ws, pilot.a), out)
    words = _words(out)
    assert _overlaps(words) == []
    found = {w[3] for page in words for w in page}
    assert {"Date", "prévue", "Durée", "(min)", "Thématiques", "10/11/2025"} <= found


def test_each_heading_is_on_the_page_of_its_table_first_row(qapp, pilot, tmp_path) -> None:
    """With these lengths "Commune de résidence" would end page 6 alone."""
    report = _big(compute_report(pilot.ws, PERIOD), communes=20, months=2)
    out = tmp_path / "rapport.pdf"
    render_report_pdf(report, out)
    pages = _text(out).split("\f")
    assert len(pages) >= 5
    for table in report_tables(report)[1:]:
        # The heading is a line of its own; charts titled alike come earlier: take the last.
        heading_page = max(
            i
            for i, page in enumerate(pages)
            if any(line.strip() == table.title for line in page.splitlines())
        )
        first_cell = str(table.rows[0][0])
        rows_page = next(i for i in range(heading_page, len(pages)) if first_cell in pages[i])
        assert heading_page == rows_page, f"{table.title!r} left alone at the foot of a page"


@pytest.mark.parametrize("communes", range(0, 60, 4))
def test_no_heading_is_orphaned_whatever_the_table_lengths(qapp, pilot, communes) -> None:
    """Growing tables move every heading after them down the pages: none is left alone at a
    page foot (the layout moves it to the page of its table's first row)."""
    report = _big(compute_report(pilot.ws, PERIOD), communes=communes, months=communes // 8)
    headings = report_document(report).headings()
    assert len(headings) >= 12
    assert [h for h in headings if h[1] != h[2]] == []


def test_numbers_in_french_with_thousands_separators(qapp, pilot, tmp_path) -> None:
    out = tmp_path / "rapport.pdf"
    render_report_pdf(_big(compute_report(pilot.ws, PERIOD)), out)
    text = _text(out)
    # QLocale fr_FR groups thousands with a narrow no-break space (pdftotext: a space).
    assert re.search("3[ \u202f]304,5", text) and "3304,5" not in text  # hours
    assert re.search("3[ \u202f]316", text)  # activities
    assert number(3304.5) == "3\u202f304,5" and number(3316) == "3\u202f316"
