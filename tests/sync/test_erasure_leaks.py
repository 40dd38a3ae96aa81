"""Erasure leaks through real bundles: follow-up reasons, and records merged into an erased
person through chains of merges. No personal value of an erased person may survive on any
replica, whatever the order bundles arrive in, and replicas converge."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from sqlalchemy import select

from ardoiz_desk.services.activities.sessions import ActivityInput, AttendeeInput, record_activity
from ardoiz_desk.services.exchange.bundle_import import import_files
from ardoiz_desk.services.exchange.bundles import export_bundle
from ardoiz_desk.services.health import digest
from ardoiz_desk.services.people.duplicates import merge_duplicate
from ardoiz_desk.services.people.followups import add_followup, followups_due
from ardoiz_desk.services.people.participants import (
    ParticipantInput,
    get_participant,
    register_participant,
)
from ardoiz_desk.services.privacy.erasure import erase_participant
from ardoiz_desk.services.validation import ValidationError
from ardoiz_desk.store.models import FollowUp, Participant, personal_fields
from ardoiz_desk.sync.rules import PERSON_KEY, blank_personal_values, person_linked_models

_n = itertools.count()
SECRET = "Rappeler Mme Dupré au 06 11 22 33 44"


def _share(src, dst, tmp_path) -> None:
    path = export_bundle(src, tmp_path / f"b{next(_n)}.ardoiz", full=True).path
    report = import_files(dst, [path])
    assert report.outcomes[0].status == "applied", report.outcomes


def _person(ws, prenom="Hélène", nom="Dupré", telephone="0492610000", note="a besoin d'aide"):
    p = register_participant(
        ws, ParticipantInput(prenom=prenom, nom=nom, annee_naissance=1945, telephone=telephone)
    )
    record_activity(
        ws,
        ActivityInput(
            kind="individuel",
            date=dt.date(2026, 6, 1),
            duree_minutes=30,
            thematiques=["email"],
            attendees=[AttendeeInput(p.id, note=note)],
        ),
    )
    return p


def _assert_erased_everywhere(replicas, ids) -> None:
    """Every personal field of these people, and of every row of theirs, is blank everywhere."""
    blanks = blank_personal_values(Participant)
    for ws in replicas:
        with ws.store.session() as s:
            for pid in ids:
                p = s.get(Participant, pid)
                assert p.erased, (ws.replica_id, pid)
                assert {f: getattr(p, f) for f in personal_fields(Participant)} == blanks
                assert not any(ch.isalnum() for ch in p.search_key)
            for model in person_linked_models():
                model_blanks = blank_personal_values(model)
                column = getattr(model, PERSON_KEY)
                for row in s.scalars(select(model).where(column.in_(ids))):
                    assert {f: getattr(row, f) for f in model_blanks} == model_blanks, model
    assert len({digest(ws) for ws in replicas}) == 1


def _reasons(ws, pid):
    with ws.store.session() as s:
        return list(s.scalars(select(FollowUp.reason).where(FollowUp.participant_id == pid)))


def test_followup_reason_is_personal() -> None:
    assert "reason" in personal_fields(FollowUp)
    assert FollowUp in person_linked_models()


@pytest.mark.parametrize("erasure_first", [True, False])
def test_followup_planned_by_an_unaware_site_does_not_survive(
    territory, tmp_path, erasure_first
) -> None:
    coord, a, b = territory(2)
    p = _person(a)
    add_followup(a, p.id, dt.date(2026, 6, 20), "Mme Dupré, revenir avec sa carte Vitale")
    _share(a, coord, tmp_path)
    _share(a, b, tmp_path)
    erase_participant(coord, p.id)
    # Site b has not heard of the erasure yet: it plans a follow-up with personal details.
    add_followup(b, p.id, dt.date(2026, 7, 1), SECRET)
    if erasure_first:
        _share(coord, b, tmp_path)
        _share(b, coord, tmp_path)
    else:
        _share(b, coord, tmp_path)
        _share(coord, b, tmp_path)
    _share(coord, a, tmp_path)
    _share(b, a, tmp_path)
    for ws in (coord, a, b):
        assert _reasons(ws, p.id) == ["", ""]
        assert followups_due(ws, participant_id=p.id, include_done=True) == []
    _assert_erased_everywhere([coord, a, b], [p.id])


def test_no_followup_for_an_erased_person(territory) -> None:
    coord, _a = territory(1)
    p = register_participant(coord, ParticipantInput(prenom="Hélène", nom="Dupré"))
    erase_participant(coord, p.id)
    with pytest.raises(ValidationError, match="effacée"):
        add_followup(coord, p.id, dt.date(2026, 7, 1), SECRET)
    assert _reasons(coord, p.id) == []


def test_erasure_follows_concurrent_merge_chains(territory, tmp_path) -> None:
    coord, a, b = territory(2)
    d = _person(a, telephone="0601020304", note="D: appelle sa fille")
    k = _person(a, telephone="", note="K")
    e = _person(a, telephone="", note="E")
    add_followup(a, d.id, dt.date(2026, 7, 1), SECRET)
    _share(a, b, tmp_path)
    _share(a, coord, tmp_path)
    merge_duplicate(a, k.id, d.id)  # site a: D -> K
    merge_duplicate(b, e.id, k.id)  # site b, concurrently: K -> E
    _share(a, coord, tmp_path)
    _share(b, coord, tmp_path)
    result = erase_participant(coord, e.id)
    assert set(result.participant_ids) == {d.id, k.id, e.id}
    _share(coord, a, tmp_path)
    _share(coord, b, tmp_path)
    _share(a, b, tmp_path)
    _share(b, a, tmp_path)
    _assert_erased_everywhere([coord, a, b], [d.id, k.id, e.id])


@pytest.mark.parametrize("order", ["erasure-first", "merge-first"])
def test_merge_into_an_already_erased_person_is_erased_on_import(territory, tmp_path, order):
    coord, a, b = territory(2)
    d = _person(a, telephone="0601020304", note="D")
    e = _person(a, telephone="", note="E")
    add_followup(a, d.id, dt.date(2026, 7, 1), SECRET)
    _share(a, b, tmp_path)
    _share(a, coord, tmp_path)
    erase_participant(coord, e.id)
    merge_duplicate(b, e.id, d.id)  # site b has not heard of the erasure: D -> E
    if order == "erasure-first":
        _share(coord, a, tmp_path)
        _share(b, a, tmp_path)  # a derives D's erasure on import, with its own stamps
    else:
        _share(b, a, tmp_path)
        _share(coord, a, tmp_path)
    _share(b, coord, tmp_path)  # the coordinator derives it too
    _share(coord, b, tmp_path)
    _share(a, b, tmp_path)
    _share(a, coord, tmp_path)
    _share(b, coord, tmp_path)
    _share(b, a, tmp_path)
    _assert_erased_everywhere([coord, a, b], [d.id, e.id])
    # Erasure is absorbing: undoing the merge elsewhere does not bring D back.
    with a.store.session() as s:
        assert s.get(Participant, d.id).merged_into == e.id


def test_erasure_is_loop_safe_on_merge_cycles(territory, tmp_path) -> None:
    coord, a, b = territory(2)
    d = _person(a, telephone="0601020304", note="D")
    k = _person(a, telephone="0611111111", note="K")
    _share(a, b, tmp_path)
    _share(a, coord, tmp_path)
    merge_duplicate(a, d.id, k.id)  # K -> D on a
    merge_duplicate(b, k.id, d.id)  # D -> K on b: a cycle once both are known
    _share(a, coord, tmp_path)
    _share(b, coord, tmp_path)
    # The loop is broken the same way everywhere: the smaller id stays the live record.
    kept = min(d.id, k.id)
    result = erase_participant(coord, kept)
    assert set(result.participant_ids) == {d.id, k.id}
    _share(coord, a, tmp_path)
    _share(coord, b, tmp_path)
    _share(a, b, tmp_path)
    _share(b, a, tmp_path)
    _assert_erased_everywhere([coord, a, b], [d.id, k.id])


def test_dry_run_announces_the_records_a_merge_chain_will_erase(territory, tmp_path) -> None:
    coord, a, b = territory(2)
    d = _person(a, telephone="0601020304", note="D")
    e = _person(a, telephone="", note="E")
    _share(a, b, tmp_path)
    _share(a, coord, tmp_path)
    erase_participant(coord, e.id)
    merge_duplicate(b, e.id, d.id)  # site b has not heard of the erasure: D -> E
    _share(coord, a, tmp_path)
    bundle = export_bundle(b, tmp_path / "b-merge.ardoiz", full=True).path
    preview = import_files(a, [bundle], dry_run=True).outcomes[0]
    assert preview.status == "preview"
    assert "1 fiche(s) fusionnée(s) avec une personne effacée" in preview.message
    assert get_participant(a, d.id).telephone == "06 01 02 03 04"  # a preview changes nothing
