"""An agent finds, creates and edits participants through the window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ardoiz_desk.gui.participants.card import ParticipantCard
from ardoiz_desk.gui.participants.model import ID_ROLE
from ardoiz_desk.services.people.participants import (
    ParticipantInput,
    get_participant,
    register_participant,
    search_participants,
)
from ardoiz_desk.services.people.search_index import IndexFilter
from helpers.gui import press, type_text


def shown_ids(window) -> list[str]:
    model = window.participants.model
    return [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())]


def test_search_as_you_type_with_accents(qtbot, window) -> None:
    pane = window.participants
    register_participant(window.ws, ParticipantInput("Zoé", "Ébrard", commune="Orpierre"))
    window.data_reloaded()
    qtbot.waitSignal(pane.index_ready, timeout=10_000).wait()
    press(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is pane.search_edit
    with qtbot.waitSignal(pane.list_updated, timeout=2_000):
        type_text(pane.search_edit, "zoé ébr")
    qtbot.waitUntil(lambda: pane.model.rowCount() == 1)
    assert pane.model.index(0, 0).data() == "ÉBRARD"
    pane.search_edit.clear()
    type_text(pane.search_edit, "ZOE EBRARD")
    qtbot.waitUntil(lambda: pane.model.rowCount() == 1)
    pane.search_edit.clear()
    type_text(pane.search_edit, "hél")
    qtbot.waitUntil(
        lambda: set(shown_ids(window)) == {v.id for v in search_participants(window.ws, "hel")}
    )


def test_filters_narrow_the_list(qtbot, window) -> None:
    pane = window.participants
    everyone = pane.model.rowCount()
    pane.tablet_filter.setCurrentIndex(pane.tablet_filter.findData(True))
    with_tablet = pane.model.rowCount()
    assert 0 < with_tablet < everyone
    assert set(shown_ids(window)) == set(pane.index.search(IndexFilter(has_tablet=True)))
    pane.stage_filter.setCurrentIndex(pane.stage_filter.findData("animation"))
    assert pane.model.rowCount() <= with_tablet
    pane.tablet_filter.setCurrentIndex(0)
    pane.stage_filter.setCurrentIndex(0)
    assert pane.model.rowCount() == everyone


def test_enter_opens_the_card(qtbot, window, dialogs) -> None:
    pane = window.participants
    type_text(pane.search_edit, "a")
    qtbot.waitUntil(lambda: pane.model.rowCount() > 0)
    first = pane.model.index(0, 0).data(ID_ROLE)
    press(pane.search_edit, Qt.Key.Key_Return)
    card = dialogs.shown[-1]
    assert isinstance(card, ParticipantCard)
    assert card.participant_id == first
    assert card.isVisible()
    card.reject()
    assert not card.isVisible()


def test_create_participant_with_ctrl_n(qtbot, window, dialogs) -> None:
    press(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    card = dialogs.shown[-1]
    form = card.form
    # Nothing red before anything is typed; the notice is not ticked for the agent.
    assert all(not label.text() for label in form.errors.values())
    assert not form.notice_given.isChecked() and form.notice_missing.isVisibleTo(card)
    card.activateWindow()
    qtbot.waitUntil(card.isActiveWindow)
    press(form.edits["prenom"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "obligatoire" in form.errors["prenom"].text()  # on saving: every error shows
    assert form.edits["prenom"].hasFocus()
    type_text(form.edits["prenom"], "Noëlle")
    type_text(form.edits["nom"], "Sénéquier")
    form.edits["annee_naissance"].setFocus()
    type_text(form.edits["annee_naissance"], "1850")
    assert not form.errors["annee_naissance"].text()  # still typing in the field
    press(form.edits["annee_naissance"], Qt.Key.Key_Tab)
    assert "n'est pas plausible" in form.errors["annee_naissance"].text()  # once left
    form.edits["annee_naissance"].clear()
    type_text(form.edits["annee_naissance"], "1946")
    type_text(form.edits["telephone"], "06 12 34 56 78")
    form.notice_given.setChecked(True)  # the agent has handed the notice over
    assert not form.notice_missing.isVisibleTo(card)
    assert card.save_button.isEnabled()
    press(form.edits["telephone"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert card.saved_note.text().startswith("Enregistré")
    found = search_participants(window.ws, "noelle senequier")
    assert len(found) == 1
    person = found[0]
    assert (person.annee_naissance, person.telephone) == (1946, "06 12 34 56 78")
    assert person.site_id == window.participants.site_filter.itemData(
        window.participants.site_filter.findText("France Services Sisteron")
    )
    assert person.notice_given_on == window.ws.today()
    assert person.id in window.participants.index.search("senequier")
    card.reject()


def test_a_saved_card_opens_with_nothing_selected(qtbot, window, dialogs) -> None:
    """A stray key must not replace the name: read first, edit on purpose."""
    pid = shown_ids(window)[0]
    before = get_participant(window.ws, pid).nom
    card = window.open_participant(pid)
    card.activateWindow()
    qtbot.waitUntil(card.isActiveWindow)
    assert not any(edit.hasSelectedText() for edit in card.form.edits.values())
    assert not any(edit.hasFocus() for edit in card.form.edits.values())
    focus = QApplication.focusWidget()
    press(focus, Qt.Key.Key_T)
    press(focus, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert get_participant(window.ws, pid).nom == before
    assert not card.dirty
    card.reject()


def test_edit_asks_before_discarding(qtbot, window, dialogs) -> None:
    pid = shown_ids(window)[0]
    card = window.open_participant(pid)
    card.activateWindow()
    qtbot.waitUntil(card.isActiveWindow)
    card.form.edits["telephone"].clear()
    type_text(card.form.edits["telephone"], "04 92 00 00 00")
    card.form.edits["email"].clear()
    card.form.edits["email"].setFocus()
    type_text(card.form.edits["email"], "pas-un-email")
    press(card.form.edits["email"], Qt.Key.Key_Tab)
    assert "E-mail" in card.form.errors["email"].text()
    card.form.edits["email"].clear()
    dialogs.answers = [False]
    card.reject()
    assert card.isVisible() and len(dialogs.questions) == 1
    assert card.save()
    assert get_participant(window.ws, pid).telephone == "04 92 00 00 00"
    card.reject()  # nothing unsaved: no question
    assert len(dialogs.questions) == 1 and not card.isVisible()


def test_card_shows_journey_and_plans_a_followup(qtbot, window) -> None:
    pane = window.participants
    pane.stage_filter.setCurrentIndex(pane.stage_filter.findData("prise_en_main"))
    pid = shown_ids(window)[0]
    card = window.open_participant(pid)
    assert card.journey.model.rowCount() >= 1
    assert "Prise en main" in card.journey.summary.text()
    before = card.followups.model.rowCount()
    type_text(card.followups.reason, "Revoir les photos")
    card.followups.add_button.click()
    assert card.followups.model.rowCount() == before + 1
    card.reject()


def test_card_save_keeps_a_field_changed_elsewhere_meanwhile(qtbot, window) -> None:
    from ardoiz_desk.services.people.participants import input_from_view, update_participant

    pid = shown_ids(window)[0]
    card = window.open_participant(pid)
    elsewhere = get_participant(window.ws, pid)
    update_participant(window.ws, pid, input_from_view(elsewhere, telephone="06 11 22 33 44"))
    card.form.edits["commune"].clear()
    type_text(card.form.edits["commune"], "Upaix")
    assert card.save()
    after = get_participant(window.ws, pid)
    assert (after.commune, after.telephone) == ("Upaix", "06 11 22 33 44")
    assert card.form.edits["telephone"].text() == "06 11 22 33 44"


def test_the_list_answers_before_its_index_is_loaded(qtbot, window) -> None:
    from ardoiz_desk.services.people.search_index import search_page

    pane = window.participants
    index, pane.index, pane._total = pane.index, None, None  # as at start-up
    pane.model.set_ids([])
    pane.apply_search()  # neither index nor first page yet: nothing to show
    assert pane.model.rowCount() == 0
    pane._first_page(search_page(window.ws, pane.current_filter(), 100))
    assert set(shown_ids(window)) == set(index.search(""))
    assert "chargement" in pane.count_label.text()
    type_text(pane.search_edit, "hél")
    qtbot.waitUntil(lambda: set(shown_ids(window)) == set(index.search("hél")))
    pane.set_index(index)
    assert shown_ids(window) == index.search("hél")
    assert "chargement" not in pane.count_label.text()
