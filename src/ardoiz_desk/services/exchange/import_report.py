"""What an import did, bundle by bundle, and the report files kept in the data folder."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ardoiz_desk.services.exchange.preview_rows import RowChanges
from ardoiz_desk.services.files import write_atomically
from ardoiz_desk.sync.apply import TableCounts

__all__ = ["STATUS_LABELS", "BundleOutcome", "ImportReport", "TableCounts", "write_report"]

STATUS_LABELS = {
    "applied": "importé",
    "preview": "aperçu (rien modifié)",
    "held": "en attente d'approbation",
    "quarantined": "mis de côté (date de l'expéditeur en avance)",
    "already": "déjà importé",
    "skipped": "ignoré",
    "refused": "refusé",
    "stale": "non importé : nouveau ou modifié depuis l'aperçu",
}


@dataclass(frozen=True)
class BundleOutcome:
    """The fate of one file: applied, preview, held, quarantined, already, skipped, stale or
    refused.

    ``stale``: a file new, changed or gone since the preview the import was confirmed on.
    """

    file: str
    status: str
    message: str
    bundle_id: str = ""
    origin_replica: str = ""
    origin_site: str = ""
    kind: str = ""
    tables: tuple[TableCounts, ...] = ()
    reason: str = ""
    #: A preview's people, activities and follow-ups added, changed, deleted or erased,
    #: the first ones named (``preview_rows``); never kept in a report file.
    changes: tuple[RowChanges, ...] = ()

    def total(self, name: str) -> int:
        """Sum one count (new, updated, deleted, erased, conflicts...) over the tables."""
        return sum(getattr(t, name) for t in self.tables)

    @property
    def ok(self) -> bool:
        """False only when the bundle was refused."""
        return self.status != "refused"


@dataclass(frozen=True)
class ImportReport:
    """The outcome of one import run."""

    outcomes: tuple[BundleOutcome, ...]
    dry_run: bool
    report_path: Path | None = None
    at: str = field(default_factory=lambda: dt.datetime.now().replace(microsecond=0).isoformat())
    # (path, SHA-256) of every file read: what a preview showed, hence what may be applied.
    previewed: tuple[tuple[str, str], ...] = ()

    def fingerprints(self) -> dict[str, str]:
        """Path → SHA-256 of the files read, for ``import_files(..., expected=...)``."""
        return dict(self.previewed)

    def count(self, status: str) -> int:
        """How many bundles ended with this status."""
        return sum(1 for o in self.outcomes if o.status == status)

    def as_dict(self) -> dict[str, Any]:
        """Return the report as plain data (for JSON)."""
        data = dataclasses.asdict(self)
        for outcome in data["outcomes"]:
            outcome.pop("changes", None)  # names stay in the window, out of report files
        data["report_path"] = str(self.report_path) if self.report_path else None
        return data


def report_text(report: ImportReport) -> str:
    """Return a report as French text, one block per bundle."""
    kind = "Aperçu d'import (rien n'a été modifié)" if report.dry_run else "Import de paquets"
    lines = [f"{kind} — {report.at}", ""]
    for o in report.outcomes:
        origin = f" de {o.origin_site or o.origin_replica}" if o.origin_replica else ""
        lines.append(f"* {o.file}{origin} : {STATUS_LABELS.get(o.status, o.status)}. {o.message}")
        if o.tables:
            lines.append(
                f"  nouveaux {o.total('new')}, modifiés {o.total('updated')}, "
                f"conflits {o.total('conflicts')}, suppressions {o.total('deleted')}, "
                f"effacements {o.total('erased')}"
            )
    return "\n".join(lines) + "\n"


def write_report(data_dir: Path, report: ImportReport) -> ImportReport:
    """Keep a report (JSON and text) in the data folder; return it with its path."""
    folder = data_dir / "reports" / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    stem = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = folder / f"import-{stem}.json"
    report = dataclasses.replace(report, report_path=path)
    for target, text in (
        (path, json.dumps(report.as_dict(), ensure_ascii=False, indent=2)),
        (path.with_suffix(".txt"), report_text(report)),
    ):
        write_atomically(target, text)
    return report
