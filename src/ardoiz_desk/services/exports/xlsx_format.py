"""XLSX workbooks with openpyxl: one sheet per table, a styled header row, set column
widths, real date cells, and text that can never run as a formula: a cell typed as text
(string) is never a formula, whatever it starts with, so the value is written exactly as
typed (no leading apostrophe); text that starts like a formula also gets Excel's
quote-prefix style, so editing the cell in Excel keeps it text."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ardoiz_desk.services.files import FORMULA_STARTERS, atomic_path
from ardoiz_desk.services.reports.tables import Table

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
TITLE_FONT = Font(bold=True, size=14)
DATE_FORMAT = "DD/MM/YYYY"
MAX_WIDTH = 60
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def set_cell(ws: Worksheet, row: int, column: int, value: object) -> None:
    """Write one value: text exactly as typed, typed as text; dates get a French format."""
    cell = ws.cell(row=row, column=column)
    if value is None or value == "":
        cell.value = None  # a truly empty cell: La Coop stops reading at an empty row
    elif isinstance(value, str):
        cell.value = value
        cell.data_type = "s"  # never let openpyxl take text for a formula
        if value.startswith(FORMULA_STARTERS):
            cell.quotePrefix = True
    elif isinstance(value, bool):
        cell.value = "Oui" if value else "Non"
    else:
        cell.value = value
        if isinstance(value, dt.date):
            cell.number_format = DATE_FORMAT


def write_header(ws: Worksheet, row: int, headers: Sequence[str]) -> None:
    """Write a styled header row."""
    for col, header in enumerate(headers, start=1):
        set_cell(ws, row, col, header)
        cell = ws.cell(row=row, column=col)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=True)


def write_rows(ws: Worksheet, first_row: int, rows: Iterable[Sequence[object]]) -> int:
    """Write rows from first_row; return the number of rows written."""
    count = 0
    for count, values in enumerate(rows, start=1):
        for col, value in enumerate(values, start=1):
            set_cell(ws, first_row + count - 1, col, value)
    return count


def fit_columns(ws: Worksheet, minimum: int = 8, from_row: int = 1) -> None:
    """Set each column's width from its longest line of text."""
    widths: dict[int, int] = {}
    for row in ws.iter_rows(min_row=from_row):
        for cell in row:
            if cell.value is None:
                continue
            text = (
                cell.value.strftime("%d/%m/%Y") if isinstance(cell.value, dt.date) else cell.value
            )
            longest = max(len(line) for line in str(text).split("\n"))
            widths[cell.column] = max(widths.get(cell.column, minimum), longest + 2)
    for col, width in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = min(width, MAX_WIDTH)


def sheet_title(title: str, taken: set[str]) -> str:
    """Return a valid, unique sheet name (31 characters, no []:*?/\\)."""
    base = _BAD_SHEET_CHARS.sub(" ", title)[:31].strip() or "Feuille"
    name, n = base, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name


def write_tables_xlsx(path: str | os.PathLike[str], title: str, tables: Sequence[Table]) -> None:
    """Write a report's tables, one sheet each, atomically."""
    wb = Workbook()
    wb.remove(wb.active)
    taken: set[str] = set()
    for table in tables:
        ws = wb.create_sheet(sheet_title(table.title, taken))
        write_header(ws, 1, table.headers)
        write_rows(ws, 2, table.rows)
        ws.freeze_panes = "A2"
        fit_columns(ws)
    wb.properties.title = title
    wb.properties.creator = "Ardoiz Desk"
    save_workbook(wb, path)


def save_workbook(wb: Workbook, path: str | os.PathLike[str]) -> None:
    """Save a workbook through a temporary file."""
    with atomic_path(path) as tmp:
        wb.save(tmp)
