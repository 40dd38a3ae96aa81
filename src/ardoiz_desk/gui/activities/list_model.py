"""The activities list's model: holds ids, builds rows on demand a page at a time.

Searching, filtering and ordering happen in the in-memory index
(services.activities.search_index); the model only shows the ids it is given, fetching
display rows for the visible page, like the participants list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal

from ardoiz_desk.gui.kit import vocabulary as voc
from ardoiz_desk.gui.kit.i18n import translate
from ardoiz_desk.gui.kit.paged_model import ID_ROLE, PagedIdModel
from ardoiz_desk.gui.kit.table_model import duration, fr_date
from ardoiz_desk.services.activities.search_index import ActivityRow

PAGE = 60  # about three screens of rows: each new result reads one page from the base
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


class ActivityTableModel(PagedIdModel[ActivityRow, tuple[str, ...]]):
    """Rows are activity ids; a row's cells are read from the base when first shown."""

    order_requested = Signal(bool)  # oldest first
    page = PAGE
    roles = frozenset((Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, ID_ROLE))

    def __init__(self, fetch: RowFetcher, parent=None) -> None:
        super().__init__(fetch, headers(), parent)
        self._kinds = voc.kinds()
        self._themes = voc.thematiques()

    def forget_all(self) -> None:
        """Drop every cached row (names of sites or agents changed)."""
        self._rows.clear()

    def _cell(self, found: tuple[str, ...], column: int, role: int) -> str:
        return found[column]

    def _keep(self, a: ActivityRow) -> tuple[str, ...]:
        """The displayed text of every column of a row, computed once."""
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

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Only the date orders the list (newest first by default)."""
        self.order_requested.emit(order == Qt.SortOrder.AscendingOrder)
