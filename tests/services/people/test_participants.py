"""Registering, validating, updating and finding participants."""

from __future__ import annotations

import datetime as dt

import pytest

from ardoiz_desk.services.health import digest
from ardoiz_desk.services.people.participants import (
    ParticipantFilter,
    ParticipantInput,
    age_band,
    count_participants,
    get_participant,
    input_from_view,
    register_participant,
    search_participants,
    update_participant,
)
from ardoiz_desk.services.validation import NotFoundError, ValidationError


def _add(ws, **kw):
    base = {"prenom": "Hélène", "nom": "DUPRÉ"}
    return register_participant(ws, ParticipantInput(**{**base, **kw}))


@pytest.mark.parametrize(
    ("field", "value", "fragment"),
    [
        ("annee_naissance", 1820, "pas plausible"),
        ("annee_naissance", "dix-neuf", "4 chiffres"),
        ("commune_code_insee", "ABC", "Code INSEE"),
        ("commune_code_postal", "4200", "Code postal"),
        ("nom", "x" * 10_000, "80 caractères au plus"),
        ("prenom", "   ", "obligatoire"),
        ("email", "helene.at.orange.fr", "E-mail"),
        ("telephone", "06 12 AB", "Téléphone"),
        ("genre", "autre", "Genre"),
    ],
)
def test_bad_input_is_refused_in_french_and_changes_nothing(ws, field, value, fragment) -> None:
    _add(ws)
    before = digest(ws)
    with pytest.raises(ValidationError) as info:
        _add(ws, **{field: value})
    assert field in info.value.errors
    assert fragment in info.value.errors[field]
    assert digest(ws) == before
    assert count_participants(ws) == 1


def test_valid_participant_is_stored_trimmed(ws) -> None:
    view = _add(
        ws,
        prenom="  Hélène ",
        annee_naissance="1948",
        commune="Sisteron",
        commune_code_insee="04209",
        commune_code_postal="04200",
        email="h.dupre@orange.fr",
    )
    got = get_participant(ws, view.id)
    assert (got.prenom, got.annee_naissance, got.commune_code_insee) == ("Hélène", 1948, "04209")
    assert got.age_band == "70+"
    assert got.display_name == "Hélène DUPRÉ"


@pytest.mark.parametrize(
    "query",
    [
        "helene dupre",
        "HELENE",
        "dupré hélène",
        "DUPRE",
        "sisteron",
        "06 12",
        "0612345678",
        "hel dup",
    ],
)
def test_search_ignores_accents_case_and_order(ws, query) -> None:
    target = _add(ws, commune="Sisteron", telephone="06 12 34 56 78")
    _add(ws, prenom="Gérard", nom="Roux", commune="Serres", telephone="04 92 00 00 00")
    found = [v.id for v in search_participants(ws, query)]
    assert found == [target.id]


def test_search_filters_by_tablet_and_site(ws) -> None:
    owned = _add(ws, tablet_status="owned")
    _add(ws, prenom="Gérard", tablet_status="none")
    assert [v.id for v in search_participants(ws, ParticipantFilter(has_tablet=True))] == [owned.id]
    assert search_participants(ws, ParticipantFilter(site_id="nope")) == []


def test_update_validates_and_keeps_the_record_on_error(ws) -> None:
    view = _add(ws)
    with pytest.raises(ValidationError):
        update_participant(ws, view.id, input_from_view(view, commune_code_postal="ABCDE"))
    assert get_participant(ws, view.id).commune_code_postal == ""
    updated = update_participant(ws, view.id, input_from_view(view, commune_code_postal="05300"))
    assert updated.commune_code_postal == "05300"


def test_unknown_participant_is_a_clear_error(ws) -> None:
    with pytest.raises(NotFoundError, match="introuvable"):
        get_participant(ws, "0" * 32)


def test_notice_date_cannot_be_in_the_future(ws) -> None:
    with pytest.raises(ValidationError, match="futur"):
        _add(ws, notice_given_on=ws.today() + dt.timedelta(days=2))


@pytest.mark.parametrize(
    ("year", "band"),
    [
        (None, "non_communique"),
        (2016, "<12"),
        (2010, "12-17"),
        (2002, "18-24"),
        (1990, "25-39"),
        (1970, "40-59"),
        (1960, "60-69"),
        (1957, "60-69"),
        (1956, "70+"),
        (1930, "70+"),
    ],
)
def test_age_band_uses_the_age_reached_this_calendar_year(year, band) -> None:
    assert age_band(year, dt.date(2026, 1, 2)) == band


def test_saving_an_old_form_keeps_edits_made_meanwhile(ws) -> None:
    opened = _add(ws, telephone="04 92 00 00 00")
    shown = input_from_view(opened)
    # Meanwhile an imported bundle (here: another writer) fixes the phone number.
    update_participant(ws, opened.id, input_from_view(opened, telephone="06 11 22 33 44"))
    saved = update_participant(
        ws, opened.id, input_from_view(opened, nom="Dupré-Garcin"), based_on=shown
    )
    assert (saved.nom, saved.telephone) == ("Dupré-Garcin", "06 11 22 33 44")
