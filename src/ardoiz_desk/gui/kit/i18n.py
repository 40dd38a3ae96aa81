"""Translations: our own catalogue and Qt's (so standard buttons speak the same language).

UI strings are written in French in the code, each through ``translate("<Context>", ...)``
with an explicit context so that ``pyside6-lupdate`` finds them (it does not see through
wrapper functions); ``.format()`` comes after translating.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ardoiz_desk.paths import resources_dir

translate = QCoreApplication.translate
LANGUAGES = ("fr", "en")
_OBJECT_NAME = "ardoiz-translator"


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install Qt's catalogue and ours for a language ('fr' is the source language)."""
    lang = lang if lang in LANGUAGES else "fr"
    # Replace, never stack: a translator left from an earlier language would still answer
    # for the strings the new catalogue lacks (English has no qtbase catalogue of its own).
    for old in app.findChildren(QTranslator, _OBJECT_NAME):
        app.removeTranslator(old)
        old.deleteLater()
    installed = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ours = str(resources_dir() / "translations")
    for folder, name in (
        (qt_dir, f"qtbase_{lang}"),
        (ours, f"qtbase_extra_{lang}"),  # what Qt's own catalogue lacks (file chooser)
        (ours, f"ardoiz_desk_{lang}"),
    ):
        translator = QTranslator(app)
        translator.setObjectName(_OBJECT_NAME)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    # By name: PySide6 builds its Language and Country enums (650 members) on first use.
    locale = QLocale("en_GB" if lang == "en" else "fr_FR")
    QLocale.setDefault(locale)
    return installed
