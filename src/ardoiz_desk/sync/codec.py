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
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Integer, String

from ardoiz_desk.store.models import Synced, synced_fields
from ardoiz_desk.sync.errors import BundleError

ROW_HEAD = ("id", "updated_hlc", "stamps")
COMPRESS_LEVEL = 6
MAX_SECTION_BYTES = 2 * 1024**3


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


def decompress(blob: bytes, what: str) -> bytes:
    """Inflate a section, refusing garbage and absurd sizes."""
    try:
        inflater = zlib.decompressobj()
        out = inflater.decompress(blob, MAX_SECTION_BYTES)
        if inflater.unconsumed_tail or not inflater.eof or inflater.unused_data:
            raise zlib.error("trailing or truncated data")
    except zlib.error as exc:
        raise BundleError(f"La section « {what} » est illisible.", "altered") from exc
    return out


def decode_json_section(blob: bytes, what: str) -> Any:
    """Inflate and parse a JSON section."""
    try:
        return json.loads(decompress(blob, what).decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise BundleError(f"La section « {what} » est illisible.", "altered") from exc


def decode_table(blob: bytes, model: type[Synced]) -> tuple[list[str], list[list[Any]]]:
    """Decode and check one table's section; return (column names, column values)."""
    table = model.__tablename__  # type: ignore[attr-defined]
    doc = decode_json_section(blob, table)
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
    for row_stamps in stamps:
        if row_stamps:
            if not fields.issuperset(row_stamps):
                raise bad
            inner.extend(row_stamps.values())
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
