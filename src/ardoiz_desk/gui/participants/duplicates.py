"""Doublons probables: the same senior registered at two counters, side by side, merged here."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from ardoiz_desk.gui.kit.i18n import translate
from ardoiz_desk.gui.kit.operations import Change, Operations
from ardoiz_desk.gui.kit.screen import fit_to_screen
from ardoiz_desk.gui.kit.table_model import Column, ItemTableModel
from ardoiz_desk.gui.kit.widgets import heading, hint, no_default_buttons
from ardoiz_desk.gui.participants.journey import table
from ardoiz_desk.services.people.duplicates import (
    DuplicatePair,
    PersonSummary,
    dismiss_pair,
    find_duplicates,
    merge_duplicate,
)
from ardoiz_desk.services.workspace import Workspace


def tr(text: str) -> str:
    """Translate a string of this dialog."""
    return translate("DuplicatesDialog", text)


def _person(p: PersonSummary) -> str:
    year = p.annee_naissance or "—"
    parts = [f"{p.prenom} {p.nom}", str(year), p.commune or "—", p.telephone or "—"]
    return " · ".join(parts)


def _reasons(pair: DuplicatePair) -> str:
    """What the two records share, in the window's language (the service gives French words)."""
    words = {
        "nom identique": tr("nom identique"),
        "nom proche": tr("nom proche"),
        "année": tr("année de naissance"),
        "téléphone": tr("téléphone"),
        "commune": tr("commune"),
    }
    return ", ".join(words.get(reason, reason) for reason in pair.reasons)


def pair_model(parent=None) -> ItemTableModel:
    """The table of likely pairs."""
    return ItemTableModel(
        [
            Column(tr("Score"), lambda pair: str(pair.score), lambda pair: pair.score),
            Column(tr("Fiche A"), lambda pair: _person(pair.first)),
            Column(tr("Fiche B"), lambda pair: _person(pair.second)),
            Column(tr("Concordances"), _reasons),
        ],
        parent,
    )


class DuplicatesDialog(QDialog):
    """Lists likely pairs; merge keeping A or B, or say they are different people."""

    merged = Signal(list)  # the ids whose records changed

    def __init__(self, ws: Workspace, ops: Operations, parent=None) -> None:
        super().__init__(parent)
        self.ws, self.ops, self.dialogs = ws, ops, ops.dialogs
        self.runner = ops.runner
        self.setWindowTitle(tr("Doublons probables"))
        fit_to_screen(self, 1180, 560)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Doublons probables")))
        layout.addWidget(
            hint(
                tr(
                    "La même personne a pu être inscrite dans deux guichets. Une fusion garde "
                    "une fiche et y rattache l'autre (ses activités comptent pour la fiche "
                    "gardée) ; elle est transmise aux autres sites et peut être annulée."
                )
            )
        )
        self.model = pair_model(self)
        self.view = table(self.model, tr("Paires de fiches à comparer"), stretch=3)
        layout.addWidget(self.view, 1)
        self.status = QLabel(tr("Recherche des doublons…"))
        layout.addWidget(self.status)
        layout.addLayout(self._actions())
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        # Read the pairs first: the keyboard starts in the table, and Enter presses nothing
        # (a merge is chosen on purpose, with the mouse or Space, and confirmed).
        no_default_buttons(self)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        no_default_buttons(self)  # the button box would make one the default when shown

    def _actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.keep_a = QPushButton(tr("Fusionner en gardant A"))
        self.keep_b = QPushButton(tr("Fusionner en gardant B"))
        self.different = QPushButton(tr("Ce sont deux personnes"))
        self.keep_a.clicked.connect(lambda: self.merge_selected(keep_first=True))
        self.keep_b.clicked.connect(lambda: self.merge_selected(keep_first=False))
        self.different.clicked.connect(self.dismiss_selected)
        for button in (self.keep_a, self.keep_b, self.different):
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row.addWidget(close)
        self._update_buttons()
        return row

    def refresh(self) -> None:
        """Look for likely pairs off the GUI thread."""
        self.status.setText(tr("Recherche des doublons…"))
        self.ops.run(
            lambda _progress: find_duplicates(self.ws),
            on_success=self._show,
            on_failure=lambda message, _d: self.status.setText(message),
            parent=self,
        )

    def _show(self, pairs: list[DuplicatePair]) -> None:
        self.model.set_items(pairs)
        self.status.setText(tr("{count} paire(s) à examiner.").format(count=len(pairs)))
        if pairs:
            self.view.selectRow(0)
        self._update_buttons()

    def selected(self) -> DuplicatePair | None:
        """The pair under the cursor."""
        rows = self.view.selectionModel().selectedRows()
        return self.model.item(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        enabled = self.selected() is not None
        for button in (self.keep_a, self.keep_b, self.different):
            button.setEnabled(enabled)

    def merge_selected(self, keep_first: bool) -> None:
        """Merge the selected pair, keeping A or B, after the agent confirms."""
        pair = self.selected()
        if pair is None:
            return
        keep, dup = (pair.first, pair.second) if keep_first else (pair.second, pair.first)
        question = tr("Garder la fiche de {keep} et y rattacher celle de {dup} ?").format(
            keep=_person(keep), dup=_person(dup)
        )
        if not self.dialogs.ask(self, tr("Fusionner deux fiches"), question):
            return
        try:
            merge_duplicate(self.ws, keep.id, dup.id)
        except (ValueError, LookupError) as exc:
            self.dialogs.error(self, tr("Fusion impossible"), str(exc))
            return
        self.merged.emit([keep.id, dup.id])
        self.ops.announce(
            Change.PARTICIPANTS | Change.ACTIVITIES | Change.FOLLOWUPS, [keep.id, dup.id]
        )
        self.refresh()

    def dismiss_selected(self) -> None:
        """Remember that the selected pair are two different people."""
        pair = self.selected()
        if pair is not None:
            dismiss_pair(self.ws, pair.first.id, pair.second.id)
            self.refresh()
