"""Validation of what agents type (and of what bundles bring), with messages in French.

Every field validator is a plain function over a :class:`Checker`, usable from the
window, the command line and the import of a bundle alike. Each refusal carries a French
message (for the window) and an English one (for the command line's one line).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_CODE5 = re.compile(r"^[0-9][0-9AB][0-9]{3}$")  # Corsica's INSEE codes start 2A / 2B
_POSTAL = re.compile(r"^[0-9]{5}$")

# Characters that can never be part of a name or a single-line field: they break a CSV or
# XLSX cell, a one-line-per-person output, or reorder the text shown (bidi overrides).
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


class ValidationError(ValueError):
    """Input refused; ``errors`` maps each field to a French message, ``english`` to an
    English one (for the command line)."""

    def __init__(self, errors: dict[str, str], english: dict[str, str] | None = None) -> None:
        self.errors = dict(errors)
        self.english = {k: (english or {}).get(k, v) for k, v in self.errors.items()}
        super().__init__(" ; ".join(self.errors.values()))

    def english_line(self) -> str:
        """The reasons in English, on one line."""
        return "; ".join(self.english.values())


class NotFoundError(LookupError):
    """A record asked for does not exist (or was deleted); ``english`` says so in English."""

    _ENGLISH = {
        "Participant introuvable": "no such participant",
        "Activité introuvable": "no such activity",
        "Agent introuvable": "no such agent",
    }

    def __init__(self, message: str = "", english: str | None = None) -> None:
        super().__init__(message)
        if english is None:
            head, _, rest = message.partition(" : ")
            english = f"{self._ENGLISH[head]}: {rest}" if head in self._ENGLISH else message
        self.english = english


class Checker:
    """Collects field errors, then raises them together."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}
        self.english: dict[str, str] = {}
        self.notes: dict[str, str] = {}
        self.notes_en: dict[str, str] = {}

    def fail(self, field: str, message: str, english: str | None = None) -> None:
        """Record an error for a field (the first one wins), in French and in English."""
        if field not in self.errors:
            self.errors[field] = message
            self.english[field] = english or message

    def note(self, field: str, message: str, english: str | None = None) -> None:
        """Record something worth telling about a value accepted (a former commune mapped)."""
        self.notes.setdefault(field, message)
        self.notes_en.setdefault(field, english or message)

    def text(
        self,
        field: str,
        label: str,
        value: str,
        *,
        max_len: int,
        required: bool = False,
        multiline: bool = False,
    ) -> str:
        """Check a free text: trimmed, length-bounded, present when required, and free of
        control characters (line breaks and tabs only where ``multiline``)."""
        value = (value or "").strip()
        if multiline:
            value = value.replace("\r\n", "\n").replace("\r", "\n")
        if required and not value:
            self.fail(field, f"{label} : ce champ est obligatoire.", f"{label}: required.")
        if len(value) > max_len:
            self.fail(
                field,
                f"{label} : {max_len} caractères au plus ({len(value)} saisis).",
                f"{label}: at most {max_len} characters ({len(value)} given).",
            )
        bad = forbidden_character(value, multiline=multiline)
        if bad:
            self.fail(field, f"{label} : {bad[0]}.", f"{label}: {bad[1]}.")
        return value

    def choice(
        self, field: str, label: str, value: str | None, allowed: Iterable[str]
    ) -> str | None:
        """Check a value from a vocabulary (None stays None)."""
        if value is None or value == "":
            return None
        if value not in tuple(allowed):
            self.fail(
                field,
                f"{label} : valeur inconnue « {value} ».",
                f"{label}: unknown value {value!r}.",
            )
        return value

    def raise_if_any(self) -> None:
        """Raise ValidationError if anything failed."""
        if self.errors:
            raise ValidationError(self.errors, self.english)


def forbidden_character(value: str, *, multiline: bool = False) -> tuple[str, str] | None:
    """Why a text cannot be stored as typed, in French and English; None when it can.

    Refused: control characters (NUL, ESC, \\x01…), bidirectional overrides and isolates,
    and line breaks (also Unicode's line and paragraph separators) unless ``multiline``,
    where line feeds and tabs are kept.
    """
    if value.isascii() and value.isprintable():
        return None
    for ch in value:
        if multiline and ch in "\n\t":
            continue
        if ch in _LINE_BREAKS:
            return ("pas de retour à la ligne dans ce champ", "no line break allowed in this field")
        if ch in _BIDI_CONTROLS:
            return (
                f"caractère de contrôle de direction du texte interdit (U+{ord(ch):04X})",
                f"text direction control character not allowed (U+{ord(ch):04X})",
            )
        if unicodedata.category(ch) in ("Cc", "Cs") and ch != "\t":
            return (
                f"caractère de contrôle interdit (U+{ord(ch):04X})",
                f"control character not allowed (U+{ord(ch):04X})",
            )
        if ch == "\t":
            return ("pas de tabulation dans ce champ", "no tab allowed in this field")
    return None


def check_birth_year(checker: Checker, value: int | str | None, this_year: int) -> int | None:
    """Birth year: optional, a whole number between this year - 120 and this year."""
    if value is None or value == "":
        return None
    try:
        year = int(value)
    except (TypeError, ValueError):
        checker.fail(
            "annee_naissance",
            "Année de naissance : un nombre à 4 chiffres est attendu.",
            "birth year: a 4-digit number is expected.",
        )
        return None
    if not this_year - 120 <= year <= this_year:
        checker.fail(
            "annee_naissance",
            f"Année de naissance : {year} n'est pas plausible "
            f"(entre {this_year - 120} et {this_year}).",
            f"birth year: {year} is not plausible (between {this_year - 120} and {this_year}).",
        )
    return year


def check_insee(checker: Checker, value: str) -> str:
    """INSEE code: optional, 5 characters (digits, or 2A/2B for Corsica)."""
    value = (value or "").strip().upper()
    if value and not _CODE5.match(value):
        checker.fail(
            "commune_code_insee",
            "Code INSEE : 5 caractères attendus (ex. 04209).",
            "INSEE code: 5 characters expected (e.g. 04209).",
        )
    return value


def check_postal_code(checker: Checker, value: str) -> str:
    """Postal code: optional, 5 digits."""
    value = (value or "").strip()
    if value and not _POSTAL.match(value):
        checker.fail(
            "commune_code_postal",
            "Code postal : 5 chiffres attendus (ex. 04200).",
            "postal code: 5 digits expected (e.g. 04200).",
        )
    return value


def check_commune(
    checker: Checker, nom: str, code_insee: str, code_postal: str
) -> tuple[str, str, str]:
    """A commune of residence against the official directory; returns (name, INSEE, postal).

    A name alone is completed with its INSEE code (and postal code when it has only one)
    when no other commune bears it; an INSEE code belonging to another commune is refused,
    naming that commune; a postal code that does not serve the commune is refused; a former
    commune's name is mapped to its current commune, with a note. Call it after the fields'
    own format checks: it does nothing when one of them failed.
    """
    from ardoiz_desk.services.people.communes import resolve_commune

    fields = ("commune", "commune_code_insee", "commune_code_postal")
    if any(f in checker.errors for f in fields):
        return nom, code_insee, code_postal
    found = resolve_commune(nom, code_insee, code_postal)
    if found.error:
        checker.fail(found.error_field, found.error, found.error_en)
        return nom, code_insee, code_postal
    if found.note:
        checker.note("commune", found.note, found.note_en)
    return found.nom, found.code_insee, found.code_postal


# -- e-mail, as La Coop de la médiation numérique accepts it -----------------------------
# Trimmed and lower-cased; an ASCII local part (letters, digits and . _ ' + -, not starting
# or ending with a dot, no two dots in a row), a domain of ASCII labels and a top-level
# domain of two letters or more. Accented letters are refused: La Coop refuses them.
_EMAIL_LOCAL = re.compile(r"^[a-z0-9_'+\-]+(?:\.[a-z0-9_'+\-]+)*$")
_EMAIL_DOMAIN = re.compile(r"^(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+[a-z]{2,}$")


def email_problem(value: str) -> tuple[str, str] | None:
    """Why an (already trimmed, lower-cased) e-mail is refused, in French and English."""
    if value.count("@") != 1:
        return (
            "une adresse contient un seul @ (ex. prenom.nom@exemple.fr)",
            "an address has exactly one @ (e.g. first.last@example.fr)",
        )
    local, domain = value.split("@")
    if not value.isascii():
        return (
            "pas de lettre accentuée ni de caractère spécial dans une adresse e-mail",
            "no accented or non-ASCII character in an e-mail address",
        )
    if " " in value:
        return ("pas d'espace dans une adresse e-mail", "no space in an e-mail address")
    if not local or not _EMAIL_LOCAL.match(local):
        return (
            f"la partie avant @ (« {local} ») n'est pas valide",
            f"the part before @ ({local!r}) is not valid",
        )
    if not _EMAIL_DOMAIN.match(domain):
        return (
            f"le domaine « {domain} » n'est pas valide (ex. exemple.fr)",
            f"the domain {domain!r} is not valid (e.g. example.fr)",
        )
    return None


def normalize_email(value: str) -> str:
    """An e-mail as stored: trimmed, lower-cased."""
    return (value or "").strip().lower()


def check_email(checker: Checker, value: str) -> str:
    """E-mail: optional; validated as La Coop does, stored lower-cased."""
    value = normalize_email(checker.text("email", "E-mail", value, max_len=254))
    if value and "email" not in checker.errors:
        problem = email_problem(value)
        if problem:
            checker.fail("email", f"E-mail : {problem[0]}.", f"e-mail: {problem[1]}.")
    return value


# -- telephone, as La Coop de la médiation numérique accepts it --------------------------
# A French number: national (ten digits starting with 0: 04 92 61 00 00), or international
# with the country code written +33, 0033 or (+33) followed by the nine digits; the
# overseas codes 262 (La Réunion, Mayotte), 590 (Guadeloupe…), 594 (Guyane), 596
# (Martinique) and Luxembourg's 352 (the border area) are accepted the same way. Spaces,
# dots, hyphens, slashes and brackets may separate the digits.
PHONE_COUNTRY_CODES = ("33", "262", "352", "590", "594", "596")
_PHONE_SEPARATORS = re.compile(r"[\s()./\-]")
_PHONE_PREFIX = re.compile(r"^(?:\(\+(\d+)\)|\+(\d+)|00(\d+))?(.*)$")
# National prefixes that tell La Coop which overseas code a national number has.
_OVERSEAS_BY_NATIONAL_PREFIX = {
    "262": "262",
    "269": "262",
    "590": "590",
    "594": "594",
    "596": "596",
}


def phone_problem(value: str) -> tuple[str, str] | None:
    """Why a telephone number is refused, in French and English; None if it is accepted."""
    raw = value.strip()
    if any(ch.isalpha() for ch in raw):
        return (
            "seuls les chiffres, espaces, points, tirets et + sont permis",
            "only digits, spaces, dots, hyphens and + are allowed",
        )
    compact = _PHONE_SEPARATORS.sub("", raw)
    if not re.fullmatch(r"\+?\d+", compact):
        return (
            "seuls les chiffres, espaces, points, tirets et + sont permis",
            "only digits, spaces, dots, hyphens and + are allowed",
        )
    international = compact.startswith("+") or compact.startswith("00")
    if international:
        body = compact[1:] if compact.startswith("+") else compact[2:]
        code = next((c for c in sorted(PHONE_COUNTRY_CODES, key=len) if body.startswith(c)), None)
        if code is None:
            return (
                "ce n'est pas un numéro français (indicatifs acceptés : +33, +262, +590, +594, "
                "+596 et +352)",
                "not a French number (accepted country codes: +33, +262, +590, +594, +596, +352)",
            )
        digits = body[len(code) :]
        if digits.startswith("0") and len(digits) == 10:
            digits = digits[1:]  # +33 0 4 92 …: the national 0 written after the code
        if len(digits) < 9:
            return (
                f"numéro trop court : {len(digits)} chiffres après +{code}, 9 attendus",
                f"number too short: {len(digits)} digits after +{code}, 9 expected",
            )
        if len(digits) > 9:
            return (
                f"numéro trop long : {len(digits)} chiffres après +{code}, 9 attendus",
                f"number too long: {len(digits)} digits after +{code}, 9 expected",
            )
        return None
    if not compact.startswith("0"):
        return (
            "un numéro français commence par 0 (ex. 04 92 61 00 00) ou par +33",
            "a French number starts with 0 (e.g. 04 92 61 00 00) or with +33",
        )
    if len(compact) < 10:
        return (
            f"numéro trop court : {len(compact)} chiffres, 10 attendus (ex. 04 92 61 00 00)",
            f"number too short: {len(compact)} digits, 10 expected (e.g. 04 92 61 00 00)",
        )
    if len(compact) > 10:
        return (
            f"numéro trop long : {len(compact)} chiffres, 10 attendus (ex. 04 92 61 00 00)",
            f"number too long: {len(compact)} digits, 10 expected (e.g. 04 92 61 00 00)",
        )
    return None


def normalize_phone(value: str) -> str:
    """A valid telephone number as stored: French numbers in the national form
    ``04 92 61 00 00``, others as ``+262 692 12 34 56``. Invalid input is returned trimmed."""
    raw = value.strip()
    if not raw or phone_problem(raw):
        return raw
    compact = _PHONE_SEPARATORS.sub("", raw)
    if compact.startswith("0") and not compact.startswith("00"):
        national = compact
    else:
        body = compact[1:] if compact.startswith("+") else compact[2:]
        code = next(c for c in sorted(PHONE_COUNTRY_CODES, key=len) if body.startswith(c))
        digits = body[len(code) :]
        digits = digits[1:] if len(digits) == 10 else digits
        if code != "33":
            return f"+{code} {digits[:3]} {digits[3:5]} {digits[5:7]} {digits[7:9]}"
        national = "0" + digits
    return " ".join(national[i : i + 2] for i in range(0, 10, 2))


def phone_international(value: str) -> str:
    """A stored telephone number in La Coop's canonical form (``+33492610000``); '' if none.

    As La Coop does, a national number whose first digits are an overseas prefix (0262,
    0269, 0590, 0594, 0596) takes that overseas code, any other +33.
    """
    raw = value.strip()
    if not raw or phone_problem(raw):
        return ""
    compact = _PHONE_SEPARATORS.sub("", raw)
    if compact.startswith("+"):
        body = compact[1:]
    elif compact.startswith("00"):
        body = compact[2:]
    else:
        national = compact[1:]
        return "+" + _OVERSEAS_BY_NATIONAL_PREFIX.get(national[:3], "33") + national
    code = next(c for c in sorted(PHONE_COUNTRY_CODES, key=len) if body.startswith(c))
    digits = body[len(code) :]
    return f"+{code}{digits[1:] if len(digits) == 10 else digits}"


def check_phone(checker: Checker, value: str) -> str:
    """Telephone: optional; a French number as La Coop accepts it, stored normalised."""
    value = checker.text("telephone", "Téléphone", value, max_len=40)
    if value and "telephone" not in checker.errors:
        problem = phone_problem(value)
        if problem:
            checker.fail("telephone", f"Téléphone : {problem[0]}.", f"telephone: {problem[1]}.")
            return value
        return normalize_phone(value)
    return value
