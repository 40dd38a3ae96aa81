"""Agents of a site and the trainings (stage 1, "formation") each followed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from ardoiz_desk.services.workspace import Workspace
from ardoiz_desk.store.models import Activity, Agent, AgentTraining, Site


@dataclass(frozen=True)
class TrainingView:
    """One training an agent followed."""

    activity_id: str
    date: dt.date
    title: str
    duree_minutes: int


@dataclass(frozen=True)
class AgentOverview:
    """An agent with their site's name and the trainings they followed, oldest first."""

    id: str
    name: str
    site_id: str | None
    site_name: str
    role: str
    active: bool
    trainings: tuple[TrainingView, ...]

    @property
    def trained(self) -> bool:
        """True once the agent followed at least one training."""
        return bool(self.trainings)


def agents_with_trainings(ws: Workspace, site_id: str | None = None) -> list[AgentOverview]:
    """Return the agents (of one site, or all) with their trainings, by name."""
    stmt = (
        select(Agent, Site.name)
        .outerjoin(Site, Site.id == Agent.site_id)
        .where(Agent.deleted.is_(False))
        .order_by(Agent.name, Agent.id)
    )
    if site_id:
        stmt = stmt.where(Agent.site_id == site_id)
    trained = (
        select(
            AgentTraining.agent_id,
            Activity.id,
            Activity.date,
            Activity.titre_atelier,
            Activity.duree_minutes,
        )
        .join(Activity, Activity.id == AgentTraining.activity_id)
        .where(AgentTraining.deleted.is_(False), Activity.deleted.is_(False))
        .order_by(Activity.date)
    )
    with ws.store.session() as session:
        by_agent: dict[str, list[TrainingView]] = {}
        for agent_id, aid, day, title, minutes in session.execute(trained):
            by_agent.setdefault(agent_id, []).append(TrainingView(aid, day, title, minutes))
        return [
            AgentOverview(
                a.id,
                a.name,
                a.site_id,
                site_name or "",
                a.role,
                a.active,
                tuple(by_agent.get(a.id, ())),
            )
            for a, site_name in session.execute(stmt)
        ]
