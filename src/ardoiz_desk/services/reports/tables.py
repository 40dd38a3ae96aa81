"""A report laid out as titled tables: what CSV, XLSX and PDF print.

Worded in French unless a :class:`~ardoiz_desk.services.reports.labels.Wording` says otherwise
(the PDF in the English window). Cells keep numbers as numbers: each format writes them its way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ardoiz_desk.services.reports import labels as lb
from ardoiz_desk.services.reports.figures import KINDS, Report
from ardoiz_desk.services.reports.labels import FRENCH, N_, Wording

Cell = str | int | float


@dataclass(frozen=True)
class Table:
    """One table of a report: a title, column headers and rows of plain values."""

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


def scope_lines(report: Report, w: Wording = FRENCH) -> list[tuple[str, str]]:
    """Return what the report covers, as (label, value) pairs."""
    stage = w.label(lb.label(lb.STAGE_LABELS, report.stage)) if report.stage else lb.ALL_STAGES
    return [
        (w.t("Période"), lb.period_label(report.start, report.end, w)),
        (w.t("Site"), lb.scope_name(report.site_label, w)),
        (w.t("Agent"), lb.scope_name(report.agent_label, w)),
        (w.t("Étape"), lb.scope_name(stage, w)),
        (w.t("Édité le"), lb.french_date(report.generated_on)),
    ]


KEY_FIGURES: tuple[tuple[str, Callable[[Report], Cell]], ...] = (
    (N_("Activités"), lambda r: r.activities),
    (N_("Accompagnements individuels"), lambda r: r.activities_by_kind.get("individuel", 0)),
    (N_("Ateliers collectifs"), lambda r: r.activities_by_kind.get("collectif", 0)),
    (N_("Formations des agents"), lambda r: r.activities_by_kind.get("formation", 0)),
    (N_("Heures d'activité"), lambda r: round(r.hours, 1)),
    (N_("Personnes accompagnées"), lambda r: r.reached),
    (N_("dont nouvelles"), lambda r: r.new),
    (N_("dont déjà suivies"), lambda r: r.followed),
    (N_("Participants anonymes"), lambda r: r.anonymous),
    (N_("Présences enregistrées"), lambda r: r.presences),
    (N_("Agents formés"), lambda r: r.agents_trained),
    (N_("Tablettes prises en main"), lambda r: r.tablets_onboarded),
)
#: The key figures' French names (the window keys its tiles by them).
KEY_FIGURE_LABELS = tuple(name for name, _ in KEY_FIGURES)


def key_figures(report: Report, w: Wording = FRENCH) -> list[tuple[str, Cell]]:
    """Return the headline figures, as (label, value) pairs."""
    return [(w.t(name), value(report)) for name, value in KEY_FIGURES]


def _counts(
    w: Wording, title: str, header: str, labels: dict[str, str], counts: dict[str, int]
) -> Table:
    rows = tuple((w.label(lb.label(labels, key)), value) for key, value in counts.items())
    return Table(title, (header, w.t("Nombre")), rows)


def report_tables(report: Report, w: Wording = FRENCH) -> list[Table]:
    """Return every table of a report, in reading order."""
    t = w.t
    summary = Table(
        t("Synthèse"),
        (t("Indicateur"), t("Valeur")),
        tuple(scope_lines(report, w) + key_figures(report, w)),
    )
    kinds = Table(
        t("Type d'activité"),
        (t("Type"), t("Activités"), t("Heures")),
        tuple(
            (
                w.label(lb.KIND_LABELS[k]),
                report.activities_by_kind.get(k, 0),
                round(report.minutes_by_kind.get(k, 0) / 60, 1),
            )
            for k in KINDS
        ),
    )
    monthly = Table(
        t("Activités par mois"),
        (t("Mois"), t("Site"), t("Étape"), t("Activités"), t("Heures")),
        tuple(
            (
                lb.month_label(r.month, w),
                lb.scope_name(r.site, w),
                w.label(lb.label(lb.STAGE_LABELS, r.stage)),
                r.activities,
                round(r.minutes / 60, 1),
            )
            for r in report.monthly
        ),
    )
    communes = Table(
        t("Commune de résidence"),
        (t("Commune"), t("Personnes")),
        tuple((name or t(lb.NO_COMMUNE), n) for name, n in report.communes.items()),
    )
    autonomy = Table(
        t("Autonomie"),
        (t("Niveau d'autonomie"), t("Première séance"), t("Dernière séance")),
        tuple(
            (w.label(lb.label(lb.AUTONOMY_LABELS, k)), n, report.autonomy_latest.get(k, 0))
            for k, n in report.autonomy_first.items()
        ),
    )
    return [
        summary,
        kinds,
        monthly,
        _counts(w, t("Tranches d'âge"), t("Tranche d'âge"), lb.AGE_BAND_LABELS, report.age_bands),
        _counts(w, t("Genre"), t("Genre"), lb.GENRE_LABELS, report.genres),
        _counts(w, t("Statut social"), t("Statut"), lb.STATUT_LABELS, report.statuts),
        communes,
        _counts(w, t("Thématiques"), t("Thématique"), lb.THEME_LABELS, report.themes),
        _counts(w, t("Lieux"), t("Lieu"), lb.TYPE_LIEU_LABELS, report.place_types),
        _counts(w, t("Matériel"), t("Matériel"), lb.MATERIEL_LABELS, report.equipment),
        _counts(w, t("Durées"), t("Durée"), lb.DURATION_BAND_LABELS, report.duration_bands),
        autonomy,
    ]
