"""Duplicates: likely pairs found across sites, merged as a replicated redirect, undone."""

from __future__ import annotations

import pytest

from ardoiz_desk.cli import main
from ardoiz_desk.services.activities.sessions import ActivityInput, AttendeeInput, record_activity
from ardoiz_desk.services.people.duplicates import (
    dismiss_pair,
    find_duplicates,
    merge_duplicate,
    unmerge_duplicate,
)
from ardoiz_desk.services.people.participants import (
    ParticipantInput,
    count_participants,
    get_participant,
    register_participant,
    search_participants,
)
from ardoiz_desk.services.privacy.erasure import erase_participant
from ardoiz_desk.services.validation import ValidationError


def _add(ws, prenom, nom, **kw):
    return register_participant(ws, ParticipantInput(prenom=prenom, nom=nom, **kw))


@pytest.fixture
def pair(ws):
    a = _add(ws, "Hélène", "Dupré", annee_naissance=1948, commune="Sisteron")
    b = _add(ws, "Helene", "DUPRE", annee_naissance=1948, telephone="04 92 61 00 00")
    _add(ws, "Hélène", "Dupré", annee_naissance=1931)  # a namesake, twenty years older
    _add(ws, "Gérard", "Roux", annee_naissance=1950)
    return a, b


def test_the_same_person_typed_differently_is_found_and_namesakes_are_not(ws, pair) -> None:
    a, b = pair
    (found,) = find_duplicates(ws)
    assert {found.first.id, found.second.id} == {a.id, b.id}
    assert "année" in found.reasons and found.score >= 90


def test_merge_redirects_fills_gaps_and_undo_restores(ws, pair) -> None:
    a, b = pair
    record_activity(
        ws,
        ActivityInput(
            kind="individuel",
            date=ws.today(),
            duree_minutes=30,
            thematiques=["email"],
            attendees=[AttendeeInput(b.id)],
        ),
    )
    merge_duplicate(ws, a.id, b.id)
    assert get_participant(ws, a.id).telephone == "04 92 61 00 00"  # taken from the duplicate
    assert b.id not in {v.id for v in search_participants(ws, "dupre")}
    assert count_participants(ws) == 3
    assert find_duplicates(ws) == []
    unmerge_duplicate(ws, b.id)
    assert count_participants(ws) == 4
    assert b.id in {v.id for v in search_participants(ws, "dupre")}


def test_refused_merges_change_nothing(ws, pair) -> None:
    a, b = pair
    with pytest.raises(ValidationError, match="elle-même"):
        merge_duplicate(ws, a.id, a.id)
    erase_participant(ws, b.id)
    with pytest.raises(ValidationError, match="effacée"):
        merge_duplicate(ws, a.id, b.id)
    assert get_participant(ws, a.id).telephone == ""


def test_dismissed_pairs_are_not_proposed_again(ws, pair) -> None:
    a, b = pair
    dismiss_pair(ws, b.id, a.id)
    assert find_duplicates(ws) == []


def test_cli_list_merge_unmerge(ws, pair, capsys) -> None:
    a, b = pair
    ws.close()
    data = str(ws.data_dir)
    assert main(["--data-dir", data, "duplicates", "list"]) == 0
    out = capsys.readouterr().out
    assert a.id in out and b.id in out and "1 likely pair(s)" in out
    assert main(["--data-dir", data, "duplicates", "merge", a.id, b.id]) == 0
    assert main(["--data-dir", data, "duplicates", "merge", a.id, a.id]) == 2
    assert "elle-même" in capsys.readouterr().err
    assert main(["--data-dir", data, "duplicates", "unmerge", b.id]) == 0


def test_merge_copies_the_commune_with_its_codes_or_not_at_all(ws) -> None:
    """A name kept without codes (homonyms) never gets another commune's codes."""
    from ardoiz_desk.services.people.participants import ParticipantInput, register_participant

    keep = register_participant(
        ws, ParticipantInput(prenom="Anne", nom="Morel", commune="Sainte-Colombe")
    )
    dup = register_participant(
        ws, ParticipantInput(prenom="Anne", nom="Morel", commune="Val Buëch-Méouge")
    )
    assert keep.commune_code_insee == "" and dup.commune_code_insee == "05118"
    merge_duplicate(ws, keep.id, dup.id)
    kept = get_participant(ws, keep.id)
    assert (kept.commune, kept.commune_code_insee, kept.commune_code_postal) == (
        "Sainte-Colombe",
        "",
        "",
    )
