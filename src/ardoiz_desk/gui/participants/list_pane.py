"""The participants pane: search-as-you-type, filters, and a lazy table of 100,000 rows."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ardoiz_desk.gui.kit import vocabulary as voc
from ardoiz_desk.gui.kit.a11y import release_tab
from ardoiz_desk.gui.kit.i18n import translate
from ardoiz_desk.gui.kit.operations import Change, Changed, Operations, follow
from ardoiz_desk.gui.kit.widgets import code_combo, compact, heading
from ardoiz_desk.gui.participants.model import PAGE, ParticipantTableModel
from ardoiz_desk.services.people.search_index import (
    STAGES_REACHED,
    IndexFilter,
    ParticipantIndex,
    participant_rows,
    search_page,
)
from ardoiz_desk.services.sites.sites import list_sites
from ardoiz_desk.services.workspace import Workspace

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ParticipantsPane(QWidget):
    """Find a senior in two keystrokes; Enter opens the card, Ctrl+N registers someone new."""

    open_requested = Signal(str)
    new_requested = Signal()
    duplicates_requested = Signal()
    index_ready = Signal()
    list_updated = Signal(int)  # rows shown

    # The search runs in a few milliseconds, so it only waits for keystrokes already queued.
    SEARCH_DELAY_MS = 0

    def __init__(self, ws: Workspace, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.ops = ops
        self.runner = ops.runner
        self.index: ParticipantIndex | None = None
        self._total: int | None = None  # participants in the base, known before the index
        self._sort = ("nom", False)
        self._timer = QTimer(self, singleShot=True, interval=self.SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_search)
        self.model = ParticipantTableModel(self._fetch_rows, self)
        self.model.sort_requested.connect(self._sort_by)
        self._build()
        self.reload_sites()
        # Eager: the activity dialog searches this index even while the list is hidden.
        follow(
            ops.hub,
            self,
            Change.PARTICIPANTS | Change.SITES,
            self._data_changed,
            eager=True,
            stale=False,
        )

    def _data_changed(self, change: Changed) -> None:
        if change.touches(Change.SITES):
            self.reload_sites()
        if not change.touches(Change.PARTICIPANTS):
            return
        if change.participant_ids:
            self.participants_changed(change.participant_ids)
        else:  # anyone may have changed (an import): reload the whole index
            self.load_index()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading(translate("ParticipantsPane", "Participants")))
        top.addStretch(1)
        self.duplicates_button = QPushButton(translate("ParticipantsPane", "Doublons…"))
        self.duplicates_button.setToolTip(
            translate("ParticipantsPane", "La même personne inscrite dans deux guichets")
        )
        self.duplicates_button.clicked.connect(self.duplicates_requested)
        top.addWidget(self.duplicates_button)
        self.new_button = QPushButton(translate("ParticipantsPane", "Nouveau participant"))
        self.new_button.setToolTip(translate("ParticipantsPane", "Ctrl+N"))
        self.new_button.clicked.connect(self.new_requested)
        top.addWidget(self.new_button)
        layout.addLayout(top)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(
            translate("ParticipantsPane", "Rechercher par nom, commune ou téléphone (Ctrl+F)")
        )
        self.search_edit.setAccessibleName(translate("ParticipantsPane", "Recherche"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self.search_edit.installEventFilter(self)
        layout.addWidget(self.search_edit)
        layout.addLayout(self._filters())
        self.view = self._table()
        layout.addWidget(self.view, 1)
        self.count_label = QLabel(translate("ParticipantsPane", "Chargement des participants…"))
        self.count_label.setAccessibleName(translate("ParticipantsPane", "Nombre de participants"))
        layout.addWidget(self.count_label)
        for first, second in pairwise(self.tab_chain()):
            self.setTabOrder(first, second)

    def tab_chain(self) -> list[QWidget]:
        """The focus order: search, filters, list, then the buttons (RGAA 12.8)."""
        return [
            self.search_edit,
            self.site_filter,
            self.stage_filter,
            self.autonomy_filter,
            self.tablet_filter,
            self.view,
            self.duplicates_button,
            self.new_button,
        ]

    def _filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.site_filter = QComboBox()
        self.site_filter.setAccessibleName(translate("ParticipantsPane", "Filtrer par site"))
        stages = {k: v for k, v in voc.stages().items() if k in STAGES_REACHED}
        self.stage_filter = code_combo(
            stages,
            translate("ParticipantsPane", "Filtrer par étape atteinte"),
            empty=translate("ParticipantsPane", "Toutes les étapes"),
        )
        self.autonomy_filter = code_combo(
            voc.autonomies(),
            translate("ParticipantsPane", "Filtrer par autonomie"),
            empty=translate("ParticipantsPane", "Toute autonomie"),
        )
        self.tablet_filter = code_combo(
            {
                True: translate("ParticipantsPane", "Avec tablette"),
                False: translate("ParticipantsPane", "Sans tablette"),
            },
            translate("ParticipantsPane", "Filtrer par tablette"),
            empty=translate("ParticipantsPane", "Avec ou sans tablette"),
        )
        for combo in (
            self.site_filter,
            self.stage_filter,
            self.autonomy_filter,
            self.tablet_filter,
        ):
            combo.currentIndexChanged.connect(lambda _i: self.apply_search())
            row.addWidget(compact(combo, 11))
        row.addStretch(1)
        return row

    def _table(self) -> QTableView:
        view = release_tab(QTableView())
        view.setModel(self.model)
        view.setAccessibleName(translate("ParticipantsPane", "Liste des participants"))
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        for column, width in enumerate((130, 115, 55, 155, 115, 235, 140, 215)):
            view.setColumnWidth(column, width)
        view.setSortingEnabled(True)
        view.doubleClicked.connect(lambda _i: self.open_current())
        view.installEventFilter(self)
        return view

    def _fetch_rows(self, ids: Sequence[str]):
        return participant_rows(self.ws, ids, self.index)

    def reload_sites(self) -> None:
        """Refill the site filter from the directory."""
        current = self.site_filter.currentData()
        self.site_filter.blockSignals(True)
        self.site_filter.clear()
        self.site_filter.addItem(translate("ParticipantsPane", "Tous les sites"), None)
        for site in list_sites(self.ws):
            self.site_filter.addItem(site.name, site.id)
        i = self.site_filter.findData(current)
        self.site_filter.setCurrentIndex(max(i, 0))
        self.site_filter.blockSignals(False)

    def load_index(self) -> None:
        """Load the search index in the background; the list fills when it is ready.

        The very first time, the first page of the list is read from the base at the same
        time (a quick query), so the list shows and answers searches before the index is
        loaded.
        """
        if self.index is None and self._total is None:
            flt = self.current_filter()
            self.ops.run(
                lambda _progress: search_page(self.ws, flt, PAGE),
                on_success=self._first_page,
                parent=self,
            )
        self.ops.run(
            lambda _progress: ParticipantIndex.load(self.ws),
            on_success=self.set_index,
            parent=self,
        )

    def _first_page(self, page: tuple[list[str], int]) -> None:
        if self.index is not None:  # the index came first
            return
        if not self.window().isVisible():  # the window closed meanwhile: its base may be too
            return
        self._total = page[1]
        self.apply_search()

    def set_index(self, index: ParticipantIndex) -> None:
        """Use a loaded index and show the list."""
        self.index = index
        self.apply_search()
        self.index_ready.emit()

    def current_filter(self) -> IndexFilter:
        """The filter the agent set up."""
        return IndexFilter(
            text=self.search_edit.text(),
            site_id=self.site_filter.currentData(),
            autonomie=self.autonomy_filter.currentData(),
            has_tablet=self.tablet_filter.currentData(),
            stage=self.stage_filter.currentData(),
        )

    def apply_search(self) -> None:
        """Show the participants matching the search and filters."""
        self._timer.stop()
        if self.index is None:
            self._search_base()
            return
        ids = self.index.search_view(self.current_filter(), *self._sort)
        self.model.set_ids(ids)
        if ids:
            self.view.selectRow(0)
        self.count_label.setText(
            translate("ParticipantsPane", "{n} participant(s) sur {total}").format(
                n=QLocale().toString(len(ids)), total=QLocale().toString(len(self.index))
            )
            if len(self.index)
            else translate(
                "ParticipantsPane",
                "Aucun participant pour l'instant. Ctrl+N inscrit la première personne ; "
                "les personnes des autres sites arrivent par la Synchronisation.",
            )
        )
        self.list_updated.emit(len(ids))

    def _search_base(self) -> None:
        """While the index loads: the first page of matches, read from the base."""
        if self._total is None:  # not even the first page yet
            return
        ids, self._total = search_page(self.ws, self.current_filter(), PAGE)
        self.model.set_ids(ids)
        if ids:
            self.view.selectRow(0)
        self.count_label.setText(
            translate(
                "ParticipantsPane", "{n} premiers participants sur {total} (index en chargement…)"
            ).format(n=QLocale().toString(len(ids)), total=QLocale().toString(self._total))
        )
        self.list_updated.emit(len(ids))

    def _sort_by(self, column: str, descending: bool) -> None:
        self._sort = (column, descending)
        self.apply_search()

    def participants_changed(self, ids: Sequence[str]) -> None:
        """Patch the index after participants changed, keeping the current one selected."""
        if self.index is None:
            return
        current = self.current_id()
        self.index.refresh(self.ws, ids)
        self.model.forget(ids)
        self.apply_search()
        if current:
            self.select(current)

    def current_id(self) -> str | None:
        """The selected participant's id."""
        index = self.view.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def select(self, participant_id: str) -> bool:
        """Select a participant if shown."""
        row = self.model.row_of(participant_id)
        if row >= 0:
            self.view.selectRow(row)
        return row >= 0

    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in the search box, its text selected."""
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def open_current(self) -> None:
        """Open the selected participant's card (the first one if none is selected)."""
        pid = self.current_id() or self.model.id_at(0)
        if pid:
            self.open_requested.emit(pid)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in _ENTER:
                self.open_current()
                return True
            if watched is self.search_edit and key == Qt.Key.Key_Down:
                self.view.setFocus()
                if not self.view.currentIndex().isValid():
                    self.view.selectRow(0)
                return True
        return super().eventFilter(watched, event)
