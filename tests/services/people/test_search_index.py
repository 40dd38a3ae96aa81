"""The in-memory participant index finds, filters, sorts and follows changes."""

from __future__ import annotations

from ardoiz_desk.services.activities.sessions import ActivityInput, AttendeeInput, record_activity
from ardoiz_desk.services.people.participants import (
    ParticipantInput,
    get_participant,
    input_from_view,
    register_participant,
    search_participants,
    update_participant,
)
from ardoiz_desk.services.people.search_index import IndexFilter, ParticipantIndex, participant_rows


def _people(ws):
    return [
        register_participant(
            ws, ParticipantInput("Hélène", "Dupré", commune="Sisteron", telephone="04 92 61 00 11")
        ),
        register_participant(ws, ParticipantInput("Helene", "Martin", commune="Laragne-Montéglin")),
        register_participant(
            ws, ParticipantInput("Gérard", "Bœuf", commune="Serres", tablet_status="owned")
        ),
    ]


def test_search_ignores_accents_case_and_word_order(ws) -> None:
    a, b, c = _people(ws)
    index = ParticipantIndex.load(ws)
    assert set(index.search("HELENE")) == {a.id, b.id}
    assert index.search("dupre hélène") == [a.id]
    assert index.search("boeuf") == [c.id]
    assert index.search("04.92.61") == [a.id]
    assert index.search("monteglin") == [b.id]
    assert index.search("") == [c.id, a.id, b.id]  # by name: Bœuf, Dupré, Martin


def test_search_agrees_with_the_service_search(site_ws) -> None:
    index = ParticipantIndex.load(site_ws)
    for text in ("he", "hél", "dup", "sist", "04 92", "zzz"):
        expected = {v.id for v in search_participants(site_ws, text)}
        assert set(index.search(text)) == expected, text


def test_refining_and_widening_the_query_stays_correct(site_ws) -> None:
    index = ParticipantIndex.load(site_ws)
    fresh = ParticipantIndex.load(site_ws)
    for text in ("h", "he", "hel", "hele", "hel", "h", "he d", "he du", "x", ""):
        assert index.search(text) == fresh.search(text, sort="nom"), text


def test_filters_and_sorting(ws) -> None:
    a, b, c = _people(ws)
    record_activity(
        ws,
        ActivityInput(
            kind="individuel",
            date=ws.today(),
            duree_minutes=30,
            thematiques=["prendre_en_main_du_materiel"],
            attendees=[AttendeeInput(b.id, autonomie="autonome")],
        ),
    )
    index = ParticipantIndex.load(ws)
    assert index.search(IndexFilter(has_tablet=True)) == [c.id]
    assert index.search(IndexFilter(stage="prise_en_main")) == [b.id]
    assert index.search(IndexFilter(autonomie="autonome")) == [b.id]
    assert index.search("", sort="commune") == [b.id, c.id, a.id]
    assert index.search("", sort="commune", descending=True) == [a.id, c.id, b.id]
    assert index.search("", sort="stage")[-1] == b.id


def test_refresh_follows_edits_and_new_people(ws) -> None:
    a, b, c = _people(ws)
    index = ParticipantIndex.load(ws)
    index.search("", sort="prenom")
    update_participant(ws, a.id, input_from_view(get_participant(ws, a.id), nom="Aubéry"))
    d = register_participant(ws, ParticipantInput("Zoé", "Arnaud"))
    index.refresh(ws, [a.id, d.id])
    assert index.search("dupre") == []
    assert index.search("aubery") == [a.id]
    assert index.search("")[:2] == [d.id, a.id]  # Arnaud, Aubéry
    assert index.search("", sort="prenom") == [c.id, a.id, b.id, d.id]  # Gérard, Hélène Aubéry…
    assert len(index) == 4
    rows = participant_rows(ws, [d.id], index)
    assert rows[d.id].prenom == "Zoé"


def test_the_index_stays_small(ws) -> None:
    import tracemalloc

    from ardoiz_desk.services.demo import generate_demo

    generate_demo(ws, participants=3000, activities=200, seed=3)
    ParticipantIndex.load(ws)  # warm caches (folding, SQL compilation)
    tracemalloc.start()
    try:
        index = ParticipantIndex.load(ws)
        held, _peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(index) == 3000
    assert held / len(index) < 512  # bytes per participant, all in


def test_the_first_page_before_the_index_finds_the_same_people(site_ws) -> None:
    from ardoiz_desk.services.people.search_index import search_page

    index = ParticipantIndex.load(site_ws)
    for text in ("", "he", "hél", "dup", "sist", "04 92", "zzz"):
        ids, total = search_page(site_ws, IndexFilter(text=text), 10)
        expected = index.search(text)
        assert total == len(index)
        assert set(ids) <= set(expected) and len(ids) == min(10, len(expected)), text
    ids, _total = search_page(site_ws, IndexFilter(has_tablet=True), 1000)
    assert sorted(ids) == sorted(index.search(IndexFilter(has_tablet=True)))
