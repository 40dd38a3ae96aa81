"""Reading and writing rows of one synchronised table in wire form, fast.

On SQLite, rows go through the driver's ``executemany`` with values already in SQLite's
storage form (dates as ISO text, JSON as text): that is what keeps an import close to a raw
upsert. Any other database (PostgreSQL for a large coordinator) goes through SQLAlchemy
Core, which converts types itself, except for new rows, which go through ``COPY``.

Before merging, the incoming ids and stamps are staged in a temporary table and the database
itself picks the rows that can change (:meth:`TableIO.triage`): a bundle whose rows the
base already holds costs little more than reading it.
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
#: The temporary table the incoming (id, updated_hlc, stamps) of one table are staged in.
STAGE = "ardoiz_incoming"
Convert = Callable[[Any], Any] | None


def _json_text(value: Any) -> str:
    # json.dumps without options reuses one cached encoder: several times faster per call.
    return "{}" if value == {} else json.dumps(value)


_STAMP_ITEM = '"%s": "%s"'.__mod__


def _stamps_text(stamps: dict[str, str]) -> str:
    """The stamps as ``json.dumps`` writes them, for comparison with the stored text.

    The codec checked them (field names, stamp characters): nothing needs escaping. Were it
    otherwise, the texts would differ and the row would merely be merged field by field.
    """
    return "{" + ", ".join(map(_STAMP_ITEM, stamps.items())) + "}" if stamps else "{}"


def _from_json_text(value: Any) -> Any:
    if value == "{}":
        return {}
    return json.loads(value) if isinstance(value, str) else value


def _fixed_width(ids: Sequence[str], hlcs: Sequence[str]) -> bool:
    """True when every id has 32 characters and every stamp 36 (as the codec checks)."""
    return set(map(len, ids)) == {32} and set(map(len, hlcs)) == {36}


class TableIO:
    """Fetch, insert and update rows of one table; values in and out are in wire form."""

    def __init__(self, conn: Connection, model: type[Synced], *, raw: bool | None = None) -> None:
        self.conn = conn
        self.model = model
        self.table = model.__table__  # type: ignore[attr-defined]
        self.raw = conn.dialect.name == "sqlite" if raw is None else raw
        self.copy = not self.raw and conn.dialect.name == "postgresql"
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

    def triage(
        self,
        ids: Sequence[str],
        hlcs: Sequence[str],
        stamps: Sequence[dict[str, str]],
        also: str = "",
    ) -> tuple[set[str], set[str]]:
        """Return (ids new here, existing ids whose row may change by merging).

        An existing row whose ``updated_hlc`` and stamps are exactly the incoming ones holds
        the very same writes: merging it changes nothing, so it is left out. ``also`` is a
        SQL condition on the stored row (alias ``t``) that makes a row be merged anyway.
        Every row is new when the table is empty.
        """
        if not ids:
            return set(), set()
        table = self.table.name
        if self.is_empty():
            return set(ids), set()
        rows = zip(ids, hlcs, map(_stamps_text, stamps), strict=True)
        params: tuple[Any, ...] = ()
        if self.conn.dialect.name != "sqlite":
            self._stage(list(rows))
            incoming, differs = f"{STAGE} i", "IS DISTINCT FROM"
        elif _fixed_width(ids, hlcs):
            # SQLite reads the incoming rows from one JSON array of strings, one per row:
            # the id (32 characters), updated_hlc (36), then the stamps' JSON text; a flat
            # array of strings costs SQLite a third of an array of arrays to read.
            incoming = (
                "(SELECT substr(value, 1, 32) AS id, substr(value, 33, 36) AS hlc,"
                " substr(value, 69) AS stamps FROM json_each(?)) i"
            )
            params, differs = (json.dumps(list(map("".join, rows))),), "IS NOT"
        else:
            incoming = (
                "(SELECT json_extract(value, '$[0]') AS id, json_extract(value, '$[1]') AS hlc,"
                " json_extract(value, '$[2]') AS stamps FROM json_each(?)) i"
            )
            params, differs = (json.dumps(list(rows)),), "IS NOT"
        sql = (
            f'SELECT i.id, t.id IS NULL FROM {incoming} LEFT JOIN "{table}" t ON t.id = i.id '
            f"WHERE t.id IS NULL OR t.updated_hlc {differs} i.hlc "
            f"OR CAST(t.stamps AS TEXT) {differs} i.stamps" + (f" OR {also}" if also else "")
        )
        new: set[str] = set()
        changing: set[str] = set()
        for rid, is_new in self.conn.exec_driver_sql(sql, params).fetchall():
            (new if is_new else changing).add(rid)
        return new, changing

    def is_empty(self) -> bool:
        """True when the table holds no row."""
        sql = f'SELECT 1 FROM "{self.table.name}" LIMIT 1'
        return self.conn.exec_driver_sql(sql).first() is None

    def any_exist(self, ids: Sequence[str]) -> bool:
        """True when some of these ids are in the table."""
        if not ids:
            return False
        if self.conn.dialect.name != "sqlite":
            return bool(self.existing_ids(ids))
        sql = f'SELECT 1 FROM json_each(?) i JOIN "{self.table.name}" t ON t.id = i.value LIMIT 1'
        return self.conn.exec_driver_sql(sql, (json.dumps(list(ids)),)).first() is not None

    def _stage(self, rows: list[tuple[str, str, str]]) -> None:
        """Fill the staging table (created on first use, emptied each time)."""
        conn = self.conn
        conn.exec_driver_sql(
            f"CREATE TEMPORARY TABLE IF NOT EXISTS {STAGE} "
            "(id VARCHAR(32) PRIMARY KEY, hlc VARCHAR(40), stamps TEXT)"
        )
        conn.exec_driver_sql(f"DELETE FROM {STAGE}")
        rows.sort()
        if self.copy:
            self._copy_in(STAGE, ("id", "hlc", "stamps"), rows)
            conn.exec_driver_sql(f"ANALYZE {STAGE}")
        else:
            conn.exec_driver_sql(f"INSERT INTO {STAGE} VALUES (%s, %s, %s)", rows)

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
        if self.copy:
            self._copy_in(self.table.name, columns, self._wire_text(columns, data))
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

    def insert_missing(self, columns: Sequence[str], data: Sequence[list[Any]]) -> set[str]:
        """PostgreSQL: insert the rows whose id is not here yet; return their ids.

        As a bulk load does: every row is copied (``COPY``) into a temporary table, and
        ``INSERT … SELECT … ON CONFLICT (id) DO NOTHING`` keeps the new ones.
        """
        if not data or not data[0]:
            return set()
        table, stage = self.table.name, f"{STAGE}_{self.table.name}"
        self.conn.exec_driver_sql(
            f'CREATE TEMPORARY TABLE IF NOT EXISTS "{stage}" (LIKE "{table}" INCLUDING DEFAULTS)'
        )
        self.conn.exec_driver_sql(f'TRUNCATE "{stage}"')
        self._copy_in(stage, columns, self._wire_text(columns, data))
        names = ",".join(f'"{c}"' for c in columns)
        inserted = self.conn.exec_driver_sql(
            f'INSERT INTO "{table}" ({names}) SELECT {names} FROM "{stage}" '
            "ON CONFLICT (id) DO NOTHING RETURNING id"
        )
        new = {row[0] for row in inserted}
        self.conn.exec_driver_sql(f'TRUNCATE "{stage}"')
        return new

    def _wire_text(self, columns: Sequence[str], data: Sequence[list[Any]]) -> Any:
        """Rows for ``COPY``: wire values, JSON as text (PostgreSQL parses dates itself)."""
        kinds = {name: spec.kind for name, spec in column_specs(self.model).items()}
        kinds["stamps"] = "json"
        out = [
            [_json_text(v) for v in values] if kinds.get(name) == "json" else values
            for name, values in zip(columns, data, strict=True)
        ]
        return zip(*out, strict=True)

    def _copy_in(self, table: str, columns: Sequence[str], rows: Any) -> None:
        """Stream rows into a table with PostgreSQL's ``COPY … FROM STDIN``."""
        names = ",".join(f'"{c}"' for c in columns)
        cursor = self.conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        with cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row(row)
        cursor.close()

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
