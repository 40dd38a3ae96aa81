"""The participants list's model: holds ids, builds rows on demand a page at a time.

Searching and sorting happen in the in-memory index (services.participant_index); the
model only shows the ids it is given, fetching display rows for the visible page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from ardoiz_desk.gui.kit import vocabulary as voc
from ardoiz_desk.gui.kit.i18n import translate
from ardoiz_desk.gui.kit.table_model import RAW_ROLE
from ardoiz_desk.services.people.search_index import ParticipantRow

ID_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE = 100
CACHE_LIMIT = 20 * PAGE
# Model column -> sort column of the index (None: not sortable, falls back to the name).
COLUMNS = (
    ("nom", "nom"),
    ("prenom", "prenom"),
    ("annee_naissance", "annee_naissance"),
    ("commune", "commune"),
    ("telephone", None),
    ("site_name", "site"),
    ("stage", "stage"),
    ("autonomie", "autonomie"),
    ("tablet_status", None),
)

_ROLES = frozenset((Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, ID_ROLE, RAW_ROLE))
RowFetcher = Callable[[Sequence[str]], dict[str, ParticipantRow]]
Index = QModelIndex | QPersistentModelIndex


def headers() -> tuple[str, ...]:
    """Column titles, translated."""
    return (
        translate("ParticipantModel", "Nom"),
        translate("ParticipantModel", "Prénom"),
        translate("ParticipantModel", "Année"),
        translate("ParticipantModel", "Commune"),
        translate("ParticipantModel", "Téléphone"),
        translate("ParticipantModel", "Site"),
        translate("ParticipantModel", "Étape atteinte"),
        translate("ParticipantModel", "Autonomie"),
        translate("ParticipantModel", "Tablette"),
    )


class ParticipantTableModel(QAbstractTableModel):
    """Rows are participant ids; a row's cells are read from the base when first shown."""

    sort_requested = Signal(str, bool)  # index sort column, descending

    def __init__(self, fetch: RowFetcher, parent=None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._ids: Sequence[str] = []
        self._rows: dict[str, tuple[ParticipantRow, tuple[str, ...]]] = {}
        self._headers = headers()
        self._labels = (voc.stages(), voc.autonomies(), voc.tablet_statuses())

    def set_ids(self, ids: Sequence[str]) -> None:
        """Show these participants, in this order."""
        self.beginResetModel()
        self._ids = ids
        if len(self._rows) > CACHE_LIMIT:
            self._rows.clear()
        self.endResetModel()

    def forget(self, ids: Sequence[str]) -> None:
        """Drop cached rows (they changed in the base); visible ones are re-read."""
        for pid in ids:
            self._rows.pop(pid, None)
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1)
            )

    def id_at(self, row: int) -> str | None:
        """Return the participant id shown at a row."""
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, participant_id: str) -> int:
        """Return the row showing a participant, or -1."""
        try:
            return self._ids.index(participant_id)
        except ValueError:
            return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return self._headers[section]
        return None

    def _row(self, row: int) -> tuple[ParticipantRow, tuple[str, ...]] | None:
        """Return a row and its displayed texts, fetching its page on first sight."""
        pid = self._ids[row]
        found = self._rows.get(pid)
        if found is None:
            start = row - row % PAGE
            page = [p for p in self._ids[start : start + PAGE] if p not in self._rows]
            for key, value in self._fetch(page).items():
                self._rows[key] = (value, self._texts(value))
            found = self._rows.get(pid)
        return found

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        # Called a thousand times per repaint: answer the unused roles first and cheaply.
        if role not in _ROLES or not index.isValid():
            return None
        row = index.row()
        if not 0 <= row < len(self._ids):
            return None
        if role == ID_ROLE:
            return self._ids[row]
        found = self._row(row)
        if found is None:
            return None
        if role == RAW_ROLE:
            return getattr(found[0], COLUMNS[index.column()][0])
        return found[1][index.column()]

    def _texts(self, row: ParticipantRow) -> tuple[str, ...]:
        """The displayed text of every column of a row, computed once."""
        stages, autonomies, tablets = self._labels
        year = row.annee_naissance
        return (
            row.nom.upper(),
            row.prenom,
            "" if year is None else str(year),
            row.commune,
            row.telephone,
            row.site_name,
            voc.label(stages, row.stage),
            voc.label(autonomies, row.autonomie, "—"),
            voc.label(tablets, row.tablet_status),
        )

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Ask for a new order; the index sorts on raw values and the pane resets the ids."""
        if 0 <= column < len(COLUMNS):
            key = COLUMNS[column][1] or "nom"
            self.sort_requested.emit(key, order == Qt.SortOrder.DescendingOrder)
