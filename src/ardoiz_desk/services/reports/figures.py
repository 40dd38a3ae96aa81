"""Figures for funders, computed with SQL aggregation over the store (see docs/reports.md).

Every figure is a ``GROUP BY`` in the database: Python only adds up the few aggregated rows
that come back, never the attendance rows themselves, so a territory base of 500,000
presences is reported on in seconds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Connection, select

from ardoiz_desk.services.reports import queries as q
from ardoiz_desk.services.reports.labels import ALL_AGENTS, ALL_SITES, NO_SITE, NOT_GIVEN
from ardoiz_desk.services.sites.sites import find_site, list_agents
from ardoiz_desk.services.validation import NotFoundError
from ardoiz_desk.services.vocabulary import (
    AGE_BANDS,
    AUTONOMIES,
    DURATION_BANDS,
    GENRES,
    MATERIELS,
    STAGES,
    STATUTS_SOCIAUX,
    THEMATIQUES,
    TYPES_LIEU,
)
from ardoiz_desk.services.workspace import Workspace
from ardoiz_desk.store.models import Site

ProgressFn = Callable[[int, int, str], None]
KINDS = ("individuel", "collectif", "formation")
AUTONOMY_LEVELS = (*AUTONOMIES, NOT_GIVEN)
HAS_TABLET = ("owned", "loaned")
_STEPS = 6


@dataclass(frozen=True)
class ReportFilter:
    """What a report covers: a period, and optionally one site, one agent, one stage."""

    start: dt.date | None = None
    end: dt.date | None = None
    site_id: str | None = None
    agent_id: str | None = None
    stage: str | None = None


@dataclass(frozen=True)
class MonthlyRow:
    """Activities of one month, at one site, in one stage of the pilot."""

    month: str
    site: str
    stage: str
    activities: int
    minutes: int


@dataclass(frozen=True)
class Report:
    """Every figure of one report; plain data that exports and charts render."""

    start: dt.date
    end: dt.date
    generated_on: dt.date
    site_label: str
    agent_label: str
    stage: str | None
    months: tuple[str, ...]
    activities_by_kind: dict[str, int]
    minutes_by_kind: dict[str, int]
    monthly: tuple[MonthlyRow, ...]
    reached: int
    new: int
    followed: int
    anonymous: int
    presences: int
    age_bands: dict[str, int]
    genres: dict[str, int]
    statuts: dict[str, int]
    communes: dict[str, int]
    themes: dict[str, int]
    place_types: dict[str, int]
    equipment: dict[str, int]
    duration_bands: dict[str, int]
    autonomy_first: dict[str, int]
    autonomy_latest: dict[str, int]
    autonomy_progressed: int
    agents_trained: int
    agents_total: int
    tablets_onboarded: int
    tablet_status: dict[str, int] = field(default_factory=dict)

    @property
    def activities(self) -> int:
        """All activities of the report, trainings included."""
        return sum(self.activities_by_kind.values())

    @property
    def minutes(self) -> int:
        """Minutes of activity, trainings included."""
        return sum(self.minutes_by_kind.values())

    @property
    def hours(self) -> float:
        """Hours of activity, trainings included."""
        return self.minutes / 60

    def monthly_by_stage(self) -> dict[str, list[int]]:
        """Activities per month for each stage, months in order (for charts)."""
        index = {m: i for i, m in enumerate(self.months)}
        out = {stage: [0] * len(self.months) for stage in STAGES}
        for row in self.monthly:
            if row.month in index:
                out[row.stage][index[row.month]] += row.activities
        return out


def default_period(today: dt.date) -> tuple[dt.date, dt.date]:
    """Return the last 12 months: the first day of the month 11 months ago, to today."""
    month = today.month - 11
    year = today.year
    if month < 1:
        month += 12
        year -= 1
    return dt.date(year, month, 1), today


def months_between(start: dt.date, end: dt.date) -> tuple[str, ...]:
    """Return the 'YYYY-MM' months from start to end, both included."""
    out, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(out)


def _no_progress(_done: int, _total: int, _message: str) -> None:
    return None


def compute_report(
    ws: Workspace, flt: ReportFilter | None = None, progress: ProgressFn | None = None
) -> Report:
    """Compute every figure of a report for a period, site, agent and stage."""
    flt = flt or ReportFilter()
    progress = progress or _no_progress
    today = ws.today()
    start, end = _period(flt, today)
    scope = q.Scope(start, end, flt.site_id, flt.agent_id, flt.stage, today.year)
    site_label, agent_label = _scope_labels(ws, flt)
    with ws.store.engine.connect() as conn:
        progress(0, _STEPS, "Activités…")
        acts = _activity_figures(conn, scope)
        progress(1, _STEPS, "Activités par mois…")
        monthly = _monthly(conn, scope)
        progress(2, _STEPS, "Personnes accompagnées…")
        q.fill_people(conn, scope)
        try:
            progress(3, _STEPS, "Profil des personnes…")
            people = _people_figures(conn, scope)
            progress(4, _STEPS, "Autonomie…")
            autonomy = _autonomy(conn)
        finally:
            q.drop_people(conn)
        progress(5, _STEPS, "Agents formés…")
        trained, total_agents = _agents(conn, scope)
    progress(_STEPS, _STEPS, "Rapport prêt")
    return Report(
        start=start,
        end=end,
        generated_on=today,
        site_label=site_label,
        agent_label=agent_label,
        stage=flt.stage,
        months=months_between(start, end),
        monthly=monthly,
        agents_trained=trained,
        agents_total=total_agents,
        **acts,
        **people,
        **autonomy,
    )


def _period(flt: ReportFilter, today: dt.date) -> tuple[dt.date, dt.date]:
    end = flt.end or today
    start = flt.start or default_period(end)[0]
    if start > end:
        raise ValueError(
            f"Période : le début ({start:%d/%m/%Y}) est après la fin ({end:%d/%m/%Y})."
        )
    if flt.stage and flt.stage not in STAGES:
        raise ValueError(f"Étape inconnue : {flt.stage}")
    return start, end


def _scope_labels(ws: Workspace, flt: ReportFilter) -> tuple[str, str]:
    site_label, agent_label = ALL_SITES, ALL_AGENTS
    if flt.site_id:
        site = find_site(ws, flt.site_id)
        if site is None:
            raise NotFoundError(f"Site introuvable : {flt.site_id}")
        site_label = site.name
    if flt.agent_id:
        agent = next((a for a in list_agents(ws) if a.id == flt.agent_id), None)
        if agent is None:
            raise NotFoundError(f"Agent introuvable : {flt.agent_id}")
        agent_label = agent.name
    return site_label, agent_label


def _zeros(keys: tuple[str, ...]) -> dict[str, int]:
    return dict.fromkeys(keys, 0)


def _activity_figures(conn: Connection, scope: q.Scope) -> dict:
    by_kind, minutes = _zeros(KINDS), _zeros(KINDS)
    themes, equipment = _zeros(THEMATIQUES), _zeros(MATERIELS)
    places, durations = _zeros(TYPES_LIEU), _zeros(DURATION_BANDS)
    anonymous = 0
    for row in conn.execute(q.activity_breakdown(scope)).mappings():
        kind, count = row["kind"], row["activities"]
        by_kind[kind] = by_kind.get(kind, 0) + count
        minutes[kind] = minutes.get(kind, 0) + (row["minutes"] or 0)
        if kind == "formation":
            continue
        anonymous += row["anonymous"] or 0
        places[row["type_lieu"]] = places.get(row["type_lieu"], 0) + count
        durations[row["band"]] += count
        for theme in THEMATIQUES:
            themes[theme] += row[f"t_{theme}"] or 0
        for item in MATERIELS:
            equipment[item] += row[f"m_{item}"] or 0
    return dict(
        activities_by_kind=by_kind,
        minutes_by_kind=minutes,
        anonymous=anonymous,
        themes=themes,
        equipment=equipment,
        place_types=places,
        duration_bands=durations,
    )


def _monthly(conn: Connection, scope: q.Scope) -> tuple[MonthlyRow, ...]:
    names = dict(conn.execute(select(Site.id, Site.name)).all())
    rows = [
        MonthlyRow(r.month, names.get(r.site_id, NO_SITE), r.stage, r.activities, r.minutes or 0)
        for r in conn.execute(q.monthly_breakdown(scope))
    ]
    return tuple(sorted(rows, key=lambda r: (r.month, r.site, STAGES.index(r.stage))))


def _add(counter: dict[str, int], key: str | None, count: int, known: tuple[str, ...]) -> None:
    key = key if key in known else NOT_GIVEN
    counter[key] = counter.get(key, 0) + count


def _people_figures(conn: Connection, scope: q.Scope) -> dict:
    ages, genres, statuts = _zeros(AGE_BANDS), _zeros(GENRES), _zeros(STATUTS_SOCIAUX)
    tablets: dict[str, int] = {}
    reached = new = onboarded = presences = 0
    for r in conn.execute(q.people_profile(scope)).mappings():
        n = r["people"]
        reached += n
        presences += r["presences"] or 0
        new += n if r["is_new"] else 0
        onboarded += n if r["onboarded"] and r["tablet_status"] in HAS_TABLET else 0
        _add(ages, r["age_band"], n, AGE_BANDS)
        _add(genres, r["genre"], n, GENRES)
        _add(statuts, r["statut_social"], n, STATUTS_SOCIAUX)
        key = r["tablet_status"] or "none"
        tablets[key] = tablets.get(key, 0) + n
    communes: dict[str, int] = {}
    for r in conn.execute(q.people_communes()):
        name = f"{r.commune} ({r.insee})" if r.commune and r.insee else (r.commune or "")
        communes[name] = communes.get(name, 0) + r.people
    return dict(
        reached=reached,
        new=new,
        followed=reached - new,
        presences=presences,
        age_bands=ages,
        genres=genres,
        statuts=statuts,
        communes=dict(sorted(communes.items(), key=lambda kv: (-kv[1], kv[0]))),
        tablets_onboarded=onboarded,
        tablet_status=tablets,
    )


def _autonomy(conn: Connection) -> dict:
    first, latest = _zeros(AUTONOMY_LEVELS), _zeros(AUTONOMY_LEVELS)
    progressed = 0
    rank = {level: i for i, level in enumerate(AUTONOMIES)}
    for r in conn.execute(q.autonomy_pairs()):
        _add(first, r.first_aut, r.people, AUTONOMIES)
        _add(latest, r.last_aut, r.people, AUTONOMIES)
        if r.first_aut in rank and r.last_aut in rank and rank[r.last_aut] > rank[r.first_aut]:
            progressed += r.people
    return dict(autonomy_first=first, autonomy_latest=latest, autonomy_progressed=progressed)


def _agents(conn: Connection, scope: q.Scope) -> tuple[int, int]:
    trained = conn.execute(q.agents_trained(scope)).scalar() or 0
    total = conn.execute(q.agents_in_scope(scope)).scalar() or 0
    return trained, total
