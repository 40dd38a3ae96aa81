"""Field validators: nothing that breaks an export gets in; phones and e-mails as La Coop."""

from __future__ import annotations

import pytest

from ardoiz_desk.services.people.participants import ParticipantInput, register_participant
from ardoiz_desk.services.validation import (
    Checker,
    ValidationError,
    check_email,
    check_phone,
    forbidden_character,
    normalize_phone,
    phone_international,
    phone_problem,
)


@pytest.mark.parametrize(
    ("typed", "stored", "international"),
    [
        ("0492610000", "04 92 61 00 00", "+33492610000"),
        ("04.92.61.00.00", "04 92 61 00 00", "+33492610000"),
        ("04-92-61-00-00", "04 92 61 00 00", "+33492610000"),
        ("+33 4 92 61 00 00", "04 92 61 00 00", "+33492610000"),
        ("(+33) 6 52 18 33 21", "06 52 18 33 21", "+33652183321"),
        ("0033 6 52 18 33 21", "06 52 18 33 21", "+33652183321"),
        ("+262 692 12 34 56", "+262 692 12 34 56", "+262692123456"),
        ("+590 690 12 34 56", "+590 690 12 34 56", "+590690123456"),
        ("+594 694 12 34 56", "+594 694 12 34 56", "+594694123456"),
        ("+596 696 12 34 56", "+596 696 12 34 56", "+596696123456"),
        ("+352 621 12 34 56", "+352 621 12 34 56", "+352621123456"),
        ("0262 12 34 56", "02 62 12 34 56", "+262262123456"),
    ],
)
def test_phones_la_coop_accepts(typed, stored, international) -> None:
    assert phone_problem(typed) is None
    assert normalize_phone(typed) == stored
    assert phone_international(stored) == international


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("06 52 18", "trop court"),
        ("+33 6 52 18 33 21 88 99 99", "trop long"),
        ("+49 123 456 7890", "pas un numéro français"),
        ("+1 555 555 5555", "pas un numéro français"),
        ("123-456-7890", "commence par 0"),
        ("abcdefg", "seuls les chiffres"),
    ],
)
def test_phones_refused_with_the_real_reason(typed, reason) -> None:
    checker = Checker()
    check_phone(checker, typed)
    assert reason in checker.errors["telephone"]
    assert checker.english["telephone"].startswith("telephone: ")


def test_emails_as_la_coop() -> None:
    checker = Checker()
    assert check_email(checker, "  Jean.Dupont@Orange.FR ") == "jean.dupont@orange.fr"
    assert not checker.errors
    for bad, reason in (
        ("hélène@orange.fr", "accentuée"),
        ("a@b", "domaine"),
        ("a..b@orange.fr", "avant @"),
        ("a@@orange.fr", "un seul @"),
    ):
        checker = Checker()
        check_email(checker, bad)
        assert reason in checker.errors["email"], bad


@pytest.mark.parametrize(
    "bad", ["Jo\x00", "Jo\x01", "Jo\x1b[31m", "Jo\u202eeb", "Jo\nLine", "Jo\u2028Line"]
)
def test_control_characters_and_line_breaks_are_refused_in_names(ws, bad) -> None:
    with pytest.raises(ValidationError) as refused:
        register_participant(ws, ParticipantInput(bad, "Achard"))
    assert "prenom" in refused.value.errors
    assert "\n" not in refused.value.english_line()


def test_notes_keep_their_line_breaks_but_not_control_characters() -> None:
    assert forbidden_character("ligne 1\nligne 2\tfin", multiline=True) is None
    assert forbidden_character("a\x1bb", multiline=True) is not None
    assert forbidden_character("Hélène Dupré-Öz") is None
