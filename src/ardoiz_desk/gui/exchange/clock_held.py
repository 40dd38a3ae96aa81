"""Work set aside because its sender's date ran ahead, listed and approved from the window.

The same as ``ardoiz-desk territory clock-held`` and ``approve-clock``: each line names the
site, how many hours ahead its date ran, what the bundle carries (people, activities...) and
when it was received; « Approuver… » asks first (« Non » is the default answer), then applies
the bundle through the service the command line calls, off the GUI thread. A failure is
shown in French in the box and changes nothing. No bundle id is shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from ardoiz_desk.gui.exchange.wording import counts_text
from ardoiz_desk.gui.kit.operations import Change, Operations
from ardoiz_desk.gui.kit.widgets import error_label, hint, show_error
from ardoiz_desk.services.exchange.bundle_import import approve_quarantined
from ardoiz_desk.services.exchange.import_report import ImportReport
from ardoiz_desk.services.exchange.quarantine import Quarantined, quarantined
from ardoiz_desk.services.workspace import Workspace

BUNDLE_ROLE = Qt.ItemDataRole.UserRole
# What a line counts: the agents' work (the sites and agents every full bundle carries are
# named only when a bundle holds nothing else).
WORK = ("participants", "activities", "attendances", "followups")


def tr(text: str) -> str:
    """Translate a string of this box."""
    return QCoreApplication.translate("ClockHeldBox", text)


def received_text(stamp: str) -> str:
    """« reçu le 02/12/2026 à 03:40 » in local time, or nothing when unknown."""
    try:
        when = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return ""
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    local = when.astimezone()
    return tr("reçu le {0} à {1}").format(local.strftime("%d/%m/%Y"), local.strftime("%H:%M"))


def held_text(q: Quarantined, site_name: str) -> str:
    """One line in the agent's words: site, hours ahead, what it carries, received when."""
    parts = [
        tr("« {0} » : date en avance de {1} h").format(site_name, q.hours_ahead),
        counts_text({t: n for t, n in q.rows.items() if t in WORK})
        or counts_text(q.rows)
        or tr("contenu non détaillé"),
    ]
    received = received_text(q.received_at)
    if received:
        parts.append(received)
    return " — ".join(parts)


class ClockHeldBox(QGroupBox):
    """The bundles kept aside for their sender's clock, with « Approuver… »."""

    approved = Signal()  # a bundle was applied: the pane reloads

    def __init__(
        self, ws: Workspace, ops: Operations, site_name: Callable[[Quarantined], str]
    ) -> None:
        super().__init__(tr("Travail mis de côté : date en avance"))
        self.ws = ws
        self.ops = ops
        self.site_name = site_name
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(
                tr(
                    "La date de l'ordinateur de ces sites était en avance : leur travail attend ici. "  # noqa: E501
                    "Il sera appliqué de lui-même quand l'heure réelle l'aura rattrapé, ou dès que vous l'approuvez (ses dates seront alors remplacées par celles de ce poste)."  # noqa: E501
                )
            )
        )
        self.list = QListWidget()
        self.list.setObjectName("clockHeldList")
        self.list.setAccessibleName(tr("Travail mis de côté pour une date en avance"))
        self.list.setMaximumHeight(6 * self.fontMetrics().height())
        layout.addWidget(self.list)
        row = QHBoxLayout()
        row.addStretch(1)
        self.approve_button = QPushButton(tr("Approuver…"))
        self.approve_button.setObjectName("approveClock")
        self.approve_button.setAutoDefault(False)
        self.approve_button.clicked.connect(self.approve_selected)
        row.addWidget(self.approve_button)
        layout.addLayout(row)
        self.error = error_label()
        layout.addWidget(self.error)
        self.refresh()

    def refresh(self) -> list[Quarantined]:
        """Reload the list (a quick read); the box shows only when something waits."""
        held = quarantined(self.ws)
        current = self.list.currentItem()
        chosen = current.data(BUNDLE_ROLE) if current is not None else None
        self.list.clear()
        for q in held:
            item = QListWidgetItem(held_text(q, self.site_name(q)))
            item.setData(BUNDLE_ROLE, q.bundle_id)
            self.list.addItem(item)
            if q.bundle_id == chosen:
                self.list.setCurrentItem(item)
        if held and self.list.currentItem() is None:
            self.list.setCurrentRow(0)
        self.approve_button.setEnabled(bool(held))
        self.setVisible(bool(held))
        return held

    def approve_selected(self) -> None:
        """Ask, then apply the chosen bundle as the command line's ``approve-clock`` does."""
        item = self.list.currentItem()
        if item is None:
            show_error(self.error, tr("Choisissez un travail mis de côté."))
            return
        bundle_id = item.data(BUNDLE_ROLE)
        question = tr(
            "Appliquer maintenant ce travail ?\n\n{0}\n\n"
            "Ses dates en avance seront remplacées par celles de ce poste."
        ).format(item.text())
        if not self.ops.dialogs.ask(self, tr("Approuver un travail mis de côté"), question):
            return
        show_error(self.error, None)
        self.approve_button.setEnabled(False)
        self.ops.run(
            lambda _progress: approve_quarantined(self.ws, bundle_id),
            on_success=self._approved,
            on_failure=self._failed,
            changes=Change.DATA,
            parent=self,
            origin=self,
        )

    def _approved(self, report: ImportReport) -> None:
        refused = [o.message for o in report.outcomes if o.status != "applied"]
        self.refresh()
        if refused:
            show_error(
                self.error, " ".join(m for m in refused if m) or tr("Rien n'a été appliqué.")
            )
        self.approved.emit()

    def _failed(self, message: str, _details: str) -> None:
        self.refresh()
        self.setVisible(True)
        show_error(self.error, message)
