"""Recording activities with attendance, follow-ups and agents' training."""

from __future__ import annotations

import datetime as dt

import pytest

from ardoiz_desk.services.activities.sessions import (
    ActivityInput,
    AttendeeInput,
    get_activity,
    participant_journey,
    record_activity,
    stage_of,
)
from ardoiz_desk.services.health import digest
from ardoiz_desk.services.people.followups import followups_due, mark_followup_done
from ardoiz_desk.services.people.participants import (
    ParticipantInput,
    get_participant,
    register_participant,
)
from ardoiz_desk.services.sites.sites import (
    add_agent,
    agent_trainings,
    initialise_site,
    list_sites,
)
from ardoiz_desk.services.validation import NotFoundError, ValidationError
from ardoiz_desk.store.models import attendance_id


def _people(ws, n):
    return [
        register_participant(ws, ParticipantInput(prenom=f"Prénom{i}", nom="Éloi"))
        for i in range(n)
    ]


def test_workshop_with_eight_attendees_and_a_next_appointment(ws) -> None:
    site, agent = initialise_site(ws, "MSAP-SISTERON", agent_name="Camille Roussel")
    people = _people(ws, 8)
    day = ws.today() - dt.timedelta(days=1)
    attendees = [
        AttendeeInput(p.id, premiere_fois=True, autonomie="partiellement_autonome") for p in people
    ]
    attendees[0] = AttendeeInput(
        people[0].id, next_appointment=day + dt.timedelta(days=6), next_reason="Photos"
    )
    view = record_activity(
        ws,
        ActivityInput(
            kind="collectif",
            date=day,
            duree_minutes=120,
            thematiques=["email"],
            site_id=site.id,
            agent_id=agent.id,
            titre_atelier="Envoyer ses e-mails",
            niveau="debutant",
            participants_anonymes=2,
            attendees=attendees,
        ),
    )
    stored = get_activity(ws, view.id)
    assert sorted(stored.participant_ids) == sorted(p.id for p in people)
    assert stored.participants_anonymes == 2
    assert get_participant(ws, people[1].id).autonomie == "partiellement_autonome"
    due = followups_due(ws)
    assert [(f.participant_id, f.reason) for f in due] == [(people[0].id, "Photos")]
    assert participant_journey(ws, people[3].id)[0].stage == "animation"


def test_attendance_id_is_deterministic() -> None:
    assert attendance_id("a" * 32, "b" * 32) == attendance_id("a" * 32, "b" * 32)
    assert attendance_id("a" * 32, "b" * 32) != attendance_id("b" * 32, "a" * 32)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"thematiques": []}, "thematiques"),
        ({"duree_minutes": 0}, "duree_minutes"),
        ({"thematiques": ["astrologie"]}, "thematiques"),
        ({"kind": "sortie"}, "kind"),
        ({"date": dt.date(2030, 1, 1)}, "date"),
        ({"notes": "n" * 5000}, "notes"),
    ],
)
def test_bad_activity_is_refused_and_nothing_is_written(ws, change, field) -> None:
    person = _people(ws, 1)[0]
    before = digest(ws)
    data = {
        "kind": "individuel",
        "date": ws.today(),
        "duree_minutes": 30,
        "thematiques": ["prendre_en_main_du_materiel"],
        "attendees": [AttendeeInput(person.id)],
    }
    with pytest.raises(ValidationError) as info:
        record_activity(ws, ActivityInput(**{**data, **change}))
    assert field in info.value.errors
    assert digest(ws) == before


def test_unknown_attendee_rolls_the_whole_activity_back(ws) -> None:
    before = digest(ws)
    with pytest.raises(NotFoundError):
        record_activity(
            ws,
            ActivityInput(
                kind="collectif",
                date=ws.today(),
                duree_minutes=60,
                thematiques=["email"],
                attendees=[AttendeeInput("f" * 32)],
            ),
        )
    assert digest(ws) == before


def test_individual_session_is_for_one_person(ws) -> None:
    a, b = _people(ws, 2)
    with pytest.raises(ValidationError, match="une seule personne"):
        record_activity(
            ws,
            ActivityInput(
                kind="individuel",
                date=ws.today(),
                duree_minutes=30,
                thematiques=["email"],
                attendees=[AttendeeInput(a.id), AttendeeInput(b.id)],
            ),
        )


def test_follow_up_marked_done_leaves_the_list(ws) -> None:
    person = _people(ws, 1)[0]
    record_activity(
        ws,
        ActivityInput(
            kind="individuel",
            date=ws.today(),
            duree_minutes=45,
            thematiques=["prendre_en_main_du_materiel"],
            attendees=[
                AttendeeInput(person.id, next_appointment=ws.today() + dt.timedelta(days=3))
            ],
        ),
    )
    (followup,) = followups_due(ws)
    assert not followup.overdue
    mark_followup_done(ws, followup.id)
    assert followups_due(ws) == []
    assert followups_due(ws, participant_id=person.id, include_done=True)[0].done


def test_agents_training_is_recorded(ws) -> None:
    initialise_site(ws, "MSAP-SERRES")
    site = next(s for s in list_sites(ws) if s.code == "MSAP-SERRES")
    agent = add_agent(ws, "Nadia Benali", site.id)
    view = record_activity(
        ws,
        ActivityInput(
            kind="formation",
            date=ws.today(),
            duree_minutes=420,
            thematiques=[],
            site_id=site.id,
            trained_agent_ids=[agent.id],
        ),
    )
    assert view.kind == "formation"
    (training,) = agent_trainings(ws, site.id)
    assert (training.agent_name, training.date, training.duree_minutes) == (
        "Nadia Benali",
        ws.today(),
        420,
    )


@pytest.mark.parametrize(
    ("kind", "materiel", "stage"),
    [
        ("formation", [], "formation"),
        ("collectif", ["tablette"], "animation"),
        ("individuel", ["tablette"], "prise_en_main"),
        ("individuel", ["ordinateur"], "autre"),
    ],
)
def test_stage_mapping(kind, materiel, stage) -> None:
    assert stage_of(kind, ["prendre_en_main_du_materiel"], materiel) == stage
