"""The vocabularies' labels as the window shows them: the one source's French labels
(:mod:`ardoiz_desk.services.vocabulary`), through Qt's translation under its fixed context.
The base keeps the codes."""

from __future__ import annotations

from ardoiz_desk.gui.kit.i18n import translate
from ardoiz_desk.services import vocabulary as v


def _shown(labels: dict[str, str]) -> dict[str, str]:
    return {code: translate(v.TRANSLATION_CONTEXT, text) for code, text in labels.items()}


def kinds() -> dict[str, str]:
    """Activity kinds."""
    return _shown(v.KIND_LABELS)


def stages() -> dict[str, str]:
    """The pilot's stages, as reached by a participant (and "none yet")."""
    return _shown({"aucune": v.NO_STAGE_LABEL, **v.STAGE_LABELS})


def autonomies() -> dict[str, str]:
    """Observed autonomy, in La Coop's wording."""
    return _shown(v.AUTONOMY_LABELS)


def tablet_statuses() -> dict[str, str]:
    """Whether the participant has an Ardoiz tablet."""
    return _shown(v.TABLET_LABELS)


def genres() -> dict[str, str]:
    """Gender, as La Coop records it."""
    return _shown(v.GENRE_LABELS)


def statuts_sociaux() -> dict[str, str]:
    """Social status, as La Coop records it."""
    return _shown(v.STATUT_LABELS)


def types_lieu() -> dict[str, str]:
    """Where an activity took place."""
    return _shown(v.TYPE_LIEU_LABELS)


def materiels() -> dict[str, str]:
    """Equipment used."""
    return _shown(v.MATERIEL_LABELS)


def niveaux() -> dict[str, str]:
    """Workshop level."""
    return _shown(v.NIVEAU_LABELS)


def site_kinds() -> dict[str, str]:
    """Kinds of site."""
    return _shown(v.SITE_KIND_LABELS)


def thematiques() -> dict[str, str]:
    """Every theme of an activity (La Coop's list: digital and administrative)."""
    return _shown(v.THEME_LABELS)


def digital_themes() -> dict[str, str]:
    """La Coop's themes other than the administrative ones."""
    return _shown(v.DIGITAL_THEME_LABELS)


def administrative_themes() -> dict[str, str]:
    """La Coop's administrative themes (with "Aide aux démarches administratives")."""
    return _shown(v.ADMINISTRATIVE_THEME_LABELS)


def structures() -> dict[str, str]:
    """La Coop's structures de redirection."""
    return _shown(v.STRUCTURE_LABELS)


def orientations() -> dict[str, str]:
    """Oriented towards another structure: yes, no, not asked."""
    return _shown(v.ORIENTE_LABELS)


def label(vocabulary: dict[str, str], code: str | None, empty: str = "") -> str:
    """Return the label of a code, the code itself if unknown, ``empty`` for None."""
    return v.label(vocabulary, code, empty)
