"""Three replicas sharing one folder converge with `sync now`; the board follows an erasure."""

from __future__ import annotations

from pathlib import Path

import pytest

from ardoiz_desk.cli import main

PASS = "un secret donné par téléphone"


def run(data: Path, *args: str) -> int:
    return main(["--data-dir", str(data), *args])


def out_of(capsys, data: Path, *args: str) -> str:
    capsys.readouterr()
    assert run(data, *args) == 0
    return capsys.readouterr().out


@pytest.fixture
def replicas(tmp_path: Path) -> tuple[Path, Path, Path, Path]:
    """A coordinator and two sites enrolled by file, all pointed at one shared folder."""
    passfile = tmp_path / "pass.txt"
    passfile.write_text(PASS, encoding="utf-8")
    coord, a, b = tmp_path / "coord", tmp_path / "a", tmp_path / "b"
    shared = tmp_path / "nextcloud" / "ardoiz"
    assert run(coord, "init", "--site-code", "COORD", "--site-kind", "coordination") == 0
    assert run(coord, "territory", "create", "--name", "CCSB") == 0
    for i, site in enumerate((a, b)):
        enrol = tmp_path / f"enrol{i}.bin"
        assert (
            run(
                coord,
                "territory",
                "invite",
                "--out",
                str(enrol),
                "--passphrase-file",
                str(passfile),
            )
            == 0
        )
        assert run(site, "init", "--site-code", f"MSAP-{i}", "--site-name", f"MSAP {i}") == 0
        assert run(site, "territory", "join", str(enrol), "--passphrase-file", str(passfile)) == 0
        assert (
            run(site, "demo", "--participants", "12", "--activities", "6", "--seed", str(i + 1))
            == 0
        )
    for replica in (coord, a, b):
        assert run(replica, "sync", "folder", str(shared)) == 0
    return coord, a, b, shared


def test_three_replicas_converge_with_two_rounds_each(replicas, capsys) -> None:
    coord, a, b, _shared = replicas
    for replica in (a, b, coord):
        assert run(replica, "sync", "now") == 0
    board = out_of(capsys, coord, "territory", "status")
    assert (
        sum(
            1
            for line in board.splitlines()
            if "\tpending\t1 pending" in line or line.split("\t")[2:3] == ["pending"]
        )
        == 2
    ), board
    assert run(coord, "territory", "approve", "--all") == 0
    for replica in (coord, a, b):
        out = out_of(capsys, replica, "sync", "now")
        assert "round done" in out
    digests = {out_of(capsys, r, "digest").strip() for r in (coord, a, b)}
    assert len(digests) == 1
    # Then acknowledgements settle within a few rounds, and rounds become no-ops.
    for _ in range(3):
        outs = [out_of(capsys, r, "sync", "now") for r in (coord, a, b)]
        if all("sent nothing new" in o for o in outs):
            break
    assert all("sent nothing new" in o for o in outs), outs
    for replica in (coord, a, b):
        out = out_of(capsys, replica, "sync", "now")
        assert "0 applied" in out and "sent nothing new" in out, out
    assert {out_of(capsys, r, "digest").strip() for r in (coord, a, b)} == digests


def _converge(coord: Path, a: Path, b: Path) -> None:
    for replica in (a, b, coord):
        assert run(replica, "sync", "now") == 0
    assert run(coord, "territory", "approve", "--all") == 0
    for replica in (coord, a, b, coord):
        assert run(replica, "sync", "now") == 0


def test_board_shows_an_erasure_unconfirmed_then_confirmed(replicas, capsys) -> None:
    coord, a, b, _shared = replicas
    _converge(coord, a, b)
    person = out_of(capsys, a, "participant", "list").splitlines()[0].split("\t")[0]
    assert run(a, "erase", person) == 0
    assert run(a, "sync", "now") == 0
    assert run(coord, "sync", "now") == 0
    board = out_of(capsys, coord, "territory", "status")
    assert f"erasure {person}" in board
    assert "unconfirmed by MSAP-1" in board, board
    assert "MSAP-0," not in board and "by MSAP-0" not in board
    assert run(b, "sync", "now") == 0
    assert run(coord, "sync", "now") == 0
    board = out_of(capsys, coord, "territory", "status")
    assert f"erasure {person}" in board and "confirmed everywhere" in board, board
    pdf = coord.parent / "rgpd" / "territoire.pdf"
    assert "pdf:" in out_of(capsys, coord, "territory", "status", "--pdf", str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "territory-board.pdf" in (coord / "audit.log").read_text(encoding="utf-8")
    status = out_of(capsys, b, "sync", "status")
    assert "confirmed by the coordinator\t20" in status, status
