"""Register, update, find and read participants (seniors)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field, fields

from sqlalchemy import func, select

from ardoiz_desk.services.validation import (
    Checker,
    NotFoundError,
    check_birth_year,
    check_commune,
    check_email,
    check_insee,
    check_phone,
    check_postal_code,
)
from ardoiz_desk.services.vocabulary import AUTONOMIES, GENRES, STATUTS_SOCIAUX, TABLET_STATUSES
from ardoiz_desk.services.workspace import Workspace
from ardoiz_desk.store.models import Participant
from ardoiz_desk.store.text import digits, fold

AGE_BANDS = ("<12", "12-17", "18-24", "25-39", "40-59", "60-69", "70+", "non_communique")


def age_band(birth_year: int | None, today: dt.date) -> str:
    """Return La Coop's age band from the age reached this calendar year."""
    if birth_year is None:
        return "non_communique"
    age = today.year - birth_year
    for upper, band in (
        (12, "<12"),
        (18, "12-17"),
        (25, "18-24"),
        (40, "25-39"),
        (60, "40-59"),
        (70, "60-69"),
    ):
        if age < upper:
            return band
    return "70+"


@dataclass(frozen=True)
class ParticipantInput:
    """What an agent types about a participant."""

    prenom: str
    nom: str
    annee_naissance: int | str | None = None
    commune: str = ""
    commune_code_insee: str = ""
    commune_code_postal: str = ""
    telephone: str = ""
    email: str = ""
    genre: str = "non_communique"
    statut_social: str = "non_communique"
    notes: str = ""
    site_id: str | None = None
    notice_given_on: dt.date | None = None
    tablet_status: str = "none"
    autonomie: str | None = None


@dataclass(frozen=True)
class ParticipantView:
    """A participant as shown: every field plus the derived age band."""

    id: str
    prenom: str
    nom: str
    annee_naissance: int | None
    commune: str
    commune_code_insee: str
    commune_code_postal: str
    telephone: str
    email: str
    genre: str
    statut_social: str
    notes: str
    site_id: str | None
    notice_given_on: dt.date | None
    tablet_status: str
    autonomie: str | None
    erased: bool
    age_band: str = field(default="non_communique")

    @property
    def display_name(self) -> str:
        """'Prénom NOM' as agents write it."""
        return f"{self.prenom} {self.nom.upper()}".strip()


_INPUT_FIELDS = tuple(f.name for f in fields(ParticipantInput))
_VIEW_FIELDS = tuple(f.name for f in fields(ParticipantView) if f.name != "age_band")


def validate_participant(data: ParticipantInput, today: dt.date) -> dict[str, object]:
    """Return the cleaned fields of a participant, or raise ValidationError (in French)."""
    c = Checker()
    cleaned: dict[str, object] = {
        "prenom": c.text("prenom", "Prénom", data.prenom, max_len=80, required=True),
        "nom": c.text("nom", "Nom", data.nom, max_len=80, required=True),
        "annee_naissance": check_birth_year(c, data.annee_naissance, today.year),
        "commune": c.text("commune", "Commune", data.commune, max_len=80),
        "commune_code_insee": check_insee(c, data.commune_code_insee),
        "commune_code_postal": check_postal_code(c, data.commune_code_postal),
        "telephone": check_phone(c, data.telephone),
        "email": check_email(c, data.email),
        "genre": c.choice("genre", "Genre", data.genre, GENRES) or "non_communique",
        "statut_social": c.choice(
            "statut_social", "Statut social", data.statut_social, STATUTS_SOCIAUX
        )
        or "non_communique",
        "notes": c.text("notes", "Notes", data.notes, max_len=4000, multiline=True),
        "site_id": data.site_id,
        "notice_given_on": data.notice_given_on,
        "tablet_status": c.choice("tablet_status", "Tablette", data.tablet_status, TABLET_STATUSES)
        or "none",
        "autonomie": c.choice("autonomie", "Autonomie", data.autonomie, AUTONOMIES),
    }
    if data.notice_given_on and data.notice_given_on > today:
        c.fail(
            "notice_given_on",
            "Notice d'information : la date ne peut pas être dans le futur.",
            "information notice: the date cannot be in the future.",
        )
    (
        cleaned["commune"],
        cleaned["commune_code_insee"],
        cleaned["commune_code_postal"],
    ) = check_commune(
        c,
        str(cleaned["commune"]),
        str(cleaned["commune_code_insee"]),
        str(cleaned["commune_code_postal"]),
    )
    c.raise_if_any()
    return cleaned


COMMUNE_FIELDS = ("commune", "commune_code_insee", "commune_code_postal")


def commune_note(data: ParticipantInput) -> tuple[str, str] | None:
    """What to tell the agent about the commune typed (a former commune mapped to its
    current one, homonyms left without codes), in French and English; None if nothing."""
    c = Checker()
    check_commune(c, data.commune, data.commune_code_insee, data.commune_code_postal)
    if c.notes:
        return c.notes["commune"], c.notes_en["commune"]
    return None


def to_view(row: Participant, today: dt.date) -> ParticipantView:
    """Turn a stored participant into a plain view."""
    values = {name: getattr(row, name) for name in _VIEW_FIELDS}
    return ParticipantView(**values, age_band=age_band(row.annee_naissance, today))


def register_participant(ws: Workspace, data: ParticipantInput) -> ParticipantView:
    """Validate and store a new participant; return it."""
    cleaned = validate_participant(data, ws.today())
    with ws.store.session() as session:
        row = Participant(**cleaned)
        session.add(row)
        session.flush()
        return to_view(row, ws.today())


def _live(session, participant_id: str) -> Participant:
    row = session.get(Participant, participant_id)
    if row is None or row.deleted:
        raise NotFoundError(f"Participant introuvable : {participant_id}")
    return row


def update_participant(
    ws: Workspace,
    participant_id: str,
    data: ParticipantInput,
    *,
    based_on: ParticipantInput | None = None,
) -> ParticipantView:
    """Validate and save changes to a participant; only changed fields are stamped.

    With ``based_on`` (what the form showed when it was opened), only the fields the agent
    changed are written: an edit imported meanwhile to another field is kept, not undone.
    """
    cleaned = validate_participant(data, ws.today())
    if based_on is not None:
        touched = {f for f in _INPUT_FIELDS if getattr(data, f) != getattr(based_on, f)}
        if touched & set(COMMUNE_FIELDS):
            touched |= set(COMMUNE_FIELDS)  # the commune and its codes are resolved together
        cleaned = {name: v for name, v in cleaned.items() if name in touched}
    with ws.store.session() as session:
        row = _live(session, participant_id)
        if row.erased:
            raise NotFoundError(
                "Cette personne a été effacée (RGPD) : sa fiche ne peut plus être modifiée."
            )
        for name, value in cleaned.items():
            if getattr(row, name) != value:
                setattr(row, name, value)
        session.flush()
        return to_view(row, ws.today())


def get_participant(ws: Workspace, participant_id: str) -> ParticipantView:
    """Return one participant, or raise NotFoundError."""
    with ws.store.session() as session:
        return to_view(_live(session, participant_id), ws.today())


def input_from_view(view: ParticipantView, **changes: object) -> ParticipantInput:
    """Return the input that would save a view unchanged, with some fields changed."""
    values = {name: getattr(view, name) for name in _INPUT_FIELDS}
    values.update(changes)
    return ParticipantInput(**values)  # type: ignore[arg-type]


@dataclass(frozen=True)
class ParticipantFilter:
    """Filters of the participants list."""

    text: str = ""
    site_id: str | None = None
    autonomie: str | None = None
    has_tablet: bool | None = None


def _search_clauses(flt: ParticipantFilter) -> list:
    clauses = [Participant.deleted.is_(False), Participant.merged_into.is_(None)]
    for word in fold(flt.text).split():
        pattern = f"%{word}%"
        phone = digits(word)
        if phone and phone == word and len(phone) >= 2:
            pattern = f"%{phone}%"
        clauses.append(Participant.search_key.like(pattern))
    if flt.site_id:
        clauses.append(Participant.site_id == flt.site_id)
    if flt.autonomie:
        clauses.append(Participant.autonomie == flt.autonomie)
    if flt.has_tablet is True:
        clauses.append(Participant.tablet_status.in_(("owned", "loaned")))
    elif flt.has_tablet is False:
        clauses.append(Participant.tablet_status.in_(("none", "ordered")))
    return clauses


def search_participants(
    ws: Workspace, flt: ParticipantFilter | str = "", *, limit: int | None = None
) -> list[ParticipantView]:
    """Find participants; accents, case and word order do not matter."""
    if isinstance(flt, str):
        flt = ParticipantFilter(text=flt)
    stmt = (
        select(Participant)
        .where(*_search_clauses(flt))
        .order_by(Participant.nom, Participant.prenom, Participant.id)
        .limit(limit)
    )
    today = ws.today()
    with ws.store.session() as session:
        return [to_view(row, today) for row in session.scalars(stmt)]


def count_participants(ws: Workspace, flt: ParticipantFilter | None = None) -> int:
    """Count participants matching a filter (all live ones by default)."""
    clauses = _search_clauses(flt or ParticipantFilter())
    with ws.store.session() as session:
        return session.scalar(select(func.count()).select_from(Participant).where(*clauses)) or 0


def view_as_dict(view: ParticipantView) -> dict[str, object]:
    """Return a view as a plain dict (dates as ISO text), for printing or JSON."""
    out = asdict(view)
    if view.notice_given_on:
        out["notice_given_on"] = view.notice_given_on.isoformat()
    return out
