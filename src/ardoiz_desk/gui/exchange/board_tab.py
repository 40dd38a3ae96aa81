"""The territory board (coordination): one line per site, erasures not yet confirmed, a PDF.

Computed off the GUI thread (a second at most for 200 sites); silent sites are drawn in
red. The file chooser is a method tests replace.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ardoiz_desk.gui.exchange.views import make_table, table_model
from ardoiz_desk.gui.kit.table_model import Column
from ardoiz_desk.gui.kit.tasks import TaskRunner
from ardoiz_desk.gui.kit.widgets import error_label, hint, show_error
from ardoiz_desk.printing.documents import print_territory_board
from ardoiz_desk.services.exchange.board import (
    BoardLine,
    ErasureState,
    TerritoryBoard,
    territory_board,
)
from ardoiz_desk.services.exchange.territory import COORDINATOR, territory_info
from ardoiz_desk.services.validation import ValidationError
from ardoiz_desk.services.workspace import Workspace

SILENT = QColor("#B00020")


def tr(text: str) -> str:
    """Translate a string of the territory board."""
    return QCoreApplication.translate("TerritoryBoard", text)


def when(iso: str) -> str:
    """An ISO time as 'YYYY-MM-DD HH:MM', or a dash."""
    return iso.replace("T", " ")[:16] if iso else "—"


def board_columns() -> list[Column]:
    """Columns of the board: one line per site."""
    states = {"trusted": tr("Approuvé"), "pending": tr("En attente"), "revoked": tr("Révoqué")}

    def red(line: BoardLine):
        return SILENT if line.silent else None

    def silence(line: BoardLine) -> str:
        if line.silent_days is None:
            return tr("jamais reçu")
        text = tr("{0} j").format(line.silent_days)
        return text + (tr(" — silencieux") if line.silent else "")

    return [
        Column(
            tr("Site"), lambda x: x.site_name or x.site_code or tr("(site inconnu)"), foreground=red
        ),
        Column(tr("État"), lambda x: states.get(x.status, x.status)),
        Column(tr("Dernier paquet"), lambda x: when(x.last_bundle_at), foreground=red),
        Column(tr("Depuis"), silence, lambda x: x.silent_days or 0, foreground=red),
        Column(tr("Dernière modification reçue"), lambda x: when(x.newest_change_at)),
        Column(tr("Lignes en retard"), lambda x: str(x.behind), lambda x: x.behind),
        Column(
            tr("En attente d'approbation"),
            lambda x: str(x.pending_bundles),
            lambda x: x.pending_bundles,
        ),
        Column(
            tr("Effacements non confirmés"),
            lambda x: str(len(x.unconfirmed_erasures)),
            lambda x: len(x.unconfirmed_erasures),
        ),
    ]


def erasure_columns() -> list[Column]:
    """Columns of the erasures list."""
    return [
        Column(tr("Fiche effacée"), lambda e: e.participant_id),
        Column(tr("Effacée le"), lambda e: when(e.erased_at)),
        Column(
            tr("Pas encore confirmé par"),
            lambda e: ", ".join(e.unconfirmed_by) if e.unconfirmed_by else tr("confirmé partout"),
            foreground=lambda e: SILENT if e.unconfirmed_by else None,
        ),
    ]


class TerritoryBoardTab(QWidget):
    """The coordination's view of every site."""

    printed = Signal(str)
    sites: QTableView
    erasures: QTableView

    def __init__(self, ws: Workspace, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.runner = runner
        self.board: TerritoryBoard | None = None
        layout = QVBoxLayout(self)
        self.summary = hint("")
        layout.addWidget(self.summary)
        self.sites = make_table(board_columns(), tr("Sites du territoire"))
        self.sites.setObjectName("boardSites")
        layout.addWidget(self.sites, 2)
        layout.addWidget(
            QLabel(tr("Effacements (RGPD) et sites qui ne les ont pas encore confirmés"))
        )
        self.erasures = make_table(erasure_columns(), tr("Effacements"))
        self.erasures.setObjectName("boardErasures")
        layout.addWidget(self.erasures, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        for text, slot, name in (
            (tr("Actualiser"), self.refresh, "refreshBoard"),
            (tr("Imprimer en PDF…"), self.print_pdf, "printBoard"),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            row.addWidget(button)
        layout.addLayout(row)
        self.error = error_label()
        layout.addWidget(self.error)

    def choose_pdf_path(self) -> Path | None:
        """Ask where to write the PDF (tests replace this)."""
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Imprimer le tableau du territoire"), "tableau-territoire.pdf", "PDF (*.pdf)"
        )
        return Path(path) if path else None

    def refresh(self) -> None:
        """Compute the board in the background, then show it."""
        show_error(self.error, None)
        self.runner.start(
            lambda _p: territory_board(self.ws),
            on_success=self.show_board,
            on_failure=lambda message, _d: show_error(self.error, message),
        )

    def show_board(self, board: TerritoryBoard) -> None:
        """Show a computed board."""
        self.board = board
        table_model(self.sites).set_items(board.lines)
        table_model(self.erasures).set_items(board.erasures)
        silent = sum(1 for line in board.lines if line.silent)
        open_erasures = sum(1 for e in board.erasures if e.unconfirmed_by)
        self.summary.setText(
            tr(
                "{0} site(s), dont {1} silencieux depuis plus de {2} jours ; {3} effacement(s) "
                "pas encore confirmé(s) partout."
            ).format(len(board.lines), silent, board.silent_after_days, open_erasures)
        )

    def print_pdf(self) -> None:
        """Print the board shown as a PDF (drawn on the GUI thread: it is small)."""
        if self.board is None:
            show_error(self.error, tr("Le tableau n'est pas encore calculé."))
            return
        path = self.choose_pdf_path()
        if path is None:
            return
        try:
            print_territory_board(self.ws, self.board, path)
        except OSError as exc:
            show_error(self.error, tr("Impression impossible : {0}").format(exc.strerror or exc))
            return
        except ValidationError as exc:  # inside the data folder: the reason, in French
            show_error(self.error, str(exc))
            return
        self.summary.setText(tr("Tableau imprimé : {0}").format(path))
        self.printed.emit(str(path))


def ensure_board_tab(pane) -> TerritoryBoardTab | None:
    """Give the synchronisation pane its board tab once this installation coordinates."""
    existing = getattr(pane, "board_tab", None)
    if existing is not None:
        return existing
    info = territory_info(pane.ws)
    if info is None or info.role != COORDINATOR:
        return None
    tab = TerritoryBoardTab(pane.ws, pane.runner)
    tab.setObjectName("territoryBoard")
    pane.board_tab = tab
    index = pane.tabs.addTab(tab, tr("Tableau du territoire"))
    pane.tabs.currentChanged.connect(lambda i: tab.refresh() if i == index else None)
    return tab


__all__ = ["BoardLine", "ErasureState", "TerritoryBoardTab", "ensure_board_tab"]
