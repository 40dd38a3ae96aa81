"""A fast in-memory search index of participants, for the counter's search-as-you-type.

A LIKE scan over ``search_key`` costs tens of milliseconds per keystroke on 100,000 rows,
and the list must follow the agent's typing. The index loads once (off the GUI thread)
the few folded values that search, filters and sorting need, in plain parallel lists
(attribute access per row would be several times slower), and is patched row by row when
a participant changes. Display rows are read on demand, a page at a time
(:func:`participant_rows`).
"""

from __future__ import annotations

import bisect
import json
import threading
from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import compress, repeat
from operator import contains, itemgetter
from typing import Any

from sqlalchemy import Result, Text, cast, func, select

from ardoiz_desk.services.activities.sessions import stage_of
from ardoiz_desk.services.indexing.heap import give_back_free_memory, shrink_sqlite_cache
from ardoiz_desk.services.indexing.id_view import IdView
from ardoiz_desk.services.indexing.packed import PackedStrings
from ardoiz_desk.services.people.participants import ParticipantFilter
from ardoiz_desk.services.workspace import Workspace
from ardoiz_desk.store.models import Activity, Attendance, Participant, Site, listed_participant
from ardoiz_desk.store.text import digits, fold

# Highest stage a participant reached, as a rank: the pilot's stages run in this order.
STAGE_RANKS = {"aucune": 0, "autre": 0, "animation": 1, "prise_en_main": 2}
LOAD_CHUNK = 10_000
STAGES_REACHED = ("aucune", "animation", "prise_en_main")
AUTONOMY_RANKS = {"": 0, "entierement_accompagne": 1, "partiellement_autonome": 2, "autonome": 3}
SORT_COLUMNS = ("nom", "prenom", "annee_naissance", "commune", "site", "stage", "autonomie")


@dataclass(frozen=True)
class IndexFilter(ParticipantFilter):
    """The list's filters: the service's participant filter plus the stage reached."""

    stage: str | None = None


@dataclass(frozen=True)
class ParticipantRow:
    """One line of the participants list, as displayed."""

    id: str
    prenom: str
    nom: str
    annee_naissance: int | None
    commune: str
    telephone: str
    site_name: str
    stage: str
    autonomie: str | None
    tablet_status: str


def _stages(session, ids: Sequence[str] | None = None) -> dict[str, str]:
    """Return the highest stage each participant reached (only those who reached one)."""
    live = (Attendance.deleted.is_(False), Activity.deleted.is_(False))
    # Activities come with their equipment as stored (JSON text): the few distinct
    # (kind, equipment) pairs are decoded once each.
    materiel = cast(Activity.materiel, Text)
    stage_of_text = cache(lambda kind, text: stage_of(kind, (), json.loads(text) if text else []))
    if ids is not None:
        pairs = session.connection().execute(
            select(Attendance.participant_id, Activity.kind, materiel)
            .join(Activity, Activity.id == Attendance.activity_id)
            .where(*live, Attendance.participant_id.in_(list(ids)))
        )
        stages = ((pid, stage_of_text(kind, text)) for pid, kind, text in pairs)
    else:
        acts = {}
        for aid, kind, text in session.connection().execute(
            select(Activity.id, Activity.kind, materiel).where(live[1])
        ):
            stage = stage_of_text(kind, text)
            if STAGE_RANKS.get(stage, 0):
                acts[aid] = stage
        attended = session.connection().execute(
            select(Attendance.participant_id, Attendance.activity_id).where(live[0])
        )
        stages = ((pid, acts[aid]) for pid, aid in attended if aid in acts)
    best: dict[str, str] = {}
    for pid, stage in stages:
        if STAGE_RANKS[stage] > STAGE_RANKS[best.get(pid, "aucune")]:
            best[pid] = stage
    return best


def _entry_rows(session, ids: Sequence[str] | None = None) -> Result:
    """Return (id, key, nom, prenom, commune, year, site, autonomy, tablet) rows, streamed."""
    stmt = select(
        Participant.id,
        Participant.search_key,
        Participant.nom,
        Participant.prenom,
        Participant.commune,
        Participant.annee_naissance,
        Participant.site_id,
        Participant.autonomie,
        Participant.tablet_status,
    ).where(
        *listed_participant(),
    )
    if ids is not None:
        stmt = stmt.where(Participant.id.in_(list(ids)))
    return session.connection().execution_options(stream_results=True).execute(stmt)


def _packed_ids_and_keys(session) -> tuple[list[str], list[str]] | None:
    """On SQLite: every live participant's id and search key, each list read as one string.

    One joined string split in Python gives strings laid out one after the other, in
    (roughly) name order: scanning 100,000 keys so placed is about twice as fast as keys
    read row by row, and nothing is copied twice. None on other databases.
    """
    if session.connection().dialect.name != "sqlite":
        return None
    rows = (
        select(Participant.id, Participant.search_key)
        .where(*listed_participant())
        .order_by(Participant.nom, Participant.prenom, Participant.id)
        .subquery()
    )
    # Both aggregates run over the same rows in the same pass: ids and keys stay aligned.
    joined_ids, joined_keys = (
        session.connection()
        .execute(
            select(func.group_concat(rows.c.id, "\n"), func.group_concat(rows.c.search_key, "\n"))
        )
        .one()
    )
    if joined_ids is None:
        return [], []
    return joined_ids.split("\n"), joined_keys.split("\n")


class ParticipantIndex:
    """Folded search keys and filter values of every live participant, held in memory.

    Rows live at fixed positions: the search keys as one string each (what every keystroke
    scans), the ids packed end to end in one string, and every other column as an array of
    small codes — folded names and communes into one table of texts, site, stage, autonomy
    and tablet into one table of values, each distinct value held once; years as numbers.
    Sort orders are arrays of positions, computed once per column and patched when a
    participant changes. Loading runs off the GUI thread; searching and patching happen on
    one thread (the GUI's). About 0.2 KiB per participant, most of it the search key.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.ids: Sequence[str] = PackedStrings()
        self._by_id = array("i")  # live positions, in id order (finding a participant)
        self._dead: set[int] = set()
        self._keys: list[str] = []
        # Codes into self._texts (folded names and communes, each once).
        self._nom = array("I")
        self._prenom = array("I")
        self._commune = array("I")
        self._texts: list[str] = []
        self._text_code: dict[str, int] = {}  # a text as stored -> code of its folded form
        self._folded_code: dict[str, int] = {}  # a folded text -> its code
        self._year = array("H")
        # Codes into self._values (site ids, stages, autonomies, tablet statuses).
        self._site = array("I")
        self._stage = array("I")
        self._autonomy = array("I")
        self._tablet = array("I")
        self._values: list[str] = []
        self._value_code: dict[str, int] = {}
        self._orders: dict[str, array[int]] = {}
        self._last: tuple[str, tuple[str, ...], Sequence[int]] | None = None
        self.site_names: dict[str, str] = {}

    @classmethod
    def load(cls, ws: Workspace) -> ParticipantIndex:
        """Read every live participant's keys from the base (about 0.5 s per 100,000)."""
        index = cls()
        with ws.store.session() as session:
            stages = _stages(session)
            packed = _packed_ids_and_keys(session)
            if packed is not None:
                ids = packed[0]
                index._fill(session, *packed, stages)
            else:
                ids = []
                for chunk in _entry_rows(session).partitions(LOAD_CHUNK):
                    ids.extend(row[0] for row in chunk)
                    index._extend(chunk, stages, head=False, keys=True)
                index._keys = _packed(index._keys)
            index.site_names = dict(session.execute(select(Site.id, Site.name)).all())
            shrink_sqlite_cache(session.connection())  # the whole table went through it
        del stages, packed
        # Sorted while the ids are still separate strings (reading them from the packed
        # form would build them all again, once per comparison key).
        index._by_id = array("i", sorted(range(len(ids)), key=ids.__getitem__))
        index._orders["nom"] = array("i", sorted(range(len(ids)), key=index._sort_key("nom", ids)))
        index.ids = PackedStrings(ids)
        del ids
        give_back_free_memory()
        return index

    def _fill(self, session, ids: list[str], keys: list[str], stages: dict[str, str]) -> None:
        """Take packed ids and keys, then the other columns, put at the ids' positions."""
        self._keys = keys
        where = dict(zip(ids, range(len(ids)), strict=True))
        spots: list[int] = []
        for chunk in _entry_rows(session).partitions(LOAD_CHUNK):
            spots.extend(map(where.__getitem__, map(itemgetter(0), chunk)))
            self._extend(chunk, stages, head=False)
        del where
        if len(spots) != len(ids):
            raise RuntimeError("participants changed while the index loaded")
        if spots != list(range(len(ids))):  # rows came in another order: put them in place
            inverse = sorted(range(len(spots)), key=spots.__getitem__)
            for name in ("_nom", "_prenom", "_commune", "_site", "_stage", "_autonomy", "_tablet"):
                values = getattr(self, name)
                setattr(self, name, array("I", map(values.__getitem__, inverse)))
            self._year = array("H", map(self._year.__getitem__, inverse))

    def __len__(self) -> int:
        return len(self._by_id)

    def _position(self, participant_id: str) -> int | None:
        """Return the position of a live participant, or None."""
        by_id, ids = self._by_id, self.ids
        at = bisect.bisect_left(by_id, participant_id, key=ids.__getitem__)
        if at < len(by_id) and ids[by_id[at]] == participant_id:
            return by_id[at]
        return None

    def _extend(
        self,
        rows: Sequence[Sequence[Any]],
        stages: dict[str, str],
        *,
        head: bool = True,
        keys: bool | None = None,
    ) -> None:
        """Append rows, column by column (no Python-level work per row and column).

        ``head=False`` leaves ids and keys out (they were read packed, beforehand);
        ``keys=True`` takes the keys all the same.
        """
        if not rows:
            return
        columns = zip(*rows, strict=True)
        pids, keys_read, noms, prenoms, communes, years, sites, autonomies, tablets = columns
        if head:
            self.ids.extend(pids)  # type: ignore[attr-defined]
        if head if keys is None else keys:
            self._keys.extend(keys_read)
        text_code, folded_code, texts = self._text_code, self._folded_code, self._texts
        for text in set(noms + prenoms + communes).difference(text_code):
            folded = fold(text)
            code = text_code[text] = folded_code.setdefault(folded, len(texts))
            if code == len(texts):
                texts.append(folded)
        self._nom.extend(map(text_code.__getitem__, noms))
        self._prenom.extend(map(text_code.__getitem__, prenoms))
        self._commune.extend(map(text_code.__getitem__, communes))
        self._year.extend(min(max(y, 0), 65535) if y else 9999 for y in years)
        value_code, known = self._value_code, self._values
        for values, column in (
            (sites, self._site),
            ([stages.get(p, "aucune") for p in pids], self._stage),
            (autonomies, self._autonomy),
            (tablets, self._tablet),
        ):
            values = [v or "" for v in values]
            for value in set(values).difference(value_code):
                value_code[value] = len(known)
                known.append(value)
            column.extend(map(value_code.__getitem__, values))

    def _sort_key(self, column: str, ids: Sequence[str] | None = None) -> Callable[[int], Any]:
        """Return a function giving the sort key of a position for a column."""
        nom, prenom, texts = self._nom, self._prenom, self._texts
        ids = self.ids if ids is None else ids
        if column == "nom":
            return lambda i: (texts[nom[i]], texts[prenom[i]], ids[i])
        if column == "prenom":
            return lambda i: (texts[prenom[i]], texts[nom[i]], ids[i])
        codes: Sequence[int]
        by_code: Sequence[Any]
        values = self._values
        if column == "site":
            site_keys = {sid: fold(name) for sid, name in self.site_names.items()}
            codes, by_code = self._site, [site_keys.get(v, "") for v in values]
        elif column == "stage":
            codes, by_code = self._stage, [STAGE_RANKS.get(v, 0) for v in values]
        elif column == "autonomie":
            codes, by_code = self._autonomy, [AUTONOMY_RANKS.get(v, 0) for v in values]
        elif column == "commune":
            codes, by_code = self._commune, texts
        else:
            year = self._year
            return lambda i: (year[i], texts[nom[i]], texts[prenom[i]], ids[i])
        return lambda i: (by_code[codes[i]], texts[nom[i]], texts[prenom[i]], ids[i])

    def _order(self, column: str) -> array[int]:
        """Return the live positions in ascending order of a column (computed once)."""
        order = self._orders.get(column)
        if order is None:
            dead = self._dead
            live = (
                (i for i in range(len(self.ids)) if i not in dead) if dead else range(len(self.ids))
            )
            order = array("i", sorted(live, key=self._sort_key(column)))
            self._orders[column] = order
        return order

    def refresh(self, ws: Workspace, ids: Sequence[str]) -> None:
        """Re-read some participants after they changed (or appeared, or disappeared)."""
        with ws.store.session() as session:
            fresh = {row[0]: tuple(row) for row in _entry_rows(session, ids)}
            stages = _stages(session, ids)
            self.site_names = dict(session.execute(select(Site.id, Site.name)).all())
        with self._lock:
            for pid in ids:
                old = self._position(pid)
                if old is not None:
                    self._forget(old)
                if pid in fresh:
                    self._extend([fresh[pid]], stages)
                    new = len(self.ids) - 1
                    bisect.insort(self._by_id, new, key=self.ids.__getitem__)
                    for column, order in self._orders.items():
                        bisect.insort(order, new, key=self._sort_key(column))
            self._last = None

    def _forget(self, position: int) -> None:
        self._dead.add(position)
        self._keys[position] = ""
        self._by_id.remove(position)
        for order in self._orders.values():
            order.remove(position)

    def search(
        self, flt: IndexFilter | str = "", sort: str = "nom", descending: bool = False
    ) -> list[str]:
        """Return the ids matching a filter, sorted; accents, case and word order ignored."""
        return list(self.search_view(flt, sort, descending))

    def search_view(
        self, flt: IndexFilter | str = "", sort: str = "nom", descending: bool = False
    ) -> IdView:
        """Like :meth:`search`, as a sequence that turns positions into ids when read.

        The list shows a page at a time: building 100,000 id strings per keystroke for it
        would cost more than the search itself.
        """
        if isinstance(flt, str):
            flt = IndexFilter(text=flt)
        if sort not in SORT_COLUMNS:
            sort = "nom"
        with self._lock:
            order = self._order(sort)
        words = tuple(_needle(w) for w in fold(flt.text).split())
        found = self._narrow(sort, order, words)
        found = self._apply_filters(found, flt)
        if found is order:  # the order itself changes when participants do
            found = order[:]
        return IdView(self.ids, self._position, found[::-1] if descending else found)

    def _narrow(self, sort: str, order: Sequence[int], words: tuple[str, ...]) -> Sequence[int]:
        """Filter by words, starting from the previous result when the query only grew.

        When refining, a word typed exactly as before is already satisfied by the previous
        result: only the words that changed, or are new, are looked for again.
        """
        if not words:
            return order
        found = order
        todo: Sequence[str] = words
        last = self._last
        if last is not None and last[0] == sort and _refines(words, last[1]):
            found = last[2]
            todo = [w for k, w in enumerate(words) if k >= len(last[1]) or w != last[1][k]]
        keys = self._keys
        # Longest words first: they are the most selective.
        for word in sorted(set(todo), key=len, reverse=True):
            found = list(compress(found, map(contains, map(keys.__getitem__, found), repeat(word))))
        self._last = (sort, words, found)
        return found

    def _apply_filters(self, found: Sequence[int], flt: IndexFilter) -> Sequence[int]:
        checks: list[tuple[Sequence[int], tuple[str, ...]]] = []
        if flt.site_id:
            checks.append((self._site, (flt.site_id,)))
        if flt.autonomie:
            checks.append((self._autonomy, (flt.autonomie,)))
        if flt.stage:
            checks.append((self._stage, (flt.stage,)))
        if flt.has_tablet is not None:
            wanted = ("owned", "loaned") if flt.has_tablet else ("none", "ordered")
            checks.append((self._tablet, wanted))
        codes = self._value_code
        for column, accepted in checks:
            wanted = frozenset(codes[v] for v in accepted if v in codes)
            found = list(compress(found, map(wanted.__contains__, map(column.__getitem__, found))))
        return found

    def stage(self, participant_id: str) -> str:
        """Return the highest stage a participant reached ('aucune' if unknown)."""
        pos = self._position(participant_id)
        return self._values[self._stage[pos]] if pos is not None else "aucune"


def _packed(values: Iterable[str]) -> list[str]:
    """Fresh copies of strings (holding no line break), laid out one after the other."""
    return "\n".join(values).split("\n")


def _needle(word: str) -> str:
    """A typed phone fragment ('04.92') matches the digits-only phone in the key."""
    phone = digits(word)
    return phone if phone and len(phone) >= 2 and not any(c.isalpha() for c in word) else word


def _refines(words: tuple[str, ...], previous: tuple[str, ...]) -> bool:
    """True when each previous word is contained in the word typed at the same place."""
    if len(words) < len(previous):
        return False
    return all(old in new for old, new in zip(previous, words, strict=False))


def search_page(ws: Workspace, flt: IndexFilter, limit: int) -> list[str]:
    """Before the index is loaded: the first participants matching a filter, by name.

    Read with SQL (a ``LIKE`` over the search key per word; names in stored order, through
    the name index), so the list shows its first page and answers a search while the index
    loads; the stage reached is not known before the index, so that filter is left out.
    """
    clauses = list(listed_participant())
    for word in fold(flt.text).split():
        clauses.append(Participant.search_key.contains(_needle(word), autoescape=True))
    if flt.site_id:
        clauses.append(Participant.site_id == flt.site_id)
    if flt.autonomie:
        clauses.append(Participant.autonomie == flt.autonomie)
    if flt.has_tablet is not None:
        wanted = ("owned", "loaned") if flt.has_tablet else ("none", "ordered")
        clauses.append(Participant.tablet_status.in_(wanted))
    stmt = (
        select(Participant.id)
        .where(*clauses)
        .order_by(Participant.nom, Participant.prenom, Participant.id)
        .limit(limit)
    )
    with ws.store.session() as session:
        return list(session.scalars(stmt))


def participant_rows(
    ws: Workspace, ids: Sequence[str], index: ParticipantIndex | None = None
) -> dict[str, ParticipantRow]:
    """Return display rows for some participants (a page of the list), by id."""
    if not ids:
        return {}
    stmt = (
        select(
            Participant.id,
            Participant.prenom,
            Participant.nom,
            Participant.annee_naissance,
            Participant.commune,
            Participant.telephone,
            Site.name,
            Participant.autonomie,
            Participant.tablet_status,
        )
        .outerjoin(Site, Site.id == Participant.site_id)
        .where(Participant.id.in_(list(ids)))
    )
    with ws.store.session() as session:
        rows = session.execute(stmt).all()
        stages = {} if index else _stages(session, ids)
    out = {}
    for pid, prenom, nom, year, commune, phone, site_name, autonomie, tablet in rows:
        stage = index.stage(pid) if index else stages.get(pid, "aucune")
        out[pid] = ParticipantRow(
            pid, prenom, nom, year, commune, phone, site_name or "", stage, autonomie, tablet
        )
    return out
