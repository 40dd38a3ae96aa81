"""The activities list's model: holds ids, builds rows on demand a page at a time.

Searching, filtering and ordering happen in the in-memory index
(services.activities.search_index); the model only shows the ids it is given, fetching
display rows for the visible page, like the participants list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from ardoiz_desk.gui.kit import vocabulary as voc
from ardoiz_desk.gui.kit.i18n import translate
from ardoiz_desk.gui.kit.table_model import duration, fr_date
from ardoiz_desk.services.activities.search_index import ActivityRow

ID_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE = 60  # about three screens of rows: each new result reads one page from the base
CACHE_LIMIT = 20 * PAGE
_ROLES = frozenset((Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, ID_ROLE))
Index = QModelIndex | QPersistentModelIndex
RowFetcher = Callable[[Sequence[str]], dict[str, ActivityRow]]


def headers() -> tuple[str, ...]:
    """Column titles, translated."""
    return (
        translate("ActivitiesPane", "Date"),
        translate("ActivitiesPane", "Type"),
        translate("ActivitiesPane", "Titre ou thématiques"),
        translate("ActivitiesPane", "Durée"),
        translate("ActivitiesPane", "Présents"),
        translate("ActivitiesPane", "Site"),
        translate("ActivitiesPane", "Agent"),
    )


class ActivityTableModel(QAbstractTableModel):
    """Rows are activity ids; a row's cells are read from the base when first shown."""

    order_requested = Signal(bool)  # oldest first

    def __init__(self, fetch: RowFetcher, parent=None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._ids: Sequence[str] = []
        self._rows: dict[str, tuple[str, ...]] = {}
        self._headers = headers()
        self._kinds = voc.kinds()
        self._themes = voc.thematiques()

    def set_ids(self, ids: Sequence[str]) -> None:
        """Show these activities, in this order."""
        self.beginResetModel()
        self._ids = ids
        if len(self._rows) > CACHE_LIMIT:
            self._rows.clear()
        self.endResetModel()

    def forget_all(self) -> None:
        """Drop every cached row (names of sites or agents changed)."""
        self._rows.clear()

    def forget(self, ids: Sequence[str]) -> None:
        """Drop cached rows (they changed in the base)."""
        for aid in ids:
            self._rows.pop(aid, None)

    def id_at(self, row: int) -> str | None:
        """The activity id shown at a row."""
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, activity_id: str) -> int:
        """The row showing an activity, or -1."""
        try:
            return self._ids.index(activity_id)
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

    def _texts(self, row: int) -> tuple[str, ...] | None:
        aid = self._ids[row]
        found = self._rows.get(aid)
        if found is None:
            start = row - row % PAGE
            page = [a for a in self._ids[start : start + PAGE] if a not in self._rows]
            for key, value in self._fetch(page).items():
                self._rows[key] = self._format(value)
            found = self._rows.get(aid)
        return found

    def _format(self, a: ActivityRow) -> tuple[str, ...]:
        what = a.titre_atelier or ", ".join(voc.label(self._themes, t) for t in a.thematiques)
        present = str(a.present)
        if a.participants_anonymes:
            present = translate("ActivitiesPane", "{n} + {a} anonyme(s)").format(
                n=a.present, a=a.participants_anonymes
            )
        return (
            fr_date(a.date),
            voc.label(self._kinds, a.kind),
            what,
            duration(a.duree_minutes),
            present,
            a.site_name,
            a.agent_name,
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in _ROLES or not index.isValid():
            return None
        row = index.row()
        if not 0 <= row < len(self._ids):
            return None
        if role == ID_ROLE:
            return self._ids[row]
        texts = self._texts(row)
        return texts[index.column()] if texts else None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Only the date orders the list (newest first by default)."""
        self.order_requested.emit(order == Qt.SortOrder.AscendingOrder)
