"""The card's RGPD buttons: the person's record exported, the person erased, everywhere."""

from __future__ import annotations

import json

from ardoiz_desk.services.people.participants import (
    ParticipantInput,
    count_participants,
    get_participant,
    register_participant,
)
from helpers.gui import FakeDialogs, open_window


def _window(qtbot, ws):
    person = register_participant(
        ws, ParticipantInput(prenom="Hélène", nom="Dupré", telephone="04 92 61 00 00")
    )
    register_participant(ws, ParticipantInput(prenom="Gérard", nom="Roux"))
    dialogs = FakeDialogs()
    return open_window(qtbot, ws, dialogs), dialogs, person


def test_export_the_record_as_json_and_pdf(qtbot, ws, tmp_path) -> None:
    window, dialogs, person = _window(qtbot, ws)
    card = window.open_participant(person.id)
    card.rights.choose_path = lambda parent, suggested: tmp_path / "fiche.json"
    assert card.rights.export() == tmp_path / "fiche.json"
    record = json.loads((tmp_path / "fiche.json").read_text(encoding="utf-8"))
    assert "Hélène" in json.dumps(record, ensure_ascii=False)
    card.rights.choose_path = lambda parent, suggested: tmp_path / "fiche"
    written = card.rights.export()
    assert written == tmp_path / "fiche.pdf" and written.read_bytes().startswith(b"%PDF")
    assert "audit.log" in {p.name for p in ws.data_dir.iterdir()}
    assert any("Données exportées" in q for q in dialogs.questions)
    window.runner.wait(10_000)


def test_new_card_has_no_rights_buttons(qtbot, ws) -> None:
    window, _dialogs, _person = _window(qtbot, ws)
    card = window.new_participant()
    assert card.rights.isHidden()
    window.runner.wait(10_000)


def test_erase_after_confirmation_empties_the_record_and_the_list(qtbot, ws) -> None:
    window, dialogs, person = _window(qtbot, ws)
    card = window.open_participant(person.id)
    dialogs.answers = [False]
    assert not card.rights.erase()
    assert get_participant(ws, person.id).nom == "Dupré"
    dialogs.answers = [True]
    with qtbot.waitSignal(card.erased):
        assert card.rights.erase()
    erased = get_participant(ws, person.id)
    assert erased.erased and (erased.nom, erased.telephone) == ("", "")
    assert not card.isVisible()
    assert count_participants(ws) == 2  # the record stays, anonymous, for the statistics
    qtbot.waitUntil(lambda: window.participants.model.rowCount() == 1)
    window.runner.wait(10_000)


def test_a_record_is_not_exported_inside_the_data_folder(qtbot, ws) -> None:
    window, dialogs, person = _window(qtbot, ws)
    card = window.open_participant(person.id)
    card.rights.choose_path = lambda parent, suggested: ws.data_dir / "fiche.json"
    assert card.rights.export() is None
    assert not (ws.data_dir / "fiche.json").exists()
    assert len(dialogs.errors) == 1 and "hors du dossier de données" in dialogs.errors[0]
    window.runner.wait(10_000)
