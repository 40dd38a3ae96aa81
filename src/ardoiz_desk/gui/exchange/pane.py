"""Synchronisation pane: send and receive bundles, review conflicts, approve new replicas.

Every import is first run as a dry run whose preview the agent confirms; all long work goes
through the window's Operations so the window never freezes; what an import or a decision
changed is announced on the window's change hub. File choosers are methods that tests
replace (``choose_*``) and open through the window's DialogSeam, so no test blocks on a
modal. The save dialog proposes the site's name and the date, in the folder last used (a USB
stick), remembered in the window's settings.

Until the installation belongs to a territory, sending and receiving are disabled and the
tab says why; no file dialog opens. Every success clears the red message of an earlier
failure (here or in the territory box). What the pane says names people, activities,
follow-ups and sites, never a table, a report path or an installation id.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ardoiz_desk.gui.exchange.board_tab import TerritoryBoardTab, ensure_board_tab
from ardoiz_desk.gui.exchange.clock_held import ClockHeldBox
from ardoiz_desk.gui.exchange.counter_status import counter_text
from ardoiz_desk.gui.exchange.preview_text import preview_html
from ardoiz_desk.gui.exchange.tabs import conflicts_tab, exchange_tab, peers_tab
from ardoiz_desk.gui.exchange.territory_box import TerritoryBox, role_label
from ardoiz_desk.gui.exchange.views import selected_item, table_model
from ardoiz_desk.gui.exchange.wording import changes_text, counts_text
from ardoiz_desk.gui.kit.dialogs import DialogSeam
from ardoiz_desk.gui.kit.operations import Change, Changed, Operations, follow
from ardoiz_desk.gui.kit.ui_settings import UiSettings
from ardoiz_desk.gui.kit.widgets import error_label, heading, hint, show_error
from ardoiz_desk.services.exchange.bundle_import import approve_replica, import_files, import_inbox
from ardoiz_desk.services.exchange.bundles import (
    ExportResult,
    export_bundle,
    proposed_bundle_name,
    set_sync_folder,
    sync_folder,
)
from ardoiz_desk.services.exchange.conflicts import keep_conflict, list_conflicts, overturn_conflict
from ardoiz_desk.services.exchange.import_report import ImportReport
from ardoiz_desk.services.exchange.sync_status import sync_status
from ardoiz_desk.services.exchange.territory import list_peers, territory_info
from ardoiz_desk.services.sites.sites import this_site
from ardoiz_desk.services.workspace import Workspace


def tr(text: str) -> str:
    """Translate a string of this pane."""
    return QCoreApplication.translate("SyncPane", text)


@dataclass(frozen=True)
class ImportSource:
    """What an import reads: chosen files, or the shared folder as it was at the preview."""

    kind: str  # "files" or "inbox"
    paths: tuple[Path, ...] = ()
    folder: Path | None = None
    # Path → SHA-256 of the files the preview read: apply imports those bytes and no others.
    previewed: dict[str, str] = field(default_factory=dict)


class SyncPane(QWidget):
    """Exchange bundles by file or shared folder; review what they changed."""

    # Built by exchange.tabs, in the manner of setupUi.
    scope: QComboBox
    folder_label: QLabel
    exchange_reason: QLabel
    exchange_buttons: list[QPushButton]
    outcomes: QTableView
    preview_detail: QTextBrowser
    apply_button: QPushButton
    cancel_button: QPushButton
    conflicts: QTableView
    peers: QTableView
    territory_box: TerritoryBox
    clock_box: ClockHeldBox
    counter_status: QLabel
    board_tab: TerritoryBoardTab | None = None

    def __init__(self, ws: Workspace, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.ops = ops
        self.runner = ops.runner
        self.ui = UiSettings(ws.data_dir)
        self._pending: ImportSource | None = None
        # replica id → its site's name, for what the tables say (filled by refresh)
        self.site_names: dict[str, str] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Synchronisation")))
        self.territory_label = hint("")
        layout.addWidget(self.territory_label)
        self.tabs = QTabWidget()
        self.territory_box = TerritoryBox(ws, ops)
        self.territory_box.changed.connect(self.territory_changed)
        self.territory_box.succeeded.connect(lambda: show_error(self.error, None))
        self.clock_box = ClockHeldBox(
            ws,
            ops,
            lambda q: (
                self.site_names.get(q.origin_replica)
                or q.site_code
                or tr("une installation sans site")
            ),
        )
        self.clock_box.approved.connect(self.refresh)
        self.tabs.addTab(exchange_tab(self), tr("Échanger"))
        self.tabs.addTab(conflicts_tab(self), tr("Conflits"))
        self.tabs.addTab(peers_tab(self), tr("Installations"))
        self._set_pending(None)
        layout.addWidget(self.tabs, 1)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(tr("Progression"))
        self.progress.hide()
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.error = error_label()
        for widget in (self.progress, self.status, self.error):
            layout.addWidget(widget)
        self.refresh()
        follow(
            ops.hub,
            self,
            Change.PEERS | Change.CONFLICTS | Change.TERRITORY | Change.SITES | Change.PARTICIPANTS,
            lambda _change: self.refresh(),
            stale=False,
        )
        if territory_info(ws) is None:
            self.tabs.setCurrentIndex(2)

    # --- seams (tests replace these) ------------------------------------------------------

    @property
    def dialogs(self) -> DialogSeam:
        """The window's dialog seam, handed over explicitly with the operations."""
        return self.ops.dialogs

    def proposed_export_path(self) -> Path:
        """Where the save dialog starts: the folder last used, the site's name and the date."""
        folder = self.ui.exchange_folder or Path.home()
        return folder / proposed_bundle_name(self.ws)

    def choose_export_path(self) -> Path | None:
        """Ask where to write a bundle; remember its folder for next time."""
        path = self.dialogs.choose_save_path(
            self,
            tr("Exporter un paquet"),
            self.proposed_export_path(),
            tr("Paquets Ardoiz (*.ardoiz)"),
        )
        if path is not None:
            self.ui.exchange_folder = path.parent
        return path

    def choose_import_files(self) -> list[Path]:
        """Ask which bundles to import, from the folder last used; remember it."""
        paths = self.dialogs.choose_open_paths(
            self,
            tr("Importer des paquets"),
            self.ui.exchange_folder,
            tr("Paquets Ardoiz (*.ardoiz)"),
        )
        if paths:
            self.ui.exchange_folder = paths[0].parent
        return paths

    def choose_folder(self) -> Path | None:
        """Ask for the shared folder."""
        return self.dialogs.choose_folder(
            self, tr("Dossier partagé"), sync_folder(self.ws) or self.ui.exchange_folder
        )

    # --- refresh --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload territory, folder, conflicts and replicas (all quick reads)."""
        info = self.territory_box.refresh()
        self.territory_label.setText(
            tr("Territoire « {0} » — ce poste : {1} — empreinte de sa clé : {2}").format(
                info.name, role_label(info.role), info.fingerprint
            )
            if info
            else tr(
                "Ce poste n'appartient à aucun territoire : rejoignez-le ou créez-le dans l'onglet « Installations »."  # noqa: E501
            )
        )
        folder = sync_folder(self.ws)
        self.folder_label.setText(
            tr("Dossier partagé : {0}").format(folder)
            if folder
            else tr("Aucun dossier partagé choisi.")
        )
        self.counter_status.setText(counter_text(sync_status(self.ws)))
        self._show_exchange_allowed(info is not None)
        board = ensure_board_tab(self)
        if board is not None and self.tabs.currentWidget() is board:
            board.refresh()
        peers = list_peers(self.ws) if info else []
        self.site_names.clear()
        self.site_names.update({p.replica_id: p.site_name or p.site_code for p in peers})
        here = this_site(self.ws)
        if here is not None:  # this installation's own files in the shared folder
            self.site_names[self.ws.replica_id] = here.name
        self.scope.clear()
        self.scope.addItem(tr("Tout (paquet complet)"), None)
        for p in peers:
            if p.status == "trusted":
                self.scope.addItem(
                    tr("Seulement ce qui manque à {0}").format(
                        p.site_name or p.site_code or tr("une installation sans site")
                    ),
                    p.replica_id,
                )
        table_model(self.peers).set_items(peers)
        self.clock_box.refresh()
        conflicts = list_conflicts(self.ws)
        table_model(self.conflicts).set_items(conflicts)
        self.tabs.setTabText(
            1, tr("Conflits ({0})").format(len(conflicts)) if conflicts else tr("Conflits")
        )
        pending = sum(1 for p in peers if p.status == "pending")
        self.tabs.setTabText(
            2,
            tr("Installations ({0} en attente)").format(pending)
            if pending
            else tr("Installations"),
        )

    def _show_exchange_allowed(self, allowed: bool) -> None:
        """Send and receive only once in a territory; until then say why, plainly."""
        for button in self.exchange_buttons:
            button.setEnabled(allowed)
        self.scope.setEnabled(allowed)
        self.exchange_reason.setVisible(not allowed)

    def _exchange_allowed(self) -> bool:
        """True once in a territory; otherwise the reason is shown and nothing opens."""
        allowed = territory_info(self.ws) is not None
        self._show_exchange_allowed(allowed)
        return allowed

    # --- running work ---------------------------------------------------------------------

    def _run(self, work, done, busy_text: str, changes: Change = Change.NONE) -> None:
        show_error(self.error, None)
        self.status.setText(busy_text)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.ops.run(
            work,
            on_success=lambda r: self._finished(done, r),
            on_failure=self._failed,  # inline, in the pane: one message
            on_progress=self._progress,
            # This pane refreshed itself in ``done``; the others reload.
            changes=lambda _r: Changed(changes, origin=self),
            parent=self,
        )

    def _progress(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))
        self.progress.setFormat(message[:80])

    def _finished(self, done, result) -> None:
        self.progress.hide()
        self._succeeded()
        done(result)

    def _succeeded(self) -> None:
        """A success makes any red message shown before stale: clear them all."""
        show_error(self.error, None)
        self.territory_box.clear_error()

    def _failed(self, message: str, _details: str) -> None:
        self.progress.hide()
        self.status.setText("")
        show_error(self.error, message)

    # --- export ---------------------------------------------------------------------------

    def export_to_file(self) -> None:
        """Export to a chosen file."""
        if not self._exchange_allowed():
            return
        path = self.choose_export_path()
        if path is not None:
            self._export(path if path.suffix else path.with_suffix(".ardoiz"))

    def export_to_folder(self) -> None:
        """Export into the shared folder."""
        if not self._exchange_allowed():
            return
        folder = sync_folder(self.ws)
        if folder is None:
            show_error(self.error, tr("Choisissez d'abord le dossier partagé."))
            return
        self._export(folder)

    def _export(self, target: Path) -> None:
        peer = self.scope.currentData()
        self._run(
            lambda progress: export_bundle(
                self.ws, target, for_replica=peer, full=peer is None, progress=progress
            ),
            self._exported,
            tr("Export en cours…"),
        )

    def _exported(self, result: ExportResult) -> None:
        what = counts_text(result.counts) or tr("rien de nouveau")
        size = max(1, result.size // 1024)
        folder = sync_folder(self.ws)
        if folder is not None and result.path.parent == folder:
            text = tr("Paquet déposé dans le dossier partagé : {0} ({1} Ko).").format(what, size)
        else:
            text = tr("Paquet enregistré : « {0} » dans {1} — {2} ({3} Ko).").format(
                result.path.name, result.path.parent, what, size
            )
        self.status.setText(text)

    def pick_folder(self) -> None:
        """Choose the shared folder."""
        folder = self.choose_folder()
        if folder is not None:
            set_sync_folder(self.ws, folder)
            self._succeeded()
            self.refresh()
            self.ops.announce(Change.SETTINGS, origin=self)  # rounds watch the new folder

    # --- import ---------------------------------------------------------------------------

    def preview_files(self) -> None:
        """Dry-run chosen files, then wait for confirmation."""
        if not self._exchange_allowed():
            return
        paths = self.choose_import_files()
        if paths:
            self._preview(ImportSource("files", paths=tuple(paths)))

    def preview_inbox(self) -> None:
        """Dry-run the shared folder's new bundles, then wait for confirmation."""
        if not self._exchange_allowed():
            return
        folder = sync_folder(self.ws)
        if folder is None:
            show_error(self.error, tr("Choisissez d'abord le dossier partagé."))
            return
        self._preview(ImportSource("inbox", folder=folder))

    def _work(self, source: ImportSource, dry_run: bool):
        expected = None if dry_run else source.previewed
        if source.kind == "inbox":
            return lambda progress: import_inbox(
                self.ws, source.folder, dry_run=dry_run, progress=progress, expected=expected
            )
        return lambda progress: import_files(
            self.ws, list(source.paths), dry_run=dry_run, progress=progress, expected=expected
        )

    def _preview(self, source: ImportSource) -> None:
        self._set_pending(None)
        self._run(
            self._work(source, True),
            lambda r: self._previewed(source, r),
            tr("Lecture des paquets…"),
        )

    def _show_outcomes(self, report: ImportReport | None) -> None:
        outcomes = report.outcomes if report is not None else ()
        table_model(self.outcomes).set_items(outcomes)
        self.preview_detail.setHtml(preview_html(outcomes, self.site_names))

    def _previewed(self, source: ImportSource, report: ImportReport) -> None:
        self._show_outcomes(report)
        ready = report.count("preview") + report.count("held")
        self._set_pending(replace(source, previewed=report.fingerprints()) if ready else None)
        refused = report.count("refused")
        text = tr(
            "Aperçu : {0} paquet(s) prêt(s), {1} refusé(s). Rien n'a encore été modifié."
        ).format(ready, refused)
        brings = changes_text(o for o in report.outcomes if o.status == "preview")
        self.status.setText(" ".join([text, brings]).strip() if ready else tr("Rien à importer."))

    def _set_pending(self, source: ImportSource | None) -> None:
        self._pending = source
        self.apply_button.setEnabled(source is not None)
        self.cancel_button.setEnabled(source is not None)

    def apply_import(self) -> None:
        """Apply the import whose preview is shown: the files previewed, with the same bytes."""
        if self._pending is not None:
            source, self._pending = self._pending, None
            self._set_pending(None)
            self._run(
                self._work(source, False), self._imported, tr("Import en cours…"), Change.DATA
            )

    def cancel_import(self) -> None:
        """Forget the preview."""
        self._succeeded()
        self._set_pending(None)
        self._show_outcomes(None)
        self.status.setText(tr("Import annulé : rien n'a été modifié."))

    def _imported(self, report: ImportReport) -> None:
        self._show_outcomes(report)
        text = tr(
            "Import terminé : {0} paquet(s) importé(s), {1} en attente, {2} refusé(s)."
        ).format(report.count("applied"), report.count("held"), report.count("refused"))
        brought = changes_text(o for o in report.outcomes if o.status == "applied")
        if brought:
            text += " " + brought
        stale = report.count("stale")
        if stale:
            text += " " + tr(
                "{0} paquet(s) nouveau(x) ou modifié(s) depuis l'aperçu, non importé(s) : "
                "relancez l'aperçu."
            ).format(stale)
        self.status.setText(text)
        self.refresh()

    # --- conflicts and replicas -----------------------------------------------------------

    def keep_selected(self) -> None:
        """Accept the kept value of the selected conflict."""
        conflict = selected_item(self.conflicts)
        if conflict is not None:
            self._run(
                lambda _p: keep_conflict(self.ws, conflict.id),
                lambda _r: self.refresh(),
                tr("Enregistrement…"),
                Change.CONFLICTS,
            )

    def overturn_selected(self) -> None:
        """Restore the set-aside value of the selected conflict."""
        conflict = selected_item(self.conflicts)
        if conflict is not None:
            self._run(
                lambda _p: overturn_conflict(self.ws, conflict.id),
                self._overturned,
                tr("Enregistrement…"),
                Change.DATA,
            )

    def _overturned(self, _result) -> None:
        self.status.setText(
            tr("Valeur rétablie. Exportez un paquet pour que les autres sites la reçoivent.")
        )
        self.refresh()

    def territory_changed(self) -> None:
        """The installation joined or created a territory: everything may look different."""
        self.refresh()
        self.ops.announce(Change.DATA, origin=self)

    def approve_selected(self) -> None:
        """Trust the selected pending replica and import its held bundles."""
        peer = selected_item(self.peers)
        if peer is None or peer.status != "pending":
            show_error(self.error, tr("Choisissez une installation en attente."))
            return
        question = tr("Approuver l'installation {0} dont la clé a pour empreinte {1} ?").format(
            peer.site_name or peer.site_code or tr("sans site"), peer.fingerprint
        )
        if self.dialogs.ask(self, tr("Approuver une installation"), question):
            self._run(
                lambda progress: approve_replica(
                    self.ws, peer.replica_id, progress, fingerprint=peer.fingerprint
                ),
                self._imported,
                tr("Import des paquets en attente…"),
                Change.DATA,
            )
