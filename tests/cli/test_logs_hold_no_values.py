"""Logs never hold personal data, even after a failure quoting a row."""

from __future__ import annotations

from ardoiz_desk.cli import main
from ardoiz_desk.store import engine as store_engine
from ardoiz_desk.store import models


def test_a_failed_insert_leaves_no_values_in_the_log(tmp_path, capsys, monkeypatch) -> None:
    data = tmp_path / "site"
    assert main(["--data-dir", str(data), "init", "--site-code", "MSAP-X", "--site-name", "X"]) == 0
    add = ["--data-dir", str(data), "participant", "add", "--prenom", "Marcelline"]
    assert main([*add, "--nom", "Tournefeuille", "--telephone", "0492610000"]) == 0
    capsys.readouterr()
    existing = models.new_id()
    monkeypatch.setattr(models, "new_id", lambda: existing)
    monkeypatch.setattr(store_engine, "new_id", lambda: existing)
    assert main([*add, "--nom", "Tournefeuille", "--telephone", "0492610000"]) == 0
    code = main([*add, "--nom", "Tournefeuille", "--telephone", "0492610000"])  # same id: refused
    err = capsys.readouterr().err
    assert code == 1 and len(err.strip().splitlines()) == 1
    log = "".join(p.read_text(encoding="utf-8") for p in (data / "logs").glob("*"))
    assert "IntegrityError" in log  # the failure is logged…
    for value in ("Marcelline", "Tournefeuille", "0492610000", "04 92 61 00 00"):
        assert value not in log  # …without a single value of the row


def test_an_exception_logged_anywhere_keeps_its_message_out(tmp_path) -> None:
    import logging

    from ardoiz_desk.logging_setup import configure_logging

    log_file = configure_logging(tmp_path)
    assert log_file is not None
    try:
        try:
            raise KeyError("0492610000")
        except KeyError as inner:
            raise ValueError("Marcelline Tournefeuille: année de naissance 1890") from inner
    except ValueError:
        logging.getLogger("ardoiz_desk.gui.kit.tasks").exception("background task failed")
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_ardoiz", False):
            root.removeHandler(handler)
            handler.close()
    text = log_file.read_text(encoding="utf-8")
    assert "background task failed" in text and "ValueError <- KeyError" in text
    assert "test_logs_hold_no_values.py" in text  # where it happened
    for value in ("Tournefeuille", "1890", "0492610000"):
        assert value not in text
