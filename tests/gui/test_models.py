"""Every Qt model of the window passes pytest-qt's model tester."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt

from ardoiz_desk.gui.activities.attendance import AUTONOMY, FIRST, NEXT, AttendanceModel, Attendee
from ardoiz_desk.gui.agents.pane import agents_model
from ardoiz_desk.gui.followups.model import followup_model
from ardoiz_desk.gui.kit.table_model import RAW_ROLE
from ardoiz_desk.gui.participants.journey import journey_model
from ardoiz_desk.gui.participants.model import ParticipantTableModel
from ardoiz_desk.services.activities.sessions import participant_journey
from ardoiz_desk.services.people.followups import followups_due
from ardoiz_desk.services.people.search_index import ParticipantIndex, participant_rows
from ardoiz_desk.services.sites.agents import agents_with_trainings


def test_participant_model(qtmodeltester, site_ws) -> None:
    index = ParticipantIndex.load(site_ws)
    model = ParticipantTableModel(lambda ids: participant_rows(site_ws, ids, index))
    model.set_ids(index.search(""))
    qtmodeltester.check(model)
    assert model.rowCount() == 60
    assert model.index(0, 2).data(RAW_ROLE) is None or isinstance(
        model.index(0, 2).data(RAW_ROLE), int
    )
    model.set_ids(index.search("zzz"))
    qtmodeltester.check(model)


def test_participant_model_fetches_rows_a_page_at_a_time(site_ws) -> None:
    index = ParticipantIndex.load(site_ws)
    pages = []

    def fetch(ids):
        pages.append(len(ids))
        return participant_rows(site_ws, ids, index)

    model = ParticipantTableModel(fetch)
    model.set_ids(index.search("") * 1)
    for row in range(model.rowCount()):
        model.index(row, 0).data()
    assert pages == [60]


def test_attendance_model(qtmodeltester) -> None:
    model = AttendanceModel()
    model.add(Attendee("p1", "Hélène DUPRÉ", True))
    model.add(Attendee("p2", "Gérard BŒUF"))
    assert not model.add(Attendee("p1", "Hélène DUPRÉ"))
    qtmodeltester.check(model)
    assert model.setData(model.index(1, AUTONOMY), "autonome")
    assert model.setData(model.index(1, NEXT), QDate(2026, 7, 1))
    assert model.setData(
        model.index(1, FIRST), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    second = model.inputs()[1]
    assert (second.autonomie, second.next_appointment, second.premiere_fois) == (
        "autonome",
        dt.date(2026, 7, 1),
        True,
    )
    qtmodeltester.check(model)


def test_small_list_models(qtmodeltester, site_ws) -> None:
    followups = followup_model()
    followups.set_items(followups_due(site_ws, within_days=60))
    qtmodeltester.check(followups)
    agents = agents_model()
    agents.set_items(agents_with_trainings(site_ws))
    qtmodeltester.check(agents)
    journey = journey_model()
    some = ParticipantIndex.load(site_ws).search("")
    steps = next(s for s in (participant_journey(site_ws, pid) for pid in some) if s)
    journey.set_items(steps)
    qtmodeltester.check(journey)
