"""French labels of the report and export vocabularies, as La Coop de la médiation
numérique words them (so exports read the same as the national tool)."""

from __future__ import annotations

import datetime as dt

NOT_GIVEN = "non_communique"

KIND_LABELS = {
    "individuel": "Accompagnement individuel",
    "collectif": "Atelier collectif",
    "formation": "Formation des agents",
}
KIND_PLURAL_LABELS = {
    "individuel": "Accompagnements individuels",
    "collectif": "Ateliers collectifs",
    "formation": "Formations des agents",
}
STAGE_LABELS = {
    "formation": "Formation",
    "animation": "Animation",
    "prise_en_main": "Prise en main",
    "autre": "Autre",
}
GENRE_LABELS = {
    "feminin": "Féminin",
    "masculin": "Masculin",
    NOT_GIVEN: "Non communiqué",
}
STATUT_LABELS = {
    "retraite": "Retraité",
    "sans_emploi": "Sans emploi",
    "en_emploi": "En emploi",
    "scolarise": "Scolarisé",
    NOT_GIVEN: "Non communiqué ou hétérogène",
}
AGE_BAND_LABELS = {
    "<12": "Moins de 12 ans",
    "12-17": "12-17 ans",
    "18-24": "18-24 ans",
    "25-39": "25-39 ans",
    "40-59": "40-59 ans",
    "60-69": "60-69 ans",
    "70+": "70 ans et plus",
    NOT_GIVEN: "Non communiqué",
}
TYPE_LIEU_LABELS = {
    "lieu_activite": "Lieu d’activité",
    "domicile": "À domicile",
    "a_distance": "À distance",
    "autre": "Autre lieu",
}
MATERIEL_LABELS = {
    "ordinateur": "Ordinateur",
    "telephone": "Téléphone",
    "tablette": "Tablette",
    "autre": "Autre",
    "aucun": "Pas de matériel",
}
THEME_LABELS = {
    "prendre_en_main_du_materiel": "Prendre en main du matériel",
    "navigation_sur_internet": "Navigation sur internet",
    "email": "E-mail",
    "securite_numerique": "Prévention en sécurité numérique",
    "reseaux_sociaux": "Réseaux sociaux communication",
    "sante": "Santé",
    "banque_et_achats_en_ligne": "Banque et achats en ligne",
    "gere_ses_contenus_numeriques": "Gérer ses contenus numériques",
    "diagnostic_numerique": "Diagnostic numérique",
    "aide_aux_demarches_administratives": "Aide aux démarches administratives",
    "culture_numerique": "Culture numérique",
    "echanger_avec_ses_proches": "Échanger avec ses proches",
}
AUTONOMY_LABELS = {
    "entierement_accompagne": "Avec guidage",
    "partiellement_autonome": "Autonome avec guidage en cas de besoin",
    "autonome": "Autonome",
    NOT_GIVEN: "Non renseignée",
}
NIVEAU_LABELS = {
    "debutant": "Débutant",
    "intermediaire": "Intermédiaire",
    "avance": "Avancé",
}
DURATION_BAND_LABELS = {
    "<30": "Moins de 30 min",
    "30-60": "30 min à 1 h",
    "60-120": "1 h à 2 h",
    "120+": "2 h et plus",
}
TABLET_LABELS = {
    "none": "Pas de tablette",
    "owned": "Tablette personnelle",
    "loaned": "Tablette prêtée",
    "ordered": "Tablette commandée",
}
MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
MONTHS_SHORT = (
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
)
ALL_SITES = "Tout le territoire"
ALL_AGENTS = "Tous les agents"
ALL_STAGES = "Toutes les étapes"
NO_SITE = "Sans site"
NO_COMMUNE = "Non communiquée"


def label(labels: dict[str, str], code: str | None) -> str:
    """Return the French label of a code, the code itself when unknown."""
    if not code:
        code = NOT_GIVEN
    return labels.get(code, code)


def french_date(day: dt.date | None) -> str:
    """Return a date as French people write it: 15/06/2026."""
    return day.strftime("%d/%m/%Y") if day else ""


def month_label(month: str, short: bool = False) -> str:
    """Return 'juin 2026' (or 'juin 26' when short) for '2026-06'."""
    year, number = month.split("-")
    if short:
        return f"{MONTHS_SHORT[int(number) - 1]} {year[2:]}"
    return f"{MONTHS[int(number) - 1]} {year}"


def hours_label(minutes: int) -> str:
    """Return minutes as French hours: '12,5 h'."""
    return f"{minutes / 60:.1f}".replace(".", ",") + " h"


def period_label(start: dt.date, end: dt.date) -> str:
    """Return 'du 01/07/2025 au 15/06/2026'."""
    return f"du {french_date(start)} au {french_date(end)}"
