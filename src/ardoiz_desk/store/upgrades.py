"""How rows written by older versions read in this one: one pure function per schema change
that reshapes synchronised values, used both by the migration that upgrades a base and by
the import of a bundle written by an older version, so both land on the same values.

Revision 0006 (La Coop's vocabulary, issue 11):

- themes that La Coop does not know become the La Coop theme that holds them
  (``echanger_avec_ses_proches`` -> ``reseaux_sociaux``), without duplicates;
- the yes/no ``oriente_vers_structure`` becomes the tri-state ``oriente``: ``"oui"`` when it
  was set, else ``""`` (not asked: no window of those versions asked it);
- ``structure_de_redirection`` holds one of La Coop's 7 codes: a free text of those versions
  becomes ``"autre"`` and is kept, word for word, at the end of the activity's notes.
"""

from __future__ import annotations

from typing import Any

#: The revision that brought La Coop's vocabulary, and the one before it (bundles written
#: at that one, or earlier, are upgraded by :func:`upgrade_bundle_lacoop`).
LACOOP_VOCABULARY_REVISION = "0006"
BEFORE_LACOOP_VOCABULARY = "0005"

RENAMED_THEMES = {"echanger_avec_ses_proches": "reseaux_sociaux"}
#: La Coop's structures de redirection (labels: services/vocabulary.py).
STRUCTURE_CODES = (
    "administration",
    "mediation_numerique",
    "operateur_ou_organisme_en_charge",
    "aide_sociale",
    "insertion_professionnelle",
    "aide_aux_demarches_administratives",
    "autre",
)
KEPT_STRUCTURE_NOTE = "Structure de redirection (texte d'origine) : "


def lacoop_themes(themes: list[str] | None) -> list[str]:
    """Themes with renamed codes replaced, sorted, without duplicates."""
    return sorted({RENAMED_THEMES.get(t, t) for t in themes or []})


def lacoop_oriente(oriente_vers_structure: Any) -> str:
    """The tri-state from the former yes/no: 'oui' when it was set, else not asked."""
    return "oui" if oriente_vers_structure else ""


def lacoop_structure(structure: str | None, notes: str | None) -> tuple[str, str]:
    """The structure's code and the notes (a former free text kept at their end)."""
    text, notes = (structure or "").strip(), notes or ""
    if not text or text in STRUCTURE_CODES:
        return text, notes
    kept = KEPT_STRUCTURE_NOTE + text
    return "autre", f"{notes}\n{kept}" if notes else kept


def lacoop_stamps(stamps: dict[str, str] | None) -> dict[str, str]:
    """Per-field stamps with ``oriente_vers_structure`` renamed ``oriente``."""
    stamps = dict(stamps or {})
    if "oriente_vers_structure" in stamps:
        stamps["oriente"] = stamps.pop("oriente_vers_structure")
    return stamps


Tables = dict[str, tuple[list[str], list[list[Any]]]]


def upgrade_bundle_lacoop(tables: Tables) -> Tables:
    """Bring a bundle's decoded tables (column-major) to La Coop's vocabulary."""
    if "activities" not in tables:
        return tables
    columns, data = tables["activities"]
    columns, data = list(columns), [list(values) for values in data]
    col = {name: i for i, name in enumerate(columns)}
    if "thematiques" in col:
        data[col["thematiques"]] = [lacoop_themes(t) for t in data[col["thematiques"]]]
    if "structure_de_redirection" in col:
        structures = data[col["structure_de_redirection"]]
        notes = data[col["notes"]] if "notes" in col else [""] * len(structures)
        pairs = [lacoop_structure(s, n) for s, n in zip(structures, notes, strict=True)]
        data[col["structure_de_redirection"]] = [p[0] for p in pairs]
        if "notes" in col:
            data[col["notes"]] = [p[1] for p in pairs]
    if "oriente_vers_structure" in col:
        i = col["oriente_vers_structure"]
        columns[i] = "oriente"
        data[i] = [lacoop_oriente(v) for v in data[i]]
        if "stamps" in col:
            data[col["stamps"]] = [lacoop_stamps(s) for s in data[col["stamps"]]]
    return {**tables, "activities": (columns, data)}
