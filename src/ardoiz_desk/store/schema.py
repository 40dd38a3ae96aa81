"""The whole schema: synchronised models and replica-local sync tables in one metadata.

Migrations (and tests comparing a migrated base with the models) use :data:`METADATA`.
"""

from __future__ import annotations

from ardoiz_desk.store import models, sync_tables
from ardoiz_desk.store.base import Base

METADATA = Base.metadata
TABLE_MODULES = (models, sync_tables)
