"""The main window: navigation between the panes an agent uses all day."""

from __future__ import annotations

import linecache
from collections.abc import Callable
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QProgressBar,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from ardoiz_desk.gui.app.wizard import FirstStartDialog, needs_first_start
from ardoiz_desk.gui.kit.a11y import complete_names, no_focus
from ardoiz_desk.gui.kit.dialogs import DialogSeam
from ardoiz_desk.gui.kit.i18n import translate
from ardoiz_desk.gui.kit.operations import Change, Changed, ChangeHub, Operations
from ardoiz_desk.gui.kit.screen import fit_to_screen, restore_if_fits
from ardoiz_desk.gui.kit.shortcuts import ShortcutGuard, shortcuts_dialog, window_action
from ardoiz_desk.gui.kit.tasks import TaskRunner
from ardoiz_desk.gui.kit.text_size import apply_text_scale
from ardoiz_desk.gui.kit.ui_settings import UiSettings
from ardoiz_desk.gui.kit.widgets import error_label, select_code
from ardoiz_desk.gui.participants.list_pane import ParticipantsPane
from ardoiz_desk.services.exchange.identity import coordinated_territory
from ardoiz_desk.services.health import check_base, clock_warning
from ardoiz_desk.services.sites.sites import this_agent, this_site
from ardoiz_desk.services.workspace import Workspace

if TYPE_CHECKING:  # the other panes and dialogs are imported when first used
    from ardoiz_desk.gui.activities.dialog import RecordActivityDialog
    from ardoiz_desk.gui.activities.pane import ActivitiesPane
    from ardoiz_desk.gui.agents.pane import AgentsPane
    from ardoiz_desk.gui.exchange.auto_sync import AutoSync
    from ardoiz_desk.gui.followups.pane import FollowUpsPane
    from ardoiz_desk.gui.participants.card import ParticipantCard
    from ardoiz_desk.gui.participants.duplicates import DuplicatesDialog
    from ardoiz_desk.gui.settings.pane import SettingsPane

PARTICIPANTS, ACTIVITIES, FOLLOWUPS, AGENTS, SYNC, REPORTS, SETTINGS = range(7)
#: Automatic rounds start once the participants index is loaded, or after this at the latest.
AUTO_SYNC_LATEST_MS = 5_000


def show_clock_warning(label: QLabel, warning: str | None) -> None:
    """Show the computer-date warning in the status bar, or nothing."""
    label.setText(warning or "")
    label.setVisible(bool(warning))


def _scrollable(pane: QWidget) -> QScrollArea:
    """Let a pane scroll rather than force its minimum width on the window (large text)."""
    area = no_focus(QScrollArea())
    area.setObjectName("paneScroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(complete_names(pane))
    return area


def first_field(pane: QWidget) -> QWidget:
    """The first widget of a pane that Tab would reach (the pane itself if none)."""
    widget = pane.nextInFocusChain()
    while widget is not pane and widget is not None:
        if (
            pane.isAncestorOf(widget)
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.isVisibleTo(pane)
            and widget.isEnabled()
        ):
            return widget
        widget = widget.nextInFocusChain()
    return pane


def window_title(ws: Workspace) -> str:
    """« Site — agent — Ardoiz Desk », with the coordination named: two windows differ."""
    site, agent = this_site(ws), this_agent(ws)
    parts = []
    if site is not None:
        parts.append(site.name)
    coordinated = coordinated_territory(ws)
    if coordinated is not None:
        parts.append(translate("MainWindow", "coordination « {0} »").format(coordinated))
    if agent is not None:
        parts.append(agent.name)
    parts.append(translate("MainWindow", "Ardoiz Desk"))
    return " — ".join(parts)


class MainWindow(QMainWindow):
    """The counter window."""

    def __init__(
        self,
        ws: Workspace,
        dialogs: DialogSeam | None = None,
        settings: UiSettings | None = None,
    ) -> None:
        super().__init__()
        self.ws = ws
        self.dialogs = dialogs or DialogSeam()
        self.settings = settings or UiSettings(ws.data_dir)
        self.hub = ChangeHub(self)
        self.runner = TaskRunner(self)
        # One runner, one change hub and one dialog seam shared by every pane.
        self.ops = Operations(self.runner, self.hub, self.dialogs, self)
        self.card: ParticipantCard | None = None
        self.activity_dialog: RecordActivityDialog | None = None
        self.wizard: FirstStartDialog | None = None
        self.setObjectName("mainWindow")
        self.setWindowTitle(translate("MainWindow", "Ardoiz Desk"))
        self._build_panes()
        self._build_status_bar()
        self.auto_sync: AutoSync | None = None  # installed once the window is up
        self._shortcuts()
        self._restore_geometry()
        self._index_requested = False
        self._closed = False
        self.show_identity()

    def _build_panes(self) -> None:
        self.participants = ParticipantsPane(self.ws, self.ops)
        # Only the participants list is built now: every other pane is built (and its
        # module imported) the first time it is shown or used, which keeps start-up short
        # (the settings pane alone reads every participant's last contact for the
        # retention preview; the synchronisation and report panes load charts).
        self._panes: dict[int, QWidget] = {PARTICIPANTS: self.participants}
        self.participants.open_requested.connect(self.open_participant)
        self.participants.new_requested.connect(self.new_participant)
        self.participants.duplicates_requested.connect(self.review_duplicates)
        self.hub.changed.connect(self._data_changed)
        self.stack = QStackedWidget()
        self.nav = QListWidget()
        self.nav.setAccessibleName(translate("MainWindow", "Navigation"))
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(210)
        panes = (
            (translate("MainWindow", "Participants"), self.participants),
            (translate("MainWindow", "Activités"), QWidget()),
            (translate("MainWindow", "Suivis"), QWidget()),
            (translate("MainWindow", "Agents et formation"), QWidget()),
            (translate("MainWindow", "Synchronisation"), QWidget()),
            (translate("MainWindow", "Rapports"), QWidget()),
            (translate("MainWindow", "Paramètres"), QWidget()),
        )
        for number, (title, pane) in enumerate(panes, start=1):
            self.nav.addItem(title)
            self.nav.item(number - 1).setToolTip(f"Ctrl+{number}")
            self.stack.addWidget(_scrollable(pane))
        self._size_nav_items()
        self.nav.currentRowChanged.connect(self._pane_chosen)
        self.nav.setCurrentRow(PARTICIPANTS)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        # Qt moves only the second widget of a pair: chain the whole declared order again.
        for first, second in pairwise([self.nav, *self.participants.tab_chain()]):
            self.setTabOrder(first, second)

    def _pane_chosen(self, row: int) -> None:
        """Show a pane, building it on first use (panes refresh themselves when shown)."""
        self._pane(row)
        self.stack.setCurrentIndex(row)

    def _pane(self, row: int) -> QWidget:
        """Return a pane, building it (and importing its module) the first time."""
        pane = self._panes.get(row)
        if pane is None:
            pane = self._panes[row] = self._pane_builders()[row]()
            self._replace_pane(row, pane)
        return pane

    def _pane_builders(self) -> dict[int, Callable[[], QWidget]]:
        return {
            ACTIVITIES: self._build_activities,
            FOLLOWUPS: self._build_followups,
            AGENTS: self._build_agents,
            SYNC: self._build_sync,
            REPORTS: self._build_reports,
            SETTINGS: self._build_settings,
        }

    def _build_activities(self) -> QWidget:
        from ardoiz_desk.gui.activities.pane import ActivitiesPane

        pane = ActivitiesPane(self.ws, self.ops)
        pane.record_requested.connect(self.record_activity)
        pane.open_requested.connect(self.open_activity)
        return pane

    def _build_followups(self) -> QWidget:
        from ardoiz_desk.gui.followups.pane import FollowUpsPane

        pane = FollowUpsPane(self.ws, self.ops)
        pane.open_requested.connect(self.open_participant)
        return pane

    def _build_agents(self) -> QWidget:
        from ardoiz_desk.gui.agents.pane import AgentsPane

        pane = AgentsPane(self.ws, self.ops)
        pane.training_requested.connect(lambda: self.record_activity("formation"))
        return pane

    def _build_sync(self) -> QWidget:
        from ardoiz_desk.gui.exchange.pane import SyncPane

        return SyncPane(self.ws, self.ops)

    def _build_reports(self) -> QWidget:
        from ardoiz_desk.gui.reports.pane import ReportsPane

        return ReportsPane(self.ws, self.ops)

    def _build_settings(self) -> QWidget:
        from ardoiz_desk.gui.settings.pane import SettingsPane

        pane = SettingsPane(self.ws, self.settings, self.ops)
        pane.text_scale_changed.connect(self.apply_text_scale)
        if self.auto_sync is not None:
            from ardoiz_desk.gui.exchange.window_sync import connect_settings

            connect_settings(self.auto_sync, pane)
        return pane

    @property
    def activities(self) -> ActivitiesPane:
        return self._pane(ACTIVITIES)  # type: ignore[return-value]

    @property
    def followups(self) -> FollowUpsPane:
        return self._pane(FOLLOWUPS)  # type: ignore[return-value]

    @property
    def agents(self) -> AgentsPane:
        return self._pane(AGENTS)  # type: ignore[return-value]

    @property
    def settings_pane(self) -> SettingsPane:
        return self._pane(SETTINGS)  # type: ignore[return-value]

    @property
    def sync_pane(self) -> QWidget | None:
        """The synchronisation pane once it was shown (None before)."""
        return self._panes.get(SYNC)

    @property
    def reports_pane(self) -> QWidget | None:
        """The reports pane once it was shown (None before)."""
        return self._panes.get(REPORTS)

    def _replace_pane(self, row: int, pane: QWidget) -> QWidget:
        old = self.stack.widget(row)
        self.stack.insertWidget(row, _scrollable(pane))
        self.stack.removeWidget(old)
        old.deleteLater()
        return pane

    def _size_nav_items(self) -> None:
        """Give navigation entries room to breathe, in proportion to the text size."""
        height = int(QFontMetrics(QApplication.font()).height() * 2.2)
        for row in range(self.nav.count()):
            self.nav.item(row).setSizeHint(QSize(0, height))

    def _build_status_bar(self) -> None:
        self.identity = QLabel()
        self.statusBar().addWidget(self.identity, 1)
        self.clock_warning = error_label()
        self.clock_warning.setWordWrap(True)
        self.statusBar().addWidget(self.clock_warning, 2)
        show_clock_warning(self.clock_warning, clock_warning(self.ws))
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setAccessibleName(translate("MainWindow", "Travail en cours"))
        self.progress.hide()
        self.statusBar().addPermanentWidget(self.progress)
        self.runner.busy_changed.connect(self._busy)
        self.runner.progressed.connect(self._progress)

    def _shortcuts(self) -> None:
        """Window-wide actions: they work from the search box or a table alike."""
        self.shortcut_guard = ShortcutGuard(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.shortcut_guard)
        self.actions_by_key: dict[str, QAction] = {}
        for number in range(1, 8):
            self._action(f"Ctrl+{number}", lambda n=number: self.show_pane(n - 1, focus=True))
        self._action("Ctrl+F", self.focus_search)
        self._action("Ctrl+N", self.new_participant)
        self._action("Ctrl+E", self.record_activity)
        self._action("F1", self.show_shortcuts)

    def _action(self, keys: str, slot) -> QAction:
        action = window_action(self, self.shortcut_guard, keys, keys, slot)
        self.actions_by_key[keys] = action
        return action

    def show_shortcuts(self) -> QDialog:
        """F1: the list of keyboard shortcuts."""
        dialog = shortcuts_dialog(self)
        fit_to_screen(dialog, 640, 560)
        self.shortcuts_help = dialog
        self.dialogs.show(dialog)
        return dialog

    def _restore_geometry(self) -> None:
        """The saved geometry if it still fits this screen; else as large as the screen allows."""
        if restore_if_fits(self, self.settings.geometry()):
            return
        size = fit_to_screen(self, 1280, 800)
        if size.width() < 1280 or size.height() < 800:
            # A small screen: all of it (also where no window manager maximises).
            fit_to_screen(self, 10_000, 10_000)
            self.setWindowState(Qt.WindowState.WindowMaximized)

    def _busy(self, busy: bool) -> None:
        self.progress.setRange(0, 0)
        self.progress.setVisible(busy)

    def _progress(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, max(total, 0))
        self.progress.setValue(done)
        if message:
            self.statusBar().showMessage(message, 4000)

    def show_pane(self, row: int, focus: bool = False) -> None:
        """Switch to a pane (Ctrl+1 … Ctrl+7 also put the keyboard in it)."""
        self.nav.setCurrentRow(row)
        if not focus:
            return
        if row == PARTICIPANTS:
            self.participants.focus_search()
        elif row == FOLLOWUPS:
            self.followups.focus_list()
        else:
            pane = {ACTIVITIES: self.activities, AGENTS: self.agents}.get(row)
            target = getattr(pane, "view", None) or first_field(self.stack.currentWidget())
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_search(self) -> None:
        """Ctrl+F: the participants list, cursor in the search box."""
        self.show_pane(PARTICIPANTS)
        self.participants.focus_search()

    def open_participant(self, participant_id: str | None) -> ParticipantCard:
        """Open a participant's card (a new one when the id is None)."""
        from ardoiz_desk.gui.participants.card import ParticipantCard

        card = ParticipantCard(self.ws, participant_id, self.ops, self)
        complete_names(card)
        self.card = card
        self.dialogs.show(card)
        return card

    def review_duplicates(self) -> DuplicatesDialog:
        """The likely duplicates, to merge or dismiss."""
        from ardoiz_desk.gui.participants.duplicates import DuplicatesDialog  # rapidfuzz

        dialog = DuplicatesDialog(self.ws, self.ops, self)
        self.duplicates_dialog = dialog
        self.dialogs.show(dialog)
        return dialog

    def new_participant(self) -> ParticipantCard:
        """Ctrl+N: an empty card."""
        return self.open_participant(None)

    def record_activity(self, kind: str | None = None) -> RecordActivityDialog:
        """Ctrl+E: the record-an-activity dialog."""
        from ardoiz_desk.gui.activities.dialog import RecordActivityDialog
        from ardoiz_desk.gui.activities.picker import candidate_search

        search = candidate_search(self.ws, lambda: self.participants.index)
        dialog = RecordActivityDialog(self.ws, search, self.ops, self)
        complete_names(dialog)
        if kind:
            select_code(dialog.kind, kind)
        return self._show_activity_dialog(dialog)

    def open_activity(self, activity_id: str) -> RecordActivityDialog:
        """Open a recorded activity in the same dialog, to correct or delete it."""
        from ardoiz_desk.gui.activities.dialog import RecordActivityDialog
        from ardoiz_desk.gui.activities.picker import candidate_search

        search = candidate_search(self.ws, lambda: self.participants.index)
        dialog = RecordActivityDialog(self.ws, search, self.ops, self, activity_id=activity_id)
        return self._show_activity_dialog(dialog)

    def _show_activity_dialog(self, dialog: RecordActivityDialog) -> RecordActivityDialog:
        # The Activités pane patches its index for this one activity instead of reloading.
        dialog.origin = self.activities
        dialog.recorded.connect(self._activity_recorded)
        dialog.deleted.connect(self._activity_deleted)
        self.activity_dialog = dialog
        self.dialogs.show(dialog)
        return dialog

    def _activity_recorded(self, activity) -> None:
        self.activities.activities_changed([activity.id])
        self.statusBar().showMessage(translate("MainWindow", "Activité enregistrée."), 5000)

    def _activity_deleted(self, activity_id: str, _present: list) -> None:
        self.activities.activities_changed([activity_id])
        self.statusBar().showMessage(translate("MainWindow", "Activité supprimée."), 5000)

    def _data_changed(self, change: Changed) -> None:
        if change.touches(Change.SITES | Change.AGENTS | Change.TERRITORY):
            self.show_identity()
        if change.touches(Change.PEERS):
            # An imported coordinator's bundle may say this computer's date runs ahead.
            show_clock_warning(self.clock_warning, clock_warning(self.ws))

    def show_identity(self) -> None:
        """Name this counter's site and agent in the status bar and the window title."""
        site, agent = this_site(self.ws), this_agent(self.ws)
        self.identity.setText(
            translate("MainWindow", "Site : {site} · Agent : {agent}").format(
                site=site.name if site else "—", agent=agent.name if agent else "—"
            )
        )
        self.setWindowTitle(window_title(self.ws))

    def data_reloaded(self) -> None:
        """Everything may have changed (demo data, an imported bundle): every pane reloads."""
        self.hub.announce(Change.DATA)

    def maybe_start_wizard(self) -> FirstStartDialog | None:
        """Show the first-start wizard if this installation has no site yet."""
        if not needs_first_start(self.ws):
            return None
        self.wizard = FirstStartDialog(self.ws, self.ops, self)
        complete_names(self.wizard)
        self.dialogs.show(self.wizard)
        return self.wizard

    def apply_text_scale(self, percent: int) -> None:
        """Apply the text-size setting to the whole application."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_text_scale(app, percent)
            self._size_nav_items()
            reports = self.reports_pane
            if reports is not None:
                # Its charts take their text size when drawn: draw them again (lazy if hidden).
                reports.refresh()  # type: ignore[attr-defined]

    def base_is_sound(self) -> bool:
        """Return whether the base passes its integrity check (used by the self-test)."""
        return check_base(self.ws).sound

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._index_requested:
            # Take the keyboard when first shown: where no window manager hands it over (or
            # the start window just closed), the window-wide shortcuts (Ctrl+E …) only work
            # in the active window, while typed text would still reach the search box.
            self.activateWindow()
            # Loading runs in the background; starting it once the window is up keeps the
            # worker thread from competing with the first paint.
            self._index_requested = True
            # PySide6 reads the source of every module imported after it (looking for
            # ``from __feature__ import``) and linecache keeps it: ~9 MiB of text the
            # index can reuse (read again, should a traceback need it).
            linecache.clearcache()
            QTimer.singleShot(0, self.participants.load_index)
            # Rounds start once the list is fully searchable: their module loads the
            # exchange services and the cryptography (0.1–0.2 s of the GUI thread), which
            # would otherwise hold up the agent's first search. The first round runs then if
            # the folder is there; should the index never load, they start a little later.
            self.participants.index_ready.connect(self._start_auto_sync)
            QTimer.singleShot(AUTO_SYNC_LATEST_MS, self, self._start_auto_sync)

    def _start_auto_sync(self) -> None:
        if self.auto_sync is not None or self._closed:
            return
        from ardoiz_desk.gui.exchange.window_sync import connect_settings, install_auto_sync

        self.auto_sync = install_auto_sync(self)
        if SETTINGS in self._panes:
            connect_settings(self.auto_sync, self._panes[SETTINGS])
        self.auto_sync.start()

    def closeEvent(self, event) -> None:
        self._closed = True
        self.settings.save_geometry(self.saveGeometry())
        self.settings.sync()
        if self.auto_sync is not None:
            self.auto_sync.closing_round()  # what was typed since the last round goes out
        self.runner.wait(10_000)
        self.ops.stop()
        event.accept()
