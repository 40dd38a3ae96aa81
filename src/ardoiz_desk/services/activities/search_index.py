"""A fast in-memory index of activities, for the Activités pane's search and filters.

The pane lists every activity (300,000 at a large coordinator), so it works like the
participants list: the index loads once off the GUI thread the few values that search,
filters and the date order need, in plain parallel lists, and is patched activity by
activity when some change; display rows are read from the base a page at a time
(:func:`activity_rows`). A search's words must all appear, accents and case ignored, in the
activity's title, themes, type or the names of the people present; the participant filter
looks at the names only.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress, repeat
from operator import contains, or_

from sqlalchemy import String, func, select, type_coerce

from ardoiz_desk.services.indexing.id_view import IdView
from ardoiz_desk.services.vocabulary import KIND_LABELS, THEME_LABELS
from ardoiz_desk.services.workspace import Workspace
from ardoiz_desk.store.models import Activity, Agent, AgentTraining, Attendance, Participant, Site
from ardoiz_desk.store.text import fold


@dataclass(frozen=True)
class ActivityFilter:
    """The pane's search and filters (None or empty: no filter)."""

    text: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    kind: str | None = None
    site_id: str | None = None
    agent_id: str | None = None
    participant: str = ""  # words matched against the names of the people present

    def narrowing(self) -> tuple:
        """Everything but the text and participant words (a search refines when these hold)."""
        return (self.date_from, self.date_to, self.kind, self.site_id, self.agent_id)


@dataclass(frozen=True)
class ActivityRow:
    """One line of the activities list, as displayed."""

    id: str
    date: dt.date
    kind: str
    titre_atelier: str
    thematiques: tuple[str, ...]
    duree_minutes: int
    present: int
    participants_anonymes: int
    site_name: str
    agent_name: str


def _what(kind: str, title: str, themes: Sequence[str]) -> str:
    labels = " ".join(THEME_LABELS.get(t, t) for t in themes)
    return fold(f"{KIND_LABELS.get(kind, kind)} {title} {labels}")


def _as_day(value: object, cache: dict) -> int:
    """An ordinal from a date as the driver gives it (text on SQLite, a date elsewhere)."""
    day = cache.get(value)
    if day is None:
        parsed = dt.date.fromisoformat(value) if isinstance(value, str) else value
        day = cache[value] = parsed.toordinal()  # type: ignore[union-attr]
    return day


def _names_by_activity(session, ids: Sequence[str] | None = None) -> dict[str, str]:
    """Folded names of the people present (participants and trained agents), by activity."""
    conn = session.connection()
    attendance = select(Attendance.activity_id, Attendance.participant_id).where(
        Attendance.deleted.is_(False)
    )
    trainings = select(AgentTraining.activity_id, AgentTraining.agent_id).where(
        AgentTraining.deleted.is_(False)
    )
    people_stmt = select(Participant.id, Participant.prenom, Participant.nom)
    if ids is not None:
        attendance = attendance.where(Attendance.activity_id.in_(list(ids)))
        trainings = trainings.where(AgentTraining.activity_id.in_(list(ids)))
    pairs = conn.execute(attendance).all()
    if ids is not None:
        people_stmt = people_stmt.where(Participant.id.in_(list({pid for _, pid in pairs})))
    people = {pid: fold(f"{prenom} {nom}") for pid, prenom, nom in conn.execute(people_stmt)}
    agents = {aid: fold(name) for aid, name in conn.execute(select(Agent.id, Agent.name))}
    names: dict[str, list[str]] = {}
    for aid, pid in pairs:
        found = names.get(aid)
        if found is None:
            names[aid] = [people.get(pid, "")]
        else:
            found.append(people.get(pid, ""))
    for aid, agent_id in conn.execute(trainings):
        names.setdefault(aid, []).append(agents.get(agent_id, ""))
    return {aid: " ".join(n for n in found if n) for aid, found in names.items()}


def _entry_rows(session, ids: Sequence[str] | None = None) -> list[tuple]:
    """Return (id, ordinal date, kind, site, agent, what, names) rows, newest first."""
    # Dates and themes come as the driver stores them (text on SQLite): parsing 300,000
    # JSON lists and dates one by one would take most of the load; few values are distinct.
    stmt = (
        select(
            Activity.id,
            type_coerce(Activity.date, String),
            Activity.kind,
            Activity.site_id,
            Activity.agent_id,
            Activity.titre_atelier,
            type_coerce(Activity.thematiques, String),
        )
        .where(Activity.deleted.is_(False))
        .order_by(Activity.date.desc(), Activity.id.desc())
    )
    if ids is not None:
        stmt = stmt.where(Activity.id.in_(list(ids)))
    names = _names_by_activity(session, ids)
    whats: dict[tuple, str] = {}
    days: dict[object, int] = {}
    out = []
    for aid, day, kind, site, agent, title, themes in session.connection().execute(stmt):
        signature = (kind, title, themes)
        what = whats.get(signature)
        if what is None:
            listed = json.loads(themes) if isinstance(themes, str) else themes
            what = whats[signature] = _what(kind, title, listed or ())
        out.append(
            (aid, _as_day(day, days), kind, site or "", agent or "", what, names.get(aid, ""))
        )
    return out


class ActivityIndex:
    """Dates, filter values and folded search keys of every live activity, in memory.

    Rows live at fixed positions in parallel lists; ``_order`` lists the live positions
    newest first (date, then id, descending) and is patched when activities change.
    What an activity is (type, title, themes) takes few distinct values: each is folded
    once and an activity holds its number, so a word is looked for in those few texts
    first and, per activity, only in the names of the people present.
    Loading runs off the GUI thread; searching and patching happen on the GUI thread.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.ids: list[str] = []
        self._pos: dict[str, int] = {}
        self._dates: list[int] = []
        self._kinds: list[str] = []
        self._sites: list[str] = []
        self._agents: list[str] = []
        self._whats: list[str] = []  # distinct folded (type, title, themes) texts
        self._what_number: dict[str, int] = {}
        self._what: list[int] = []  # per activity, its number in _whats
        self._names: list[str] = []
        self._order: list[int] = []
        self._last: tuple[tuple, tuple[str, ...], tuple[str, ...], list[int]] | None = None

    @classmethod
    def load(cls, ws: Workspace) -> ActivityIndex:
        """Read every live activity's keys from the base (a few seconds per 300,000)."""
        index = cls()
        with ws.store.session() as session:
            rows = _entry_rows(session)
        for row in rows:
            index._append(row)
        # Fresh copies laid out one after the other: a scan in order reads memory in order.
        index._names = "\n".join(index._names).split("\n")
        index._order = list(range(len(index.ids)))  # rows came newest first
        return index

    def __len__(self) -> int:
        return len(self._pos)

    def _append(self, row: tuple) -> None:
        aid, day, kind, site, agent, what, names = row
        self._pos[aid] = len(self.ids)
        self.ids.append(aid)
        self._dates.append(day)
        self._kinds.append(kind)
        self._sites.append(site)
        self._agents.append(agent)
        number = self._what_number.get(what)
        if number is None:
            number = self._what_number[what] = len(self._whats)
            self._whats.append(what)
        self._what.append(number)
        self._names.append(names)

    def _sort_key(self, position: int) -> tuple[int, str]:
        """Ascending key of the newest-first order."""
        return (-self._dates[position], _desc(self.ids[position]))

    def refresh(self, ws: Workspace, ids: Sequence[str]) -> None:
        """Re-read some activities after they changed (or appeared, or were deleted)."""
        with ws.store.session() as session:
            fresh = {row[0]: row for row in _entry_rows(session, ids)}
        with self._lock:
            for aid in ids:
                old = self._pos.pop(aid, None)
                if old is not None:
                    self._order.remove(old)
                    self._names[old] = ""
                if aid in fresh:
                    self._append(fresh[aid])
                    bisect.insort(self._order, len(self.ids) - 1, key=self._sort_key)
            self._last = None

    def search(self, flt: ActivityFilter | str = "", *, oldest_first: bool = False) -> list[str]:
        """Return the ids of the activities matching a filter, newest first by default."""
        return list(self.search_view(flt, oldest_first=oldest_first))

    def search_view(self, flt: ActivityFilter | str = "", *, oldest_first: bool = False) -> IdView:
        """Like :meth:`search`, as a sequence that turns positions into ids when read (the
        list shows a page at a time: building 300,000 ids per keystroke would cost more
        than the search)."""
        if isinstance(flt, str):
            flt = ActivityFilter(text=flt)
        words = tuple(fold(flt.text).split())
        who = tuple(fold(flt.participant).split())
        with self._lock:
            last = self._last
            if (
                last is not None
                and last[0] == flt.narrowing()
                and _refines(words, last[1])
                and _refines(who, last[2])
            ):
                found = last[3]
            else:
                found = self._narrow(flt)
            names, what = self._names, self._what
            # Loops run in C (compress, map): a comprehension over 300,000 rows costs double.
            for word in words:
                matched = [word in text for text in self._whats]
                if all(matched):
                    continue  # every kind of activity says it: nothing to narrow
                in_names = map(contains, map(names.__getitem__, found), repeat(word))
                if any(matched):
                    in_what = map(matched.__getitem__, map(what.__getitem__, found))
                    found = list(compress(found, map(or_, in_what, in_names)))
                else:
                    found = list(compress(found, in_names))
            for word in who:
                found = list(
                    compress(found, map(contains, map(names.__getitem__, found), repeat(word)))
                )
            self._last = (flt.narrowing(), words, who, found)
            if found is self._order:  # the order itself changes when activities do
                found = found[:]
        return IdView(self.ids, self._pos.get, found[::-1] if oldest_first else found)

    def _narrow(self, flt: ActivityFilter) -> list[int]:
        """Apply the filters other than words; the date range is a slice of the order."""
        found = self._order
        dates = self._dates
        if flt.date_from or flt.date_to:
            newest = -(flt.date_to.toordinal() if flt.date_to else 10**7)
            oldest = -(flt.date_from.toordinal() if flt.date_from else 0)
            start = bisect.bisect_left(found, newest, key=lambda i: -dates[i])
            end = bisect.bisect_right(found, oldest, key=lambda i: -dates[i])
            found = found[start:end]
        for values, wanted in (
            (self._kinds, flt.kind),
            (self._sites, flt.site_id),
            (self._agents, flt.agent_id),
        ):
            if wanted:
                found = list(compress(found, map(wanted.__eq__, map(values.__getitem__, found))))
        return found


def _desc(text: str) -> str:
    """A key that sorts a hex id in descending order when sorted ascending."""
    return text.translate(_REVERSE_HEX)


_REVERSE_HEX = str.maketrans("0123456789abcdef", "fedcba9876543210")


def _refines(words: tuple[str, ...], previous: tuple[str, ...]) -> bool:
    """True when each previous word is contained in the word typed at the same place."""
    if len(words) < len(previous):
        return False
    return all(old in new for old, new in zip(previous, words, strict=False))


def activity_rows(ws: Workspace, ids: Sequence[str]) -> dict[str, ActivityRow]:
    """Return display rows for some activities (a page of the list), by id."""
    if not ids:
        return {}
    stmt = (
        select(
            Activity.id,
            Activity.date,
            Activity.kind,
            Activity.titre_atelier,
            Activity.thematiques,
            Activity.duree_minutes,
            Activity.participants_anonymes,
            Site.name,
            Agent.name,
        )
        .outerjoin(Site, Site.id == Activity.site_id)
        .outerjoin(Agent, Agent.id == Activity.agent_id)
        .where(Activity.id.in_(list(ids)))
    )
    present_stmt = (
        select(Attendance.activity_id, func.count())
        .where(Attendance.activity_id.in_(list(ids)), Attendance.deleted.is_(False))
        .group_by(Attendance.activity_id)
    )
    trained_stmt = (
        select(AgentTraining.activity_id, func.count())
        .where(AgentTraining.activity_id.in_(list(ids)), AgentTraining.deleted.is_(False))
        .group_by(AgentTraining.activity_id)
    )
    with ws.store.session() as session:
        rows = session.execute(stmt).all()
        present = dict(session.execute(present_stmt).all())
        present.update(session.execute(trained_stmt).all())
    return {
        aid: ActivityRow(
            aid,
            day,
            kind,
            title,
            tuple(themes or ()),
            minutes,
            present.get(aid, 0),
            anonymous,
            site or "",
            agent or "",
        )
        for aid, day, kind, title, themes, minutes, anonymous, site, agent in rows
    }


def newest_activity_ids(ws: Workspace, limit: int = 200) -> list[str]:
    """The newest activities' ids, read from the base: the list's first page while the
    index loads."""
    stmt = (
        select(Activity.id)
        .where(Activity.deleted.is_(False))
        .order_by(Activity.date.desc(), Activity.id.desc())
        .limit(limit)
    )
    with ws.store.session() as session:
        return list(session.scalars(stmt))
