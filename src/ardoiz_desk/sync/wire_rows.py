"""Reading and writing rows of one synchronised table in wire form, fast.

On SQLite, rows go through the driver's ``executemany`` with values already in SQLite's
storage form (dates as ISO text, JSON as text): that is what keeps an import close to a raw
upsert. Any other database (PostgreSQL for a large coordinator) goes through SQLAlchemy
Core, which converts types itself.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, select

from ardoiz_desk.store.models import Synced
from ardoiz_desk.sync.codec import column_specs

FETCH_CHUNK = 2000
Convert = Callable[[Any], Any] | None


def _json_text(value: Any) -> str:
    # json.dumps without options reuses one cached encoder: several times faster per call.
    return "{}" if value == {} else json.dumps(value)


def _from_json_text(value: Any) -> Any:
    if value == "{}":
        return {}
    return json.loads(value) if isinstance(value, str) else value


class TableIO:
    """Fetch, insert and update rows of one table; values in and out are in wire form."""

    def __init__(self, conn: Connection, model: type[Synced], *, raw: bool | None = None) -> None:
        self.conn = conn
        self.model = model
        self.table = model.__table__  # type: ignore[attr-defined]
        self.raw = conn.dialect.name == "sqlite" if raw is None else raw
        kinds = {name: spec.kind for name, spec in column_specs(model).items()}
        kinds["stamps"] = "json"
        self._to_db = {n: self._to_db_fn(k) for n, k in kinds.items()}
        self._from_db = {n: self._from_db_fn(k) for n, k in kinds.items()}

    def _to_db_fn(self, kind: str) -> Convert:
        if self.raw:
            return _json_text if kind == "json" else None
        if kind == "date":
            return lambda v: None if v is None else dt.date.fromisoformat(v)
        return None

    def _from_db_fn(self, kind: str) -> Convert:
        if kind == "bool":
            return bool
        if kind == "json":
            return _from_json_text if self.raw else None
        if kind == "date" and not self.raw:
            return lambda v: None if v is None else v.isoformat()
        return None

    def fetch(self, ids: Sequence[str], columns: Sequence[str]) -> dict[str, list[Any]]:
        """Return {id: [values of columns]} for the ids that exist locally."""
        found: dict[str, list[Any]] = {}
        convert = [(i, self._from_db.get(c)) for i, c in enumerate(columns)]
        convert = [(i, f) for i, f in convert if f is not None]
        for start in range(0, len(ids), FETCH_CHUNK):
            chunk = list(ids[start : start + FETCH_CHUNK])
            for row in self._select(chunk, columns):
                values = list(row)
                for i, fn in convert:
                    values[i] = fn(values[i])
                found[values[0]] = values
        return found

    def _select(self, ids: list[str], columns: Sequence[str]) -> Any:
        if self.raw:
            marks = ",".join("?" * len(ids))
            names = ",".join(f'"{c}"' for c in columns)
            sql = f'SELECT {names} FROM "{self.table.name}" WHERE id IN ({marks})'
            return self.conn.exec_driver_sql(sql, tuple(ids))
        cols = [self.table.c[c] for c in columns]
        return self.conn.execute(select(*cols).where(self.table.c.id.in_(ids)))

    def _db_columns(self, columns: Sequence[str], data: Sequence[list[Any]]) -> list[list[Any]]:
        out = []
        for name, values in zip(columns, data, strict=True):
            fn = self._to_db.get(name)
            out.append(values if fn is None else [fn(v) for v in values])
        return out

    def insert(self, columns: Sequence[str], data: Sequence[list[Any]]) -> None:
        """Insert new rows given column by column."""
        if not data or not data[0]:
            return
        db_data = self._db_columns(columns, data)
        if self.raw:
            names = ",".join(f'"{c}"' for c in columns)
            marks = ",".join("?" * len(columns))
            sql = f'INSERT INTO "{self.table.name}" ({names}) VALUES ({marks})'
            self.conn.exec_driver_sql(sql, list(zip(*db_data, strict=True)))
        else:
            rows = [dict(zip(columns, r, strict=True)) for r in zip(*db_data, strict=True)]
            self.conn.execute(self.table.insert(), rows)

    def update(self, columns: Sequence[str], rows: Sequence[list[Any]]) -> None:
        """Update rows by id; each row lists the values of columns, id first."""
        if not rows:
            return
        transposed = [list(c) for c in zip(*rows, strict=True)]
        db_rows = list(zip(*self._db_columns(columns, transposed), strict=True))
        sets = columns[1:]
        if self.raw:
            assignments = ",".join(f'"{c}"=?' for c in sets)
            sql = f'UPDATE "{self.table.name}" SET {assignments} WHERE id=?'
            self.conn.exec_driver_sql(sql, [(*r[1:], r[0]) for r in db_rows])
        else:
            stmt = (
                self.table.update()
                .where(self.table.c.id == bindparam("_id"))
                .values({c: bindparam(f"_{c}") for c in sets})
            )
            params = [
                {"_id": r[0], **{f"_{c}": v for c, v in zip(sets, r[1:], strict=True)}}
                for r in db_rows
            ]
            self.conn.execute(stmt, params)

    def scan(self, columns: Sequence[str], after: str = "") -> list[list[Any]]:
        """Return every row (values of columns, wire form) stamped after a stamp."""
        if self.raw:
            names = ",".join(f'"{c}"' for c in columns)
            sql = f'SELECT {names} FROM "{self.table.name}"'
            cursor = self.conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
            if after:
                result = cursor.execute(sql + " WHERE updated_hlc > ?", (after,)).fetchall()
            else:
                result = cursor.execute(sql).fetchall()
            cursor.close()
        else:
            stmt = select(*(self.table.c[c] for c in columns)).order_by(self.table.c.id)
            if after:
                stmt = stmt.where(self.table.c.updated_hlc > after)
            result = self.conn.execute(stmt)
        convert = [(i, self._from_db.get(c)) for i, c in enumerate(columns)]
        convert = [(i, f) for i, f in convert if f is not None]
        rows = [list(r) for r in result]
        for i, fn in convert:
            for row in rows:
                row[i] = fn(row[i])
        return rows

    def existing_ids(self, ids: Sequence[str]) -> set[str]:
        """Return which of these ids exist in the table."""
        return set(self.fetch(ids, ["id"]))
