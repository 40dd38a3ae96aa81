"""At the counter: what this site sent through the shared folder, and what the coordination
confirmed it holds (quick reads of the base)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from ardoiz_desk.services.exchange.sync_status import SyncStatus


def tr(text: str) -> str:
    """Translate a string of the counter's synchronisation status."""
    return QCoreApplication.translate("CounterStatus", text)


def _when(iso: str) -> str:
    return iso.replace("T", " ")[:16]


def counter_text(st: SyncStatus) -> str:
    """Say what this site sent and when the coordination last confirmed it."""
    if not st.sent:
        return tr("Ce poste n'a encore rien déposé dans le dossier partagé.")
    last = st.sent[-1]
    text = tr(
        "Ce poste a déposé {0} paquet(s) ; le dernier le {1} ({2} enregistrement(s))."
    ).format(len(st.sent), _when(last.created_at), last.rows)
    confirmed = st.last_confirmed
    if confirmed is None:
        return text + " " + tr("La coordination n'a pas encore confirmé les avoir reçus.")
    text += " " + tr(
        "La coordination a confirmé le {0} détenir tout ce qui a été envoyé jusqu'au paquet du {1}."
    ).format(_when(confirmed.confirmed_at), _when(confirmed.created_at))
    if st.unconfirmed:
        text += " " + tr("{0} paquet(s) plus récent(s) pas encore confirmé(s).").format(
            st.unconfirmed
        )
    return text


def counter_label() -> QLabel:
    """The label the synchronisation pane fills with :func:`counter_text`."""
    label = QLabel("")
    label.setObjectName("counterStatus")
    label.setWordWrap(True)
    return label
