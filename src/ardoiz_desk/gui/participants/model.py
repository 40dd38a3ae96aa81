"""The participants list's model: holds ids, builds rows on demand a page at a time.

Searching and sorting happen in the in-memory index (services.participant_index); the
model only shows the ids it is given, fetching display rows for the visible page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal

from ardoiz_desk.gui.kit import vocabulary as voc
from ardoiz_desk.gui.kit.i18n import translate
from ardoiz_desk.gui.kit.paged_model import ID_ROLE, PagedIdModel
from ardoiz_desk.gui.kit.table_model import RAW_ROLE
from ardoiz_desk.services.people.search_index import ParticipantRow

PAGE = 100
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

RowFetcher = Callable[[Sequence[str]], dict[str, ParticipantRow]]


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


class ParticipantTableModel(PagedIdModel[ParticipantRow, tuple[ParticipantRow, tuple[str, ...]]]):
    """Rows are participant ids; a row's cells are read from the base when first shown."""

    sort_requested = Signal(str, bool)  # index sort column, descending
    page = PAGE
    roles = frozenset((Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, ID_ROLE, RAW_ROLE))

    def __init__(self, fetch: RowFetcher, parent=None) -> None:
        super().__init__(fetch, headers(), parent)
        self._labels = (voc.stages(), voc.autonomies(), voc.tablet_statuses())

    def forget(self, ids: Sequence[str]) -> None:
        """Drop cached rows (they changed in the base); visible ones are re-read."""
        super().forget(ids)
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1)
            )

    def _keep(self, value: ParticipantRow) -> tuple[ParticipantRow, tuple[str, ...]]:
        return value, self._texts(value)

    def _cell(self, found: tuple[ParticipantRow, tuple[str, ...]], column: int, role: int):
        if role == RAW_ROLE:
            return getattr(found[0], COLUMNS[column][0])
        return found[1][column]

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
