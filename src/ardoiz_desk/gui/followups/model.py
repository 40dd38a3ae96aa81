"""The follow-ups table (used by the Suivis pane and the participant card)."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor

from ardoiz_desk.gui.kit.i18n import translate
from ardoiz_desk.gui.kit.table_model import Column, ItemTableModel, fr_date
from ardoiz_desk.services.people.followups import FollowUpView

_OVERDUE = QColor("#b3261e")


def status(f: FollowUpView) -> str:
    """Done, overdue or planned."""
    if f.done:
        return translate("FollowUpModel", "Fait")
    if f.overdue:
        return translate("FollowUpModel", "En retard")
    return translate("FollowUpModel", "À faire")


def _color(f: FollowUpView):
    return QBrush(_OVERDUE) if f.overdue else None


def followup_model(parent=None, *, with_person: bool = True) -> ItemTableModel:
    """A model listing follow-ups: due date, person, reason, status."""
    columns = [
        Column(
            translate("FollowUpModel", "Échéance"),
            lambda f: fr_date(f.due_on),
            lambda f: f.due_on.toordinal(),
            foreground=_color,
        ),
    ]
    if with_person:
        columns.append(
            Column(translate("FollowUpModel", "Participant"), lambda f: f.participant_name)
        )
    columns += [
        Column(translate("FollowUpModel", "Motif"), lambda f: f.reason),
        Column(translate("FollowUpModel", "État"), status, foreground=_color),
    ]
    return ItemTableModel(columns, parent)
