"""Paramètres: language, text size, retention period, and who this counter is."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from ardoiz_desk.gui.i18n import translate
from ardoiz_desk.gui.ui_settings import TEXT_SCALES, UiSettings
from ardoiz_desk.gui.widgets import heading, hint, select_code
from ardoiz_desk.services.directory import this_agent, this_site
from ardoiz_desk.services.settings import retention_months, set_retention_months
from ardoiz_desk.services.workspace import Workspace


class SettingsPane(QWidget):
    """Every change applies at once (the language at the next start)."""

    text_scale_changed = Signal(int)

    def __init__(self, ws: Workspace, settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.settings = settings
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
        self.retention.valueChanged.connect(lambda months: set_retention_months(self.ws, months))
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
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        """Show this counter's site and agent."""
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
