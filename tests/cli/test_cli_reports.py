"""``report`` and ``export`` on the command line: exit codes, files, one-line reasons."""

from __future__ import annotations

import csv
import json

import pytest
from openpyxl import load_workbook

from ardoiz_desk.cli import main
from ardoiz_desk.services.privacy.audit import read_events


@pytest.fixture
def run(capsys, pilot):
    data = str(pilot.ws.data_dir)

    def invoke(*args: str) -> tuple[int, str, str]:
        code = main(["--data-dir", data, *args])
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


PERIOD = ("--from", "2026-01-01", "--to", "31/05/2026")


def test_report_csv_xlsx(run, tmp_path) -> None:
    out = tmp_path / "r.csv"
    code, stdout, _ = run("report", "--format", "csv", "--out", str(out), *PERIOD)
    assert code == 0 and "7 activities, 5 people reached" in stdout
    rows = list(csv.reader(out.read_text("utf-8-sig").splitlines(), delimiter=";"))
    assert ["Période", "du 01/01/2026 au 31/05/2026"] in rows
    code, _, _ = run(
        "report",
        "--format",
        "xlsx",
        "--out",
        str(tmp_path / "r.xlsx"),
        *PERIOD,
        "--site",
        "msap-sisteron",
    )
    assert code == 0
    summary = load_workbook(tmp_path / "r.xlsx")["Synthèse"]
    values = {r[0].value: r[1].value for r in summary.iter_rows(min_row=2)}
    assert values["Site"] == "France Services Sisteron" and values["Personnes accompagnées"] == 3


def test_report_pdf(run, tmp_path) -> None:
    out = tmp_path / "sub" / "r.pdf"
    code, _, _ = run(
        "report", "--format", "pdf", "--out", str(out), *PERIOD, "--stage", "animation"
    )
    assert code == 0 and out.read_bytes().startswith(b"%PDF")


def test_export_lacoop_and_person(run, pilot, tmp_path) -> None:
    code, out, _ = run("export", "lacoop", "--out", str(tmp_path / "coop.xlsx"))
    assert code == 0 and "4 beneficiaries, 15 accompaniment rows" in out
    assert "already exported: 0, new: 4" in out
    assert load_workbook(tmp_path / "coop.xlsx")["Bénéficiaires"]["A3"].value == "Nom"
    code, _, _ = run("export", "person", pilot.a, "--out", str(tmp_path / "p.json"))
    assert code == 0
    assert json.loads((tmp_path / "p.json").read_text("utf-8"))["personne"]["nom"] == "Dupré"
    code, _, _ = run(
        "export", "person", pilot.a, "--out", str(tmp_path / "p.pdf"), "--format", "pdf"
    )
    assert code == 0 and (tmp_path / "p.pdf").stat().st_size > 1000
    actions = [e["action"] for e in read_events(pilot.ws.data_dir)]
    assert actions == ["export.lacoop.xlsx", "export.person.json", "export.person.pdf"]


@pytest.mark.parametrize(
    ("args", "code", "reason"),
    [
        (("--from", "2026-13-01"), 2, "invalid date for --from: '2026-13-01'"),
        (("--to", "demain"), 2, "invalid date for --to: 'demain'"),
        (("--from", "2026-05-01", "--to", "2026-04-01"), 2, "--from 01/05/2026 is after --to"),
        (("--site", "NOWHERE"), 4, "unknown site: NOWHERE"),
    ],
)
def test_bad_input_gives_one_line_reason(run, tmp_path, args, code, reason) -> None:
    out = tmp_path / "r.csv"
    got, _, err = run("report", "--format", "csv", "--out", str(out), *args)
    assert got == code
    assert reason in err and err.count("\n") == 1
    assert not out.exists()


def test_export_lacoop_twice_then_all_and_the_extension(run, pilot, tmp_path) -> None:
    assert run("export", "lacoop", "--out", str(tmp_path / "1.xlsx"))[0] == 0
    code, out, _ = run("export", "lacoop", "--out", str(tmp_path / "2.xlsx"), "--dry-run")
    assert code == 0 and "already exported: 4, new: 0" in out
    assert not (tmp_path / "2.xlsx").exists()
    code, out, _ = run("export", "lacoop", "--out", str(tmp_path / "3.xlsx"), "--all")
    assert code == 0 and "4 beneficiaries" in out
    code, _, err = run("export", "lacoop", "--out", str(tmp_path / "coop.csv"))
    assert code == 2 and "xlsx" in err and err.count("\n") == 1
    assert not (tmp_path / "coop.csv").exists()
    with pytest.raises(SystemExit) as refused:  # the CSV variant is gone: La Coop refuses CSV
        run("export", "lacoop", "--out", str(tmp_path / "c.xlsx"), "--format", "csv")
    assert refused.value.code == 2


def test_unknown_person(run, tmp_path) -> None:
    code, _, err = run("export", "person", "0" * 32, "--out", str(tmp_path / "x.json"))
    assert code == 4 and "no such participant" in err


def test_exports_inside_the_data_folder_are_refused_in_one_line(run, pilot) -> None:
    data = pilot.ws.data_dir
    for fmt in ("csv", "xlsx", "pdf"):
        out = data / f"r.{fmt}"
        code, stdout, err = run("report", "--format", fmt, "--out", str(out), *PERIOD)
        assert code == 2 and stdout == "" and not out.exists()
        assert err.count("\n") == 1 and "inside the data folder" in err
        assert "encrypted at rest" in err
    for args in (("lacoop",), ("person", pilot.a)):
        out = data / "backups" / "x.xlsx"
        code, _, err = run("export", *args, "--out", str(out))
        assert code == 2 and not out.exists() and "inside the data folder" in err
    assert not [e for e in read_events(data) if e["action"].startswith("export.")]
