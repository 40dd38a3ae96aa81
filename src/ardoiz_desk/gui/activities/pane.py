"""The Activités pane: every activity, searched and filtered as you type, opened to correct.

Like the participants list, it holds the ids of the activities shown and reads a page of
rows when the table first shows it: 300,000 activities list in milliseconds. Enter or a
double-click opens the activity in the recording dialog; Delete removes it (after asking).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import (
    QDate,
    QEvent,
    QLocale,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ardoiz_desk.gui.activities.list_model import ActivityTableModel
from ardoiz_desk.gui.kit import vocabulary as voc
from ardoiz_desk.gui.kit.a11y import buddy, hidden_label, release_tab
from ardoiz_desk.gui.kit.i18n import translate
from ardoiz_desk.gui.kit.operations import Change, Changed, Operations, follow
from ardoiz_desk.gui.kit.tasks import user_message
from ardoiz_desk.gui.kit.widgets import code_combo, compact, heading
from ardoiz_desk.services.activities.corrections import delete_activity
from ardoiz_desk.services.activities.search_index import (
    ActivityFilter,
    ActivityIndex,
    activity_rows,
    newest_activity_ids,
)
from ardoiz_desk.services.sites.sites import list_agents, list_sites
from ardoiz_desk.services.validation import NotFoundError
from ardoiz_desk.services.workspace import Workspace

NO_DATE = QDate(2000, 1, 1)  # the date edits' "no bound" value, shown as "—"
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ActivitiesPane(QWidget):
    """Every activity, newest first; search, filters, open to correct, delete."""

    record_requested = Signal()
    open_requested = Signal(str)
    deleted = Signal(str, list)  # activity id, ids of the participants who were present
    index_ready = Signal()
    list_updated = Signal(int)

    SEARCH_DELAY_MS = 0

    def __init__(self, ws: Workspace, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.ops = ops
        self.runner = ops.runner
        self.dialogs = ops.dialogs
        self.index: ActivityIndex | None = None
        self._loading = False
        self._pending: set[str] = set()  # changed while the index was loading
        self._oldest_first = False
        self._timer = QTimer(self, singleShot=True, interval=self.SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_search)
        self.model = ActivityTableModel(lambda ids: activity_rows(self.ws, ids), self)
        self.model.order_requested.connect(self._order_by_date)
        self._build()
        # Loads at its first show; afterwards an activity recorded, corrected or deleted
        # here is patched in (the dialogs say this pane is their origin), anything else
        # (an import) reloads the index; names of sites and agents are re-read.
        follow(ops.hub, self, Change.ACTIVITIES | Change.AGENTS | Change.SITES, self._data_changed)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading(translate("ActivitiesPane", "Activités")))
        top.addStretch(1)
        self.open_button = QPushButton(translate("ActivitiesPane", "Ouvrir"))
        self.open_button.setToolTip(translate("ActivitiesPane", "Entrée"))
        self.open_button.clicked.connect(self.open_current)
        self.delete_button = QPushButton(translate("ActivitiesPane", "Supprimer…"))
        self.delete_button.setToolTip(translate("ActivitiesPane", "Suppr"))
        self.delete_button.clicked.connect(self.delete_current)
        self.record_button = QPushButton(translate("ActivitiesPane", "Enregistrer une activité"))
        self.record_button.setToolTip(translate("ActivitiesPane", "Ctrl+E"))
        self.record_button.clicked.connect(self.record_requested)
        for button in (self.open_button, self.delete_button, self.record_button):
            top.addWidget(button)
        layout.addLayout(top)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(
            translate("ActivitiesPane", "Rechercher par titre, thématique ou personne présente")
        )
        self.search_edit.setAccessibleName(translate("ActivitiesPane", "Recherche d'activités"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self.search_edit.installEventFilter(self)
        layout.addWidget(self.search_edit)
        layout.addLayout(self._filters())
        self.view = self._table()
        layout.addWidget(self.view, 1)
        self.count_label = QLabel(translate("ActivitiesPane", "Chargement des activités…"))
        self.count_label.setAccessibleName(translate("ActivitiesPane", "Nombre d'activités"))
        layout.addWidget(self.count_label)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText("—")
        edit.setDate(NO_DATE)
        edit.setAccessibleName(name)
        edit.dateChanged.connect(lambda _d: self.apply_search())
        return edit

    def _filters(self) -> QVBoxLayout:
        # Two short rows (dates and who was there, then type, site, agent): the pane fits
        # a 1024 px screen and large text.
        rows = QVBoxLayout()
        row = QHBoxLayout()
        second = QHBoxLayout()
        rows.addLayout(row)
        rows.addLayout(second)
        self.date_from = self._date_edit(translate("ActivitiesPane", "Depuis le"))
        self.date_to = self._date_edit(translate("ActivitiesPane", "Jusqu'au"))
        row.addWidget(buddy(QLabel(translate("ActivitiesPane", "Du")), self.date_from))
        row.addWidget(self.date_from)
        row.addWidget(buddy(QLabel(translate("ActivitiesPane", "au")), self.date_to))
        row.addWidget(self.date_to)
        self.kind_filter = code_combo(
            voc.kinds(),
            translate("ActivitiesPane", "Filtrer par type"),
            empty=translate("ActivitiesPane", "Tous les types"),
        )
        self.site_filter = QComboBox()
        self.site_filter.setAccessibleName(translate("ActivitiesPane", "Filtrer par site"))
        self.agent_filter = QComboBox()
        self.agent_filter.setAccessibleName(translate("ActivitiesPane", "Filtrer par agent"))
        for combo in (self.kind_filter, self.site_filter, self.agent_filter):
            combo.currentIndexChanged.connect(lambda _i: self.apply_search())
            second.addWidget(compact(combo, 12))
            # a screen reader says what the filter is before its value ("Tous les sites")
            hidden_label(combo.accessibleName(), combo)
        self.participant_filter = QLineEdit()
        self.participant_filter.setPlaceholderText(translate("ActivitiesPane", "Participant"))
        self.participant_filter.setAccessibleName(
            translate("ActivitiesPane", "Filtrer par participant présent")
        )
        self.participant_filter.setClearButtonEnabled(True)
        self.participant_filter.textChanged.connect(lambda _t: self._timer.start())
        row.addWidget(self.participant_filter, 1)
        second.addStretch(1)
        self.reload_directory()
        return rows

    def _table(self) -> QTableView:
        view = release_tab(QTableView())
        view.setModel(self.model)
        view.setAccessibleName(translate("ActivitiesPane", "Liste des activités"))
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
        for column, width in enumerate((95, 170, 300, 70, 110, 200)):
            view.setColumnWidth(column, width)
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        view.setSortingEnabled(True)
        view.doubleClicked.connect(lambda _i: self.open_current())
        view.installEventFilter(self)
        return view

    def reload_directory(self) -> None:
        """Refill the site and agent filters from the directory."""
        for combo, everyone, items in (
            (
                self.site_filter,
                translate("ActivitiesPane", "Tous les sites"),
                [(s.id, s.name) for s in list_sites(self.ws, include_retired=True)],
            ),
            (
                self.agent_filter,
                translate("ActivitiesPane", "Tous les agents"),
                [(a.id, a.name) for a in list_agents(self.ws)],
            ),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everyone, None)
            for key, name in items:
                combo.addItem(name, key)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    # -- loading and searching ---------------------------------------------------------

    def _data_changed(self, change: Changed) -> None:
        if change.touches(Change.AGENTS | Change.SITES):
            self.model.forget_all()
        if change.touches(Change.ACTIVITIES):
            self.forget_index()
        self.refresh()

    def refresh(self) -> None:
        """Load the index the first time (in the background); afterwards keep it."""
        self.reload_directory()
        if self.index is None:
            self.load_index()
        else:
            self.apply_search()

    def load_index(self) -> None:
        """(Re)load every activity's keys in the background; the list fills when ready."""
        if self._loading:
            return
        self._loading = True
        if self.index is None:
            # The newest page comes straight from the base: the list is there at once.
            self.model.set_ids(newest_activity_ids(self.ws))
            self.list_updated.emit(self.model.rowCount())
        self.ops.run(
            lambda _progress: ActivityIndex.load(self.ws),
            on_success=self.set_index,
            on_failure=self._load_failed,
            parent=self,
        )

    def _load_failed(self, message: str, _details: str) -> None:
        self._loading = False
        self.count_label.setText(message)

    def forget_index(self) -> None:
        """Anything may have changed (an import): reload the index when next shown."""
        self.index = None

    def set_index(self, index: ActivityIndex) -> None:
        """Use a loaded index and show the list."""
        self._loading = False
        self.index = index
        if self._pending:  # recorded, corrected or deleted while it loaded
            index.refresh(self.ws, sorted(self._pending))
            self._pending.clear()
        self.apply_search()
        self.index_ready.emit()

    def current_filter(self) -> ActivityFilter:
        """The search and filters the agent set up."""

        def day(edit: QDateEdit) -> dt.date | None:
            return None if edit.date() == NO_DATE else edit.date().toPython()

        return ActivityFilter(
            text=self.search_edit.text(),
            date_from=day(self.date_from),
            date_to=day(self.date_to),
            kind=self.kind_filter.currentData(),
            site_id=self.site_filter.currentData(),
            agent_id=self.agent_filter.currentData(),
            participant=self.participant_filter.text(),
        )

    def apply_search(self) -> None:
        """Show the activities matching the search and filters."""
        self._timer.stop()
        if self.index is None:
            return
        ids = self.index.search_view(self.current_filter(), oldest_first=self._oldest_first)
        self.model.set_ids(ids)
        if ids:
            self.view.selectRow(0)
        self.count_label.setText(
            translate("ActivitiesPane", "{n} activité(s) sur {total}").format(
                n=QLocale().toString(len(ids)), total=QLocale().toString(len(self.index))
            )
        )
        self.list_updated.emit(len(ids))

    def _order_by_date(self, oldest_first: bool) -> None:
        self._oldest_first = oldest_first
        self.apply_search()

    def activities_changed(self, ids: Sequence[str]) -> None:
        """Patch the index after activities were recorded, corrected or deleted."""
        if self.index is None:
            if self._loading:
                self._pending.update(ids)
                self.model.forget(ids)
                self.model.set_ids(newest_activity_ids(self.ws))
            return
        current = self.current_id()
        self.index.refresh(self.ws, ids)
        self.model.forget(ids)
        self.apply_search()
        if current:
            self.select(current)

    # -- the selected activity -----------------------------------------------------------

    def current_id(self) -> str | None:
        """The selected activity's id."""
        index = self.view.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def select(self, activity_id: str) -> bool:
        """Select an activity if shown."""
        row = self.model.row_of(activity_id)
        if row >= 0:
            self.view.selectRow(row)
        return row >= 0

    def open_current(self) -> None:
        """Open the selected activity to correct it."""
        aid = self.current_id() or self.model.id_at(0)
        if aid:
            self.open_requested.emit(aid)

    def delete_current(self) -> bool:
        """Delete the selected activity, after asking; the deletion travels in bundles."""
        aid = self.current_id()
        if not aid:
            return False
        row = self.model.row_of(aid)
        what = " — ".join(str(self.model.index(row, c).data() or "") for c in (0, 1, 2) if row >= 0)
        if not self.dialogs.ask(
            self,
            translate("ActivitiesPane", "Supprimer cette activité ?"),
            translate(
                "ActivitiesPane",
                "{what}\n\nL'activité et sa liste de présents seront supprimées, "
                "sur ce poste et sur les autres sites après l'échange des paquets.\n"
                "Supprimer quand même ?",
            ).format(what=what),
        ):
            return False
        try:
            present = delete_activity(self.ws, aid)
            self.ops.announce(
                Change.ACTIVITIES | Change.PARTICIPANTS | Change.FOLLOWUPS | Change.AGENTS,
                present,
                origin=self,
            )
        except NotFoundError:
            present = []
        except Exception as exc:  # a full disk, a locked base: nothing was deleted
            self.dialogs.error(
                self, translate("ActivitiesPane", "Suppression impossible"), user_message(exc)
            )
            return False
        self.activities_changed([aid])
        self.deleted.emit(aid, present)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in _ENTER:
                self.open_current()
                return True
            if watched is self.view and key == Qt.Key.Key_Delete:
                self.delete_current()
                return True
            if watched is self.search_edit and key == Qt.Key.Key_Down:
                self.view.setFocus()
                if not self.view.currentIndex().isValid():
                    self.view.selectRow(0)
                return True
        return super().eventFilter(watched, event)
