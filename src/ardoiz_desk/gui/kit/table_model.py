"""A read-only table model over a list of frozen dataclasses, for the small lists.

Each column is a (title, function of the item) pair; a raw value is exposed for sorting
through ``RAW_ROLE`` so that a QSortFilterProxyModel sorts dates and numbers correctly.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

RAW_ROLE = Qt.ItemDataRole.UserRole + 2  # the one raw-value role of every table in the window
ITEM_ROLE = Qt.ItemDataRole.UserRole + 3
Index = QModelIndex | QPersistentModelIndex


class Column:
    """One column: a title, the displayed text, and the raw value to sort on."""

    def __init__(
        self,
        title: str,
        text: Callable[[Any], str],
        raw: Callable[[Any], Any] | None = None,
        *,
        foreground: Callable[[Any], Any] | None = None,
    ) -> None:
        self.title = title
        self.text = text
        self.raw = raw or text
        self.foreground = foreground


class ItemTableModel(QAbstractTableModel):
    """Shows a list of items, one per row."""

    def __init__(self, columns: Sequence[Column], parent=None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.items: list[Any] = []

    def set_items(self, items: Sequence[Any]) -> None:
        """Replace the items shown."""
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def item(self, row: int) -> Any | None:
        """Return the item at a row."""
        return self.items[row] if 0 <= row < len(self.items) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(item)
        if role == RAW_ROLE:
            return column.raw(item)
        if role == ITEM_ROLE:
            return item
        if role == Qt.ItemDataRole.ForegroundRole and column.foreground:
            return column.foreground(item)
        return None


def fr_date(day) -> str:
    """A date as French agents write it (15/06/2026)."""
    return day.strftime("%d/%m/%Y") if day else ""


def duration(minutes: int) -> str:
    """A duration as '45 min' or '1 h 30'."""
    if minutes < 60:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest:02d}" if rest else f"{hours} h"
