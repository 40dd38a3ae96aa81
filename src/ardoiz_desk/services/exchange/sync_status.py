"""Where synchronisation stands at this installation: for the status bar and the counter.

Read from the base only (never from the shared folder, which may hang when a network drive
is gone): when the last round reached the folder, since when it cannot, what waits for an
approval or a preview, and what this site sent and when the coordination confirmed it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ardoiz_desk.services.exchange import mailbox as mb
from ardoiz_desk.services.exchange.bundles import sync_folder
from ardoiz_desk.services.workspace import Workspace
from ardoiz_desk.sync import state


@dataclass(frozen=True)
class SyncStatus:
    """The state of synchronisation at this installation."""

    folder: str
    last_ok_at: str  # last round that reached the folder (ISO UTC), "" if never
    unreachable_since: str  # "" when the folder was reachable at the last round
    pending_approvals: int  # bundles held for the coordination's approval
    waiting_preview: int  # manual mode: bundles received, waiting for the agent's preview
    manual: bool
    sent: tuple[mb.SentBundle, ...]  # what this site wrote into the folder, oldest first

    @property
    def last_sent(self) -> mb.SentBundle | None:
        """The newest bundle this site wrote."""
        return self.sent[-1] if self.sent else None

    @property
    def last_confirmed(self) -> mb.SentBundle | None:
        """The newest bundle the coordination says it holds."""
        confirmed = [s for s in self.sent if s.confirmed_at]
        return confirmed[-1] if confirmed else None

    @property
    def unconfirmed(self) -> int:
        """Bundles sent that the coordination has not confirmed yet."""
        return sum(1 for s in self.sent if not s.confirmed_at)


def sync_status(ws: Workspace) -> SyncStatus:
    """Return where synchronisation stands (quick reads of the base only)."""
    folder = sync_folder(ws)
    with ws.store.session() as session:
        conn = session.connection()
        held = len(state.held_bundles(conn))
        sent = tuple(mb.sent(conn))
    waiting = ws.store.get_state(mb.STATE_WAITING, "0")
    return SyncStatus(
        str(folder) if folder else "",
        ws.store.get_state(mb.STATE_LAST_OK, ""),
        ws.store.get_state(mb.STATE_UNREACHABLE, ""),
        held,
        int(waiting) if waiting.isdigit() else 0,
        mb.manual_mode(ws),
        sent,
    )
