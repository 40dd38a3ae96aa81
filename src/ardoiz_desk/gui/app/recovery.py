"""First start, last step: the recovery sheet (a PDF holding the base's recovery key).

Shown once, after the first-start wizard, when this installation's base has just been
created. The agent saves the PDF, prints it, deletes the file and locks the sheet away.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ardoiz_desk.gui.kit.i18n import translate
from ardoiz_desk.gui.kit.widgets import error_label, heading, hint, show_error
from ardoiz_desk.services.safekeeping.base_key import recovery_key_text
from ardoiz_desk.services.sites.sites import this_site
from ardoiz_desk.services.workspace import Workspace

SaveAs = Callable[[QWidget, Path], Path | None]


def tr(text: str) -> str:
    """Translate a string of the recovery sheet step."""
    return translate("RecoverySheetDialog", text)


def choose_pdf_path(parent: QWidget, suggested: Path) -> Path | None:
    """Ask where to save the sheet (the seam tests replace)."""
    name, _filter = QFileDialog.getSaveFileName(
        parent, tr("Enregistrer la fiche de secours"), str(suggested), "PDF (*.pdf)"
    )
    return Path(name) if name else None


def recovery_sheet_html(recovery_key: str, site: str, data_dir: str, made_on: str) -> str:
    """Return the sheet's content as HTML."""
    rows = [
        ("<h1>{}</h1>", tr("Ardoiz Desk — fiche de secours")),
        ("<p>{}</p>", tr("Guichet : {site}").format(site=site)),
        ("<p>{}</p>", tr("Dossier des données : {folder}").format(folder=data_dir)),
        ("<p>{}</p>", tr("Fiche créée le {date}").format(date=made_on)),
        ("<h2>{}</h2>", tr("Clé de secours")),
    ]
    body = "".join(template.format(html.escape(text)) for template, text in rows)
    body += (
        '<p style="font-family: monospace; font-size: 16pt; letter-spacing: 2px;">'
        f"{html.escape(recovery_key)}</p>"
    )
    advice = (
        tr(
            "Cette clé ouvre la base de ce poste si la phrase de passe est oubliée ou si "
            "l'ordinateur est remplacé. Avec elle, n'importe qui peut lire les données des "
            "personnes accompagnées."
        ),
        tr(
            "Imprimez cette fiche, puis supprimez le fichier PDF. Rangez la feuille sous clé "
            "(coffre ou armoire fermée de la structure), jamais dans le dossier des données, "
            "ni collée à l'ordinateur, ni envoyée par courriel."
        ),
        tr(
            "Pour ouvrir la base avec cette clé : au démarrage, cochez « J'utilise la clé de "
            "secours » et saisissez-la (en ligne de commande : --base-recovery-key-file)."
        ),
    )
    body += "".join(f"<p>{html.escape(text)}</p>" for text in advice)
    return f"<html><body>{body}</body></html>"


class RecoverySheetDialog(QDialog):
    """Produces the recovery sheet and says where to keep it."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.save_as: SaveAs = choose_pdf_path
        self.saved: Path | None = None
        self.setObjectName("recoverySheetDialog")
        self.setWindowTitle(tr("Fiche de secours"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Fiche de secours")))
        layout.addWidget(
            hint(
                tr(
                    "La base de ce poste est chiffrée. La fiche de secours contient une clé "
                    "qui l'ouvre si la phrase de passe est oubliée ou si l'ordinateur est "
                    "remplacé. Enregistrez-la, imprimez-la, puis supprimez le fichier et "
                    "rangez la feuille sous clé, loin de l'ordinateur."
                )
            )
        )
        self.status = hint("")
        layout.addWidget(self.status)
        self.error = error_label()
        layout.addWidget(self.error)
        row = QHBoxLayout()
        self.save_button = QPushButton(tr("Enregistrer la fiche de secours (PDF)…"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(tr("Terminer"))
        self.close_button.clicked.connect(self.accept)
        row.addWidget(self.save_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        self.resize(560, 280)

    def save(self) -> Path | None:
        """Ask where, write the sheet; return its path (None if the agent cancelled)."""
        from ardoiz_desk.printing.html_pdf import write_html_pdf

        path = self.save_as(self, Path.home() / "fiche-de-secours-ardoiz-desk.pdf")
        if path is None:
            return None
        site = this_site(self.ws)
        try:
            html_text = recovery_sheet_html(
                recovery_key_text(self.ws.store.key),
                site.name if site else "",
                str(self.ws.data_dir),
                dt.date.today().strftime("%d/%m/%Y"),
            )
            write_html_pdf(path, html_text, tr("Ardoiz Desk — fiche de secours"))
        except OSError as exc:
            show_error(
                self.error, tr("Impossible d'enregistrer la fiche : {0}").format(exc.strerror)
            )
            return None
        show_error(self.error, None)
        self.status.setText(
            tr("Fiche enregistrée : {0}. Imprimez-la, puis supprimez ce fichier.").format(path)
        )
        self.saved = path
        return path
