"""Picking attendees by typing: a search box, the best matches, and an inline 'new person'."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ardoiz_desk.gui.kit.a11y import release_tab
from ardoiz_desk.gui.kit.i18n import translate
from ardoiz_desk.gui.kit.table_model import Column, ItemTableModel
from ardoiz_desk.gui.kit.widgets import error_label, show_error
from ardoiz_desk.services.people.participants import (
    ParticipantInput,
    register_participant,
    search_participants,
)
from ardoiz_desk.services.people.search_index import ParticipantIndex, participant_rows
from ardoiz_desk.services.validation import ValidationError
from ardoiz_desk.services.workspace import Workspace

MAX_CANDIDATES = 8
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


@dataclass(frozen=True)
class Candidate:
    """A participant offered while typing."""

    id: str
    name: str
    detail: str
    first_time: bool


CandidateSearch = Callable[[str], list[Candidate]]


def candidate_search(
    ws: Workspace, index: Callable[[], ParticipantIndex | None]
) -> CandidateSearch:
    """Return a search over the in-memory index when loaded, over the base otherwise."""

    def search(text: str) -> list[Candidate]:
        if not text.strip():
            return []
        idx = index()
        if idx is not None:
            ids = idx.search_view(text)[:MAX_CANDIDATES]  # only these ids are read
            rows = participant_rows(ws, ids, idx)
            return [
                Candidate(
                    r.id,
                    f"{r.prenom} {r.nom.upper()}",
                    " · ".join(x for x in (r.commune, str(r.annee_naissance or "")) if x),
                    r.stage == "aucune",
                )
                for r in (rows[i] for i in ids if i in rows)
            ]
        return [
            Candidate(
                v.id,
                v.display_name,
                " · ".join(x for x in (v.commune, str(v.annee_naissance or "")) if x),
                False,
            )
            for v in search_participants(ws, text, limit=MAX_CANDIDATES)
        ]

    return search


class AttendeePicker(QWidget):
    """Type a few letters, Enter adds the highlighted person; Ctrl+Maj+N adds someone new."""

    picked = Signal(object)  # Candidate
    created = Signal(str)  # participant id of a person registered inline

    def __init__(
        self, ws: Workspace, search: CandidateSearch, site_id: Callable[[], str | None], parent=None
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self._search = search
        self._site_id = site_id
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(
            translate("AttendeePicker", "Ajouter un participant : tapez son nom puis Entrée")
        )
        self.search_edit.setAccessibleName(
            translate("AttendeePicker", "Rechercher un participant présent")
        )
        self.search_edit.textChanged.connect(self.refresh_candidates)
        self.search_edit.installEventFilter(self)
        row.addWidget(self.search_edit, 1)
        self.new_button = QPushButton(translate("AttendeePicker", "Nouveau participant…"))
        self.new_button.setToolTip(translate("AttendeePicker", "Ctrl+Maj+N"))
        self.new_button.clicked.connect(self.show_new_form)
        row.addWidget(self.new_button)
        layout.addLayout(row)
        self.model = ItemTableModel(
            [
                Column(translate("AttendeePicker", "Nom"), lambda c: c.name),
                Column(translate("AttendeePicker", "Commune · année"), lambda c: c.detail),
            ],
            self,
        )
        self.candidates = release_tab(QTableView())
        self.candidates.setModel(self.model)
        self.candidates.setAccessibleName(translate("AttendeePicker", "Participants trouvés"))
        self.candidates.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.candidates.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.candidates.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.candidates.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.candidates.verticalHeader().hide()
        self.candidates.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.candidates.setMaximumHeight(150)
        self.candidates.doubleClicked.connect(lambda _i: self.pick_current())
        self.candidates.hide()
        layout.addWidget(self.candidates)
        layout.addWidget(self._new_form())

    def _new_form(self) -> QGroupBox:
        self.new_box = QGroupBox(
            translate("AttendeePicker", "Nouveau participant (arrivé sans inscription)")
        )
        row = QHBoxLayout(self.new_box)
        self.new_prenom = QLineEdit()
        self.new_nom = QLineEdit()
        self.new_commune = QLineEdit()
        for edit, text in (
            (self.new_prenom, translate("AttendeePicker", "Prénom")),
            (self.new_nom, translate("AttendeePicker", "Nom")),
            (self.new_commune, translate("AttendeePicker", "Commune")),
        ):
            edit.setPlaceholderText(text)
            edit.setAccessibleName(text)
            edit.returnPressed.connect(self.create_new)
            row.addWidget(edit)
        # The agent ticks it once the notice is in the person's hands (RGPD): never for them.
        self.new_notice = QCheckBox(translate("AttendeePicker", "Notice remise"))
        self.new_notice.setAccessibleName(
            translate("AttendeePicker", "Notice d'information remise aujourd'hui")
        )
        self.new_notice.installEventFilter(self)
        row.addWidget(self.new_notice)
        self.create_button = QPushButton(translate("AttendeePicker", "Créer et ajouter"))
        self.create_button.clicked.connect(self.create_new)
        row.addWidget(self.create_button)
        self.new_error = error_label()
        row.addWidget(self.new_error)
        self.new_box.hide()
        return self.new_box

    def refresh_candidates(self) -> None:
        """Show the best matches of what is typed."""
        found = self._search(self.search_edit.text())
        self.model.set_items(found)
        self.candidates.setVisible(bool(found))
        if found:
            self.candidates.selectRow(0)

    def pick_current(self) -> bool:
        """Add the highlighted match; return False if there is none."""
        row = self.candidates.currentIndex().row()
        candidate = self.model.item(row if row >= 0 else 0)
        if candidate is None:
            return False
        self.picked.emit(candidate)
        self.search_edit.clear()
        self.search_edit.setFocus()
        return True

    def show_new_form(self) -> None:
        """Open the inline form, prefilled from the search words (first name, then name)."""
        words = self.search_edit.text().split()
        self.new_prenom.setText(words[0].capitalize() if words else "")
        self.new_nom.setText(" ".join(words[1:]))
        self.new_box.show()
        (self.new_nom if words else self.new_prenom).setFocus()

    def create_new(self) -> None:
        """Register the person typed in the inline form and add them."""
        data = ParticipantInput(
            prenom=self.new_prenom.text(),
            nom=self.new_nom.text(),
            commune=self.new_commune.text(),
            site_id=self._site_id(),
            notice_given_on=self.ws.today() if self.new_notice.isChecked() else None,
        )
        try:
            view = register_participant(self.ws, data)
        except ValidationError as exc:
            show_error(self.new_error, " ".join(exc.errors.values()))
            return
        show_error(self.new_error, None)
        for edit in (self.new_prenom, self.new_nom, self.new_commune):
            edit.clear()
        self.new_notice.setChecked(False)
        self.new_box.hide()
        self.created.emit(view.id)
        self.picked.emit(Candidate(view.id, view.display_name, view.commune, True))
        self.search_edit.clear()
        self.search_edit.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is getattr(self, "new_notice", None)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.create_new()  # Enter on the box creates, as in the text fields
            return True
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in _ENTER and self.search_edit.text().strip():
                if not self.pick_current():
                    self.show_new_form()
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.model.rowCount():
                step = 1 if key == Qt.Key.Key_Down else -1
                row = self.candidates.currentIndex().row() + step
                self.candidates.selectRow(max(0, min(row, self.model.rowCount() - 1)))
                return True
        return super().eventFilter(watched, event)
