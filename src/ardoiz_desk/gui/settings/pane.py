"""Paramètres: language, text size, retention period, and who this counter is."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ardoiz_desk.gui.kit.i18n import translate
from ardoiz_desk.gui.kit.operations import Change, Changed, Operations, follow
from ardoiz_desk.gui.kit.ui_settings import TEXT_SCALES, UiSettings
from ardoiz_desk.gui.kit.widgets import heading, hint, select_code
from ardoiz_desk.gui.settings.sync_box import SyncSettingsBox
from ardoiz_desk.services.privacy.retention import (
    RetentionCandidate,
    apply_retention,
    retention_preview,
)
from ardoiz_desk.services.settings import retention_months, set_retention_months
from ardoiz_desk.services.sites.sites import this_agent, this_site
from ardoiz_desk.services.workspace import Workspace


class SettingsPane(QWidget):
    """Every change applies at once (the language at the next start)."""

    text_scale_changed = Signal(int)
    participants_erased = Signal(list)

    def __init__(
        self,
        ws: Workspace,
        settings: UiSettings,
        ops: Operations | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.settings = settings
        self.ops = ops or Operations(parent=self)
        self.dialogs = self.ops.dialogs
        self.runner = self.ops.runner
        layout = QVBoxLayout(self)
        layout.addWidget(heading(translate("SettingsPane", "Paramètres")))
        form = QFormLayout()
        self.language = QComboBox()
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.language.setAccessibleName(translate("SettingsPane", "Langue"))
        select_code(self.language, settings.language)
        self.language.currentIndexChanged.connect(self._language_changed)
        form.addRow(translate("SettingsPane", "&Langue"), self.language)
        self.language_hint = hint(
            translate("SettingsPane", "La langue change au prochain démarrage.")
        )
        form.addRow("", self.language_hint)
        self.text_size = QComboBox()
        for scale in TEXT_SCALES:
            self.text_size.addItem(f"{scale} %", scale)
        self.text_size.setAccessibleName(translate("SettingsPane", "Taille du texte"))
        select_code(self.text_size, settings.text_scale)
        self.text_size.currentIndexChanged.connect(self._text_size_changed)
        form.addRow(translate("SettingsPane", "Taille du &texte"), self.text_size)
        self.retention = QSpinBox()
        self.retention.setRange(1, 120)
        self.retention.setSuffix(translate("SettingsPane", " mois"))
        self.retention.setAccessibleName(translate("SettingsPane", "Durée de conservation"))
        self.retention.setValue(retention_months(ws))
        self.retention.valueChanged.connect(self._retention_changed)
        form.addRow(translate("SettingsPane", "&Conservation des données"), self.retention)
        form.addRow(
            "",
            hint(
                translate(
                    "SettingsPane",
                    "Durée après le dernier contact au-delà de laquelle les données d'une personne "
                    "sont anonymisées (RGPD ; la CNIL retient 2 ans pour l'accompagnement social).",
                )
            ),
        )
        form.addRow("", self._purge_row())
        self.identity = QLabel()
        self.identity.setWordWrap(True)
        form.addRow(translate("SettingsPane", "Ce guichet"), self.identity)
        self.data_dir = QLabel(str(ws.data_dir))
        self.data_dir.setWordWrap(True)
        form.addRow(translate("SettingsPane", "Dossier des données"), self.data_dir)
        box = QWidget()
        box.setLayout(form)
        box.setMaximumWidth(820)
        layout.addWidget(box)
        # Paramètres › Synchronisation: the shared folder, chosen once, and how rounds behave.
        self.sync_box = SyncSettingsBox(ws)
        self.sync_box.setMaximumWidth(820)
        layout.addWidget(self.sync_box)
        layout.addStretch(1)
        self.refresh()
        follow(
            self.ops.hub,
            self,
            Change.SITES
            | Change.AGENTS
            | Change.PARTICIPANTS
            | Change.ACTIVITIES
            | Change.SETTINGS,
            lambda _change: self.refresh(),
            stale=False,
        )

    def _purge_row(self) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.purge_status = QLabel()
        self.purge_status.setWordWrap(True)
        self.purge_button = QPushButton(translate("SettingsPane", "Voir et anonymiser…"))
        self.purge_button.setAccessibleName(
            translate(
                "SettingsPane", "Anonymiser les personnes au-delà de la durée de conservation"
            )
        )
        self.purge_button.clicked.connect(self.review_retention)
        layout.addWidget(self.purge_status, 1)
        layout.addWidget(self.purge_button)
        return row

    def _retention_changed(self, months: int) -> None:
        set_retention_months(self.ws, months)
        self._show_due()

    def _show_due(self) -> list[RetentionCandidate]:
        due = retention_preview(self.ws)
        self.purge_status.setText(
            translate(
                "SettingsPane", "{count} personne(s) sans contact depuis plus de {months} mois."
            ).format(count=len(due), months=retention_months(self.ws))
        )
        self.purge_button.setEnabled(bool(due) and not self.runner.busy)
        return due

    def review_retention(self) -> None:
        """Show who is past the retention period and, once confirmed, anonymise them."""
        due = self._show_due()
        if not due:
            return
        names = "\n".join(
            f"• {c.display_name} ({c.last_contact.strftime('%d/%m/%Y')})" for c in due[:12]
        )
        more = len(due) - 12
        if more > 0:
            names += "\n" + translate("SettingsPane", "… et {count} autre(s)").format(count=more)
        question = translate(
            "SettingsPane",
            "{count} personne(s) n'ont pas été vues depuis plus de {months} mois :\n\n{names}\n\n"
            "Anonymiser leurs données ? Leurs activités restent comptées dans les rapports ; "
            "l'effacement sera transmis aux autres sites et ne peut pas être annulé.",
        ).format(count=len(due), months=retention_months(self.ws), names=names)
        title = translate("SettingsPane", "Conservation des données")
        if not self.dialogs.ask(self, title, question):
            return
        self.purge_button.setEnabled(False)
        self.ops.run(
            lambda progress: (apply_retention(self.ws, due, progress), due)[1],
            on_success=self._retention_applied,
            changes=lambda erased: Changed(
                Change.PARTICIPANTS | Change.FOLLOWUPS,
                tuple(c.participant_id for c in erased),
                origin=self,
            ),
            parent=self,
            error_title=title,
        )

    def _retention_applied(self, due: list[RetentionCandidate]) -> None:
        self._show_due()
        self.participants_erased.emit([c.participant_id for c in due])

    def refresh(self) -> None:
        """Show this counter's site and agent, and who is past the retention period."""
        self.sync_box.refresh()
        self._show_due()
        site, agent = this_site(self.ws), this_agent(self.ws)
        self.identity.setText(
            translate("SettingsPane", "Site : {site} · Agent : {agent}").format(
                site=site.name if site else "—", agent=agent.name if agent else "—"
            )
        )

    def _language_changed(self) -> None:
        self.settings.language = self.language.currentData()
        self.settings.sync()

    def _text_size_changed(self) -> None:
        self.settings.text_scale = self.text_size.currentData()
        self.settings.sync()
        self.text_scale_changed.emit(self.text_size.currentData())
