"""Retention: people not seen for longer than the period are anonymised, after a preview."""

from __future__ import annotations

import datetime as dt

from ardoiz_desk.cli import main
from ardoiz_desk.services.activities.sessions import ActivityInput, AttendeeInput, record_activity
from ardoiz_desk.services.people.participants import (
    ParticipantInput,
    get_participant,
    register_participant,
)
from ardoiz_desk.services.privacy.retention import apply_retention, months_before, retention_preview
from ardoiz_desk.services.settings import set_retention_months


def _seen_on(ws, person, day: dt.date) -> None:
    record_activity(
        ws,
        ActivityInput(
            kind="individuel",
            date=day,
            duree_minutes=30,
            thematiques=["email"],
            attendees=[AttendeeInput(person.id, note="Messagerie configurée")],
        ),
    )


def test_months_before_clamps_to_month_end() -> None:
    assert months_before(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)
    assert months_before(dt.date(2026, 6, 15), 24) == dt.date(2024, 6, 15)
    assert months_before(dt.date(2026, 1, 10), 13) == dt.date(2024, 12, 10)


def test_preview_then_apply_anonymises_only_the_long_unseen(ws) -> None:
    # 'today' is 2026-06-15 in tests; stamps carry the real wall time, so age the period
    # relative to a far-future 'today' to make the record writes old too.
    old = register_participant(ws, ParticipantInput(prenom="Odette", nom="Garcin"))
    recent = register_participant(ws, ParticipantInput(prenom="Noëlle", nom="Roux"))
    ws.today = lambda: dt.date(2031, 6, 15)
    _seen_on(ws, old, dt.date(2029, 1, 10))
    _seen_on(ws, recent, dt.date(2031, 5, 1))
    set_retention_months(ws, 24)
    preview = retention_preview(ws)
    assert [c.participant_id for c in preview] == [old.id]
    assert preview[0].last_contact == dt.date(2029, 1, 10)
    assert get_participant(ws, old.id).nom == "Garcin"  # a preview changes nothing
    assert apply_retention(ws, preview) == 1
    erased = get_participant(ws, old.id)
    assert erased.erased and erased.nom == "" and erased.prenom == ""
    assert get_participant(ws, recent.id).nom == "Roux"
    assert retention_preview(ws) == []


def test_cli_preview_and_apply(ws, capsys) -> None:
    person = register_participant(ws, ParticipantInput(prenom="Odette", nom="Garcin"))
    ws.close()
    data = str(ws.data_dir)
    assert main(["--data-dir", data, "retention", "--months", "1"]) == 0
    assert "0 person(s) past 1 months" in capsys.readouterr().out  # written just now
    assert main(["--data-dir", data, "retention", "--months", "130"]) == 2
    assert "120" in capsys.readouterr().err
    assert person.id


def test_a_duplicate_seen_recently_keeps_the_merged_record(ws) -> None:
    from ardoiz_desk.services.people.duplicates import merge_duplicate

    kept = register_participant(ws, ParticipantInput(prenom="Odette", nom="Martin"))
    ws.today = lambda: dt.date(2031, 6, 15)
    duplicate = register_participant(ws, ParticipantInput(prenom="Odette", nom="MARTIN"))
    _seen_on(ws, duplicate, dt.date(2031, 6, 8))  # seen last week, under the other record
    merge_duplicate(ws, kept.id, duplicate.id)
    assert retention_preview(ws) == []
    assert apply_retention(ws, retention_preview(ws, months=1)) == 0
    assert not get_participant(ws, kept.id).erased
