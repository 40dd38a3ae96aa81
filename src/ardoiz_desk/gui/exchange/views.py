"""Tables of the synchronisation pane: import preview, conflicts, replicas waiting approval."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ardoiz_desk.gui.exchange.territory_box import role_label
from ardoiz_desk.gui.exchange.wording import file_label, site_label
from ardoiz_desk.gui.kit.a11y import release_tab
from ardoiz_desk.gui.kit.table_model import RAW_ROLE, Column, ItemTableModel
from ardoiz_desk.gui.participants.form import field_labels
from ardoiz_desk.services.exchange.conflicts import ConflictView
from ardoiz_desk.services.exchange.import_report import BundleOutcome
from ardoiz_desk.services.exchange.territory import PeerView


def tr(text: str) -> str:
    """Translate a string of the synchronisation pane."""
    return QCoreApplication.translate("SyncPane", text)


def status_label(status: str) -> str:
    """Return the French label of a bundle's fate."""
    labels = {
        "applied": tr("Importé"),
        "preview": tr("Prêt à importer"),
        "held": tr("En attente d'approbation"),
        "already": tr("Déjà importé"),
        "skipped": tr("Ignoré"),
        "refused": tr("Refusé"),
        "stale": tr("Non importé : changé depuis l'aperçu"),
    }
    return labels.get(status, status)


def _value(value: Any) -> str:
    if value is None or value == "":
        return tr("(vide)")
    if isinstance(value, bool):
        return tr("oui") if value else tr("non")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def field_label(table: str, field: str) -> str:
    """The label a field has in its form (participants), else its name made readable."""
    if table == "participants":
        label = field_labels().get(field)
        if label:
            return label.rstrip(" *")
    return field.replace("_", " ").capitalize()


def outcome_columns(site_names: Mapping[str, str] | None = None) -> list[Column]:
    """Columns of the import preview and report (``site_names``: replica id → site name)."""
    names = site_names if site_names is not None else {}

    def count(name: str):
        return lambda o: str(o.total(name)) if o.tables else ""

    return [
        Column(tr("Fichier"), lambda o: file_label(o.file)),
        Column(tr("Origine"), lambda o: site_label(o, names)),
        Column(tr("État"), lambda o: status_label(o.status)),
        Column(tr("Nouveaux"), count("new"), lambda o: o.total("new")),
        Column(tr("Modifiés"), count("updated"), lambda o: o.total("updated")),
        Column(tr("Conflits"), count("conflicts"), lambda o: o.total("conflicts")),
        Column(tr("Suppressions"), count("deleted"), lambda o: o.total("deleted")),
        Column(tr("Effacements"), count("erased"), lambda o: o.total("erased")),
        Column(tr("Détail"), lambda o: o.message),
    ]


def conflict_columns() -> list[Column]:
    """Columns of the conflicts list: both values side by side."""
    return [
        Column(tr("Fiche"), lambda c: c.row_label),
        Column(tr("Champ"), lambda c: field_label(c.table, c.field)),
        Column(tr("Valeur gardée"), lambda c: _value(c.kept_value)),
        Column(tr("Écrite par"), lambda c: f"{c.kept_by}, {c.kept_at}"),
        Column(tr("Valeur écartée"), lambda c: _value(c.lost_value)),
        Column(tr("Écrite par "), lambda c: f"{c.lost_by}, {c.lost_at}"),
    ]


def peer_columns() -> list[Column]:
    """Columns of the replicas list."""
    states = {
        "trusted": tr("De confiance"),
        "pending": tr("En attente"),
        "revoked": tr("Révoquée"),
    }

    def state(p: PeerView) -> str:
        if p.status == "pending" and p.keys_shown > 1:
            return tr("En attente — {0} clés différentes : vérifiez l'empreinte").format(
                p.keys_shown
            )
        return states.get(p.status, p.status)

    return [
        Column(tr("Site"), lambda p: p.site_name or p.site_code or tr("(inconnu)")),
        Column(tr("Rôle"), lambda p: role_label(p.role)),
        Column(tr("État"), state),
        Column(tr("Empreinte de la clé"), lambda p: p.fingerprint),
        Column(
            tr("Paquets en attente"),
            lambda p: str(p.files_waiting) if p.files_waiting else "",
            lambda p: p.files_waiting,
        ),
        Column(tr("Dernier paquet"), lambda p: p.last_bundle_at.replace("T", " ")[:16]),
    ]


def make_table(columns: list[Column], name: str, parent: QWidget | None = None) -> QTableView:
    """A sortable, read-only, row-selecting table over an ItemTableModel."""
    view = release_tab(QTableView(parent))
    model = ItemTableModel(columns, view)
    proxy = QSortFilterProxyModel(view)
    proxy.setSourceModel(model)
    proxy.setSortRole(RAW_ROLE)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.setAccessibleName(name)
    view.setMinimumHeight(140)
    return view


def table_model(view: QTableView) -> ItemTableModel:
    """Return the item model under a table's sort proxy."""
    return view.model().sourceModel()  # type: ignore[union-attr]


def selected_item(view: QTableView) -> Any | None:
    """Return the item of the selected row, if any."""
    rows = view.selectionModel().selectedRows()
    if not rows:
        return None
    source = view.model().mapToSource(rows[0])  # type: ignore[union-attr]
    return table_model(view).item(source.row())


__all__ = ["BundleOutcome", "ConflictView", "PeerView"]
