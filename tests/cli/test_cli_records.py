"""Correcting what was recorded from the command line: participants, activities, communes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ardoiz_desk.cli import main

PASS = "un secret donné par téléphone"


def run(capsys, data: Path, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def site(tmp_path: Path, capsys) -> Path:
    data = tmp_path / "site"
    code, _, _ = run(capsys, data, "init", "--site-code", "MSAP-SISTERON", "--agent", "Léa Fabre")
    assert code == 0
    return data


def add(capsys, data: Path, *args: str) -> tuple[int, str, str]:
    return run(capsys, data, "participant", "add", "--prenom", "Jean", "--nom", "Achard", *args)


def test_the_commune_is_checked_against_the_official_directory(capsys, site) -> None:
    code, out, _ = add(capsys, site, "--commune", "val buech-meouge")
    assert code == 0
    shown = json.loads(run(capsys, site, "participant", "show", out.strip())[1])
    assert (shown["commune"], shown["commune_code_insee"], shown["commune_code_postal"]) == (
        "Val Buëch-Méouge",
        "05118",
        "05300",
    )
    code, out, _ = add(capsys, site, "--commune", "Gap")
    shown = json.loads(run(capsys, site, "participant", "show", out.strip())[1])
    assert (shown["commune_code_insee"], shown["commune_code_postal"]) == ("05061", "05000")
    code, out, err = add(capsys, site, "--commune", "Ribiers", "--code-insee", "05117")
    assert code != 0 and out == ""
    assert "Ribeyret" in err and len(err.strip().splitlines()) == 1
    code, out, err = add(capsys, site, "--commune", "Sisteron", "--code-postal", "05300")
    assert code != 0 and out == "" and "does not serve Sisteron" in err
    code, out, err = add(capsys, site, "--commune", "Ribiers")
    assert code == 0 and "former commune" in err
    code, out, err = add(capsys, site, "--telephone", "+49 30 1234567")
    assert code != 0 and "not a French number" in err
    code, out, err = add(capsys, site, "--email", "hélène@orange.fr")
    assert code != 0 and "accented" in err
    listed = run(capsys, site, "participant", "list")[1].splitlines()
    assert len(listed) == 3  # nothing stored by the refusals
    code, out, _ = run(capsys, site, "check")
    assert code == 0 and "communes not resolved: 0" in out and "verdict: sound" in out


def test_participant_edit_changes_only_what_is_given(capsys, site) -> None:
    pid = add(capsys, site, "--commune", "Sisteron", "--telephone", "0492610000")[1].strip()
    code, out, _ = run(
        capsys, site, "participant", "edit", pid, "--commune", "Gap", "--email", "J.A@Orange.fr"
    )
    assert code == 0 and out.strip() == pid
    shown = json.loads(run(capsys, site, "participant", "show", pid)[1])
    assert (shown["commune"], shown["commune_code_insee"], shown["commune_code_postal"]) == (
        "Gap",
        "05061",
        "05000",
    )
    assert shown["email"] == "j.a@orange.fr"
    assert shown["telephone"] == "04 92 61 00 00"
    code, _, err = run(capsys, site, "participant", "edit", pid, "--nom", "Ach\x1bard")
    assert code != 0 and "control character" in err
    code, _, err = run(capsys, site, "participant", "edit", "0" * 32, "--nom", "X")
    assert code != 0 and len(err.strip().splitlines()) == 1
    assert json.loads(run(capsys, site, "participant", "show", pid)[1])["nom"] == "Achard"


def test_activity_record_list_show_edit_delete(capsys, site) -> None:
    a = add(capsys, site)[1].strip()
    b = run(capsys, site, "participant", "add", "--prenom", "Rose", "--nom", "Blanc")[1].strip()
    code, out, _ = run(
        capsys,
        site,
        "activity",
        "record",
        "--type",
        "collectif",
        "--date",
        "2026-03-02",
        "--duration",
        "90",
        "--title",
        "Découvrir sa tablette",
        "--theme",
        "email",
        "--participant",
        a,
    )
    assert code == 0
    aid = out.split()[0]
    assert len(aid) == 32
    code, out, _ = run(capsys, site, "activity", "list", "--search", "decouvrir")
    assert code == 0 and out.startswith(aid + "\t2026-03-02\tcollectif\t90\t1\t")
    assert run(capsys, site, "activity", "list", "--from", "2026-04-01")[1] == ""
    assert run(capsys, site, "activity", "list", "--type", "individuel")[1] == ""
    code, out, _ = run(
        capsys,
        site,
        "activity",
        "edit",
        aid,
        "--duration",
        "120",
        "--title",
        "Photos",
        "--add-participant",
        b,
        "--remove-participant",
        a,
    )
    assert code == 0 and out.strip() == aid
    shown = json.loads(run(capsys, site, "activity", "show", aid)[1])
    assert shown["id"] == aid and shown["duree_minutes"] == 120
    assert shown["titre_atelier"] == "Photos" and shown["thematiques"] == ["email"]
    assert [p["participant_id"] for p in shown["attendees"]] == [b]
    code, _, err = run(capsys, site, "activity", "edit", aid, "--duration", "0")
    assert code != 0 and "duration" in err.lower()
    with pytest.raises(SystemExit) as refused:  # argparse: usage and one line, exit 2
        run(
            capsys,
            site,
            "activity",
            "record",
            "--type",
            "atelier",
            "--date",
            "2026-03-02",
            "--duration",
            "60",
        )
    assert refused.value.code == 2
    code, out, _ = run(capsys, site, "activity", "delete", aid)
    assert code == 0 and out.strip() == aid
    assert run(capsys, site, "activity", "list")[1] == ""
    code, _, err = run(capsys, site, "activity", "show", aid)
    assert code != 0 and len(err.strip().splitlines()) == 1


def test_an_edit_and_a_deletion_travel_to_the_coordinator_and_back(tmp_path, capsys) -> None:
    passfile = tmp_path / "pass.txt"
    passfile.write_text(PASS + "\n", encoding="utf-8")
    coord, site = tmp_path / "coord", tmp_path / "site"
    assert (
        run(capsys, coord, "init", "--site-code", "CCSB-COORD", "--site-kind", "coordination")[0]
        == 0
    )
    assert run(capsys, coord, "territory", "create", "--name", "CCSB")[0] == 0
    enrol = tmp_path / "enrol.bin"
    assert (
        run(
            capsys,
            coord,
            "territory",
            "invite",
            "--out",
            str(enrol),
            "--passphrase-file",
            str(passfile),
        )[0]
        == 0
    )
    assert run(capsys, site, "init", "--site-code", "MSAP-SERRES")[0] == 0
    assert (
        run(capsys, site, "territory", "join", str(enrol), "--passphrase-file", str(passfile))[0]
        == 0
    )
    pid = add(capsys, site, "--commune", "Serres")[1].strip()
    kept = run(
        capsys,
        site,
        "activity",
        "record",
        "--type",
        "individuel",
        "--date",
        "2026-03-02",
        "--duration",
        "30",
        "--participant",
        pid,
    )[1].split()[0]
    gone = run(
        capsys,
        site,
        "activity",
        "record",
        "--type",
        "collectif",
        "--date",
        "2026-03-03",
        "--duration",
        "60",
        "--participant",
        pid,
    )[1].split()[0]
    usb = tmp_path / "usb"
    usb.mkdir()

    def ship(src: Path, dst: Path, name: str) -> None:
        assert run(capsys, src, "bundle", "export", "--out", str(usb / name), "--full")[0] == 0
        assert run(capsys, dst, "bundle", "import", str(usb / name))[0] == 0
        run(capsys, dst, "territory", "approve", "--all")

    ship(site, coord, "1.ardoiz")
    assert len(run(capsys, coord, "activity", "list")[1].splitlines()) == 2
    # the coordinator corrects one, the site deletes the other
    assert run(capsys, coord, "activity", "edit", kept, "--duration", "45")[0] == 0
    assert run(capsys, site, "activity", "delete", gone)[0] == 0
    ship(site, coord, "2.ardoiz")
    ship(coord, site, "3.ardoiz")
    for data in (coord, site):
        lines = run(capsys, data, "activity", "list")[1].splitlines()
        assert [line.split("\t")[0] for line in lines] == [kept]
        assert lines[0].split("\t")[3] == "45"
    assert run(capsys, coord, "digest")[1] == run(capsys, site, "digest")[1]
