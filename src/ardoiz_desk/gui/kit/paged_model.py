"""A table model over a long list of ids whose rows are read from the base a page at a time.

The participants and activities lists both show the ids their in-memory search index gives
(hundreds of thousands); a row's cells are fetched with the rest of its page the first time
the view asks for it, and kept in a bounded cache.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex

Fetched = TypeVar("Fetched")  # what the fetcher returns for one id
Cached = TypeVar("Cached")  # what the model keeps for it (e.g. its displayed texts)


class PagedIdModel(QAbstractTableModel, Generic[Fetched, Cached]):
    """Rows are ids; subclasses say how a fetched row is kept (``_keep``) and shown
    (``_cell``), and which roles they answer (``roles``, checked first: ``data`` is called
    a thousand times per repaint)."""

    page = 100
    roles: frozenset[int] = frozenset((Qt.ItemDataRole.DisplayRole, ID_ROLE))

    def __init__(
        self,
        fetch: Callable[[Sequence[str]], dict[str, Fetched]],
        headers: Sequence[str],
        parent=None,
    ) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._ids: Sequence[str] = []
        self._rows: dict[str, Cached] = {}
        self._headers = tuple(headers)

    def set_ids(self, ids: Sequence[str]) -> None:
        """Show these ids, in this order."""
        self.beginResetModel()
        self._ids = ids
        if len(self._rows) > 20 * self.page:
            self._rows.clear()
        self.endResetModel()

    def forget(self, ids: Sequence[str]) -> None:
        """Drop cached rows (they changed in the base)."""
        for key in ids:
            self._rows.pop(key, None)

    def id_at(self, row: int) -> str | None:
        """The id shown at a row."""
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, key: str) -> int:
        """The row showing an id, or -1."""
        try:
            return self._ids.index(key)
        except ValueError:
            return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in self.roles or not index.isValid():
            return None
        row = index.row()
        if not 0 <= row < len(self._ids):
            return None
        if role == ID_ROLE:
            return self._ids[row]
        found = self._cached(row)
        return None if found is None else self._cell(found, index.column(), role)

    def _cached(self, row: int) -> Cached | None:
        """A row as kept, fetching its page on first sight."""
        key = self._ids[row]
        found = self._rows.get(key)
        if found is None:
            start = row - row % self.page
            missing = [k for k in self._ids[start : start + self.page] if k not in self._rows]
            for fetched_key, value in self._fetch(missing).items():
                self._rows[fetched_key] = self._keep(value)
            found = self._rows.get(key)
        return found

    def _keep(self, value: Fetched) -> Cached:
        raise NotImplementedError

    def _cell(self, found: Cached, column: int, role: int) -> Any:
        raise NotImplementedError
