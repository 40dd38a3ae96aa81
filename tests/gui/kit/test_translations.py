"""Translations: the compiled catalogue ships, every message is translated, English works."""

from __future__ import annotations

import importlib.util
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale

from ardoiz_desk.gui.kit.i18n import install_translators
from ardoiz_desk.paths import resources_dir

TS = resources_dir() / "translations" / "ardoiz_desk_en.ts"


def _update_translations_tool():
    script = Path(__file__).resolve().parents[3] / "scripts" / "update_translations.py"
    spec = importlib.util.spec_from_file_location("update_translations", script)
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    return tool


def test_compiled_catalogue_ships(tmp_path) -> None:
    """The shipped .qm is the compiled .ts, byte for byte (file dates mean nothing in a clone)."""
    tool = _update_translations_tool()
    for ts in sorted(TS.parent.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        assert qm.exists() and qm.stat().st_size > 100, qm.name
        fresh = tmp_path / qm.name
        subprocess.run(
            [tool.tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(fresh)], check=True
        )
        assert fresh.read_bytes() == qm.read_bytes(), (
            f"{qm.name} is stale: run scripts/update_translations.py"
        )


def test_every_message_is_translated() -> None:
    missing = [
        f"{context.findtext('name')}: {message.findtext('source')}"
        for context in ET.parse(TS).getroot().iter("context")
        for message in context.iter("message")
        if message.find("translation").get("type") == "unfinished"
        or not (message.find("translation").text or "").strip()
    ]
    assert missing == [], "run scripts/update_translations.py and translate:\n" + "\n".join(missing)


def test_english_and_qt_french_catalogues_load(qapp) -> None:
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert (qt_dir / "qtbase_fr.qm").exists()
    installed = install_translators(qapp, "en")
    try:
        assert QCoreApplication.translate("MainWindow", "Paramètres") == "Settings"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
    installed = install_translators(qapp, "fr")
    try:
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"
        assert QLocale().language() == QLocale.Language.French
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


def test_catalogue_covers_every_string_in_the_code() -> None:
    """A string added to the window or a PDF without its English entry shows French in English
    mode; the catalogue check above cannot see it, since the .ts never heard of it."""
    tool = _update_translations_tool()
    done = tool.read_ts(TS)
    missing = [
        f"{context}: {text}"
        for context, texts in tool.extract().items()
        for text in texts
        if (context, text) not in done
    ]
    assert missing == [], "run scripts/update_translations.py and translate:\n" + "\n".join(missing)


def test_qt_file_dialog_speaks_french(qapp) -> None:
    """Qt's own file chooser (non-native, as under Xvfb) says « Voir dans : » (as Qt words it)."""
    from PySide6.QtWidgets import QFileDialog, QLabel

    installed = install_translators(qapp, "fr")
    try:
        for source in ("Look in:", "&Look in:", "Files of &type:", "File &name:"):
            assert QCoreApplication.translate("QFileDialog", source) != source
        chooser = QFileDialog(None, "Enregistrer")
        chooser.setOption(QFileDialog.Option.DontUseNativeDialog)
        texts = {label.text() for label in chooser.findChildren(QLabel)}
        assert not texts & {"&Look in:", "Files of &type:", "File &name:"}
        assert {"&Voir dans\xa0:", "Fichiers de &type\xa0:"} <= texts, texts
        chooser.deleteLater()
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
