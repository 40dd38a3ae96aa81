"""Synchronisation pane: send and receive bundles, review conflicts, approve new replicas.

Every import is first run as a dry run whose preview the agent confirms; all long work goes
through the TaskRunner so the window never freezes. File choosers are methods that tests
replace (``choose_*``), so no test blocks on a modal.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ardoiz_desk.gui.dialogs import DialogSeam
from ardoiz_desk.gui.sync_views import (
    conflict_columns,
    make_table,
    outcome_columns,
    peer_columns,
    selected_item,
    table_model,
)
from ardoiz_desk.gui.tasks import TaskRunner
from ardoiz_desk.gui.widgets import error_label, heading, hint, show_error
from ardoiz_desk.services.bundle_import import approve_replica, import_files, import_inbox
from ardoiz_desk.services.bundle_report import ImportReport
from ardoiz_desk.services.bundles import (
    ExportResult,
    export_bundle,
    set_sync_folder,
    sync_folder,
)
from ardoiz_desk.services.conflicts import keep_conflict, list_conflicts, overturn_conflict
from ardoiz_desk.services.territory import list_peers, territory_info
from ardoiz_desk.services.workspace import Workspace


def tr(text: str) -> str:
    """Translate a string of this pane."""
    return QCoreApplication.translate("SyncPane", text)


def _button(text: str, slot, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.clicked.connect(slot)
    return button


class SyncPane(QWidget):
    """Exchange bundles by file or shared folder; review what they changed."""

    data_changed = Signal()

    def __init__(self, ws: Workspace, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.runner = runner
        self.dialogs: DialogSeam = getattr(parent, "dialogs", None) or DialogSeam()
        self._pending: tuple[str, list[Path]] | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Synchronisation")))
        self.territory_label = hint("")
        layout.addWidget(self.territory_label)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._exchange_tab(), tr("Échanger"))
        self.tabs.addTab(self._conflicts_tab(), tr("Conflits"))
        self.tabs.addTab(self._peers_tab(), tr("Installations"))
        layout.addWidget(self.tabs, 1)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(tr("Progression"))
        self.progress.hide()
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.error = error_label()
        for widget in (self.progress, self.status, self.error):
            layout.addWidget(widget)
        refresh_all = getattr(parent, "refresh_all", None)
        if callable(refresh_all):
            self.data_changed.connect(refresh_all)
        self.refresh()

    # --- building -------------------------------------------------------------------------

    def _exchange_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(QLabel(tr("Envoyer les données de ce poste")))
        send = QHBoxLayout()
        self.scope = QComboBox()
        self.scope.setAccessibleName(tr("Contenu du paquet"))
        send.addWidget(self.scope, 1)
        send.addWidget(_button(tr("Exporter vers un fichier…"), self.export_to_file, "exportFile"))
        send.addWidget(
            _button(tr("Déposer dans le dossier partagé"), self.export_to_folder, "exportFolder")
        )
        layout.addLayout(send)
        folder = QHBoxLayout()
        self.folder_label = QLabel("")
        self.folder_label.setWordWrap(True)
        folder.addWidget(self.folder_label, 1)
        folder.addWidget(_button(tr("Choisir le dossier partagé…"), self.pick_folder, "pickFolder"))
        layout.addLayout(folder)
        layout.addWidget(QLabel(tr("Recevoir les données des autres sites")))
        receive = QHBoxLayout()
        receive.addWidget(_button(tr("Importer des fichiers…"), self.preview_files, "importFiles"))
        receive.addWidget(
            _button(tr("Relever le dossier partagé"), self.preview_inbox, "importInbox")
        )
        receive.addStretch(1)
        layout.addLayout(receive)
        layout.addWidget(
            hint(
                tr(
                    "Chaque import commence par un aperçu : rien n'est modifié tant que vous n'avez pas confirmé."  # noqa: E501
                )
            )
        )
        self.outcomes = make_table(outcome_columns(), tr("Aperçu de l'import"))
        layout.addWidget(self.outcomes, 1)
        confirm = QHBoxLayout()
        confirm.addStretch(1)
        self.apply_button = _button(tr("Appliquer l'import"), self.apply_import, "applyImport")
        self.cancel_button = _button(tr("Annuler"), self.cancel_import, "cancelImport")
        confirm.addWidget(self.cancel_button)
        confirm.addWidget(self.apply_button)
        layout.addLayout(confirm)
        self._set_pending(None)
        return tab

    def _conflicts_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(
            hint(
                tr(
                    "Deux sites ont modifié le même champ en même temps. La valeur la plus récente a été gardée ; vous pouvez rétablir l'autre."  # noqa: E501
                )
            )
        )
        self.conflicts = make_table(conflict_columns(), tr("Conflits à examiner"))
        layout.addWidget(self.conflicts, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(_button(tr("Garder la valeur retenue"), self.keep_selected, "keepConflict"))
        row.addWidget(
            _button(tr("Rétablir la valeur écartée"), self.overturn_selected, "overturnConflict")
        )
        layout.addLayout(row)
        return tab

    def _peers_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(
            hint(
                tr(
                    "Les paquets d'une installation inconnue attendent ici. Vérifiez l'empreinte de sa clé par téléphone avant de l'approuver."  # noqa: E501
                )
            )
        )
        self.peers = make_table(peer_columns(), tr("Installations du territoire"))
        layout.addWidget(self.peers, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(
            _button(tr("Approuver et importer ses paquets"), self.approve_selected, "approvePeer")
        )
        layout.addLayout(row)
        return tab

    # --- seams (tests replace these) ------------------------------------------------------

    def choose_export_path(self) -> Path | None:
        """Ask where to write a bundle."""
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Exporter un paquet"), "", tr("Paquets Ardoiz (*.ardoiz)")
        )
        return Path(path) if path else None

    def choose_import_files(self) -> list[Path]:
        """Ask which bundles to import."""
        paths, _ = QFileDialog.getOpenFileNames(
            self, tr("Importer des paquets"), "", tr("Paquets Ardoiz (*.ardoiz)")
        )
        return [Path(p) for p in paths]

    def choose_folder(self) -> Path | None:
        """Ask for the shared folder."""
        path = QFileDialog.getExistingDirectory(self, tr("Dossier partagé"))
        return Path(path) if path else None

    # --- refresh --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload territory, folder, conflicts and replicas (all quick reads)."""
        info = territory_info(self.ws)
        if info is None:
            self.territory_label.setText(
                tr(
                    "Ce poste n'appartient à aucun territoire : la coordination doit d'abord l'inscrire (commande « ardoiz-desk territory join »)."  # noqa: E501
                )
            )
        else:
            role = tr("coordination") if info.role == "coordinator" else tr("site")
            self.territory_label.setText(
                tr("Territoire « {0} » — ce poste : {1} — empreinte de sa clé : {2}").format(
                    info.name, role, info.fingerprint
                )
            )
        folder = sync_folder(self.ws)
        self.folder_label.setText(
            tr("Dossier partagé : {0}").format(folder)
            if folder
            else tr("Aucun dossier partagé choisi.")
        )
        peers = list_peers(self.ws) if info else []
        self.scope.clear()
        self.scope.addItem(tr("Tout (paquet complet)"), None)
        for p in peers:
            if p.status == "trusted":
                self.scope.addItem(
                    tr("Seulement ce qui manque à {0}").format(
                        p.site_name or p.site_code or p.replica_id
                    ),
                    p.replica_id,
                )
        table_model(self.peers).set_items(peers)
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

    # --- running work ---------------------------------------------------------------------

    def _run(self, work, done, busy_text: str) -> None:
        show_error(self.error, None)
        self.status.setText(busy_text)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.runner.start(
            work,
            on_success=lambda r: self._finished(done, r),
            on_failure=self._failed,
            on_progress=self._progress,
        )

    def _progress(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))
        self.progress.setFormat(message[:80])

    def _finished(self, done, result) -> None:
        self.progress.hide()
        done(result)

    def _failed(self, message: str, _details: str) -> None:
        self.progress.hide()
        self.status.setText("")
        show_error(self.error, message)

    # --- export ---------------------------------------------------------------------------

    def export_to_file(self) -> None:
        """Export to a chosen file."""
        path = self.choose_export_path()
        if path is not None:
            self._export(path if path.suffix else path.with_suffix(".ardoiz"))

    def export_to_folder(self) -> None:
        """Export into the shared folder."""
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
        rows = sum(result.counts.values())
        self.status.setText(
            tr("Paquet écrit : {0} ({1} enregistrements, {2} Ko).").format(
                result.path, rows, max(1, result.size // 1024)
            )
        )

    def pick_folder(self) -> None:
        """Choose the shared folder."""
        folder = self.choose_folder()
        if folder is not None:
            set_sync_folder(self.ws, folder)
            self.refresh()

    # --- import ---------------------------------------------------------------------------

    def preview_files(self) -> None:
        """Dry-run chosen files, then wait for confirmation."""
        paths = self.choose_import_files()
        if paths:
            self._preview(("files", paths))

    def preview_inbox(self) -> None:
        """Dry-run the shared folder's new bundles, then wait for confirmation."""
        if sync_folder(self.ws) is None:
            show_error(self.error, tr("Choisissez d'abord le dossier partagé."))
            return
        self._preview(("inbox", []))

    def _work(self, source: tuple[str, list[Path]], dry_run: bool):
        kind, paths = source
        if kind == "inbox":
            return lambda progress: import_inbox(self.ws, dry_run=dry_run, progress=progress)
        return lambda progress: import_files(self.ws, paths, dry_run=dry_run, progress=progress)

    def _preview(self, source: tuple[str, list[Path]]) -> None:
        self._set_pending(None)
        self._run(
            self._work(source, True),
            lambda r: self._previewed(source, r),
            tr("Lecture des paquets…"),
        )

    def _previewed(self, source: tuple[str, list[Path]], report: ImportReport) -> None:
        table_model(self.outcomes).set_items(report.outcomes)
        ready = report.count("preview") + report.count("held")
        self._set_pending(source if ready else None)
        refused = report.count("refused")
        text = tr(
            "Aperçu : {0} paquet(s) prêt(s), {1} refusé(s). Rien n'a encore été modifié."
        ).format(ready, refused)
        self.status.setText(text if ready else tr("Rien à importer."))

    def _set_pending(self, source: tuple[str, list[Path]] | None) -> None:
        self._pending = source
        self.apply_button.setEnabled(source is not None)
        self.cancel_button.setEnabled(source is not None)

    def apply_import(self) -> None:
        """Apply the import whose preview is shown."""
        if self._pending is not None:
            source, self._pending = self._pending, None
            self._set_pending(None)
            self._run(self._work(source, False), self._imported, tr("Import en cours…"))

    def cancel_import(self) -> None:
        """Forget the preview."""
        self._set_pending(None)
        table_model(self.outcomes).set_items([])
        self.status.setText(tr("Import annulé : rien n'a été modifié."))

    def _imported(self, report: ImportReport) -> None:
        table_model(self.outcomes).set_items(report.outcomes)
        self.status.setText(
            tr(
                "Import terminé : {0} importé(s), {1} en attente, {2} refusé(s). Rapport : {3}"
            ).format(
                report.count("applied"),
                report.count("held"),
                report.count("refused"),
                report.report_path or "",
            )
        )
        self.refresh()
        self.data_changed.emit()

    # --- conflicts and replicas -----------------------------------------------------------

    def keep_selected(self) -> None:
        """Accept the kept value of the selected conflict."""
        conflict = selected_item(self.conflicts)
        if conflict is not None:
            self._run(
                lambda _p: keep_conflict(self.ws, conflict.id),
                lambda _r: self.refresh(),
                tr("Enregistrement…"),
            )

    def overturn_selected(self) -> None:
        """Restore the set-aside value of the selected conflict."""
        conflict = selected_item(self.conflicts)
        if conflict is not None:
            self._run(
                lambda _p: overturn_conflict(self.ws, conflict.id),
                self._overturned,
                tr("Enregistrement…"),
            )

    def _overturned(self, _result) -> None:
        self.status.setText(
            tr("Valeur rétablie. Exportez un paquet pour que les autres sites la reçoivent.")
        )
        self.refresh()
        self.data_changed.emit()

    def approve_selected(self) -> None:
        """Trust the selected pending replica and import its held bundles."""
        peer = selected_item(self.peers)
        if peer is None or peer.status != "pending":
            show_error(self.error, tr("Choisissez une installation en attente."))
            return
        question = tr("Approuver l'installation {0} dont la clé a pour empreinte {1} ?").format(
            peer.site_name or peer.replica_id, peer.fingerprint
        )
        if self.dialogs.ask(self, tr("Approuver une installation"), question):
            self._run(
                lambda progress: approve_replica(self.ws, peer.replica_id, progress),
                self._imported,
                tr("Import des paquets en attente…"),
            )
