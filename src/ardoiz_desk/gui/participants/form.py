"""The identity form of a participant, in La Coop's vocabulary, validated as the agent types."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import fields

import shiboken6
from PySide6.QtCore import QDate, QStringListModel, Qt, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ardoiz_desk.gui.kit import vocabulary as voc
from ardoiz_desk.gui.kit.a11y import buddy, link_error, mark_required
from ardoiz_desk.gui.kit.i18n import translate
from ardoiz_desk.gui.kit.widgets import code_combo, error_label, hint, select_code, show_error
from ardoiz_desk.services.people.communes import Suggestion, complete_commune
from ardoiz_desk.services.people.communes import directory as commune_directory
from ardoiz_desk.services.people.participants import ParticipantInput, ParticipantView
from ardoiz_desk.services.sites.sites import SiteView

TEXT_FIELDS = (
    "prenom",
    "nom",
    "annee_naissance",
    "commune",
    "commune_code_insee",
    "commune_code_postal",
    "telephone",
    "email",
)


def field_labels() -> dict[str, str]:
    """French labels of the identity fields (La Coop's names)."""
    return {
        "prenom": translate("ParticipantForm", "Prénom *"),
        "nom": translate("ParticipantForm", "Nom *"),
        "annee_naissance": translate("ParticipantForm", "Année de naissance"),
        "genre": translate("ParticipantForm", "Genre"),
        "statut_social": translate("ParticipantForm", "Statut social"),
        "commune": translate("ParticipantForm", "Commune de résidence"),
        "commune_code_insee": translate("ParticipantForm", "Code INSEE"),
        "commune_code_postal": translate("ParticipantForm", "Code postal"),
        "telephone": translate("ParticipantForm", "Téléphone"),
        "email": translate("ParticipantForm", "E-mail"),
        "site_id": translate("ParticipantForm", "Site de suivi"),
        "notice_given_on": translate("ParticipantForm", "Notice d'information remise le"),
        "tablet_status": translate("ParticipantForm", "Tablette Ardoiz"),
        "autonomie": translate("ParticipantForm", "Autonomie"),
        "notes": translate("ParticipantForm", "Notes"),
    }


class ParticipantForm(QWidget):
    """Edits the fields of a ParticipantInput; ``changed`` fires on every edit."""

    changed = Signal()

    def __init__(self, sites: list[SiteView], today: dt.date, parent=None) -> None:
        super().__init__(parent)
        self.today = today
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        # Fields the agent has left: their errors show; the others wait until saving.
        self.touched: set[str] = set()
        # Each field's label and its text, to mark the fields changed and not yet saved.
        self.row_labels: dict[str, tuple[QLabel, str]] = {}
        self._suggestions: dict[str, Suggestion] = {}
        self._build(sites)
        # The directory of communes is read on first use (0.3–1 s): read it now, aside.
        threading.Thread(target=commune_directory, daemon=True).start()

    def _build(self, sites: list[SiteView]) -> None:
        labels = field_labels()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for name in TEXT_FIELDS:
            edit = QLineEdit()
            edit.setAccessibleName(labels[name].rstrip(" *"))
            edit.textChanged.connect(self.changed)
            edit.editingFinished.connect(lambda n=name: self._left(n))
            self.edits[name] = edit
            self._add_row(form, name, labels[name], edit)
        self.edits["annee_naissance"].setPlaceholderText(translate("ParticipantForm", "ex. 1948"))
        self.edits["annee_naissance"].setMaxLength(4)
        self.commune_note = hint("")
        self.commune_note.setObjectName("communeNote")
        self.commune_note.hide()
        self.errors["commune"].parentWidget().layout().addWidget(self.commune_note)
        self.commune_completer = self._commune_completer()
        self.postal_completer = self._postal_completer()
        self.edits["commune"].textEdited.connect(self._commune_typed)
        self.edits["commune"].setPlaceholderText(
            translate("ParticipantForm", "Nom ou code postal, puis choisir dans la liste")
        )
        self.genre = code_combo(voc.genres(), labels["genre"])
        self.statut = code_combo(voc.statuts_sociaux(), labels["statut_social"])
        self.site = code_combo({s.id: s.name for s in sites}, labels["site_id"], empty="—")
        self.tablet = code_combo(voc.tablet_statuses(), labels["tablet_status"])
        self.autonomy = code_combo(
            voc.autonomies(),
            labels["autonomie"],
            empty=translate("ParticipantForm", "Pas encore évaluée"),
        )
        for name, combo in (
            ("genre", self.genre),
            ("statut_social", self.statut),
            ("site_id", self.site),
            ("tablet_status", self.tablet),
            ("autonomie", self.autonomy),
        ):
            combo.currentIndexChanged.connect(self.changed)
            self._add_row(form, name, labels[name], combo)
        self._add_row(form, "notice_given_on", labels["notice_given_on"], self._notice_row())
        for name in ("prenom", "nom"):
            mark_required(self.edits[name], form.labelForField(self.edits[name].parentWidget()))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(form)
        notes_label = QLabel(labels["notes"])
        self.row_labels["notes"] = (notes_label, labels["notes"])
        outer.addWidget(notes_label)
        rgpd = translate(
            "ParticipantForm",
            "RGPD : n'écrivez ici aucune information de santé, de situation sociale "
            "ou familiale. Notez seulement ce qui sert l'accompagnement numérique.",
        )
        outer.addWidget(hint(rgpd))
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(labels["notes"])
        self.notes.setAccessibleDescription(rgpd)  # the warning is read with the field
        buddy(notes_label, self.notes)
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(110)
        self.notes.textChanged.connect(self.changed)
        outer.addWidget(self.notes)
        self.errors["notes"] = link_error(error_label(), self.notes)
        outer.addWidget(self.errors["notes"])
        outer.addStretch(1)

    def _add_row(self, form: QFormLayout, name: str, label: str, field: QWidget) -> None:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        self.errors[name] = link_error(error_label(), field)
        column.addWidget(self.errors[name])
        form.addRow(label, box)
        row_label = form.labelForField(box)
        row_label.setBuddy(field.focusProxy() or field)
        self.row_labels[name] = (row_label, label)

    def mark_changed(self, names: set[str]) -> None:
        """Mark the fields that differ from what the base holds: « (modifié) », in bold."""
        for name, (label, text) in self.row_labels.items():
            changed = name in names
            label.setText(
                translate("ParticipantForm", "{label} (modifié)").format(label=text)
                if changed
                else text
            )
            label.setProperty("changed", changed)
            # Only the weight is set: the size keeps following the text-size setting.
            bold = QFont()
            if changed:
                bold.setBold(True)
            label.setFont(bold)

    def changed_fields(self, initial: ParticipantInput) -> set[str]:
        """The fields whose value differs from ``initial``."""
        now = self.value()
        return {f.name for f in fields(now) if getattr(now, f.name) != getattr(initial, f.name)}

    def _notice_row(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.notice_given = QCheckBox(translate("ParticipantForm", "Remise"))
        self.notice_given.setAccessibleName(
            translate("ParticipantForm", "Notice d'information remise")
        )
        self.notice_date = QDateEdit()
        self.notice_date.setCalendarPopup(True)
        self.notice_date.setDisplayFormat("dd/MM/yyyy")
        self.notice_date.setAccessibleName(
            translate("ParticipantForm", "Date de remise de la notice")
        )
        self.notice_date.setDate(_qdate(self.today))
        self.notice_date.setEnabled(False)
        self.notice_given.toggled.connect(self.notice_date.setEnabled)
        self.notice_given.toggled.connect(self.changed)
        self.notice_date.dateChanged.connect(self.changed)
        self.notice_missing = QLabel(
            translate(
                "ParticipantForm",
                "Pas encore remise : donnez la notice à la personne, puis cochez « Remise ».",
            )
        )
        self.notice_missing.setObjectName("noticeMissing")
        self.notice_missing.setWordWrap(True)
        self.notice_given.toggled.connect(lambda given: self.notice_missing.setVisible(not given))
        row.addWidget(self.notice_given)
        row.addWidget(self.notice_date)
        row.addWidget(self.notice_missing, 1)
        box.setFocusProxy(self.notice_given)
        return box

    def _commune_completer(self) -> QCompleter:
        """Suggestions from the official directory, refreshed as the agent types.

        The completer filters nothing itself (the directory does, accents and word order
        ignored): its model holds the directory's answer for the text typed.
        """
        self.commune_model = QStandardItemModel(self)
        completer = QCompleter(self.commune_model, self)
        completer.setWidget(self.edits["commune"])
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setMaxVisibleItems(12)
        completer.activated.connect(self._commune_chosen)
        return completer

    def _postal_completer(self) -> QCompleter:
        """Asks which postal code when the commune chosen has several."""
        self.postal_model = QStringListModel(self)
        completer = QCompleter(self.postal_model, self)
        completer.setWidget(self.edits["commune_code_postal"])
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.activated.connect(self.edits["commune_code_postal"].setText)
        return completer

    def _commune_typed(self, text: str) -> None:
        """The agent typed in the commune field: the codes no longer hold; suggest communes."""
        for name in ("commune_code_insee", "commune_code_postal"):
            self.edits[name].clear()
        suggestions = complete_commune(text) if len(text.strip()) >= 2 else []
        self._suggestions = {s.text: s for s in suggestions}
        self.commune_model.clear()
        for suggestion in suggestions:
            self.commune_model.appendRow(QStandardItem(suggestion.text))
        if suggestions:
            self.commune_completer.complete()
        else:
            self.commune_completer.popup().hide()

    def _commune_chosen(self, text: str) -> None:
        """A suggestion was chosen: fill the name, the INSEE code and the postal code (asking
        which postal code when the commune has several)."""
        suggestion = self._suggestions.get(text)
        if suggestion is None:
            return
        commune = suggestion.commune
        self.edits["commune"].setText(commune.nom)
        self.edits["commune_code_insee"].setText(commune.insee)
        codes = commune.codes_postaux
        postal = suggestion.code_postal or (codes[0] if len(codes) == 1 else "")
        self.edits["commune_code_postal"].setText(postal)
        if not postal and codes:
            self.postal_model.setStringList(list(codes))
            self.edits["commune_code_postal"].setFocus(Qt.FocusReason.OtherFocusReason)
            self.postal_completer.complete()
            show_error(
                self.errors["commune_code_postal"],
                translate(
                    "ParticipantForm", "{commune} a plusieurs codes postaux : choisissez le sien."
                ).format(commune=commune.nom),
            )

    def show_commune_note(self, note: str | None) -> None:
        """Tell the agent what the commune typed was understood as (a former commune)."""
        self.commune_note.setText(note or "")
        self.commune_note.setVisible(bool(note))

    def set_value(self, view: ParticipantView | None, site_id: str | None = None) -> None:
        """Fill the form from a participant (or empty, on a site, for a new one)."""
        for name, edit in self.edits.items():
            value = getattr(view, name) if view else ""
            edit.setText("" if value is None else str(value))
        select_code(self.genre, view.genre if view else "non_communique")
        select_code(self.statut, view.statut_social if view else "retraite")
        select_code(self.site, view.site_id if view else site_id)
        select_code(self.tablet, view.tablet_status if view else "none")
        select_code(self.autonomy, view.autonomie if view else None)
        # Never ticked for the agent: the notice is ticked once it has really been handed over.
        given = view.notice_given_on if view else None
        self.notice_given.setChecked(given is not None)
        self.notice_missing.setVisible(given is None)
        self.notice_date.setDate(_qdate(given or self.today))
        self.touched.clear()
        self.notes.setPlainText(view.notes if view else "")

    def value(self) -> ParticipantInput:
        """What the form holds, as the service's input."""
        text = {name: edit.text() for name, edit in self.edits.items()}
        return ParticipantInput(
            **text,
            genre=self.genre.currentData() or "non_communique",
            statut_social=self.statut.currentData() or "non_communique",
            site_id=self.site.currentData(),
            tablet_status=self.tablet.currentData() or "none",
            autonomie=self.autonomy.currentData(),
            notice_given_on=self.notice_date.date().toPython()
            if self.notice_given.isChecked()
            else None,
            notes=self.notes.toPlainText(),
        )

    def _left(self, name: str) -> None:
        if not shiboken6.isValid(self) or not self.isVisible():
            return  # the card is closing: nothing to show
        if name not in self.touched:
            self.touched.add(name)
            self.changed.emit()  # validate again: this field's error may show now

    def show_errors(self, errors: dict[str, str], everything: bool = False) -> None:
        """Show the messages of the fields left (all of them on saving); hide the others."""
        for name, label in self.errors.items():
            wanted = everything or name in self.touched or name not in self.edits
            show_error(label, errors.get(name) if wanted else None)
        if everything:
            self.touched.update(name for name in errors if name in self.edits)

    def first_error_field(self, errors: dict[str, str]) -> QWidget | None:
        """The first field, in form order, whose value was refused."""
        return next((edit for name, edit in self.edits.items() if name in errors), None)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)
