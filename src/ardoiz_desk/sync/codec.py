"""Wire encoding of a table: columnar JSON, compressed with zlib.

Values travel in a neutral form: text, integers, booleans, dates as ``YYYY-MM-DD``, JSON
columns as JSON. Each synchronised table becomes one section ``{"columns": [...],
"data": [[column 0 values], [column 1 values], ...]}``; storing a column's values together
is what makes the compressed bundle small. The column list is derived from the metadata.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import compress
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Integer, String

from ardoiz_desk.store.models import Synced, synced_fields
from ardoiz_desk.sync.errors import BundleError

ROW_HEAD = ("id", "updated_hlc", "stamps")
#: Rows per section: a larger table spans several consecutive sections (format 3).
CHUNK_ROWS = 20_000
COMPRESS_LEVEL = 6
#: Decoding is bounded (docs/bundle-format.md, "Limits"): a bundle's sections may inflate
#: to at most MAX_INFLATE_RATIO times the bundle's size (never less than MIN_INFLATE_BUDGET,
#: never more than MAX_INFLATED_BYTES in all); a section claims its row count in the
#: manifest, checked before anything is built: at most MAX_ROWS, at least
#: MIN_BYTES_PER_ROW compressed bytes per row (every row carries a random 128-bit id), and
#: at most VALUES_PER_ROW JSON values per row and column.
MAX_INFLATE_RATIO = 24
MIN_INFLATE_BUDGET = 16 * 1024**2
MAX_INFLATED_BYTES = 1024**3
MAX_ROWS = 2_000_000
MIN_BYTES_PER_ROW = 12
VALUES_PER_ROW = 4
MAX_LIST_ITEMS = 32
MAX_SECTION_BYTES = MAX_INFLATED_BYTES


class InflateBudget:
    """How many bytes the sections of one bundle may still inflate to."""

    def __init__(self, compressed_bytes: int) -> None:
        self.left = min(
            MAX_INFLATED_BYTES, max(MIN_INFLATE_BUDGET, compressed_bytes * MAX_INFLATE_RATIO)
        )
        self.total = self.left

    def take(self, n: int) -> None:
        """Count n inflated bytes against the budget."""
        self.left -= n


def too_large(what: str) -> BundleError:
    """The refusal of a bundle whose content exceeds the decoding limits."""
    return BundleError(
        f"La section « {what} » du paquet est démesurée une fois décompressée (limite "
        "de décodage dépassée) : paquet refusé.",
        "too-large",
    )


@dataclass(frozen=True)
class ColumnSpec:
    """A synchronised column: its name, its wire kind and whether it may be null."""

    name: str
    kind: str  # "str", "int", "bool", "date", "json"
    nullable: bool


def _kind_of(column: Any) -> str:
    sa_type = column.type
    if isinstance(sa_type, Boolean):
        return "bool"
    if isinstance(sa_type, Integer):
        return "int"
    if isinstance(sa_type, Date):
        return "date"
    if isinstance(sa_type, JSON):
        return "json"
    if isinstance(sa_type, String):
        return "str"
    raise TypeError(f"no wire kind for column {column.name} ({sa_type!r})")


def column_specs(model: type[Synced]) -> dict[str, ColumnSpec]:
    """Return the wire spec of every synchronised column of a model, in table order."""
    table = model.__table__  # type: ignore[attr-defined]
    return {
        name: ColumnSpec(name, _kind_of(table.c[name]), bool(table.c[name].nullable))
        for name in synced_fields(model)
    }


def encode_section(columns: Sequence[str], data: Sequence[Sequence[Any]]) -> bytes:
    """Compress one table's columns (wire values) into a section."""
    text = json.dumps(
        {"columns": list(columns), "data": [list(c) for c in data]},
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return zlib.compress(text.encode("utf-8"), COMPRESS_LEVEL)


def decompress(blob: bytes, what: str, budget: InflateBudget | None = None) -> bytes:
    """Inflate a section, refusing garbage, and stopping as soon as the budget is spent.

    zlib never produces more than ``max_length`` bytes, so a bomb costs at most the budget.
    """
    limit = budget.left if budget is not None else MIN_INFLATE_BUDGET
    try:
        inflater = zlib.decompressobj()
        out = inflater.decompress(blob, max(limit, 0) + 1)
        if len(out) > limit or (inflater.unconsumed_tail and not inflater.eof):
            raise too_large(what)
        if not inflater.eof or inflater.unused_data:
            raise zlib.error("trailing or truncated data")
    except zlib.error as exc:
        raise BundleError(f"La section « {what} » est illisible.", "altered") from exc
    if budget is not None:
        budget.take(len(out))
    return out


def decode_json_section(
    blob: bytes, what: str, budget: InflateBudget | None = None, max_values: int | None = None
) -> Any:
    """Inflate and parse a JSON section; ``max_values`` bounds its values before parsing."""
    raw = decompress(blob, what, budget)
    if max_values is not None and raw.count(b",") > max_values:
        raise too_large(what)
    try:
        return json.loads(raw)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise BundleError(f"La section « {what} » est illisible.", "altered") from exc


def max_values(model: type[Synced], rows: int) -> int:
    """The most JSON values a table section of ``rows`` rows can legitimately hold."""
    specs = column_specs(model).values()
    per_row = VALUES_PER_ROW * (len(ROW_HEAD) + len(specs))
    per_row += MAX_LIST_ITEMS * sum(1 for c in specs if c.kind == "json")
    return rows * per_row + 64


def check_row_claim(what: str, rows: int, compressed: int) -> None:
    """Refuse a row count claimed by the manifest that the section's size cannot hold."""
    if rows > MAX_ROWS or rows * MIN_BYTES_PER_ROW > compressed + 64:
        raise too_large(what)


def decode_table(
    blob: bytes,
    model: type[Synced],
    budget: InflateBudget | None = None,
    rows: int | None = None,
) -> tuple[list[str], list[list[Any]]]:
    """Decode and check one table's section; return (column names, column values).

    ``rows`` is the count the manifest claims: checked before parsing, then against the data.
    """
    table = model.__tablename__  # type: ignore[attr-defined]
    bound = None
    if rows is not None:
        check_row_claim(table, rows, len(blob))
        bound = max_values(model, rows)
    doc = decode_json_section(blob, table, budget, bound)
    bad = BundleError(f"Les données de « {table} » sont mal formées.", "altered")
    if not isinstance(doc, dict) or set(doc) != {"columns", "data"}:
        raise bad
    columns, data = doc["columns"], doc["data"]
    specs = column_specs(model)
    if (
        not isinstance(columns, list)
        or tuple(columns[:3]) != ROW_HEAD
        or len(set(columns)) != len(columns)
        or any(c not in specs for c in columns[3:])
        or not isinstance(data, list)
        or len(data) != len(columns)
        or any(not isinstance(col, list) or len(col) != len(data[0]) for col in data)
        or (rows is not None and len(data[0]) != rows)
    ):
        raise bad
    _check_head(data[0], data[1], data[2], set(specs), bad)
    for name, values in zip(columns[3:], data[3:], strict=True):
        if not _CHECKS[specs[name].kind](values, specs[name].nullable):
            raise BundleError(f"Colonne « {table}.{name} » : valeurs invalides.", "altered")
    return columns, data


_ID_RUN = re.compile(r"(?:[0-9a-f]{32}\n)*")
_STAMP_RUN = re.compile(r"(?:\d{13}\.\d{5}\.[0-9a-f]{16}\n)*")


def _all_match(run: re.Pattern[str], values: list[Any]) -> bool:
    """Check many strings against one pattern in a single regex pass (fast on big tables)."""
    if not set(map(type, values)) <= {str}:
        return False
    text = "\n".join(values)
    if text.count("\n") != max(len(values) - 1, 0):  # a value hiding a line break
        return False
    return run.fullmatch(text + "\n" if values else "") is not None


def _check_head(ids: list, hlcs: list, stamps: list, fields: set[str], bad: BundleError) -> None:
    if len(set(ids)) != len(ids) or not _all_match(_ID_RUN, ids):
        raise bad
    if not _all_match(_STAMP_RUN, hlcs):
        raise bad
    if not set(map(type, stamps)) <= {dict}:
        raise bad
    inner: list[Any] = []
    for row_stamps, hlc in compress(zip(stamps, hlcs, strict=True), stamps):  # non-empty ones
        if row_stamps:
            if not fields.issuperset(row_stamps):
                raise bad
            values = list(row_stamps.values())
            # A field is never newer than its row: updated_hlc is the newest of its stamps.
            if not set(map(type, values)) <= {str} or max(values) > hlc:
                raise BundleError(
                    "Une date de modification d'un champ est postérieure à celle de sa ligne : "
                    "données contrefaites ou base corrompue.",
                    "stamps",
                )
            inner.extend(values)
    if not _all_match(_STAMP_RUN, inner):
        raise bad


def _is_date(value: Any) -> bool:
    if type(value) is not str or len(value) != 10:
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _all(values: list, ok: Callable[[Any], bool], nullable: bool) -> bool:
    if nullable:
        return all(v is None or ok(v) for v in values)
    return all(ok(v) for v in values)


def _types(values: list, allowed: set[type], nullable: bool) -> bool:
    return set(map(type, values)) <= (allowed | {type(None)} if nullable else allowed)


def _ints(values: list, nullable: bool) -> bool:
    if not _types(values, {int}, nullable):
        return False
    numbers = [v for v in values if v is not None]
    return not numbers or (min(numbers) > -(2**62) and max(numbers) < 2**62)


_CHECKS: dict[str, Callable[[list, bool], bool]] = {
    "str": lambda vs, n: _types(vs, {str}, n),
    "int": _ints,
    "bool": lambda vs, n: _types(vs, {bool}, n),
    "date": lambda vs, n: _all(vs, _is_date, n),
    "json": lambda vs, n: _types(vs, {list, dict}, n),
}
