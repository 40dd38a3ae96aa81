"""The tabs of the synchronisation pane, built in the manner of Qt's ``setupUi``.

Each function builds one tab, stores the widgets the pane works with as its attributes and
connects the buttons to the pane's slots; the behaviour stays in :mod:`exchange.pane`. The
pane is described by the :class:`TabbedPane` protocol, so this module does not import it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ardoiz_desk.gui.exchange.counter_status import counter_label
from ardoiz_desk.gui.exchange.territory_box import TerritoryBox
from ardoiz_desk.gui.exchange.views import (
    conflict_columns,
    make_table,
    outcome_columns,
    peer_columns,
)
from ardoiz_desk.gui.kit.widgets import hint


class TabbedPane(Protocol):
    """What the tabs need of the synchronisation pane: slots to call, places to fill."""

    scope: QComboBox
    folder_label: QLabel
    exchange_reason: QLabel
    exchange_buttons: list[QPushButton]
    site_names: dict[str, str]
    outcomes: QTableView
    preview_detail: QTextBrowser
    apply_button: QPushButton
    cancel_button: QPushButton
    conflicts: QTableView
    peers: QTableView
    territory_box: TerritoryBox
    clock_box: QWidget
    export_to_file: Callable[[], None]
    export_to_folder: Callable[[], None]
    pick_folder: Callable[[], None]
    preview_files: Callable[[], None]
    preview_inbox: Callable[[], None]
    apply_import: Callable[[], None]
    cancel_import: Callable[[], None]
    keep_selected: Callable[[], None]
    overturn_selected: Callable[[], None]
    approve_selected: Callable[[], None]


def tr(text: str) -> str:
    """Translate a string of the synchronisation pane."""
    return QCoreApplication.translate("SyncPane", text)


class CompactSplitter(QSplitter):
    """A splitter that asks for little height and takes what the pane has left.

    Tables and text views ask for ~200 px each; a scroll area sizes a pane with wrapped
    labels by its preferred height, so two of them would push the confirm buttons under
    the fold of a 768 px screen.
    """

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), min(hint.height(), 8 * self.fontMetrics().height()))


def _button(text: str, slot, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.clicked.connect(slot)
    return button


def exchange_tab(pane: TabbedPane) -> QWidget:
    """Build the Échanger tab: send, shared folder, receive with a preview to confirm."""
    tab = QWidget()
    layout = QVBoxLayout(tab)
    pane.exchange_reason = hint(
        tr(
            "Rejoignez d'abord le territoire (la coordination, elle, le crée) dans l'onglet « Installations » : ce poste pourra ensuite envoyer et recevoir des paquets."  # noqa: E501
        )
    )
    pane.exchange_reason.setObjectName("exchangeReason")
    pane.exchange_reason.setStyleSheet("font-weight: bold;")
    layout.addWidget(pane.exchange_reason)
    layout.addWidget(QLabel(tr("Envoyer les données de ce poste")))
    send = QHBoxLayout()
    pane.scope = QComboBox()
    pane.scope.setAccessibleName(tr("Contenu du paquet"))
    # A long site name in "Seulement ce qui manque à …" must not widen the pane (1024 px).
    pane.scope.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    pane.scope.setMinimumContentsLength(16)
    send.addWidget(pane.scope, 1)
    export_file = _button(tr("Exporter vers un fichier…"), pane.export_to_file, "exportFile")
    export_folder = _button(
        tr("Déposer dans le dossier partagé"), pane.export_to_folder, "exportFolder"
    )
    send.addWidget(export_file)
    send.addWidget(export_folder)
    layout.addLayout(send)
    folder = QHBoxLayout()
    pane.folder_label = QLabel("")
    pane.folder_label.setWordWrap(True)
    folder.addWidget(pane.folder_label, 1)
    folder.addWidget(_button(tr("Choisir le dossier partagé…"), pane.pick_folder, "pickFolder"))
    layout.addLayout(folder)
    pane.counter_status = counter_label()
    layout.addWidget(pane.counter_status)
    layout.addWidget(QLabel(tr("Recevoir les données des autres sites")))
    receive = QHBoxLayout()
    import_files = _button(tr("Importer des fichiers…"), pane.preview_files, "importFiles")
    import_inbox = _button(tr("Relever le dossier partagé"), pane.preview_inbox, "importInbox")
    receive.addWidget(import_files)
    receive.addWidget(import_inbox)
    receive.addStretch(1)
    # Disabled, with exchange_reason shown, until the installation is in a territory.
    pane.exchange_buttons = [export_file, export_folder, import_files, import_inbox]
    layout.addLayout(receive)
    layout.addWidget(
        hint(
            tr(
                "Chaque import commence par un aperçu : rien n'est modifié tant que vous n'avez pas confirmé."  # noqa: E501
            )
        )
    )
    pane.site_names = {}
    pane.outcomes = make_table(outcome_columns(pane.site_names), tr("Aperçu de l'import"))
    pane.outcomes.setMinimumHeight(90)
    # Who each bundle adds, changes or erases, by name, under the table of counts.
    pane.preview_detail = QTextBrowser()
    pane.preview_detail.setObjectName("previewDetail")
    pane.preview_detail.setAccessibleName(tr("Détail de l'import"))
    pane.preview_detail.setMinimumHeight(90)
    pane.preview_detail.setPlaceholderText(
        tr("Le détail d'un aperçu (qui est ajouté, modifié, effacé) s'affiche ici.")
    )
    split = CompactSplitter(Qt.Orientation.Vertical)
    split.setChildrenCollapsible(False)
    split.addWidget(pane.outcomes)
    split.addWidget(pane.preview_detail)
    split.setStretchFactor(0, 1)
    split.setStretchFactor(1, 1)
    layout.addWidget(split, 1)
    confirm = QHBoxLayout()
    confirm.addStretch(1)
    pane.apply_button = _button(tr("Appliquer l'import"), pane.apply_import, "applyImport")
    pane.cancel_button = _button(tr("Annuler"), pane.cancel_import, "cancelImport")
    confirm.addWidget(pane.cancel_button)
    confirm.addWidget(pane.apply_button)
    layout.addLayout(confirm)
    return tab


def conflicts_tab(pane: TabbedPane) -> QWidget:
    """Build the Conflits tab: both values side by side, keep or overturn."""
    tab = QWidget()
    layout = QVBoxLayout(tab)
    layout.addWidget(
        hint(
            tr(
                "Deux sites ont modifié le même champ en même temps. La valeur la plus récente a été gardée ; vous pouvez rétablir l'autre."  # noqa: E501
            )
        )
    )
    pane.conflicts = make_table(conflict_columns(), tr("Conflits à examiner"))
    layout.addWidget(pane.conflicts, 1)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(_button(tr("Garder la valeur retenue"), pane.keep_selected, "keepConflict"))
    row.addWidget(
        _button(tr("Rétablir la valeur écartée"), pane.overturn_selected, "overturnConflict")
    )
    layout.addLayout(row)
    return tab


def peers_tab(pane: TabbedPane) -> QWidget:
    """Build the Installations tab: the territory box, then the replicas to approve."""
    tab = QWidget()
    layout = QVBoxLayout(tab)
    layout.addWidget(pane.territory_box)
    layout.addWidget(
        hint(
            tr(
                "Les paquets d'une installation inconnue attendent ici. Vérifiez l'empreinte de sa clé par téléphone avant de l'approuver."  # noqa: E501
            )
        )
    )
    pane.peers = make_table(peer_columns(), tr("Installations du territoire"))
    layout.addWidget(pane.peers, 1)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(
        _button(tr("Approuver et importer ses paquets"), pane.approve_selected, "approvePeer")
    )
    layout.addLayout(row)
    layout.addWidget(pane.clock_box)
    return tab
