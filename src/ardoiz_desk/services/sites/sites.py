"""The directory of sites (counters) and agents, and this installation's own identity."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import select

from ardoiz_desk.paths import resources_dir
from ardoiz_desk.services.people.communes import Commune, directory
from ardoiz_desk.services.validation import Checker, NotFoundError, check_insee, check_postal_code
from ardoiz_desk.services.vocabulary import AGENT_ROLES, SITE_KINDS
from ardoiz_desk.services.workspace import Workspace
from ardoiz_desk.store.models import (
    Activity,
    Agent,
    AgentTraining,
    Site,
    site_id_for_code,
)

STATE_SITE = "site_id"
STATE_AGENT = "agent_id"


@dataclass(frozen=True)
class SiteView:
    """A site of the directory."""

    id: str
    code: str
    name: str
    kind: str
    commune: str
    commune_code_insee: str
    commune_code_postal: str
    active: bool


@dataclass(frozen=True)
class AgentView:
    """An agent of the directory."""

    id: str
    name: str
    site_id: str | None
    role: str
    active: bool


# The communes of the Sisteronais-Buëch (CCSB) where the pilot's counters and seniors are.
TERRITORY_INSEE = (
    "04209",
    "05070",
    "05166",
    "05126",
    "05024",
    "04134",
    "04222",
    "05097",
    "05118",
    "04023",
    "04123",
    "05173",
    "05103",
    "05014",
    "05129",
    "05053",
)


def territory_communes() -> list[Commune]:
    """The pilot territory's communes, from the official directory."""
    d = directory()
    return [d.by_insee[code] for code in TERRITORY_INSEE]


def _site_view(row: Site) -> SiteView:
    return SiteView(
        row.id,
        row.code,
        row.name,
        row.kind,
        row.commune,
        row.commune_code_insee,
        row.commune_code_postal,
        row.active,
    )


def _agent_view(row: Agent) -> AgentView:
    return AgentView(row.id, row.name, row.site_id, row.role, row.active)


def list_sites(ws: Workspace, *, include_retired: bool = False) -> list[SiteView]:
    """Return the sites of the directory, by name."""
    stmt = select(Site).where(Site.deleted.is_(False)).order_by(Site.name)
    if not include_retired:
        stmt = stmt.where(Site.active.is_(True))
    with ws.store.session() as session:
        return [_site_view(r) for r in session.scalars(stmt)]


def find_site(ws: Workspace, code_or_id: str) -> SiteView | None:
    """Return the site with this code or id, if any."""
    with ws.store.session() as session:
        row = session.get(Site, code_or_id)
        if row is None:
            row = session.scalars(
                select(Site).where(Site.code == code_or_id, Site.deleted.is_(False))
            ).first()
        return _site_view(row) if row else None


def _check_site(code: str, name: str, kind: str, insee: str, postal: str) -> dict[str, str]:
    c = Checker()
    cleaned = {
        "code": c.text("code", "Code du site", code, max_len=32, required=True).upper(),
        "name": c.text("name", "Nom du site", name, max_len=120, required=True),
        "kind": c.choice("kind", "Type de site", kind, SITE_KINDS) or "msap",
        "commune_code_insee": check_insee(c, insee),
        "commune_code_postal": check_postal_code(c, postal),
    }
    c.raise_if_any()
    return cleaned


def add_site(
    ws: Workspace,
    code: str,
    name: str,
    kind: str = "msap",
    commune: str = "",
    commune_code_insee: str = "",
    commune_code_postal: str = "",
) -> SiteView:
    """Add a site to the directory; its code must be new."""
    cleaned = _check_site(code, name, kind, commune_code_insee, commune_code_postal)
    if find_site(ws, cleaned["code"]):
        c = Checker()
        c.fail("code", f"Code du site : « {cleaned['code']} » existe déjà.")
        c.raise_if_any()
    with ws.store.session() as session:
        row = Site(id=site_id_for_code(cleaned["code"]), **cleaned, commune=commune.strip()[:80])
        session.add(row)
        session.flush()
        return _site_view(row)


def set_site_active(ws: Workspace, site_id: str, active: bool) -> SiteView:
    """Retire a site (or bring it back); its history stays."""
    with ws.store.session() as session:
        row = session.get(Site, site_id)
        if row is None:
            raise NotFoundError(f"Site introuvable : {site_id}")
        row.active = active
        session.flush()
        return _site_view(row)


def ensure_default_directory(ws: Workspace) -> int:
    """Load the shipped CCSB sites into an empty directory; return how many were added."""
    with ws.store.session() as session:
        if session.scalars(select(Site.id).limit(1)).first():
            return 0
    communes = {c.nom: c for c in territory_communes()}
    data = json.loads((resources_dir() / "sites.json").read_text(encoding="utf-8"))
    with ws.store.session() as session:
        for entry in data:
            commune = communes.get(entry["commune"])
            session.add(
                Site(
                    id=site_id_for_code(entry["code"]),
                    code=entry["code"],
                    name=entry["name"],
                    kind=entry["kind"],
                    commune=entry["commune"],
                    commune_code_insee=commune.insee if commune else "",
                    commune_code_postal=commune.codes_postaux[0] if commune else "",
                )
            )
    return len(data)


def list_agents(ws: Workspace, site_id: str | None = None) -> list[AgentView]:
    """Return active agents, of one site or all."""
    stmt = select(Agent).where(Agent.deleted.is_(False)).order_by(Agent.name)
    if site_id:
        stmt = stmt.where(Agent.site_id == site_id)
    with ws.store.session() as session:
        return [_agent_view(r) for r in session.scalars(stmt)]


def add_agent(ws: Workspace, name: str, site_id: str | None, role: str = "agent") -> AgentView:
    """Add an agent to the directory."""
    c = Checker()
    name = c.text("name", "Nom de l'agent", name, max_len=120, required=True)
    role = c.choice("role", "Rôle", role, AGENT_ROLES) or "agent"
    c.raise_if_any()
    with ws.store.session() as session:
        row = Agent(name=name, site_id=site_id, role=role)
        session.add(row)
        session.flush()
        return _agent_view(row)


def this_site(ws: Workspace) -> SiteView | None:
    """Return the site this installation serves, once chosen."""
    site_id = ws.store.get_state(STATE_SITE)
    return find_site(ws, site_id) if site_id else None


def this_agent(ws: Workspace) -> AgentView | None:
    """Return the agent working at this installation, once chosen."""
    agent_id = ws.store.get_state(STATE_AGENT)
    if not agent_id:
        return None
    return next((a for a in list_agents(ws) if a.id == agent_id), None)


def initialise_site(
    ws: Workspace,
    code: str,
    name: str | None = None,
    kind: str = "msap",
    agent_name: str | None = None,
) -> tuple[SiteView, AgentView | None]:
    """Set which site this installation serves (creating it if new) and who works here."""
    ensure_default_directory(ws)
    site = find_site(ws, code.strip().upper())
    if site is None:
        site = add_site(ws, code, name or code, kind)
    ws.store.set_state(STATE_SITE, site.id)
    agent = None
    if agent_name:
        existing = [a for a in list_agents(ws, site.id) if a.name == agent_name.strip()]
        agent = existing[0] if existing else add_agent(ws, agent_name, site.id)
        ws.store.set_state(STATE_AGENT, agent.id)
    return site, agent


@dataclass(frozen=True)
class TrainingView:
    """A training (formation) an agent followed, and when."""

    agent_id: str
    agent_name: str
    activity_id: str
    date: dt.date
    title: str
    duree_minutes: int


def agent_trainings(ws: Workspace, site_id: str | None = None) -> list[TrainingView]:
    """Return the trainings followed by agents (of one site or all), newest first."""
    stmt = (
        select(AgentTraining, Agent, Activity)
        .join(Agent, Agent.id == AgentTraining.agent_id)
        .join(Activity, Activity.id == AgentTraining.activity_id)
        .where(AgentTraining.deleted.is_(False), Activity.deleted.is_(False))
        .order_by(Activity.date.desc(), Agent.name)
    )
    if site_id:
        stmt = stmt.where(Agent.site_id == site_id)
    with ws.store.session() as session:
        return [
            TrainingView(
                agent.id, agent.name, act.id, act.date, act.titre_atelier, act.duree_minutes
            )
            for _training, agent, act in session.execute(stmt)
        ]
