"""French labels for the La Coop codes stored in the base (the base keeps the codes)."""

from __future__ import annotations

from ardoiz_desk.gui.kit.i18n import translate


def kinds() -> dict[str, str]:
    """Activity kinds."""
    return {
        "collectif": translate("Vocabulary", "Atelier collectif"),
        "individuel": translate("Vocabulary", "Prise en main individuelle"),
        "formation": translate("Vocabulary", "Formation des agents"),
    }


def stages() -> dict[str, str]:
    """The pilot's stages, as reached by a participant."""
    return {
        "aucune": translate("Vocabulary", "Aucune activité"),
        "autre": translate("Vocabulary", "Autre accompagnement"),
        "animation": translate("Vocabulary", "Animation (atelier)"),
        "prise_en_main": translate("Vocabulary", "Prise en main"),
        "formation": translate("Vocabulary", "Formation"),
    }


def autonomies() -> dict[str, str]:
    """Observed autonomy, in La Coop's wording."""
    return {
        "entierement_accompagne": translate("Vocabulary", "Avec guidage"),
        "partiellement_autonome": translate("Vocabulary", "Autonome avec aide si besoin"),
        "autonome": translate("Vocabulary", "Autonome"),
    }


def tablet_statuses() -> dict[str, str]:
    """Whether the participant has an Ardoiz tablet."""
    return {
        "none": translate("Vocabulary", "Pas de tablette"),
        "ordered": translate("Vocabulary", "Commandée"),
        "loaned": translate("Vocabulary", "Prêtée"),
        "owned": translate("Vocabulary", "Possède une tablette"),
    }


def genres() -> dict[str, str]:
    """Gender, as La Coop records it."""
    return {
        "feminin": translate("Vocabulary", "Féminin"),
        "masculin": translate("Vocabulary", "Masculin"),
        "non_communique": translate("Vocabulary", "Non communiqué"),
    }


def statuts_sociaux() -> dict[str, str]:
    """Social status, as La Coop records it."""
    return {
        "retraite": translate("Vocabulary", "Retraité·e"),
        "sans_emploi": translate("Vocabulary", "Sans emploi"),
        "en_emploi": translate("Vocabulary", "En emploi"),
        "scolarise": translate("Vocabulary", "Scolarisé·e"),
        "non_communique": translate("Vocabulary", "Non communiqué"),
    }


def types_lieu() -> dict[str, str]:
    """Where an activity took place."""
    return {
        "lieu_activite": translate("Vocabulary", "Au guichet / lieu d'activité"),
        "domicile": translate("Vocabulary", "À domicile"),
        "a_distance": translate("Vocabulary", "À distance"),
        "autre": translate("Vocabulary", "Autre lieu"),
    }


def materiels() -> dict[str, str]:
    """Equipment used."""
    return {
        "tablette": translate("Vocabulary", "Tablette"),
        "telephone": translate("Vocabulary", "Téléphone"),
        "ordinateur": translate("Vocabulary", "Ordinateur"),
        "autre": translate("Vocabulary", "Autre matériel"),
        "aucun": translate("Vocabulary", "Aucun"),
    }


def niveaux() -> dict[str, str]:
    """Workshop level."""
    return {
        "debutant": translate("Vocabulary", "Débutant"),
        "intermediaire": translate("Vocabulary", "Intermédiaire"),
        "avance": translate("Vocabulary", "Avancé"),
    }


def site_kinds() -> dict[str, str]:
    """Kinds of site."""
    return {
        "msap": translate("Vocabulary", "France Services (MSAP)"),
        "agence_postale": translate("Vocabulary", "Agence postale"),
        "coordination": translate("Vocabulary", "Coordination"),
    }


def thematiques() -> dict[str, str]:
    """Themes of an activity (La Coop's list)."""
    return {
        "prendre_en_main_du_materiel": translate("Vocabulary", "Prendre en main du matériel"),
        "navigation_sur_internet": translate("Vocabulary", "Navigation sur internet"),
        "email": translate("Vocabulary", "E-mail"),
        "echanger_avec_ses_proches": translate("Vocabulary", "Échanger avec ses proches"),
        "securite_numerique": translate("Vocabulary", "Sécurité numérique"),
        "reseaux_sociaux": translate("Vocabulary", "Réseaux sociaux"),
        "sante": translate("Vocabulary", "Santé"),
        "banque_et_achats_en_ligne": translate("Vocabulary", "Banque et achats en ligne"),
        "gere_ses_contenus_numeriques": translate("Vocabulary", "Gérer ses contenus numériques"),
        "diagnostic_numerique": translate("Vocabulary", "Diagnostic numérique"),
        "aide_aux_demarches_administratives": translate(
            "Vocabulary", "Aide aux démarches administratives"
        ),
        "culture_numerique": translate("Vocabulary", "Culture numérique"),
    }


def label(vocabulary: dict[str, str], code: str | None, empty: str = "") -> str:
    """Return the label of a code, the code itself if unknown, ``empty`` for None."""
    if not code:
        return empty
    return vocabulary.get(code, code)
