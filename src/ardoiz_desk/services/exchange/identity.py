"""What the window shows at start of this installation's place in the exchange.

The coordination named in the title and the coordinator's notice about this computer's
clock are read here without :mod:`services.exchange.territory` or ``quarantine``, which load
the cryptography and the bundle format: the window needs those only once it is up.
"""

from __future__ import annotations

import json

from sqlalchemy import select

from ardoiz_desk.services.workspace import Workspace
from ardoiz_desk.store.models import ReplicaState

#: The coordinator's role (``sync.state.COORDINATOR``; a test keeps them equal).
COORDINATOR = "coordinator"
#: Where the coordinator's latest notice about this computer's clock is kept.
NOTICE_STATE = "clock_notice"


def coordinated_territory(ws: Workspace) -> str | None:
    """Return the territory's name when this installation is its coordinator, else None."""
    keys = ("territory_id", "territory_name", "territory_role")
    with ws.store.session() as session:
        found = dict(
            session.execute(
                select(ReplicaState.key, ReplicaState.value).where(ReplicaState.key.in_(keys))
            ).all()
        )
    if not found.get("territory_id") or found.get("territory_role") != COORDINATOR:
        return None
    return found.get("territory_name", "")


def own_clock_notice(ws: Workspace) -> str | None:
    """Tell the agent, in French, that the coordinator holds their work for their clock."""
    raw = ws.store.get_state(NOTICE_STATE)
    if not raw:
        return None
    ahead = json.loads(raw).get("hours")
    return (
        f"La coordination a reçu de cet ordinateur des dates en avance de {ahead} h : "
        "corrigez la date et l'heure de l'ordinateur. Votre travail est conservé et sera "
        "pris en compte une fois la date juste ou après approbation par la coordination."
    )
