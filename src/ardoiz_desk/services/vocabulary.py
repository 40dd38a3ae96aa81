"""The codes the base stores and their French labels: one source for the window, the
reports, the exports and La Coop.

Codes and labels of La Coop's own vocabularies are La Coop de la médiation numérique's
(github inclusion-numerique/coop-mediation-numerique, ``features/activites/use-cases/cra/``
and ``features/beneficiaire/domain/``), so what an agent reads here reads the same in the
national tool. The window shows these labels through Qt's translation under the fixed
context :data:`TRANSLATION_CONTEXT` (``scripts/update_translations.py`` carries every label
into the catalogue); reports and exports write them in French as they are.
"""

from __future__ import annotations

#: The Qt translation context of every label below (the window translates them).
TRANSLATION_CONTEXT = "Vocabulary"
NOT_GIVEN = "non_communique"

SITE_KIND_LABELS = {
    "msap": "France Services (MSAP)",
    "agence_postale": "Agence postale",
    "coordination": "Coordination",
}
AGENT_ROLES = ("agent", "coordinator")
KIND_LABELS = {  # La Coop: type-activite.ts (formation is ours: agents' training)
    "collectif": "Atelier collectif",
    "individuel": "Accompagnement individuel",
    "formation": "Formation des agents",
}
KIND_PLURAL_LABELS = {
    "individuel": "Accompagnements individuels",
    "collectif": "Ateliers collectifs",
    "formation": "Formations des agents",
}
STAGE_LABELS = {  # the pilot's stages, as reached by a participant
    "prise_en_main": "Prise en main",
    "animation": "Animation",
    "formation": "Formation",
    "autre": "Autre",
}
NO_STAGE_LABEL = "Aucune activité"
GENRE_LABELS = {  # La Coop: genre.ts
    "masculin": "Masculin",
    "feminin": "Féminin",
    NOT_GIVEN: "Non communiqué",
}
STATUT_LABELS = {  # La Coop: statut-social.ts
    "retraite": "Retraité",
    "sans_emploi": "Sans emploi",
    "en_emploi": "En emploi",
    "scolarise": "Scolarisé",
    NOT_GIVEN: "Non communiqué ou hétérogène",
}
AGE_BAND_LABELS = {  # La Coop: tranche-age.ts
    "<12": "Moins de 12 ans",
    "12-17": "12 - 17 ans",
    "18-24": "18 - 24 ans",
    "25-39": "25 - 39 ans",
    "40-59": "40 - 59 ans",
    "60-69": "60 - 69 ans",
    "70+": "70 ans et plus",
    NOT_GIVEN: "Non communiqué",
}
TABLET_LABELS = {  # ours: the Ardoiz pilot's tablets
    "none": "Pas de tablette",
    "owned": "Tablette personnelle",
    "loaned": "Tablette prêtée",
    "ordered": "Tablette commandée",
}
AUTONOMY_LABELS = {  # La Coop: autonomie.ts (1, 2, 3 stars)
    "entierement_accompagne": "Avec guidage",
    "partiellement_autonome": "Autonome avec guidage en cas de besoin",
    "autonome": "Autonome",
}
#: Autonomy as reports count it: the three levels, and "not observed".
AUTONOMY_LEVEL_LABELS = {**AUTONOMY_LABELS, NOT_GIVEN: "Non renseignée"}
NIVEAU_LABELS = {  # La Coop: niveau-atelier.ts (1, 2, 3 stars)
    "debutant": "Débutant",
    "intermediaire": "Intermédiaire",
    "avance": "Avancé",
}
TYPE_LIEU_LABELS = {  # La Coop: type-lieu.ts
    "lieu_activite": "Lieu d’activité",
    "domicile": "À domicile",
    "a_distance": "À distance",
    "autre": "Autre lieu",
}
MATERIEL_LABELS = {  # La Coop: materiel.ts
    "ordinateur": "Ordinateur",
    "telephone": "Téléphone",
    "tablette": "Tablette",
    "autre": "Autre",
    "aucun": "Pas de matériel",
}
DIGITAL_THEME_LABELS = {  # La Coop: thematique.ts (thematiquesNonAdministrativesLabels)
    "diagnostic_numerique": "Diagnostic numérique",
    "prendre_en_main_du_materiel": "Prendre en main du matériel",
    "maintenance_de_materiel": "Maintenance de matériel",
    "gere_ses_contenus_numeriques": "Gérer ses contenus numériques",
    "navigation_sur_internet": "Navigation sur internet",
    "email": "E-mail",
    "bureautique": "Bureautique",
    "reseaux_sociaux": "Réseaux sociaux communication",
    "sante": "Santé",
    "banque_et_achats_en_ligne": "Banque et achats en ligne",
    "entrepreneuriat": "Accompagner un professionnel",
    "insertion_professionnelle": "Insertion professionnelle",
    "securite_numerique": "Prévention en sécurité numérique",
    "parentalite": "Parentalité",
    "scolarite_et_numerique": "Scolarité et numérique",
    "creer_avec_le_numerique": "Créer avec le numérique",
    "culture_numerique": "Culture numérique",
    "intelligence_artificielle": "Intelligence artificielle (IA)",
    "aide_aux_demarches_administratives": "Aide aux démarches administratives",
}
ADMINISTRATIVE_THEME_LABELS = {  # La Coop: thematique.ts (thematiquesAdministrativesLabels)
    "papiers_elections_citoyennete": "Papiers - Élections - Citoyenneté",
    "famille_scolarite": "Famille - Scolarité",
    "social_sante": "Social - Santé",
    "travail_formation": "Travail - Formation - Entreprise",
    "logement": "Logement",
    "transports_mobilite": "Transports - Mobilité",
    "argent_impots": "Argent - Impôts",
    "justice": "Justice",
    "etrangers_europe": "Étrangers - Europe",
    "loisirs_sports_culture": "Loisirs - Sports - Culture",
    "associations": "Associations",
}
#: Every theme an activity can carry: La Coop's thematiqueLabels, in its order.
THEME_LABELS = {**DIGITAL_THEME_LABELS, **ADMINISTRATIVE_THEME_LABELS}
#: The theme that opens the administrative ones (and the procedure's name).
ADMINISTRATIVE_THEME = "aide_aux_demarches_administratives"
#: Codes of older versions and the La Coop code they became (data migration 0003).
RENAMED_THEMES = {"echanger_avec_ses_proches": "reseaux_sociaux"}
STRUCTURE_LABELS = {  # La Coop: cra/individuel/fields/structures-redirection.ts
    "administration": "Administration (mairie, préfecture…)",
    "mediation_numerique": "Autre structure de médiation numérique",
    "operateur_ou_organisme_en_charge": (
        "Opérateur ou organisme en charge de la démarche administrative"
    ),
    "aide_sociale": "Structure d’aide sociale (maison des solidarités, centre social…)",
    "insertion_professionnelle": (
        "Structure d’insertion professionnelle (France Travail, mission locale, "
        "chambre de commerce…)"
    ),
    "aide_aux_demarches_administratives": (
        "Structure d’aide aux démarches administratives (France Services…)"
    ),
    "autre": "Autre",
}
YES_NO_LABELS = {True: "Oui", False: "Non"}  # La Coop: utils/yesNoBooleanOptions.ts
ORIENTE_LABELS = {  # "orienté vers une structure ?": yes, no, or not asked (None)
    "oui": "Oui",
    "non": "Non",
    "": "Non renseigné",
}
ANONYMOUS_LABEL = "Bénéficiaire anonyme"
#: The anonymous participants' breakdown La Coop keeps (participantsAnonymes.ts): counts per
#: code; what the counts leave of the total is "non communiqué".
ANONYMOUS_BREAKDOWN = {
    "genre": tuple(c for c in GENRE_LABELS if c != NOT_GIVEN),
    "tranche_age": tuple(c for c in AGE_BAND_LABELS if c != NOT_GIVEN),
    "statut_social": tuple(c for c in STATUT_LABELS if c != NOT_GIVEN),
}
ALREADY_ACCOMPANIED = "deja_accompagnes"  # La Coop: beneficiaire.ts displayNameFromIdentity
DURATION_BAND_LABELS = {
    "<30": "Moins de 30 min",
    "30-60": "30 min à 1 h",
    "60-120": "1 h à 2 h",
    "120+": "2 h et plus",
}

SITE_KINDS = tuple(SITE_KIND_LABELS)
ACTIVITY_KINDS = tuple(KIND_LABELS)
STAGES = tuple(STAGE_LABELS)
GENRES = tuple(GENRE_LABELS)
STATUTS_SOCIAUX = tuple(STATUT_LABELS)
AGE_BANDS = tuple(AGE_BAND_LABELS)
TABLET_STATUSES = tuple(TABLET_LABELS)
AUTONOMIES = tuple(AUTONOMY_LABELS)
NIVEAUX = tuple(NIVEAU_LABELS)
TYPES_LIEU = tuple(TYPE_LIEU_LABELS)
MATERIELS = tuple(MATERIEL_LABELS)
THEMATIQUES = tuple(THEME_LABELS)
STRUCTURES_REDIRECTION = tuple(STRUCTURE_LABELS)
DURATION_BANDS = tuple(DURATION_BAND_LABELS)

#: Every label dictionary, by name (for the translation catalogue and the tests).
ALL_LABELS: dict[str, dict[str, str]] = {
    "site_kinds": SITE_KIND_LABELS,
    "kinds": KIND_LABELS,
    "kinds_plural": KIND_PLURAL_LABELS,
    "stages": {**STAGE_LABELS, "aucune": NO_STAGE_LABEL},
    "genres": GENRE_LABELS,
    "statuts": STATUT_LABELS,
    "age_bands": AGE_BAND_LABELS,
    "tablets": TABLET_LABELS,
    "autonomies": AUTONOMY_LEVEL_LABELS,
    "niveaux": NIVEAU_LABELS,
    "types_lieu": TYPE_LIEU_LABELS,
    "materiels": MATERIEL_LABELS,
    "themes": THEME_LABELS,
    "structures": STRUCTURE_LABELS,
    "oriente": ORIENTE_LABELS,
    "durations": DURATION_BAND_LABELS,
}


def all_label_texts() -> list[str]:
    """Every label once, in a stable order (what the window's catalogue must carry)."""
    seen: dict[str, None] = {}
    for labels in ALL_LABELS.values():
        for text in labels.values():
            seen.setdefault(text, None)
    return list(seen)


def label(labels: dict[str, str], code: str | None, empty: str | None = None) -> str:
    """Return the label of a code, the code itself if unknown.

    An empty code reads ``empty`` when given, else the label of "non communiqué".
    """
    if not code:
        if empty is not None:
            return empty
        code = NOT_GIVEN
    return labels.get(code, code)
