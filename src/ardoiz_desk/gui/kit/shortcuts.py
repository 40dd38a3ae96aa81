"""Window-wide keyboard shortcuts that work whatever has the focus, and their F1 list.

A line edit claims some keys for itself (on X11, Ctrl+E moves to the end of the line), so a
plain shortcut is swallowed when the cursor is in the search box. :func:`window_action`
makes a window-level ``QAction``; :class:`ShortcutGuard` keeps focused widgets from
overriding the keys of those actions. :data:`HELP` is the list the F1 *Raccourcis* help
shows: a plain list of (keys, what they do) that any pane may append to.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ardoiz_desk.gui.kit.a11y import release_tab


def tr(text: str) -> str:
    """Translate a string of the shortcuts help."""
    return QCoreApplication.translate("Shortcuts", text)


def help_entries() -> list[tuple[str, str]]:
    """(keys, what they do), in the order the F1 help lists them."""
    return [
        ("F1", tr("Cette liste des raccourcis")),
        ("Ctrl+1 … Ctrl+7", tr("Aller à un volet (Participants … Paramètres)")),
        ("Ctrl+F", tr("Rechercher un participant")),
        ("Ctrl+N", tr("Nouveau participant")),
        ("Ctrl+E", tr("Enregistrer une activité")),
        ("Entrée", tr("Ouvrir la fiche sélectionnée (Participants, Suivis)")),
        ("Ctrl+S", tr("Enregistrer la fiche")),
        ("Ctrl+Entrée", tr("Enregistrer l'activité")),
        ("Ctrl+Maj+N", tr("Nouveau participant depuis la liste des présents")),
        ("Ctrl+D", tr("Marquer le suivi comme fait (Suivis)")),
        ("Ctrl+Z", tr("Annuler « marquer fait » (Suivis)")),
        ("Échap", tr("Fermer la fenêtre ou la fiche")),
        (
            tr("Tab, Maj+Tab"),
            tr("Champ suivant, précédent ; un Tab sort d'un tableau, les flèches s'y déplacent"),
        ),
    ]


# Extra entries other panes add (keys, what they do); shown after the built-in ones.
HELP: list[tuple[str, str]] = []


class ShortcutGuard(QObject):
    """Keeps a focused widget from taking the keys of the window's own actions."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.keys: set[int] = set()

    def guard(self, sequence: QKeySequence) -> None:
        """Let this key combination reach the window's action even from a line edit."""
        if sequence.count():
            self.keys.add(sequence[0].toCombined())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Filtered without being accepted: the shortcut map triggers the window's action.
        return (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.keyCombination().toCombined() in self.keys
            and isinstance(watched, QWidget)
            and watched.window() is self.window
        )


def window_action(
    window: QWidget,
    guard: ShortcutGuard,
    keys: str | QKeySequence,
    text: str,
    slot: Callable[[], object],
) -> QAction:
    """A window-wide action: its shortcut works whatever widget of the window has the focus."""
    action = QAction(text, window)
    sequence = keys if isinstance(keys, QKeySequence) else QKeySequence(keys)
    action.setShortcut(sequence)
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)
    guard.guard(sequence)
    return action


def shortcuts_dialog(parent: QWidget | None = None) -> QDialog:
    """The F1 *Raccourcis* help: every shortcut of the window, in a plain table."""
    dialog = QDialog(parent)
    dialog.setObjectName("shortcutsHelp")
    dialog.setWindowTitle(tr("Raccourcis clavier"))
    layout = QVBoxLayout(dialog)
    rows = help_entries() + HELP
    table = release_tab(QTableWidget(len(rows), 2))
    table.setAccessibleName(tr("Raccourcis clavier"))
    table.setHorizontalHeaderLabels([tr("Touches"), tr("Action")])
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setStretchLastSection(True)
    for row, (keys, text) in enumerate(rows):
        table.setItem(row, 0, QTableWidgetItem(keys))
        table.setItem(row, 1, QTableWidgetItem(text))
    table.resizeColumnToContents(0)
    layout.addWidget(table, 1)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return dialog
