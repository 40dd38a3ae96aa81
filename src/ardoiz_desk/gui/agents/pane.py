"""Agents & formation: the agents of this site and the trainings (stage 1) each followed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ardoiz_desk.gui.kit.i18n import translate
from ardoiz_desk.gui.kit.operations import Change, Operations, follow
from ardoiz_desk.gui.kit.table_model import Column, ItemTableModel, fr_date
from ardoiz_desk.gui.kit.widgets import compact, error_label, heading, hint, show_error
from ardoiz_desk.gui.participants.journey import table
from ardoiz_desk.services.sites.agents import AgentOverview, agents_with_trainings
from ardoiz_desk.services.sites.sites import add_agent, this_site
from ardoiz_desk.services.validation import ValidationError
from ardoiz_desk.services.workspace import Workspace


def _role(a: AgentOverview) -> str:
    if a.role == "coordinator":
        return translate("AgentsPane", "Coordination")
    return translate("AgentsPane", "Agent d'accueil")


def _last(a: AgentOverview) -> str:
    if not a.trainings:
        return translate("AgentsPane", "Pas encore formé·e")
    t = a.trainings[-1]
    return f"{fr_date(t.date)} — {t.title}" if t.title else fr_date(t.date)


def agents_model(parent=None) -> ItemTableModel:
    """A model listing agents and their trainings."""
    return ItemTableModel(
        [
            Column(translate("AgentsPane", "Agent"), lambda a: a.name),
            Column(translate("AgentsPane", "Site"), lambda a: a.site_name),
            Column(translate("AgentsPane", "Rôle"), _role),
            Column(
                translate("AgentsPane", "Formations suivies"),
                lambda a: str(len(a.trainings)),
                lambda a: len(a.trainings),
            ),
            Column(translate("AgentsPane", "Dernière formation"), _last),
        ],
        parent,
    )


class AgentsPane(QWidget):
    """The site's agents, who is trained, and adding an agent or recording a training."""

    training_requested = Signal()

    def __init__(self, ws: Workspace, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.ops = ops
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading(translate("AgentsPane", "Agents et formation")))
        top.addStretch(1)
        self.scope = QComboBox()
        self.scope.addItem(translate("AgentsPane", "Agents de ce site"), "site")
        self.scope.addItem(translate("AgentsPane", "Tous les agents du territoire"), "all")
        self.scope.setAccessibleName(translate("AgentsPane", "Agents affichés"))
        self.scope.currentIndexChanged.connect(lambda _i: self.refresh())
        top.addWidget(compact(self.scope))
        self.training_button = QPushButton(translate("AgentsPane", "Enregistrer une formation…"))
        self.training_button.clicked.connect(self.training_requested)
        top.addWidget(self.training_button)
        layout.addLayout(top)
        layout.addWidget(
            hint(
                translate(
                    "AgentsPane",
                    "Premier temps du programme : les agents sont formés à la tablette Ardoiz "
                    "avant d'animer les ateliers.",
                )
            )
        )
        self.model = agents_model(self)
        self.view = table(self.model, translate("AgentsPane", "Liste des agents"))
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(translate("AgentsPane", "Prénom et nom du nouvel agent"))
        self.name_edit.setAccessibleName(translate("AgentsPane", "Nom du nouvel agent"))
        self.name_edit.returnPressed.connect(self.add)
        add = QPushButton(translate("AgentsPane", "Ajouter l'agent"))
        add.clicked.connect(self.add)
        row.addWidget(self.name_edit, 1)
        row.addWidget(add)
        layout.addLayout(row)
        self.error = error_label()
        layout.addWidget(self.error)
        # Trainings are activities; agents and sites come with imports too.
        follow(
            ops.hub,
            self,
            Change.AGENTS | Change.ACTIVITIES | Change.SITES,
            lambda _change: self.refresh(),
        )

    def refresh(self) -> None:
        """Reload the agents."""
        site = this_site(self.ws)
        only = site.id if site and self.scope.currentData() == "site" else None
        self.model.set_items(agents_with_trainings(self.ws, only))

    def add(self) -> None:
        """Add an agent to this site."""
        site = this_site(self.ws)
        try:
            add_agent(self.ws, self.name_edit.text(), site.id if site else None)
        except ValidationError as exc:
            show_error(self.error, str(exc))
            return
        show_error(self.error, None)
        self.name_edit.clear()
        self.refresh()
        self.ops.announce(Change.AGENTS, origin=self)
