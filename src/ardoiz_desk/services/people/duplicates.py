"""Duplicates across sites: find likely pairs, merge them as a replicated redirect, undo.

Two counters may register the same senior. Likely pairs are found with rapidfuzz on the
accent-folded names, strengthened by the same phone, birth year or commune, and weakened
by different birth years. A merge sets ``merged_into`` on the duplicate (a stamped field,
so it travels in bundles and converges like any edit): lists, reports and exports then
count the duplicate's presences for the record it was merged into. Unmerging clears it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from sqlalchemy import select

from ardoiz_desk.services.privacy.audit import record_event
from ardoiz_desk.services.validation import Checker, NotFoundError
from ardoiz_desk.services.workspace import Workspace
from ardoiz_desk.store.models import Participant, listed_participant
from ardoiz_desk.store.text import digits, fold

DEFAULT_MIN_SCORE = 90
# Names less alike than this (token sort ratio of the folded names) are never paired.
NAME_CUTOFF = 80
DISMISSED_STATE = "duplicates_dismissed"
# Fields a merge copies into the kept record when it has them empty.
FILLABLE = (
    "annee_naissance",
    "commune",
    "commune_code_insee",
    "commune_code_postal",
    "telephone",
    "email",
    "notice_given_on",
)
_COMMUNE = ("commune", "commune_code_insee", "commune_code_postal")


@dataclass(frozen=True)
class PersonSummary:
    """What a coordinator compares to decide whether two records are one person."""

    id: str
    prenom: str
    nom: str
    annee_naissance: int | None
    commune: str
    telephone: str
    site_id: str | None


@dataclass(frozen=True)
class DuplicatePair:
    """Two records that probably describe the same person."""

    first: PersonSummary
    second: PersonSummary
    score: int
    reasons: tuple[str, ...]


def _people(ws: Workspace) -> list[PersonSummary]:
    stmt = select(
        Participant.id,
        Participant.prenom,
        Participant.nom,
        Participant.annee_naissance,
        Participant.commune,
        Participant.telephone,
        Participant.site_id,
    ).where(
        *listed_participant(),
    )
    with ws.store.session() as session:
        return [PersonSummary(*row) for row in session.execute(stmt)]


def _blocks(people: list[PersonSummary]) -> Iterable[list[int]]:
    """Group people who could be the same: same surname start, or the same phone number."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(people):
        by_key["n:" + fold(p.nom).replace(" ", "")[:3]].append(i)
        phone = digits(p.telephone)
        if len(phone) >= 8:
            by_key["t:" + phone[-9:]].append(i)
    return (members for members in by_key.values() if len(members) > 1)


def _evidence(a: PersonSummary, b: PersonSummary, name_score: float) -> tuple[int, tuple[str, ...]]:
    """Score a pair: close names alone are not enough, other facts must agree too."""
    score = name_score * 0.85
    reasons = ["nom identique" if name_score == 100 else "nom proche"]
    if a.annee_naissance and b.annee_naissance:
        if abs(a.annee_naissance - b.annee_naissance) > 1:
            return 0, ()
        if a.annee_naissance == b.annee_naissance:
            score, reasons = score + 10, [*reasons, "année"]
    phone_a, phone_b = digits(a.telephone)[-9:], digits(b.telephone)[-9:]
    if len(phone_a) >= 8 and phone_a == phone_b:
        score, reasons = score + 20, [*reasons, "téléphone"]
    if a.commune and fold(a.commune) == fold(b.commune):
        score, reasons = score + 5, [*reasons, "commune"]
    return min(100, round(score)), tuple(reasons)


def _dismissed(ws: Workspace) -> set[frozenset[str]]:
    return {frozenset(pair) for pair in json.loads(ws.store.get_state(DISMISSED_STATE, "[]"))}


def find_duplicates(ws: Workspace, min_score: int = DEFAULT_MIN_SCORE) -> list[DuplicatePair]:
    """Return likely duplicate pairs, most likely first (pairs dismissed here are left out)."""
    people = _people(ws)
    names = [fold(f"{p.prenom} {p.nom}") for p in people]
    dismissed = _dismissed(ws)
    seen: set[tuple[int, int]] = set()
    pairs: list[DuplicatePair] = []
    cutoff = NAME_CUTOFF
    for members in _blocks(people):
        block = [names[i] for i in members]
        for x, query in enumerate(block):
            matches = process.extract(
                query, block, scorer=fuzz.token_sort_ratio, score_cutoff=cutoff, limit=None
            )
            for _name, name_score, y in matches:
                i, j = sorted((members[x], members[y]))
                if y <= x or (i, j) in seen:
                    continue
                seen.add((i, j))
                score, reasons = _evidence(people[i], people[j], name_score)
                pair_ids = frozenset((people[i].id, people[j].id))
                if score >= min_score and pair_ids not in dismissed:
                    pairs.append(DuplicatePair(people[i], people[j], score, reasons))
    pairs.sort(key=lambda p: (-p.score, fold(p.first.nom), p.first.id, p.second.id))
    return pairs


def dismiss_pair(ws: Workspace, first_id: str, second_id: str) -> None:
    """Remember here that two records are different people (not synchronised)."""
    dismissed = _dismissed(ws) | {frozenset((first_id, second_id))}
    ws.store.set_state(DISMISSED_STATE, json.dumps(sorted(sorted(p) for p in dismissed)))


def merge_duplicate(ws: Workspace, keep_id: str, duplicate_id: str) -> None:
    """Redirect a duplicate to the record kept; fill the kept record's empty fields from it."""
    c = Checker()
    if keep_id == duplicate_id:
        c.fail("duplicate", "Une fiche ne peut pas être fusionnée avec elle-même.")
    c.raise_if_any()
    with ws.store.session() as session:
        keep, dup = session.get(Participant, keep_id), session.get(Participant, duplicate_id)
        for row, ident in ((keep, keep_id), (dup, duplicate_id)):
            if row is None or row.deleted:
                raise NotFoundError(f"Participant introuvable : {ident}")
            if row.erased:
                c.fail("duplicate", "Une fiche effacée (RGPD) ne peut pas être fusionnée.")
            if row.merged_into:
                c.fail(
                    "duplicate",
                    f"{row.prenom} {row.nom} est déjà fusionné(e) avec une autre fiche.",
                )
        c.raise_if_any()
        filled = []
        # The commune and its codes go together: copied only into a record with none of them.
        commune_given = any(getattr(keep, f) not in (None, "") for f in _COMMUNE)
        for name in FILLABLE:
            if name in _COMMUNE and commune_given:
                continue
            if getattr(keep, name) in (None, "") and getattr(dup, name) not in (None, ""):
                setattr(keep, name, getattr(dup, name))
                filled.append(name)
        dup.merged_into = keep.id
        for moved in session.scalars(select(Participant).where(Participant.merged_into == dup.id)):
            moved.merged_into = keep.id  # no chains: earlier duplicates follow
        if filled:
            # Note where each copied value came from, with the stamp of its write: erasing
            # the duplicate later, here or elsewhere, empties them (sync/redirects.py).
            session.flush()
            stamps = {f: (keep.stamps or {}).get(f, keep.updated_hlc) for f in filled}
            keep.merged_fields = {
                **(keep.merged_fields or {}),
                **{f: [dup.id, stamps[f]] for f in filled},
            }
    record_event(ws, "merge", kept=keep_id, duplicate=duplicate_id)


def unmerge_duplicate(ws: Workspace, duplicate_id: str) -> None:
    """Undo a merge: the duplicate becomes a record of its own again."""
    with ws.store.session() as session:
        dup = session.get(Participant, duplicate_id)
        if dup is None or not dup.merged_into:
            raise NotFoundError(f"Aucune fusion à annuler pour : {duplicate_id}")
        dup.merged_into = None
    record_event(ws, "unmerge", duplicate=duplicate_id)
