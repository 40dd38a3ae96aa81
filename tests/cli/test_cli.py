"""The command line contract: sub-commands, exit codes, one-line reasons."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ardoiz_desk import __version__
from ardoiz_desk.cli import main
from ardoiz_desk.entry import main as entry_main


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data(tmp_path: Path) -> str:
    return str(tmp_path / "site")


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_init_demo_search_show_check(capsys, data) -> None:
    code, out, _ = run(
        capsys, "--data-dir", data, "init", "--site-code", "MSAP-SISTERON", "--agent", "Léa Fabre"
    )
    assert code == 0 and "MSAP-SISTERON" in out
    code, out, _ = run(capsys, "--data-dir", data, "demo", "--participants", "200", "--seed", "3")
    assert code == 0 and "200 participants" in out
    code, out, _ = run(
        capsys,
        "--data-dir",
        data,
        "participant",
        "add",
        "--prenom",
        "Hélène",
        "--nom",
        "DUPRÉ",
        "--annee-naissance",
        "1948",
        "--code-insee",
        "04209",
    )
    assert code == 0
    new_id = out.strip()
    assert len(new_id) == 32
    code, out, _ = run(
        capsys, "--data-dir", data, "participant", "list", "--search", "helene dupre"
    )
    assert code == 0
    assert new_id in [line.split("\t")[0] for line in out.splitlines()]
    assert all("Hélène" in line and "dupr" in line.lower() for line in out.splitlines())
    code, out, _ = run(capsys, "--data-dir", data, "participant", "show", new_id)
    assert code == 0 and '"annee_naissance": 1948' in out
    code, out, _ = run(capsys, "--data-dir", data, "check")
    assert code == 0 and "verdict: sound" in out


def test_digest_is_stable_and_equal_for_equal_content(capsys, tmp_path) -> None:
    a, b = str(tmp_path / "a"), str(tmp_path / "b")
    for d in (a, b):
        assert run(capsys, "--data-dir", d, "demo", "--participants", "50", "--seed", "9")[0] == 0
    digests = [run(capsys, "--data-dir", d, "digest")[1].strip() for d in (a, a, b)]
    assert len(set(digests)) == 1 and len(digests[0]) == 64
    run(capsys, "--data-dir", b, "participant", "add", "--prenom", "Zoé", "--nom", "Ébrard")
    assert run(capsys, "--data-dir", b, "digest")[1].strip() != digests[0]


def test_digest_ignores_insertion_order_and_replica_identity(workspace_factory) -> None:
    from ardoiz_desk.services.health import digest
    from ardoiz_desk.store.engine import bulk_insert_new
    from ardoiz_desk.store.models import Participant

    rows = [{"id": f"{i:032x}", "prenom": f"P{i}", "nom": "Éloi"} for i in range(20)]
    a, b = workspace_factory("a"), workspace_factory("b")
    with a.store.session() as s:
        bulk_insert_new(s, Participant, rows)
    with b.store.session() as s:
        bulk_insert_new(s, Participant, list(reversed(rows)))
    assert a.replica_id != b.replica_id
    assert digest(a) == digest(b)


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (
            ["participant", "add", "--prenom", "A", "--nom", "B", "--annee-naissance", "1820"],
            "plausible",
        ),
        (["participant", "add", "--prenom", "A", "--nom", "B", "--code-insee", "ABC"], "INSEE"),
        (["participant", "add", "--prenom", "A", "--nom", "N" * 10_000], "80"),
        (["participant", "show", "0" * 32], "no such participant"),
        (["demo", "--participants", "0"], "between"),
    ],
)
def test_failures_exit_non_zero_with_one_line_and_change_nothing(
    capsys, data, args, fragment
) -> None:
    run(capsys, "--data-dir", data, "demo", "--participants", "5")
    before = run(capsys, "--data-dir", data, "digest")[1]
    code, _out, err = run(capsys, "--data-dir", data, *args)
    assert code != 0
    assert len(err.strip().splitlines()) == 1 and fragment in err
    assert run(capsys, "--data-dir", data, "digest")[1] == before


def test_demo_twice_with_the_same_seed_is_a_clear_error(capsys, data) -> None:
    assert run(capsys, "--data-dir", data, "demo", "--participants", "5")[0] == 0
    code, _, err = run(capsys, "--data-dir", data, "demo", "--participants", "5")
    assert code != 0 and "already" in err


def test_demo_if_empty_adds_only_once(capsys, data) -> None:
    assert run(capsys, "--data-dir", data, "demo", "--participants", "5", "--if-empty")[0] == 0
    code, out, _ = run(capsys, "--data-dir", data, "demo", "--participants", "5", "--if-empty")
    assert code == 0 and "nothing added" in out
    assert len(run(capsys, "--data-dir", data, "participant", "list")[1].splitlines()) == 5


def test_no_sub_command_opens_the_window(monkeypatch, data) -> None:
    import ardoiz_desk.gui.app.startup as gui_app

    opened = []
    monkeypatch.setattr(
        gui_app, "run_app", lambda data_dir, lang=None, unlock=None: opened.append(data_dir) or 0
    )
    assert entry_main(["--data-dir", data]) == 0
    assert opened == [Path(data).resolve()]


def test_the_window_is_given_the_base_passphrase_file(monkeypatch, data, tmp_path) -> None:
    import ardoiz_desk.gui.app.startup as gui_app

    given = []
    monkeypatch.setattr(
        gui_app, "run_app", lambda data_dir, lang=None, unlock=None: given.append(unlock) or 0
    )
    secret = tmp_path / "phrase.txt"
    secret.write_text("  rivière tablette cerise Orpierre  \nignored\n", encoding="utf-8")
    assert entry_main(["--data-dir", data, "--base-passphrase-file", str(secret)]) == 0
    assert given[0].passphrase == "rivière tablette cerise Orpierre"
    assert given[0].recovery_key is None
    assert entry_main(["--data-dir", data]) == 0
    assert given[1] is None  # nothing given: the window asks (or reads the environment)


def test_an_unreadable_passphrase_file_stops_the_window_in_one_line(
    capsys, monkeypatch, data, tmp_path
) -> None:
    import ardoiz_desk.gui.app.startup as gui_app

    monkeypatch.setattr(gui_app, "run_app", lambda *a, **k: pytest.fail("window opened"))
    missing = tmp_path / "absent.txt"
    assert entry_main(["--data-dir", data, "--base-passphrase-file", str(missing)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("ardoiz-desk: cannot read") and err.count("\n") == 1


def test_the_command_line_alone_opens_no_window(capsys, data) -> None:
    assert main(["--data-dir", data]) == 2
    assert "no command given" in capsys.readouterr().err


def test_module_entry_point_and_log_file(tmp_path) -> None:
    data = tmp_path / "d"
    assert main(["--data-dir", str(data), "init", "--site-code", "MSAP-X", "--site-name", "X"]) == 0
    result = subprocess.run(
        [sys.executable, "-m", "ardoiz_desk", "--data-dir", str(data), "check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "verdict: sound" in result.stdout
    assert (data / "logs" / "ardoiz-desk.log").is_file()


def test_self_test_migrates_a_temporary_base_and_opens_the_window(qapp, capsys) -> None:
    assert entry_main(["--self-test"]) == 0
    assert "self-test: ok" in capsys.readouterr().out
