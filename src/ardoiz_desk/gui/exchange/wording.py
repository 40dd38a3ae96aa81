"""The synchronisation pane's words for what bundles carry: people, activities, follow-ups.

An agent never reads a table name, a report path or an installation id: tables are named
as the window names them (« présences », not "attendances"), sites by their names, bundle
files without the random part of their names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from PySide6.QtCore import QCoreApplication, QLocale

from ardoiz_desk.services.exchange.import_report import BundleOutcome

#: The order tables are told in: what an agent cares about first.
ORDER = (
    "participants",
    "activities",
    "attendances",
    "followups",
    "agent_trainings",
    "agents",
    "sites",
)
# A run of 8+ hex digits with a letter among them: a bundle or installation id.
_RANDOM_PART = re.compile(r"-(?=[0-9a-f]*[a-f])[0-9a-f]{8,}(?=[-.]|$)")


def tr(text: str) -> str:
    """Translate a string of the synchronisation pane."""
    return QCoreApplication.translate("SyncPane", text)


def _nouns() -> dict[str, tuple[str, str]]:
    return {
        "participants": (tr("{0} personne"), tr("{0} personnes")),
        "activities": (tr("{0} activité"), tr("{0} activités")),
        "attendances": (tr("{0} présence"), tr("{0} présences")),
        "followups": (tr("{0} suivi"), tr("{0} suivis")),
        "agent_trainings": (tr("{0} présence en formation"), tr("{0} présences en formation")),
        "agents": (tr("{0} agent"), tr("{0} agents")),
        "sites": (tr("{0} site"), tr("{0} sites")),
    }


def number(n: int) -> str:
    """A count as the window writes numbers (thousands separated)."""
    return QLocale().toString(n)


def count_text(table: str, n: int) -> str:
    """« 3 personnes », « 1 présence »: a count of rows of one table, in words."""
    one, many = _nouns().get(table, (tr("{0} autre"), tr("{0} autres")))
    return (one if n <= 1 else many).format(number(n))


def counts_text(counts: Mapping[str, int]) -> str:
    """« 12 personnes, 4 activités, 30 présences »: every table with rows, in ORDER."""
    tables = [t for t in ORDER if counts.get(t)] + sorted(
        t for t in counts if t not in ORDER and counts[t]
    )
    return ", ".join(count_text(t, counts[t]) for t in tables)


def totals(outcomes: Iterable[BundleOutcome], name: str) -> dict[str, int]:
    """Sum one count (new, updated, erased...) per table over bundles.

    "updated" leaves out rows deleted or erased (told apart): what is only changed.
    """
    out: dict[str, int] = {}
    for o in outcomes:
        for t in o.tables:
            n = getattr(t, name)
            if name == "updated":
                n = max(0, n - t.deleted - t.erased)
            out[t.table] = out.get(t.table, 0) + n
    return out


def changes_text(outcomes: Iterable[BundleOutcome]) -> str:
    """What bundles bring (or would bring), in one or two plain sentences."""
    outcomes = list(outcomes)
    parts = []
    for name, label in (
        ("new", tr("Nouveau : {0}.")),
        ("updated", tr("Modifié : {0}.")),
        ("deleted", tr("Supprimé : {0}.")),
        ("erased", tr("Effacé : {0}.")),
    ):
        text = counts_text(totals(outcomes, name))
        if text:
            parts.append(label.format(text))
    conflicts = sum(o.total("conflicts") for o in outcomes)
    if conflicts:
        parts.append(tr("{0} conflit(s) à examiner (onglet « Conflits »).").format(conflicts))
    return " ".join(parts)


def file_label(name: str) -> str:
    """A bundle's file name without the random parts of a shared folder's names (ids)."""
    return _RANDOM_PART.sub("", name)


def site_label(outcome: BundleOutcome, names: Mapping[str, str]) -> str:
    """Who sent a bundle: the site's name, else its code; never an installation id."""
    return (
        names.get(outcome.origin_replica)
        or outcome.origin_site
        or (tr("installation inconnue") if outcome.origin_replica else "")
    )
