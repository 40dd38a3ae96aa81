"""First start: which counter is this, and who works here (demo data: the command line)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ardoiz_desk.gui.kit import vocabulary as voc
from ardoiz_desk.gui.kit.i18n import translate
from ardoiz_desk.gui.kit.operations import Change, Operations
from ardoiz_desk.gui.kit.screen import fit_to_screen
from ardoiz_desk.gui.kit.widgets import code_combo, error_label, heading, hint, show_error
from ardoiz_desk.services.sites.sites import (
    ensure_default_directory,
    initialise_site,
    list_sites,
    this_site,
)
from ardoiz_desk.services.validation import ValidationError
from ardoiz_desk.services.workspace import Workspace


def needs_first_start(ws: Workspace) -> bool:
    """True until this installation knows its site."""
    return this_site(ws) is None


class FirstStartDialog(QDialog):
    """A short wizard shown once: choose or create the site, give the agent's name."""

    completed = Signal()

    def __init__(self, ws: Workspace, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.ops = ops
        self.runner = ops.runner
        self.setObjectName("firstStartDialog")
        self.setWindowTitle(translate("FirstStartDialog", "Bienvenue dans Ardoiz Desk"))
        ensure_default_directory(ws)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(translate("FirstStartDialog", "Bienvenue dans Ardoiz Desk")))
        layout.addWidget(
            hint(
                translate(
                    "FirstStartDialog",
                    "Indiquez le guichet où ce poste est installé et votre nom. "
                    "Cette question ne sera plus posée.",
                )
            )
        )
        self.choose = QRadioButton(translate("FirstStartDialog", "Mon site est dans l'annuaire :"))
        self.create = QRadioButton(translate("FirstStartDialog", "Créer un nouveau site"))
        group = QButtonGroup(self)
        group.addButton(self.choose)
        group.addButton(self.create)
        self.choose.setChecked(True)
        self.site = code_combo(
            {s.id: s.name for s in list_sites(ws) if s.kind != "coordination"},
            translate("FirstStartDialog", "Site de ce poste"),
        )
        layout.addWidget(self.choose)
        layout.addWidget(self.site)
        layout.addWidget(self.create)
        layout.addWidget(self._new_site_form())
        self.agent = QLineEdit()
        self.agent.setAccessibleName(translate("FirstStartDialog", "Votre prénom et nom"))
        self.agent.setPlaceholderText(translate("FirstStartDialog", "ex. Camille Roussel"))
        agent_form = QFormLayout()
        agent_form.addRow(translate("FirstStartDialog", "&Votre prénom et nom"), self.agent)
        layout.addLayout(agent_form)
        self.error = error_label()
        layout.addWidget(self.error)
        layout.addLayout(self._buttons())
        self.create.toggled.connect(self._mode_changed)
        self._mode_changed()
        fit_to_screen(self, 560, 480)

    def _new_site_form(self) -> QWidget:
        self.new_site = QWidget()
        form = QFormLayout(self.new_site)
        self.code = QLineEdit()
        self.code.setPlaceholderText(translate("FirstStartDialog", "ex. APC-ORPIERRE"))
        self.code.setAccessibleName(translate("FirstStartDialog", "Code du site"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(translate("FirstStartDialog", "ex. Agence postale d'Orpierre"))
        self.name.setAccessibleName(translate("FirstStartDialog", "Nom du site"))
        self.kind = code_combo(voc.site_kinds(), translate("FirstStartDialog", "Type de site"))
        form.addRow(translate("FirstStartDialog", "Code"), self.code)
        form.addRow(translate("FirstStartDialog", "Nom"), self.name)
        form.addRow(translate("FirstStartDialog", "Type"), self.kind)
        return self.new_site

    def _buttons(self) -> QHBoxLayout:
        # No demo data here: this is a real counter's base (demo data come from the
        # command line, ``ardoiz-desk demo``, in a folder of their own).
        row = QHBoxLayout()
        self.start_button = QPushButton(translate("FirstStartDialog", "Commencer"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        row.addStretch(1)
        row.addWidget(self.start_button)
        return row

    def _mode_changed(self) -> None:
        self.site.setEnabled(self.choose.isChecked())
        self.new_site.setEnabled(self.create.isChecked())

    def start(self) -> bool:
        """Record the site and agent; close. Return False if something is missing."""
        if not self.agent.text().strip():
            show_error(
                self.error,
                translate(
                    "FirstStartDialog",
                    "Votre prénom et nom : ce champ est obligatoire (il signe vos activités).",
                ),
            )
            self.agent.setFocus()
            return False
        try:
            if self.create.isChecked():
                initialise_site(
                    self.ws,
                    self.code.text(),
                    self.name.text().strip() or None,
                    self.kind.currentData(),
                    self.agent.text().strip() or None,
                )
            else:
                code = next(s.code for s in list_sites(self.ws) if s.id == self.site.currentData())
                initialise_site(self.ws, code, agent_name=self.agent.text().strip() or None)
        except ValidationError as exc:
            show_error(self.error, str(exc))
            return False
        self.completed.emit()
        self.ops.announce(Change.DATA)
        self.accept()
        return True
