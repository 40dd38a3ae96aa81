"""The base key on the command line: the recovery key printed by init opens the base, and a
new passphrase can then be set."""

from __future__ import annotations

from ardoiz_desk.cli import failures as exits
from ardoiz_desk.cli import main
from ardoiz_desk.paths import key_file_path
from ardoiz_desk.services.safekeeping import base_key


def test_forgotten_passphrase_recovered_with_the_recovery_key(
    tmp_path, capsys, monkeypatch
) -> None:
    data = tmp_path / "site"
    assert main(["--data-dir", str(data), "init", "--site-code", "MSAP-X", "--site-name", "X"]) == 0
    out = capsys.readouterr().out
    recovery = next(line for line in out.splitlines() if line.startswith("recovery key: "))
    recovery_file = tmp_path / "recovery.txt"
    recovery_file.write_text(recovery.removeprefix("recovery key: ") + "\n")
    key_file_path(data).unlink()  # the passphrase is forgotten and the key file lost
    monkeypatch.delenv(base_key.ENV_BASE_PASSPHRASE)
    assert main(["--data-dir", str(data), "check"]) == exits.EXIT_BASE_KEY
    new = tmp_path / "new.txt"
    new.write_text("nouvelle phrase rivière cerise Orpierre\n")
    args = ["--data-dir", str(data), "--base-recovery-key-file", str(recovery_file)]
    assert main([*args, "base-passphrase", "--new-passphrase-file", str(new)]) == 0
    assert main(["--data-dir", str(data), "--base-passphrase-file", str(new), "check"]) == 0
    weak = tmp_path / "weak.txt"
    weak.write_text("aaaaaaaaaa\n")
    capsys.readouterr()
    code = main([*args, "base-passphrase", "--new-passphrase-file", str(weak)])
    assert code == 2 and "trop" in capsys.readouterr().err
