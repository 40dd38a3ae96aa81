"""What La Coop would do with a person's values, checked before the file is written.

La Coop's beneficiaries import (``features/beneficiaire/abilities/importer-beneficiaires/``)
flags a row without nom or prénom, with an unknown INSEE code, a postal code that is not the
commune's, or a commune name that differs other than by case; it silently drops a telephone
number or an e-mail its rules refuse, and a commune given without its INSEE code. The window
and the command line refuse such values at entry (``services/validation.py``); values stored
before that are listed here and left out of the file, so La Coop never drops one unseen.
The commune triple is written as the official directory has it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ardoiz_desk.services.people.communes import resolve_commune
from ardoiz_desk.services.validation import (
    email_problem,
    normalize_email,
    normalize_phone,
    phone_international,
    phone_problem,
)
from ardoiz_desk.services.vocabulary import GENRE_LABELS, label
from ardoiz_desk.store.models import Participant

#: The country codes La Coop's TELEPHONE_PATTERN accepts (domain/telephone.ts).
LA_COOP_PHONE_CODES = ("33", "262", "590", "594", "596")
FIRST_BIRTH_YEAR = 1900  # La Coop: domain/annee-naissance.ts


@dataclass(frozen=True)
class Dropped:
    """A value left out of (or rewritten in) the La Coop file, and why, in French."""

    participant_id: str
    name: str
    field: str
    value: str
    reason: str
    written: str = ""  # what the file carries instead ("" when left out)


def _phone_reason(value: str) -> str | None:
    problem = phone_problem(value)
    if problem:
        return problem[0]
    code = phone_international(value)[1:]
    if not code.startswith(LA_COOP_PHONE_CODES):
        return "La Coop n'accepte que les indicatifs +33, +262, +590, +594 et +596"
    return None


def _commune(person: Participant, out: list[Dropped], name: str) -> tuple[str, str, str]:
    stored = (person.commune, person.commune_code_insee, person.commune_code_postal)
    if not any(stored):
        return "", "", ""
    found = resolve_commune(*stored)
    shown = " ".join(x for x in (stored[2], stored[0], f"({stored[1]})" if stored[1] else "") if x)
    if found.error:
        out.append(Dropped(person.id, name, "Commune", shown, found.error))
        return "", "", ""
    if not found.code_postal:  # La Coop checks the postal code: it must be one of the commune's
        reason = "plusieurs codes postaux desservent la commune : choisissez-le sur la fiche"
        out.append(Dropped(person.id, name, "Commune", shown, reason))
        return "", "", ""
    written = (found.nom, found.code_insee, found.code_postal)
    kept = (
        stored[0].casefold() == found.nom.casefold(),
        stored[1] in ("", found.code_insee),
        stored[2] in ("", found.code_postal),
    )
    if not all(kept):
        out.append(
            Dropped(
                person.id,
                name,
                "Commune",
                shown,
                "écrite comme le répertoire officiel des communes",
                f"{found.code_postal} {found.nom} ({found.code_insee})",
            )
        )
    elif stored[0] != found.nom:
        written = (stored[0], found.code_insee, found.code_postal)  # La Coop ignores case
    return written


def beneficiary_cells(person: Participant, this_year: int) -> tuple[tuple | None, list[Dropped]]:
    """The person's ten cells as La Coop reads them, and what was left out; None when La Coop
    would refuse the row itself (no nom or prénom)."""
    name = " ".join(x for x in (person.prenom, person.nom) if x)
    out: list[Dropped] = []
    if not person.nom.strip() or not person.prenom.strip():
        missing = "Nom" if not person.nom.strip() else "Prénom"
        out.append(
            Dropped(person.id, name, missing, "", "La Coop refuse une ligne sans nom ni prénom")
        )
        return None, out
    year = person.annee_naissance
    if year is not None and not FIRST_BIRTH_YEAR <= year <= this_year:
        out.append(
            Dropped(person.id, name, "Année de naissance", str(year), "hors de 1900 à cette année")
        )
        year = None
    phone = person.telephone or ""
    reason = _phone_reason(phone) if phone.strip() else None
    if reason:
        out.append(Dropped(person.id, name, "Téléphone", phone, reason))
        phone = ""
    elif phone and normalize_phone(phone) != phone:
        # Stored before numbers were normalised at entry: La Coop's pattern may refuse the
        # separators typed then (« (04) 92 61 00 00 »); its normal form it always keeps.
        written = normalize_phone(phone)
        reason = "écrit sous sa forme normale, que La Coop accepte"
        out.append(Dropped(person.id, name, "Téléphone", phone, reason, written))
        phone = written
    email = person.email or ""
    problem = email_problem(normalize_email(email)) if email.strip() else None
    if problem:
        out.append(Dropped(person.id, name, "E-mail", email, problem[0]))
        email = ""
    commune, insee, postal = _commune(person, out, name)
    cells = (
        person.nom,
        person.prenom,
        year,
        commune,
        insee,
        postal,
        phone,
        email,
        label(GENRE_LABELS, person.genre),
        person.notes,
    )
    return cells, out
