"""The whole schema: synchronised models, replica-local sync tables and ledgers in one metadata.

Migrations (and tests comparing a migrated base with the models) use :data:`METADATA`.
"""

from __future__ import annotations

from ardoiz_desk.store import ledgers, models, sync_tables
from ardoiz_desk.store.base import Base

METADATA = Base.metadata
TABLE_MODULES = (models, sync_tables, ledgers)
