"""A full disk while saving: a French message, and what the agent typed stays on screen."""

from __future__ import annotations

from sqlalchemy import event

from ardoiz_desk.services.people.participants import (
    ParticipantInput,
    count_participants,
    register_participant,
)
from helpers.gui import FakeDialogs, open_window, type_text


def _fill_the_disk(ws) -> None:
    """Let SQLite grow no further, as on a full disk (SQLITE_FULL)."""

    def cap(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        pages = cursor.execute("PRAGMA page_count").fetchone()[0]
        cursor.execute(f"PRAGMA max_page_count = {pages}")
        cursor.close()

    with ws.store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.exec_driver_sql("VACUUM")  # no free pages left to write into
    ws.store.engine.dispose()
    event.listen(ws.store.engine, "connect", cap)


def test_saving_a_card_on_a_full_disk_keeps_the_input(qtbot, ws) -> None:
    # Fill the participants' page so that the next one needs a page the disk cannot give.
    register_participant(ws, ParticipantInput(prenom="Odette", nom="Garcin", notes="n" * 3900))
    window = open_window(qtbot, ws, FakeDialogs())
    card = window.new_participant()
    type_text(card.form.edits["prenom"], "Hélène")
    type_text(card.form.edits["nom"], "Dupré")
    card.form.notes.setPlainText("Souhaite apprendre les appels vidéo. " * 100)
    _fill_the_disk(ws)
    assert not card.save()
    assert "disque est plein" in card.summary_error.text()
    assert card.isVisible() and card.form.edits["nom"].text() == "Dupré"
    assert count_participants(ws) == 1
    window.runner.wait(10_000)
