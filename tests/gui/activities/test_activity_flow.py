"""Recording a workshop with its attendance, by keyboard, and what the base holds after."""

from __future__ import annotations

import time

from PySide6.QtCore import QDate, Qt

from ardoiz_desk.gui.activities.attendance import AUTONOMY, NEXT, NOTE, REASON
from ardoiz_desk.gui.activities.dialog import RecordActivityDialog
from ardoiz_desk.services.activities.sessions import get_activity
from ardoiz_desk.services.people.followups import followups_due
from ardoiz_desk.services.people.participants import (
    ParticipantInput,
    get_participant,
    register_participant,
)
from helpers.gui import press, type_text

NAMES = [
    ("Hélène", "Aubépin"),
    ("Françoise", "Bérangier"),
    ("Gérard", "Célestin"),
    ("Noël", "Dauphiné"),
    ("Josette", "Éloi"),
    ("René", "Fénelon"),
    ("Odette", "Gaïa"),
    ("Émile", "Hérault"),
]


def _register_eight(ws) -> list[str]:
    return [register_participant(ws, ParticipantInput(p, n, commune="Serres")).id for p, n in NAMES]


def test_workshop_with_eight_attendees_by_keyboard(qtbot, window, dialogs) -> None:
    ids = _register_eight(window.ws)
    window.data_reloaded()
    qtbot.waitSignal(window.participants.index_ready, timeout=10_000).wait()
    started = time.perf_counter()
    press(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = dialogs.shown[-1]
    assert isinstance(dialog, RecordActivityDialog)
    assert dialog.kind.currentData() == "collectif" and dialog.minutes() == 120
    search = dialog.picker.search_edit
    for prenom, nom in NAMES:
        type_text(search, f"{prenom[:3]} {nom[:4]}")
        press(search, Qt.Key.Key_Return)
    # One more who walks in without being registered: Enter with no match opens the form.
    type_text(search, "Marcelle Zébulon")
    press(search, Qt.Key.Key_Return)
    assert dialog.picker.new_box.isVisible()
    type_text(dialog.picker.new_commune, "Orpierre")
    press(dialog.picker.new_commune, Qt.Key.Key_Return)
    assert dialog.attendance.rowCount() == 9
    dialog.title_edit.setFocus()
    type_text(dialog.title_edit, "Découvrir sa tablette")
    dialog.anonymous.setValue(2)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    with qtbot.waitSignal(dialog.recorded, timeout=2_000) as recorded:
        press(dialog.title_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible(), dialog.error.text()
    assert time.perf_counter() - started < 60
    activity = get_activity(window.ws, recorded.args[0].id)
    assert activity.titre_atelier == "Découvrir sa tablette"
    assert activity.participants_anonymes == 2
    assert set(ids) <= set(activity.participant_ids) and len(activity.participant_ids) == 9
    assert window.participants.index.stage(ids[0]) == "animation"
    newcomer = window.participants.index.search("marcelle zebulon")
    assert len(newcomer) == 1 and get_participant(window.ws, newcomer[0]).commune == "Orpierre"


def test_attendee_note_autonomy_and_next_appointment(qtbot, window, dialogs) -> None:
    pid = _register_eight(window.ws)[0]
    window.participants.participants_changed([pid])
    dialog = window.record_activity("individuel")
    assert dialog.minutes() == 30
    type_text(dialog.picker.search_edit, "hélène aubépin")
    press(dialog.picker.search_edit, Qt.Key.Key_Return)
    model = dialog.attendance
    model.setData(model.index(0, AUTONOMY), "partiellement_autonome")
    model.setData(model.index(0, NOTE), "A envoyé son premier e-mail")
    model.setData(model.index(0, NEXT), QDate(2026, 6, 29))
    model.setData(model.index(0, REASON), "Appel vidéo avec la famille")
    dialog.save()
    assert not dialog.isVisible(), dialog.error.text()
    assert get_participant(window.ws, pid).autonomie == "partiellement_autonome"
    due = followups_due(window.ws, participant_id=pid)
    assert [(f.due_on.isoformat(), f.reason) for f in due] == [
        ("2026-06-29", "Appel vidéo avec la famille")
    ]
    assert window.participants.index.stage(pid) == "prise_en_main"


def test_validation_errors_are_shown_in_french(qtbot, window, dialogs) -> None:
    dialog = window.record_activity()
    for box in dialog.themes.values():
        box.setChecked(False)
    dialog.save()
    assert dialog.isVisible()
    assert "Thématiques : choisissez-en au moins une." in dialog.error.text()
    dialog.themes["email"].setChecked(True)
    dialog.save()
    assert not dialog.isVisible()


def test_cancel_asks_when_attendees_would_be_lost(qtbot, window, dialogs) -> None:
    dialog = window.record_activity()
    type_text(dialog.picker.search_edit, "a")
    press(dialog.picker.search_edit, Qt.Key.Key_Return)
    dialogs.answers = [False]
    dialog.reject()
    assert dialog.isVisible()
    dialog.reject()
    assert not dialog.isVisible()
    assert len(dialogs.questions) == 2


def test_training_of_agents(qtbot, window, dialogs) -> None:
    window.show_pane(3)
    before = {a.id: len(a.trainings) for a in window.agents.model.items}
    window.agents.training_button.click()
    dialog = dialogs.shown[-1]
    assert dialog.kind.currentData() == "formation"
    assert not dialog.attendance_box.isVisibleTo(dialog) and dialog.agents_box.isVisibleTo(dialog)
    agent_id = next(iter(before))
    dialog.trained[agent_id].setChecked(True)
    dialog.save()
    after = {a.id: len(a.trainings) for a in window.agents.model.items}
    assert after[agent_id] == before[agent_id] + 1


def test_cancel_asks_when_typed_notes_would_be_lost(qtbot, window, dialogs) -> None:
    dialog = window.record_activity()
    dialog.reject()  # nothing typed: closes without a question
    assert not dialog.isVisible() and dialogs.questions == []
    dialog = window.record_activity()
    type_text(dialog.notes, "Atelier très apprécié, à refaire en mars")
    dialogs.answers = [False]
    dialog.reject()
    assert dialog.isVisible() and len(dialogs.questions) == 1


def test_la_coop_details_show_when_they_apply_and_are_recorded(qtbot, window, dialogs) -> None:
    from ardoiz_desk.store.models import Activity

    pid = _register_eight(window.ws)[0]
    window.participants.participants_changed([pid])
    dialog = window.record_activity("individuel")
    details = dialog.details
    assert details.orientation_box.isVisibleTo(dialog)
    assert not details.place_box.isVisibleTo(dialog)
    assert not details.procedure_box.isVisibleTo(dialog)
    type_text(dialog.picker.search_edit, "hélène aubépin")
    press(dialog.picker.search_edit, Qt.Key.Key_Return)
    dialog.place.setCurrentIndex(dialog.place.findData("domicile"))
    assert details.place_box.isVisibleTo(dialog)
    dialog.themes["aide_aux_demarches_administratives"].setChecked(True)
    assert details.procedure_box.isVisibleTo(dialog)
    details.admin_themes["logement"].setChecked(True)
    details.procedure.setText("Demande d'APL")
    assert not details.structure.isEnabled()
    details.oriente.setCurrentIndex(details.oriente.findData("oui"))
    assert details.structure.isEnabled()
    details.structure.setCurrentIndex(details.structure.findData("aide_sociale"))
    dialog.save()
    assert "Commune du lieu" in dialog.error.text()  # La Coop needs the place's commune
    details.place_commune.setText("Serres")
    details.place_postal.setText("05700")
    details.place_insee.setText("05166")
    with qtbot.waitSignal(dialog.recorded, timeout=2_000) as recorded:
        dialog.save()
    with window.ws.store.session() as session:
        act = session.get(Activity, recorded.args[0].id)
        assert set(act.thematiques) >= {"aide_aux_demarches_administratives", "logement"}
        assert (act.precisions_demarche, act.oriente, act.structure_de_redirection) == (
            "Demande d'APL",
            "oui",
            "aide_sociale",
        )
        assert (act.lieu_commune, act.lieu_code_postal, act.lieu_code_insee) == (
            "Serres",
            "05700",
            "05166",
        )
