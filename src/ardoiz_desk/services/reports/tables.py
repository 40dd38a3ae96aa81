"""A report laid out as titled tables with French headers: what CSV, XLSX and PDF print."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ardoiz_desk.services.reports import labels as lb
from ardoiz_desk.services.reports.figures import KINDS, Report

Cell = str | int | float


@dataclass(frozen=True)
class Table:
    """One table of a report: a title, French column headers and rows of plain values."""

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


def scope_lines(report: Report) -> list[tuple[str, str]]:
    """Return what the report covers, as (label, value) pairs."""
    return [
        ("Période", lb.period_label(report.start, report.end)),
        ("Site", report.site_label),
        ("Agent", report.agent_label),
        ("Étape", lb.label(lb.STAGE_LABELS, report.stage) if report.stage else lb.ALL_STAGES),
        ("Édité le", lb.french_date(report.generated_on)),
    ]


KEY_FIGURES: tuple[tuple[str, Callable[[Report], Cell]], ...] = (
    ("Activités", lambda r: r.activities),
    ("Accompagnements individuels", lambda r: r.activities_by_kind.get("individuel", 0)),
    ("Ateliers collectifs", lambda r: r.activities_by_kind.get("collectif", 0)),
    ("Formations des agents", lambda r: r.activities_by_kind.get("formation", 0)),
    ("Heures d'activité", lambda r: round(r.hours, 1)),
    ("Personnes accompagnées", lambda r: r.reached),
    ("dont nouvelles", lambda r: r.new),
    ("dont déjà suivies", lambda r: r.followed),
    ("Participants anonymes", lambda r: r.anonymous),
    ("Présences enregistrées", lambda r: r.presences),
    ("Agents formés", lambda r: r.agents_trained),
    ("Tablettes prises en main", lambda r: r.tablets_onboarded),
)
KEY_FIGURE_LABELS = tuple(name for name, _ in KEY_FIGURES)


def key_figures(report: Report) -> list[tuple[str, Cell]]:
    """Return the headline figures, as (French label, value) pairs."""
    return [(name, value(report)) for name, value in KEY_FIGURES]


def _counts(title: str, header: str, labels: dict[str, str], counts: dict[str, int]) -> Table:
    rows = tuple((lb.label(labels, key), value) for key, value in counts.items())
    return Table(title, (header, "Nombre"), rows)


def report_tables(report: Report) -> list[Table]:
    """Return every table of a report, in reading order."""
    summary = Table(
        "Synthèse",
        ("Indicateur", "Valeur"),
        tuple(scope_lines(report) + key_figures(report)),
    )
    kinds = Table(
        "Type d'activité",
        ("Type", "Activités", "Heures"),
        tuple(
            (
                lb.KIND_LABELS[k],
                report.activities_by_kind.get(k, 0),
                round(report.minutes_by_kind.get(k, 0) / 60, 1),
            )
            for k in KINDS
        ),
    )
    monthly = Table(
        "Activités par mois",
        ("Mois", "Site", "Étape", "Activités", "Heures"),
        tuple(
            (
                lb.month_label(r.month),
                r.site,
                lb.label(lb.STAGE_LABELS, r.stage),
                r.activities,
                round(r.minutes / 60, 1),
            )
            for r in report.monthly
        ),
    )
    communes = Table(
        "Commune de résidence",
        ("Commune", "Personnes"),
        tuple((name or lb.NO_COMMUNE, n) for name, n in report.communes.items()),
    )
    autonomy = Table(
        "Autonomie",
        ("Niveau d'autonomie", "Première séance", "Dernière séance"),
        tuple(
            (lb.label(lb.AUTONOMY_LABELS, k), n, report.autonomy_latest.get(k, 0))
            for k, n in report.autonomy_first.items()
        ),
    )
    return [
        summary,
        kinds,
        monthly,
        _counts("Tranches d'âge", "Tranche d'âge", lb.AGE_BAND_LABELS, report.age_bands),
        _counts("Genre", "Genre", lb.GENRE_LABELS, report.genres),
        _counts("Statut social", "Statut", lb.STATUT_LABELS, report.statuts),
        communes,
        _counts("Thématiques", "Thématique", lb.THEME_LABELS, report.themes),
        _counts("Lieux", "Lieu", lb.TYPE_LIEU_LABELS, report.place_types),
        _counts("Matériel", "Matériel", lb.MATERIEL_LABELS, report.equipment),
        _counts("Durées", "Durée", lb.DURATION_BAND_LABELS, report.duration_bands),
        autonomy,
    ]
