"""Who an import would add, change, delete or erase: the rows behind a preview's counts.

A dry run merges a bundle inside a transaction it then rolls back (``applying``). Before
that merge, :func:`start_noting` puts temporary triggers on the tables an agent reads row by
row (people, activities, follow-ups): each row the merge inserts, or whose synchronised
values it changes, is noted once with what it was. After the merge, still inside the
transaction, :func:`finish_noting` reads them back and names the first ones of each list
(a person erased is named as they were). The rollback takes the triggers and the notes
away; the merge itself is ``sync``'s and knows nothing of this.

Only previews carry these lists: an applied import's report (a file in the data folder)
keeps counts, never names. On PostgreSQL (a large coordinator) the preview keeps its
counts only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from ardoiz_desk.store.models import Activity, FollowUp, Participant, Synced, synced_fields

#: How many rows of each list are named; the rest are counted.
PREVIEW_LIMIT = 50
ADDED, CHANGED, DELETED, ERASED = "added", "changed", "deleted", "erased"
CHANGES = (ADDED, CHANGED, DELETED, ERASED)
_TOLD: tuple[type[Synced], ...] = (Participant, Activity, FollowUp)
_NOTES = "ardoiz_preview_notes"
_CHUNK = 900


@dataclass(frozen=True)
class RowLabel:
    """What names one row: a person; an activity's date, kind and title; a follow-up."""

    id: str
    name: str = ""  # "Prénom NOM": the person, or the person a follow-up is for
    date: dt.date | None = None  # an activity's date, a follow-up's due date
    kind: str = ""  # an activity's kind code (collectif, individuel, formation)
    title: str = ""  # an activity's title, a follow-up's reason


@dataclass(frozen=True)
class RowChanges:
    """The rows of one table an import would add, change, delete or erase."""

    table: str  # participants, activities or followups
    change: str  # added, changed, deleted or erased
    total: int
    shown: tuple[RowLabel, ...]  # the first PREVIEW_LIMIT, in the merge's order


def _table(model: type[Synced]) -> str:
    return model.__tablename__  # type: ignore[attr-defined]


def _label_fields(model: type[Synced]) -> tuple[str, str, str]:
    if model is Participant:
        return ("prenom", "nom", "site_id")
    if model is Activity:
        return ("date", "kind", "titre_atelier")
    return ("due_on", "reason", "participant_id")


def _triggers() -> list[tuple[str, str]]:
    return [(f"{_NOTES}_{_table(m)}_{op}", _table(m)) for m in _TOLD for op in ("ins", "upd")]


def start_noting(conn: Connection) -> bool:
    """Note, from now on in this transaction, the rows a merge adds or changes (SQLite)."""
    if conn.dialect.name != "sqlite":
        return False
    conn.exec_driver_sql(
        f"CREATE TEMP TABLE IF NOT EXISTS {_NOTES} (tbl TEXT NOT NULL, id TEXT NOT NULL, "
        "op TEXT NOT NULL, deleted INTEGER, erased INTEGER, a, b, c, PRIMARY KEY (tbl, id))"
    )
    conn.exec_driver_sql(f"DELETE FROM {_NOTES}")  # only what this merge does
    for model in _TOLD:
        table = _table(model)
        differ = " OR ".join(f'OLD."{f}" IS NOT NEW."{f}"' for f in synced_fields(model))
        erased = 'OLD."erased"' if model is Participant else "0"
        old = ", ".join(f'OLD."{f}"' for f in _label_fields(model))
        conn.exec_driver_sql(
            f'CREATE TEMP TRIGGER IF NOT EXISTS "{_NOTES}_{table}_ins" AFTER INSERT ON '
            f'main."{table}" BEGIN INSERT OR IGNORE INTO {_NOTES} VALUES '
            f"('{table}', NEW.id, '{ADDED}', 0, 0, NULL, NULL, NULL); END"
        )
        conn.exec_driver_sql(
            f'CREATE TEMP TRIGGER IF NOT EXISTS "{_NOTES}_{table}_upd" AFTER UPDATE ON '
            f'main."{table}" WHEN {differ} BEGIN INSERT OR IGNORE INTO {_NOTES} VALUES '
            f"('{table}', OLD.id, '{CHANGED}', OLD.\"deleted\", {erased}, {old}); END"
        )
    return True


def _stop_noting(conn: Connection) -> None:
    for name, _table_name in _triggers():
        conn.exec_driver_sql(f'DROP TRIGGER IF EXISTS "{name}"')
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {_NOTES}")


def _read(conn: Connection, model: type[Synced], ids: Sequence[str]) -> dict[str, tuple]:
    """id -> (deleted, erased, *label fields) of rows as they are now."""
    table = model.__table__  # type: ignore[attr-defined]
    erased = table.c.erased if model is Participant else table.c.deleted.is_(None)
    columns = [table.c.id, table.c.deleted, erased, *(table.c[f] for f in _label_fields(model))]
    out: dict[str, tuple] = {}
    for start in range(0, len(ids), _CHUNK):
        stmt = select(*columns).where(table.c.id.in_(ids[start : start + _CHUNK]))
        out.update({row[0]: tuple(row[1:]) for row in conn.execute(stmt)})
    return out


def _day(value: Any) -> dt.date | None:
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return value


def finish_noting(conn: Connection) -> tuple[RowChanges, ...]:
    """Read what the merge added or changed, name the first of each list, stop noting."""
    notes = conn.exec_driver_sql(
        f"SELECT tbl, id, op, deleted, erased, a, b, c FROM {_NOTES} ORDER BY rowid"
    ).all()
    _stop_noting(conn)
    names: dict[str, str] = {}
    lists: list[RowChanges] = []
    for model in _TOLD:
        table = _table(model)
        mine = [n for n in notes if n[0] == table]
        # Rows changed are read to know how (erased, deleted); rows added only to be named.
        wanted = [n[1] for n in mine if n[2] == CHANGED]
        wanted += [n[1] for n in mine if n[2] == ADDED][:PREVIEW_LIMIT]
        now = _read(conn, model, wanted)
        found: dict[str, list[tuple[str, tuple]]] = {c: [] for c in CHANGES}
        for _t, rid, op, was_deleted, was_erased, a, b, c in mine:
            after = now.get(rid)
            if op == ADDED:
                found[ADDED].append((rid, after[2:] if after else ()))
            elif after is None:
                continue
            elif after[1] and not was_erased:
                found[ERASED].append((rid, (a, b, c)))  # named as they were
            elif after[0] and not was_deleted:
                found[DELETED].append((rid, after[2:]))
            else:
                found[CHANGED].append((rid, after[2:]))
        if model is Participant:
            for change in CHANGES:
                names.update({rid: _name(f) for rid, f in found[change]})
        elif model is FollowUp:  # follow-ups name their person
            people = {f[2] for rows in found.values() for _r, f in rows[:PREVIEW_LIMIT] if f}
            names.update(_people(conn, sorted(people - set(names))))
        for change in CHANGES:
            rows = found[change]
            if rows:
                shown = tuple(_label(model, rid, f, names) for rid, f in rows[:PREVIEW_LIMIT])
                lists.append(RowChanges(table, change, len(rows), shown))
    return tuple(lists)


def _people(conn: Connection, ids: list[str]) -> dict[str, str]:
    return {rid: _name(fields[2:]) for rid, fields in _read(conn, Participant, ids).items()}


def _name(fields: tuple) -> str:
    if len(fields) < 2:
        return ""
    prenom, nom = fields[0] or "", fields[1] or ""
    return f"{prenom} {nom.upper()}".strip()


def _label(model: type[Synced], rid: str, fields: tuple, names: dict[str, str]) -> RowLabel:
    if not fields:
        return RowLabel(rid)
    if model is Participant:
        return RowLabel(rid, name=_name(fields))
    if model is Activity:
        day, kind, title = fields
        return RowLabel(rid, date=_day(day), kind=kind or "", title=title or "")
    due_on, reason, person = fields
    return RowLabel(rid, name=names.get(person, ""), date=_day(due_on), title=reason or "")
