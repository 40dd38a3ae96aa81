"""Erasure is absorbing across bundles; conflicts are recorded, reviewable and overturnable."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from ardoiz_desk.services.activities.sessions import ActivityInput, AttendeeInput, record_activity
from ardoiz_desk.services.exchange.bundle_import import import_files
from ardoiz_desk.services.exchange.bundles import export_bundle
from ardoiz_desk.services.exchange.conflicts import keep_conflict, list_conflicts, overturn_conflict
from ardoiz_desk.services.health import digest
from ardoiz_desk.services.people.participants import (
    ParticipantInput,
    get_participant,
    input_from_view,
    register_participant,
    update_participant,
)
from ardoiz_desk.services.privacy.erasure import erase_participant
from ardoiz_desk.store.models import Attendance, Participant


def _share(src, dst, tmp_path, name):
    path = export_bundle(src, tmp_path / f"{name}.ardoiz", full=True).path
    report = import_files(dst, [path])
    assert report.outcomes[0].status == "applied", report.outcomes
    return path


def _stored(ws, pid):
    with ws.store.session() as s:
        p = s.get(Participant, pid)
        notes = list(s.scalars(select(Attendance.note).where(Attendance.participant_id == pid)))
        return p.erased, p.prenom, p.nom, p.telephone, notes


def test_erasure_wins_over_later_edits_and_old_bundles(territory, tmp_path) -> None:
    coord, site = territory(1)
    p = register_participant(
        site, ParticipantInput(prenom="Hélène", nom="Dupré", telephone="0492610000")
    )
    record_activity(
        site,
        ActivityInput(
            kind="individuel",
            date=dt.date(2026, 6, 1),
            duree_minutes=30,
            thematiques=["email"],
            attendees=[AttendeeInput(p.id, note="a besoin d'aide")],
        ),
    )
    old = _share(site, coord, tmp_path, "old")
    erase_participant(coord, p.id)
    # The site edits the person later (it has not heard of the erasure yet).
    update_participant(
        site, p.id, input_from_view(get_participant(site, p.id), telephone="0611223344")
    )
    _share(site, coord, tmp_path, "later")
    assert _stored(coord, p.id) == (True, "", "", "", [""])
    _share(coord, site, tmp_path, "erasure")
    assert _stored(site, p.id) == (True, "", "", "", [""])
    # An old bundle from before the erasure brings nothing back.
    import_files(coord, [old])
    from ardoiz_desk.services.exchange.bundle_import import import_bundle_bytes

    import_bundle_bytes(site, old.read_bytes())
    assert _stored(coord, p.id) == (True, "", "", "", [""])
    assert digest(coord) == digest(site)


def test_concurrent_edits_make_a_conflict_that_can_be_overturned(territory, tmp_path) -> None:
    coord, site = territory(1)
    p = register_participant(site, ParticipantInput(prenom="Gérard", nom="Bérard"))
    _share(site, coord, tmp_path, "1")
    update_participant(site, p.id, input_from_view(get_participant(site, p.id), nom="Bérard-Site"))
    update_participant(
        coord, p.id, input_from_view(get_participant(coord, p.id), nom="Bérard-Coord")
    )
    _share(site, coord, tmp_path, "2")
    conflicts = list_conflicts(coord)
    assert len(conflicts) == 1
    c = conflicts[0]
    assert (c.field, c.kept_value, c.lost_value) == ("nom", "Bérard-Coord", "Bérard-Site")
    assert c.lost_by == "MSAP-0" and c.row_label.startswith("Gérard")
    overturn_conflict(coord, c.id)
    assert get_participant(coord, p.id).nom == "Bérard-Site"
    assert list_conflicts(coord) == []
    _share(coord, site, tmp_path, "3")
    assert get_participant(site, p.id).nom == "Bérard-Site"
    assert digest(site) == digest(coord)


def test_keeping_a_conflict_closes_it(territory, tmp_path) -> None:
    coord, site = territory(1)
    p = register_participant(site, ParticipantInput(prenom="Zoé", nom="Ébrard"))
    _share(site, coord, tmp_path, "1")
    update_participant(coord, p.id, input_from_view(get_participant(coord, p.id), notes="coord"))
    update_participant(site, p.id, input_from_view(get_participant(site, p.id), notes="site"))
    _share(coord, site, tmp_path, "2")
    [c] = list_conflicts(site)
    keep_conflict(site, c.id)
    assert list_conflicts(site) == [] and len(list_conflicts(site, None)) == 1


def test_erasure_removes_conflicts_holding_personal_values(territory, tmp_path) -> None:
    coord, site = territory(1)
    p = register_participant(site, ParticipantInput(prenom="Odette", nom="Roux"))
    _share(site, coord, tmp_path, "1")
    update_participant(site, p.id, input_from_view(get_participant(site, p.id), nom="Roux-A"))
    update_participant(coord, p.id, input_from_view(get_participant(coord, p.id), nom="Roux-B"))
    _share(site, coord, tmp_path, "2")
    assert len(list_conflicts(coord)) == 1
    erase_participant(site, p.id)
    _share(site, coord, tmp_path, "3")
    assert list_conflicts(coord, None) == []
