"""The coordinator's round through the command line, with three sites."""

from __future__ import annotations

from pathlib import Path

import pytest

from ardoiz_desk.cli import main

PASS = "un secret donné par téléphone"


def run(data: Path, *args: str) -> int:
    return main(["--data-dir", str(data), *args])


def digest_of(data: Path, capsys) -> str:
    capsys.readouterr()
    assert run(data, "digest") == 0
    return capsys.readouterr().out.strip()


@pytest.fixture
def passfile(tmp_path: Path) -> Path:
    path = tmp_path / "pass.txt"
    path.write_text(PASS + "\n", encoding="utf-8")
    return path


def test_coordinator_round_gives_one_digest_everywhere(tmp_path, capsys, passfile) -> None:
    coord = tmp_path / "coord"
    sites = [tmp_path / f"site{i}" for i in range(3)]
    assert (
        run(
            coord,
            "init",
            "--site-code",
            "COORD-CCSB",
            "--site-name",
            "Coordination",
            "--site-kind",
            "coordination",
        )
        == 0
    )
    assert run(coord, "territory", "create", "--name", "CCSB") == 0
    outbox = tmp_path / "usb"
    outbox.mkdir()
    for i, site in enumerate(sites):
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
        assert run(site, "demo", "--participants", "20", "--seed", str(i + 1)) == 0
        assert run(site, "bundle", "export", "--out", str(outbox / f"site{i}.ardoiz")) == 0
    capsys.readouterr()
    bundles = sorted(str(p) for p in outbox.glob("*.ardoiz"))
    assert run(coord, "bundle", "import", "--dry-run", *bundles) == 0
    assert capsys.readouterr().out.count("\theld\t") == 3
    assert run(coord, "bundle", "import", *bundles) == 0
    assert run(coord, "territory", "approve", "--all") == 0
    out = capsys.readouterr().out
    assert out.count("\tapplied\t") == 3, out
    territory_bundle = tmp_path / "territoire.ardoiz"
    assert run(coord, "bundle", "export", "--out", str(territory_bundle), "--full") == 0
    for site in sites:
        assert run(site, "bundle", "import", str(territory_bundle)) == 0
        assert run(site, "bundle", "import", str(territory_bundle)) == 0  # a no-op the second time
    digests = {digest_of(d, capsys) for d in [coord, *sites]}
    assert len(digests) == 1
    assert run(sites[0], "check") == 0


def test_refused_bundle_gives_exit_code_and_one_line(tmp_path, capsys) -> None:
    data = tmp_path / "site"
    assert run(data, "init", "--site-code", "MSAP-X", "--site-name", "X") == 0
    junk = tmp_path / "junk.ardoiz"
    junk.write_bytes(b"ARDOIZB\x00garbage")
    capsys.readouterr()
    assert run(data, "bundle", "import", str(junk)) == 6
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "refused" in err[0]


def test_erase_backup_restore_and_inspect_from_the_command_line(tmp_path, capsys, passfile) -> None:
    coord, site = tmp_path / "coord", tmp_path / "site"
    assert run(coord, "init", "--site-code", "COORD-X", "--site-kind", "coordination") == 0
    assert run(site, "init", "--site-code", "MSAP-Y", "--site-name", "Y") == 0
    assert run(coord, "territory", "create", "--name", "CCSB") == 0
    assert (
        run(
            coord,
            "territory",
            "invite",
            "--out",
            str(tmp_path / "e"),
            "--passphrase-file",
            str(passfile),
        )
        == 0
    )
    assert (
        run(site, "territory", "join", str(tmp_path / "e"), "--passphrase-file", str(passfile)) == 0
    )
    capsys.readouterr()
    assert (
        run(
            site,
            "participant",
            "add",
            "--prenom",
            "Hélène",
            "--nom",
            "Dupré",
            "--telephone",
            "0492610000",
        )
        == 0
    )
    pid = capsys.readouterr().out.strip()
    backup = tmp_path / "save.sqlite3"
    assert run(site, "backup", "--out", str(backup)) == 0
    assert run(site, "erase", pid) == 0
    bundle = tmp_path / "b.ardoiz"
    assert run(site, "bundle", "export", "--out", str(bundle)) == 0
    capsys.readouterr()
    assert run(coord, "bundle", "inspect", str(bundle)) == 0
    out = capsys.readouterr().out
    assert "trust: unknown" in out and "participants: 1" in out
    capsys.readouterr()
    assert run(site, "territory", "show") == 0
    old_replica = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("replica"))
    assert run(site, "restore", str(backup)) == 0
    assert run(site, "territory", "show") == 0
    new_replica = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("replica"))
    assert new_replica != old_replica
    assert run(site, "participant", "show", pid) == 0
    # The backup predates the erasure: the restore erased the person again.
    assert "Dupré" not in capsys.readouterr().out
    # The erasure comes back through the coordinator: erased again, for good.
    assert run(coord, "bundle", "import", str(bundle)) == 0
    assert run(coord, "territory", "approve", "--all") == 0
    territory_bundle = tmp_path / "t.ardoiz"
    assert run(coord, "bundle", "export", "--out", str(territory_bundle)) == 0
    assert run(site, "bundle", "import", str(territory_bundle)) == 0
    capsys.readouterr()
    assert run(site, "participant", "show", pid) == 0
    shown = capsys.readouterr().out
    assert '"erased": true' in shown and "Dupré" not in shown and "0492610000" not in shown
