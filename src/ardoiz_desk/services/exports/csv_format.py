"""CSV that Excel in French opens as is: UTF-8 with BOM, ';' separator, French dates and
decimal commas, and no cell that could run as a formula."""

from __future__ import annotations

import csv
import datetime as dt
import os
from collections.abc import Iterable, Sequence

from ardoiz_desk.services.files import atomic_path, neutralise
from ardoiz_desk.services.reports.labels import french_date
from ardoiz_desk.services.reports.tables import Table

ENCODING = "utf-8-sig"  # the BOM tells Excel the file is UTF-8
DELIMITER = ";"  # French Excel expects ';' since ',' is the decimal mark


def csv_cell(value: object) -> str:
    """Return a value as French Excel reads it, formulas neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Oui" if value else "Non"
    if isinstance(value, dt.date):
        return french_date(value)
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return str(neutralise(str(value)))


def write_rows_csv(
    path: str | os.PathLike[str], headers: Sequence[str], rows: Iterable[Sequence[object]]
) -> None:
    """Write one table (header row, then rows) as a French Excel CSV, atomically."""
    with atomic_path(path) as tmp, open(tmp, "w", encoding=ENCODING, newline="") as handle:
        writer = csv.writer(handle, delimiter=DELIMITER)
        writer.writerow([csv_cell(h) for h in headers])
        for row in rows:
            writer.writerow([csv_cell(v) for v in row])


def write_tables_csv(path: str | os.PathLike[str], title: str, tables: Sequence[Table]) -> None:
    """Write a report's tables one after the other, each under its title, atomically."""
    with atomic_path(path) as tmp, open(tmp, "w", encoding=ENCODING, newline="") as handle:
        writer = csv.writer(handle, delimiter=DELIMITER)
        writer.writerow([csv_cell(title)])
        for table in tables:
            writer.writerow([])
            writer.writerow([csv_cell(table.title)])
            writer.writerow([csv_cell(h) for h in table.headers])
            for row in table.rows:
                writer.writerow([csv_cell(v) for v in row])
