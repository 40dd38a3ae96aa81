#!/usr/bin/env python3
"""Refresh the translation sources from the GUI code, then compile them.

Runs ``pyside6-lupdate`` over every ``src/ardoiz_desk/{gui,printing}/**/*.py``, adds the labels of
``ardoiz_desk.services.vocabulary`` (which the window translates under their fixed context,
where lupdate cannot see them) and the reports' own words (``t("...")`` and ``N_("...")`` in
``ardoiz_desk/services/reports`` and the person's record, which the PDFs and the Rapports pane
translate), and rewrites
``resources/translations/ardoiz_desk_<lang>.ts`` from what it finds: existing translations
are kept, strings that left the code are dropped, and strings lupdate files under an empty
context (calls through a module's ``tr(text)`` helper) are given that helper's context, the
one they are looked up with at run time. Then ``pyside6-lrelease`` compiles the shipped
``.qm``. The .ts carries no line numbers, so it only changes when strings do.
Idempotent: running it twice changes nothing. ``--check`` exits 1 if any message is left
untranslated (new strings appear as "unfinished" for a translator to fill in, e.g. with
``pyside6-linguist``).
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Qt translates in the window and in what it prints (charts, PDFs).
QT_ROOMS = (ROOT / "src" / "ardoiz_desk" / "gui", ROOT / "src" / "ardoiz_desk" / "printing")
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("en",)
# A module-level helper such as ``def tr(text): return QCoreApplication.translate("X", text)``.
_WRAPPER = re.compile(r"""translate\(\s*["'](\w+)["']\s*,\s*text\s*[,)]""")


def tool(name: str) -> str:
    """Find a Qt tool beside the running Python (the venv), else on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 in this environment")
    return found


def sources() -> list[str]:
    """The GUI and printing modules, relative to the repository, in a stable order."""
    return sorted(str(p.relative_to(ROOT)) for room in QT_ROOMS for p in room.rglob("*.py"))


def vocabulary_messages() -> tuple[str, list[str]]:
    """The vocabulary's context and labels (codes' labels, translated by the window)."""
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))
    from ardoiz_desk.services import vocabulary

    return vocabulary.TRANSLATION_CONTEXT, vocabulary.all_label_texts()


# The services whose printed words Qt translates: the reports, and a person's printed record.
REPORT_WORDING = (
    *sorted((ROOT / "src" / "ardoiz_desk" / "services" / "reports").glob("*.py")),
    ROOT / "src" / "ardoiz_desk" / "services" / "privacy" / "access_record.py",
)
_WORDING_CALLS = {"t", "N_"}


def wording_messages() -> tuple[str, list[str]]:
    """The reports' context and words: the literal texts given to ``t(...)``, ``w.t(...)`` or
    ``N_(...)`` in the reports' services (translated by what Qt prints)."""
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))
    from ardoiz_desk.services.reports import labels

    texts: dict[str, None] = {}
    for path in REPORT_WORDING:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            first = node.args[0]
            if name in _WORDING_CALLS and isinstance(getattr(first, "value", None), str):
                texts.setdefault(first.value, None)
    return labels.TRANSLATION_CONTEXT, list(texts)


def _wrapper_context(path: Path) -> str:
    """The context of a module's ``tr(text)`` helper, which lupdate cannot see through."""
    found = _WRAPPER.search(path.read_text(encoding="utf-8"))
    return found.group(1) if found else ""


def read_ts(ts_file: Path) -> dict[tuple[str, str], str]:
    """Return the finished translations of a .ts file by (context, source)."""
    if not ts_file.exists():
        return {}
    done = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished"):
                continue
            if (translation.text or "").strip():
                done[(name, message.findtext("source", ""))] = translation.text or ""
    return done


def extract() -> dict[str, list[str]]:
    """Run lupdate on the GUI sources; return the source strings by context."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.ts"
        subprocess.run(
            [tool("pyside6-lupdate"), *sources(), "-locations", "absolute", "-ts", str(fresh)],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        by_context: dict[str, list[str]] = {}
        for context in ET.parse(fresh).getroot().iter("context"):
            for message in context.iter("message"):
                name = context.findtext("name", "")
                source = message.findtext("source", "")
                # lupdate files one string under an empty context once, with every place it is
                # used: each place's ``tr`` helper gives the context it is looked up with.
                names = (
                    [name]
                    if name
                    else [
                        _wrapper_context(Path(tmp, loc.get("filename", "")).resolve())
                        for loc in message.iter("location")
                    ]
                )
                for found in names:
                    texts = by_context.setdefault(found, [])
                    if source not in texts:
                        texts.append(source)
        for context, labels in (vocabulary_messages(), wording_messages()):
            texts = by_context.setdefault(context, [])
            texts.extend(text for text in labels if text not in texts)
        return by_context


def write_ts(ts_file: Path, lang: str, by_context: dict[str, list[str]], done) -> list[str]:
    """Write a .ts with every extracted string, translated when known; return the missing."""
    root = ET.Element("TS", version="2.1", language=lang, sourcelanguage="fr_FR")
    missing = []
    for name in sorted(by_context):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
        for source in by_context[name]:
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = source
            translation = ET.SubElement(message, "translation")
            if (name, source) in done:
                translation.text = done[(name, source)]
            else:
                translation.set("type", "unfinished")
                missing.append(f"{name}: {source}")
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    tmp = ts_file.with_suffix(".ts.tmp")
    tmp.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', "utf-8")
    os.replace(tmp, ts_file)
    return missing


def unfinished(ts_file: Path) -> list[str]:
    """Return 'context: source' for each message of a .ts without a translation."""
    missing = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if (
                translation is None
                or translation.get("type") == "unfinished"
                or not (translation.text or "").strip()
            ):
                missing.append(f"{context.findtext('name', '')}: {message.findtext('source')}")
    return missing


def update(lang: str) -> list[str]:
    """Update and compile one language; return its untranslated messages."""
    ts_file = TRANSLATIONS / f"ardoiz_desk_{lang}.ts"
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    missing = write_ts(ts_file, lang, extract(), read_ts(ts_file))
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(ts_file.with_suffix(".qm"))],
        cwd=ROOT,
        check=True,
    )
    return missing


def compile_qt_extras() -> None:
    """Compile the hand-kept catalogues of Qt strings its own French lacks (qtbase_extra_*)."""
    for ts_file in sorted(TRANSLATIONS.glob("qtbase_extra_*.ts")):
        subprocess.run(
            [
                tool("pyside6-lrelease"),
                "-silent",
                str(ts_file),
                "-qm",
                str(ts_file.with_suffix(".qm")),
            ],
            cwd=ROOT,
            check=True,
        )


def main(argv: list[str] | None = None) -> int:
    """Update every language; with --check, fail when something is untranslated."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if anything is untranslated")
    args = parser.parse_args(argv)
    missing_any = False
    for lang in LANGUAGES:
        missing = update(lang)
        for line in missing:
            print(f"untranslated ({lang}) {line}")
        missing_any = missing_any or bool(missing)
    compile_qt_extras()
    return 1 if args.check and missing_any else 0


if __name__ == "__main__":
    sys.exit(main())
