"""The activity form's La Coop details: the administrative themes and the procedure's name
(with "Aide aux démarches administratives"), orientation (yes / no / not asked) and the
structure, the place's commune (at home, remote, elsewhere), the anonymous participants'
breakdown. Shown only when they apply; their values go into the service's input as is."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ardoiz_desk.gui.kit import vocabulary as voc
from ardoiz_desk.gui.kit.i18n import translate
from ardoiz_desk.gui.kit.widgets import code_combo
from ardoiz_desk.services import vocabulary as v


def tr(text: str) -> str:
    """Translate a string of the La Coop details."""
    return translate("LaCoopDetails", text)


class LaCoopDetails(QWidget):
    """La Coop's details of an activity, below the general form."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._procedure_box())
        row = QHBoxLayout()
        row.addWidget(self._orientation_box(), 1)
        row.addWidget(self._place_box(), 1)
        layout.addLayout(row)
        layout.addWidget(self._anonymous_box())
        self.oriente.currentIndexChanged.connect(self._orientation_changed)
        self._orientation_changed()
        self.update_for("individuel", "lieu_activite", False, 0)

    def _procedure_box(self) -> QGroupBox:
        self.procedure_box = QGroupBox(tr("Démarche administrative"))
        grid = QGridLayout(self.procedure_box)
        self.procedure = QLineEdit()
        self.procedure.setAccessibleName(tr("Nom de la démarche administrative"))
        self.procedure.setPlaceholderText(tr("ex. Demande de carte grise"))
        form = QFormLayout()
        form.addRow(tr("&Nom de la démarche"), self.procedure)
        grid.addLayout(form, 0, 0, 1, 3)
        self.admin_themes: dict[str, QCheckBox] = {}
        for i, (code, text) in enumerate(voc.administrative_themes().items()):
            check = QCheckBox(text)
            self.admin_themes[code] = check
            grid.addWidget(check, 1 + i // 3, i % 3)
        return self.procedure_box

    def _orientation_box(self) -> QGroupBox:
        self.orientation_box = QGroupBox(tr("Orientation"))
        form = QFormLayout(self.orientation_box)
        self.oriente = code_combo(voc.orientations(), tr("Orienté vers une structure"))
        self.oriente.setCurrentIndex(self.oriente.findData(""))
        self.structure = code_combo(voc.structures(), tr("Structure de redirection"), empty="—")
        form.addRow(tr("&Orienté vers une structure"), self.oriente)
        form.addRow(tr("St&ructure"), self.structure)
        return self.orientation_box

    def _place_box(self) -> QGroupBox:
        self.place_box = QGroupBox(tr("Commune du lieu"))
        form = QFormLayout(self.place_box)
        self.place_commune = QLineEdit()
        self.place_commune.setAccessibleName(tr("Commune du lieu"))
        self.place_postal = QLineEdit()
        self.place_postal.setMaxLength(5)
        self.place_postal.setAccessibleName(tr("Code postal du lieu"))
        self.place_insee = QLineEdit()
        self.place_insee.setMaxLength(5)
        self.place_insee.setAccessibleName(tr("Code INSEE du lieu"))
        form.addRow(tr("Co&mmune"), self.place_commune)
        form.addRow(tr("Code postal"), self.place_postal)
        form.addRow(tr("Code INSEE"), self.place_insee)
        return self.place_box

    def _anonymous_box(self) -> QGroupBox:
        self.anonymous_box = QGroupBox(tr("Participants anonymes : répartition"))
        grid = QGridLayout(self.anonymous_box)
        self.already = QSpinBox()
        self.already.setRange(0, 500)
        self.already.setAccessibleName(tr("Déjà accompagnés"))
        self.counts: dict[str, dict[str, QSpinBox]] = {}
        labels = {
            "genre": v.GENRE_LABELS,
            "tranche_age": v.AGE_BAND_LABELS,
            "statut_social": v.STATUT_LABELS,
        }
        column = 0
        for family, codes in v.ANONYMOUS_BREAKDOWN.items():
            form = QFormLayout()
            self.counts[family] = {}
            for code in codes:
                spin = QSpinBox()
                spin.setRange(0, 500)
                text = translate(v.TRANSLATION_CONTEXT, labels[family][code])
                spin.setAccessibleName(text)
                self.counts[family][code] = spin
                form.addRow(text, spin)
            grid.addLayout(form, 0, column)
            column += 1
        first = QFormLayout()
        first.addRow(tr("Déjà accompagnés"), self.already)
        grid.addLayout(first, 0, column)
        return self.anonymous_box

    def _orientation_changed(self) -> None:
        oriented = self.oriente.currentData() == "oui"
        self.structure.setEnabled(oriented)
        if not oriented:
            self.structure.setCurrentIndex(0)

    def update_for(self, kind: str, place: str, procedure: bool, anonymous: int) -> None:
        """Show what applies: to this kind, place, themes and number of anonymous people."""
        self.procedure_box.setVisible(procedure and kind != "formation")
        self.orientation_box.setVisible(kind == "individuel")
        self.place_box.setVisible(place != "lieu_activite" and kind != "formation")
        self.anonymous_box.setVisible(kind == "collectif" and anonymous > 0)

    def load(self, data) -> None:
        """Show the details of a recorded activity (an ActivityInput)."""
        for code, box in self.admin_themes.items():
            box.setChecked(code in data.thematiques)
        self.procedure.setText(data.precisions_demarche)
        self.oriente.setCurrentIndex(max(self.oriente.findData(data.oriente), 0))
        self.structure.setCurrentIndex(
            max(self.structure.findData(data.structure_de_redirection), 0)
        )
        self.place_commune.setText(data.lieu_commune)
        self.place_postal.setText(data.lieu_code_postal)
        self.place_insee.setText(data.lieu_code_insee)
        anonymes = dict(data.anonymes or {})
        self.already.setValue(int(anonymes.get(v.ALREADY_ACCOMPANIED, 0)))
        for family, spins in self.counts.items():
            counts = anonymes.get(family) or {}
            for code, spin in spins.items():
                spin.setValue(int(counts.get(code, 0)))

    def values(self, kind: str, place: str, procedure: bool) -> dict[str, object]:
        """The details as the service's input fields (what does not apply is left empty)."""
        values: dict[str, object] = {
            "extra_themes": [c for c, b in self.admin_themes.items() if b.isChecked()]
            if procedure
            else [],
            "precisions_demarche": self.procedure.text() if procedure else "",
            "oriente": self.oriente.currentData() if kind == "individuel" else "",
            "structure_de_redirection": (self.structure.currentData() or "")
            if kind == "individuel"
            else "",
        }
        if place != "lieu_activite":
            values |= {
                "lieu_commune": self.place_commune.text(),
                "lieu_code_postal": self.place_postal.text(),
                "lieu_code_insee": self.place_insee.text(),
            }
        if kind == "collectif":
            breakdown: dict[str, object] = {
                family: {c: s.value() for c, s in spins.items() if s.value()}
                for family, spins in self.counts.items()
            }
            if self.already.value():
                breakdown[v.ALREADY_ACCOMPANIED] = self.already.value()
            values["anonymes"] = {k: b for k, b in breakdown.items() if b}
        return values
