"""Validation of what agents type, with messages in French."""

from __future__ import annotations

import re
from collections.abc import Iterable

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_CODE5 = re.compile(r"^[0-9][0-9AB][0-9]{3}$")  # Corsica's INSEE codes start 2A / 2B
_POSTAL = re.compile(r"^[0-9]{5}$")
_PHONE = re.compile(r"^\+?[0-9 .\-()]{6,20}$")


class ValidationError(ValueError):
    """Input refused; ``errors`` maps each field to a French message."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__(" ; ".join(self.errors.values()))


class NotFoundError(LookupError):
    """A record asked for does not exist (or was deleted)."""


class Checker:
    """Collects field errors, then raises them together."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def fail(self, field: str, message: str) -> None:
        """Record an error for a field (the first one wins)."""
        self.errors.setdefault(field, message)

    def text(
        self, field: str, label: str, value: str, *, max_len: int, required: bool = False
    ) -> str:
        """Check a free text: trimmed, length-bounded, present when required."""
        value = (value or "").strip()
        if required and not value:
            self.fail(field, f"{label} : ce champ est obligatoire.")
        if len(value) > max_len:
            self.fail(field, f"{label} : {max_len} caractères au plus ({len(value)} saisis).")
        return value

    def choice(
        self, field: str, label: str, value: str | None, allowed: Iterable[str]
    ) -> str | None:
        """Check a value from a vocabulary (None stays None)."""
        if value is None or value == "":
            return None
        if value not in tuple(allowed):
            self.fail(field, f"{label} : valeur inconnue « {value} ».")
        return value

    def raise_if_any(self) -> None:
        """Raise ValidationError if anything failed."""
        if self.errors:
            raise ValidationError(self.errors)


def check_birth_year(checker: Checker, value: int | str | None, this_year: int) -> int | None:
    """Birth year: optional, a whole number between this year - 120 and this year."""
    if value is None or value == "":
        return None
    try:
        year = int(value)
    except (TypeError, ValueError):
        checker.fail("annee_naissance", "Année de naissance : un nombre à 4 chiffres est attendu.")
        return None
    if not this_year - 120 <= year <= this_year:
        checker.fail(
            "annee_naissance",
            f"Année de naissance : {year} n'est pas plausible "
            f"(entre {this_year - 120} et {this_year}).",
        )
    return year


def check_insee(checker: Checker, value: str) -> str:
    """INSEE code: optional, 5 characters (digits, or 2A/2B for Corsica)."""
    value = (value or "").strip().upper()
    if value and not _CODE5.match(value):
        checker.fail("commune_code_insee", "Code INSEE : 5 caractères attendus (ex. 04209).")
    return value


def check_postal_code(checker: Checker, value: str) -> str:
    """Postal code: optional, 5 digits."""
    value = (value or "").strip()
    if value and not _POSTAL.match(value):
        checker.fail("commune_code_postal", "Code postal : 5 chiffres attendus (ex. 04200).")
    return value


def check_email(checker: Checker, value: str) -> str:
    """E-mail: optional, one @ and a domain."""
    value = checker.text("email", "E-mail", value, max_len=254)
    if value and not _EMAIL.match(value):
        checker.fail("email", "E-mail : adresse invalide (ex. prenom.nom@exemple.fr).")
    return value


def check_phone(checker: Checker, value: str) -> str:
    """Phone: optional, digits with the usual separators."""
    value = checker.text("telephone", "Téléphone", value, max_len=20)
    if value and not _PHONE.match(value):
        checker.fail(
            "telephone", "Téléphone : seuls les chiffres, espaces, points et + sont permis."
        )
    return value
