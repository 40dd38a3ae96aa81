"""Per-machine window preferences (language, text size, geometry) in an INI file.

They live in the data folder, beside the base, so tests and several sites on one machine
never share them; nothing is read at import time.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from ardoiz_desk.gui.kit.i18n import LANGUAGES

TEXT_SCALES = (100, 125, 150, 175)
FILENAME = "ardoiz-desk-ui.ini"


class UiSettings:
    """Typed access to the window's preferences."""

    def __init__(self, data_dir: Path) -> None:
        self.qsettings = QSettings(str(data_dir / FILENAME), QSettings.Format.IniFormat)

    @property
    def language(self) -> str:
        """UI language: 'fr' (default) or 'en'."""
        value = str(self.qsettings.value("ui/language", "fr"))
        return value if value in LANGUAGES else "fr"

    @language.setter
    def language(self, value: str) -> None:
        self.qsettings.setValue("ui/language", value if value in LANGUAGES else "fr")

    @property
    def text_scale(self) -> int:
        """Text size in percent of the system's (100, 125, 150 or 175)."""
        try:
            value = int(self.qsettings.value("ui/text_scale", 100))
        except (TypeError, ValueError):
            return 100
        return value if value in TEXT_SCALES else 100

    @text_scale.setter
    def text_scale(self, value: int) -> None:
        self.qsettings.setValue("ui/text_scale", int(value))

    def geometry(self) -> QByteArray | None:
        """The main window's saved geometry, if any."""
        value = self.qsettings.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def save_geometry(self, value: QByteArray) -> None:
        """Remember the main window's geometry."""
        self.qsettings.setValue("window/geometry", value)

    @property
    def exchange_folder(self) -> Path | None:
        """The folder last used to export or import bundles (a USB stick), if it still exists."""
        value = self.qsettings.value("exchange/last_folder", "")
        folder = Path(str(value)) if value else None
        return folder if folder is not None and folder.is_dir() else None

    @exchange_folder.setter
    def exchange_folder(self, folder: Path) -> None:
        self.qsettings.setValue("exchange/last_folder", str(folder))
        self.qsettings.sync()

    def sync(self) -> None:
        """Write to disk now."""
        self.qsettings.sync()
