"""The Activités pane: the latest activities recorded, and the button to record one."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ardoiz_desk.gui.kit import vocabulary as voc
from ardoiz_desk.gui.kit.i18n import translate
from ardoiz_desk.gui.kit.operations import Change, Operations, follow
from ardoiz_desk.gui.kit.table_model import RAW_ROLE, Column, ItemTableModel, duration, fr_date
from ardoiz_desk.gui.kit.widgets import heading, hint
from ardoiz_desk.gui.participants.journey import table
from ardoiz_desk.services.activities.sessions import ActivityView, list_activities
from ardoiz_desk.services.sites.sites import list_agents, list_sites
from ardoiz_desk.services.workspace import Workspace

RECENT = 500


def _what(a: ActivityView) -> str:
    if a.titre_atelier:
        return a.titre_atelier
    themes = voc.thematiques()
    return ", ".join(voc.label(themes, t) for t in a.thematiques)


def _present(a: ActivityView) -> str:
    if a.participants_anonymes:
        return translate("ActivitiesPane", "{n} + {a} anonyme(s)").format(
            n=len(a.participant_ids), a=a.participants_anonymes
        )
    return str(len(a.participant_ids))


class ActivitiesPane(QWidget):
    """Recent activities, newest first; sortable by any column."""

    record_requested = Signal()

    def __init__(self, ws: Workspace, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.ops = ops
        self.names: dict[str, str] = {}
        kinds = voc.kinds()
        self.model = ItemTableModel(
            [
                Column(
                    translate("ActivitiesPane", "Date"),
                    lambda a: fr_date(a.date),
                    lambda a: a.date.toordinal(),
                ),
                Column(translate("ActivitiesPane", "Type"), lambda a: voc.label(kinds, a.kind)),
                Column(translate("ActivitiesPane", "Titre ou thématiques"), _what),
                Column(
                    translate("ActivitiesPane", "Durée"),
                    lambda a: duration(a.duree_minutes),
                    lambda a: a.duree_minutes,
                ),
                Column(
                    translate("ActivitiesPane", "Présents"),
                    _present,
                    lambda a: len(a.participant_ids),
                ),
                Column(
                    translate("ActivitiesPane", "Site"),
                    lambda a: self.names.get(a.site_id or "", ""),
                ),
                Column(
                    translate("ActivitiesPane", "Agent"),
                    lambda a: self.names.get(a.agent_id or "", ""),
                ),
            ],
            self,
        )
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(RAW_ROLE)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading(translate("ActivitiesPane", "Activités")))
        top.addStretch(1)
        self.record_button = QPushButton(translate("ActivitiesPane", "Enregistrer une activité"))
        self.record_button.setToolTip(translate("ActivitiesPane", "Ctrl+E"))
        self.record_button.clicked.connect(self.record_requested)
        top.addWidget(self.record_button)
        layout.addLayout(top)
        layout.addWidget(
            hint(
                translate(
                    "ActivitiesPane",
                    "Les {n} dernières activités : ateliers collectifs, "
                    "prises en main individuelles et formations des agents.",
                ).format(n=RECENT)
            )
        )
        self.view = table(self.proxy, translate("ActivitiesPane", "Liste des activités"), stretch=2)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        layout.addWidget(self.view, 1)
        # Names of sites and agents are shown beside each activity.
        follow(
            ops.hub,
            self,
            Change.ACTIVITIES | Change.AGENTS | Change.SITES,
            lambda _change: self.refresh(),
        )

    def refresh(self) -> None:
        """Reload the recent activities in the background."""

        def work(_progress):
            names = {s.id: s.name for s in list_sites(self.ws, include_retired=True)}
            names |= {a.id: a.name for a in list_agents(self.ws)}
            return names, list_activities(self.ws, limit=RECENT)

        self.ops.run(work, on_success=self._show, parent=self)

    def _show(self, result) -> None:
        self.names, activities = result
        self.model.set_items(activities)
