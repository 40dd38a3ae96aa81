"""Replica-local ledgers of what left this installation (they never travel in bundles).

:class:`LaCoopExportMark`: when each person was last written to a La Coop import file, so
the next export carries only people La Coop does not have yet (La Coop inserts every row
it imports: a person exported twice would be there twice).
"""

from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ardoiz_desk.store.base import Base


class LaCoopExportMark(Base):
    """One person written to a La Coop import file: first and last time, how many times."""

    __tablename__ = "lacoop_exports"

    participant_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    first_exported_at: Mapped[str] = mapped_column(String(40), nullable=False)
    last_exported_at: Mapped[str] = mapped_column(String(40), nullable=False)
    times: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
