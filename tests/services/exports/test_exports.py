"""CSV and XLSX exports: what French Excel needs, and formulas that never run."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from openpyxl import load_workbook

from ardoiz_desk.services.exports.csv_format import csv_cell
from ardoiz_desk.services.exports.writing import export_lacoop, export_report, report_title
from ardoiz_desk.services.files import atomic_path, neutralise
from ardoiz_desk.services.privacy.audit import read_events
from ardoiz_desk.services.reports.figures import ReportFilter, compute_report
from ardoiz_desk.services.reports.tables import report_tables

PERIOD = ReportFilter(start=dt.date(2026, 1, 1), end=dt.date(2026, 5, 31))
INJECTION = '=HYPERLINK("x")'


@pytest.fixture
def report(pilot):
    return compute_report(pilot.ws, PERIOD)


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+33 6", "'+33 6"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Sisteron", "Sisteron"),
        (12, 12),
    ],
)
def test_neutralise(raw, safe) -> None:
    assert neutralise(raw) == safe


def test_csv_cells_are_french() -> None:
    assert csv_cell(dt.date(2026, 3, 5)) == "05/03/2026"
    assert csv_cell(13.5) == "13,5"
    assert csv_cell(7) == "7"
    assert csv_cell(None) == ""
    assert csv_cell(True) == "Oui"


def test_report_csv_opens_in_french_excel(pilot, report, tmp_path) -> None:
    out = tmp_path / "rapport.csv"
    export_report(pilot.ws, report, "csv", out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0] == [report_title(report)]
    assert ["Période", "du 01/01/2026 au 31/05/2026"] in rows
    assert ["Heures d'activité", "13,1"] in rows
    assert ["Personnes accompagnées", "5"] in rows
    assert ["'@SUM(1+1)", "1"] in rows  # a commune that would run as a formula
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    assert not list(tmp_path.glob(".*tmp"))  # the temporary file was renamed


def test_report_xlsx_one_sheet_per_table(pilot, report, tmp_path) -> None:
    out = tmp_path / "rapport.xlsx"
    export_report(pilot.ws, report, "xlsx", out)
    wb = load_workbook(out)
    assert wb.sheetnames == [t.title for t in report_tables(report)]
    summary = wb["Synthèse"]
    assert [c.value for c in summary[1]] == ["Indicateur", "Valeur"]
    assert summary["A1"].font.bold and summary["A1"].fill.fgColor.rgb.endswith("1F4E79")
    assert summary.column_dimensions["A"].width >= len("Tablettes prises en main")
    values = {row[0].value: row[1].value for row in summary.iter_rows(min_row=2)}
    assert values["Activités"] == 7 and values["Personnes accompagnées"] == 5
    communes = {row[0].value: row[1] for row in wb["Commune de résidence"].iter_rows(min_row=2)}
    assert "@SUM(1+1)" in communes  # as typed: a text cell is never a formula
    cell = next(r[0] for r in wb["Commune de résidence"].iter_rows() if r[0].value == "@SUM(1+1)")
    assert cell.data_type == "s" and cell.quotePrefix


def test_each_export_is_audited(pilot, report, tmp_path) -> None:
    export_report(pilot.ws, report, "csv", tmp_path / "r.csv")
    export_lacoop(pilot.ws, tmp_path / "coop.xlsx")
    events = read_events(pilot.ws.data_dir)
    assert [e["action"] for e in events] == ["export.report.csv", "export.lacoop.xlsx"]
    assert events[0]["details"]["from"] == "2026-01-01"
    assert events[1]["details"]["beneficiaries"] == 4
    assert events[0]["replica"] == pilot.ws.replica_id


def test_injection_is_inert_and_written_as_typed_in_the_la_coop_file(pilot, tmp_path) -> None:
    export_lacoop(pilot.ws, tmp_path / "b.xlsx")
    sheet = load_workbook(tmp_path / "b.xlsx")["Bénéficiaires"]
    cell = next(r[0] for r in sheet.iter_rows(min_row=4) if r[1].value == "Marcel")
    assert cell.value == INJECTION and cell.data_type == "s" and cell.quotePrefix
    with open(tmp_path / "b.xlsx", "rb") as handle:  # no formula element anywhere
        import zipfile

        with zipfile.ZipFile(handle) as z:
            assert all(b"<f>" not in z.read(n) for n in z.namelist() if n.endswith(".xml"))


def test_atomic_path_leaves_target_untouched_on_failure(tmp_path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("ancien")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("à moitié")
        raise RuntimeError("boom")
    assert target.read_text() == "ancien"
    assert list(tmp_path.iterdir()) == [target]


def _writers(pilot, report):
    from ardoiz_desk.printing.documents import (
        print_territory_board,
        write_person_record,
        write_report,
    )
    from ardoiz_desk.services.exchange.board import TerritoryBoard
    from ardoiz_desk.services.people.participants import ParticipantFilter, search_participants

    person = search_participants(pilot.ws, ParticipantFilter(), limit=1)[0].id
    BOARD = TerritoryBoard("Sisteronais-Buëch", "2026-05-31T12:00:00", 14, (), ())
    ws = pilot.ws
    return {
        "rapport.csv": lambda p: export_report(ws, report, "csv", p),
        "rapport.xlsx": lambda p: write_report(ws, report, "xlsx", p),
        "rapport.pdf": lambda p: write_report(ws, report, "pdf", p),
        "coop.xlsx": lambda p: export_lacoop(ws, p),
        "fiche.json": lambda p: write_person_record(ws, person, p),
        "fiche.pdf": lambda p: write_person_record(ws, person, p),
        "tableau.pdf": lambda p: print_territory_board(ws, BOARD, p),
    }


def test_no_export_is_written_inside_the_data_folder(qapp, pilot, report, tmp_path) -> None:
    from ardoiz_desk.services.exports.writing import ExportInsideDataFolderError

    data = pilot.ws.data_dir
    outside = tmp_path / "dehors"
    outside.mkdir()
    (outside / "vers-donnees").symlink_to(data)
    for name, write in _writers(pilot, report).items():
        before = sorted(p.relative_to(data) for p in data.rglob("*"))
        for target in (
            data / name,
            data / "backups" / name,
            outside / ".." / data.name / name,  # the data folder by another way
            outside / "vers-donnees" / name,  # through a link
        ):
            with pytest.raises(ExportInsideDataFolderError) as refused:
                write(target)
            assert "hors du dossier de données" in str(refused.value)
            assert "encrypted at rest" in refused.value.english_line()
        assert sorted(p.relative_to(data) for p in data.rglob("*")) == before, name
        write(outside / name)  # anywhere else: written
        assert (outside / name).stat().st_size > 0
    exported = [e for e in read_events(data) if e["action"].startswith("export.")]
    assert len(exported) == 7 and all("dehors" in str(e) for e in exported)
