"""Settings kept in the base because services act on them (e.g. the retention period)."""

from __future__ import annotations

from ardoiz_desk.services.validation import Checker
from ardoiz_desk.services.workspace import Workspace

STATE_RETENTION = "retention_months"
DEFAULT_RETENTION_MONTHS = 24


def retention_months(ws: Workspace) -> int:
    """Months after the last contact before a person's data is anonymised (default 24)."""
    try:
        value = int(ws.store.get_state(STATE_RETENTION, str(DEFAULT_RETENTION_MONTHS)))
    except ValueError:
        return DEFAULT_RETENTION_MONTHS
    return value if 1 <= value <= 120 else DEFAULT_RETENTION_MONTHS


def set_retention_months(ws: Workspace, months: int) -> int:
    """Change the retention period (between 1 and 120 months); return it."""
    c = Checker()
    if not 1 <= int(months) <= 120:
        c.fail("retention_months", "Durée de conservation : entre 1 et 120 mois.")
    c.raise_if_any()
    ws.store.set_state(STATE_RETENTION, str(int(months)))
    return int(months)
