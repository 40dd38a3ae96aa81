"""Seed a large base through the store and compare with raw ``sqlite3`` inserts of the same rows.

The store path is the one the app uses for big imports: ``open_store`` (fresh, migrated
base), ``Store.session()`` and ``bulk_insert_new`` — every row stamped field by field by the
replica's clock, participants given their search key. The raw path creates the very same
schema (the DDL read back from the migrated base, indexes and foreign keys included) in
another file, with the same pragmas, and inserts the same rows with ``executemany``; its
bookkeeping columns (stamps, clock, search key) get constants, which is the work the store
adds. Rows are generated from a seed, chunk by chunk and outside the timed sections, so
both paths insert identical content.

    .venv/bin/python bench/seed_bench.py                      # 100k participants, 500k attendances
    .venv/bin/python bench/seed_bench.py --participants 2000 --attendances 10000
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from clear_base import clear_store

from ardoiz_desk.paths import database_path
from ardoiz_desk.store.engine import bulk_insert_new
from ardoiz_desk.store.models import Activity, Attendance, Participant, Synced, attendance_id

CHUNK = 20_000
ATTENDANCES_PER_ACTIVITY = 10
PRENOMS = (
    "Hélène",
    "Jean",
    "Marie-Thérèse",
    "François",
    "Josiane",
    "Gérard",
    "Cécile",
    "André",
    "Noëlle",
    "Raymond",
)
NOMS = (
    "Dupré",
    "Martin",
    "Bérard",
    "Lefèvre",
    "Garcia",
    "Roux",
    "Chabrol",
    "Faure",
    "Gaillard",
    "Müller",
)
COMMUNES = (
    ("Sisteron", "04209", "04200"),
    ("Laragne-Montéglin", "05070", "05300"),
    ("Volonne", "04244", "04290"),
    ("Château-Arnoux-Saint-Auban", "04049", "04160"),
)
ANCHOR = dt.date(2026, 1, 1)

Rows = list[dict[str, Any]]


def _ids(rng: random.Random, n: int) -> list[str]:
    return [f"{rng.getrandbits(128):032x}" for _ in range(n)]


def participant_chunks(seed: int, n: int) -> Iterator[Rows]:
    """Yield the participants' rows, chunk by chunk, the same for the same seed."""
    rng = random.Random(seed)
    for start in range(0, n, CHUNK):
        rows = []
        for pid in _ids(rng, min(CHUNK, n - start)):
            commune, insee, postal = rng.choice(COMMUNES)
            rows.append(
                {
                    "id": pid,
                    "prenom": rng.choice(PRENOMS),
                    "nom": rng.choice(NOMS),
                    "annee_naissance": rng.randint(1930, 1965),
                    "commune": commune,
                    "commune_code_insee": insee,
                    "commune_code_postal": postal,
                    "telephone": f"06{rng.randint(0, 99_999_999):08d}",
                    "email": "",
                }
            )
        yield rows


def activity_chunks(seed: int, n: int) -> Iterator[Rows]:
    """Yield the activities' rows (workshops over the last year)."""
    rng = random.Random(seed + 1)
    for start in range(0, n, CHUNK):
        yield [
            {
                "id": aid,
                "kind": "collectif",
                "date": ANCHOR - dt.timedelta(days=rng.randint(0, 364)),
                "duree_minutes": rng.choice((60, 90, 120)),
                "thematiques": ["email"],
                "materiel": ["tablette"],
                "titre_atelier": "Découvrir sa tablette",
            }
            for aid in _ids(rng, min(CHUNK, n - start))
        ]


def attendance_chunks(
    seed: int, n: int, participant_ids: list[str], activity_ids: list[str]
) -> Iterator[Rows]:
    """Yield attendances: activity k has participants k*10 .. k*10+9 (modulo), no pair twice."""
    rng = random.Random(seed + 2)
    n_part = len(participant_ids)
    for start in range(0, n, CHUNK):
        rows = []
        for i in range(start, min(start + CHUNK, n)):
            act = activity_ids[i // ATTENDANCES_PER_ACTIVITY]
            part = participant_ids[(i * 7919) % n_part]
            rows.append(
                {
                    "id": attendance_id(act, part),
                    "activity_id": act,
                    "participant_id": part,
                    "premiere_fois": rng.random() < 0.2,
                }
            )
        yield rows


def all_chunks(
    seed: int, participants: int, attendances: int
) -> Iterator[tuple[type[Synced], Rows]]:
    """Yield (model, rows) for participants, then activities, then attendances."""
    activities = max(1, -(-attendances // ATTENDANCES_PER_ACTIVITY))
    p_ids: list[str] = []
    a_ids: list[str] = []
    for rows in participant_chunks(seed, participants):
        p_ids += [r["id"] for r in rows]
        yield Participant, rows
    for rows in activity_chunks(seed, activities):
        a_ids += [r["id"] for r in rows]
        yield Activity, rows
    yield from ((Attendance, rows) for rows in attendance_chunks(seed, attendances, p_ids, a_ids))


def timed_chunks(
    seed: int, participants: int, attendances: int, insert: Callable[[type[Synced], Rows], None]
) -> tuple[float, dict[str, int]]:
    """Insert every chunk with ``insert``; return the seconds spent inside it and row counts."""
    spent = 0.0
    counts: dict[str, int] = {}
    for model, rows in all_chunks(seed, participants, attendances):
        started = time.perf_counter()
        insert(model, rows)
        spent += time.perf_counter() - started
        name = model.__tablename__  # type: ignore[attr-defined]
        counts[name] = counts.get(name, 0) + len(rows)
    return spent, counts


def seed_store(
    folder: Path, seed: int, participants: int, attendances: int
) -> tuple[float, float, dict[str, int]]:
    """Seed a fresh store; return (seconds opening/migrating, seconds inserting, counts)."""
    started = time.perf_counter()
    store = clear_store(folder)  # raw sqlite3 reads its schema back: keep it clear
    opened = time.perf_counter() - started

    def insert(model: type[Synced], rows: Rows) -> None:
        with store.session() as session:
            bulk_insert_new(session, model, rows)

    try:
        spent, counts = timed_chunks(seed, participants, attendances, insert)
    finally:
        store.dispose()
    return opened, spent, counts


def _raw_value(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _raw_defaults(model: type[Synced]) -> dict[str, Any]:
    defaults: dict[str, Any] = {}
    for column in model.__table__.columns:  # type: ignore[attr-defined]
        default = column.default
        if default is None:
            defaults[column.name] = None
        elif default.is_scalar:
            defaults[column.name] = default.arg
        elif default.is_callable:
            defaults[column.name] = default.arg(None)
    defaults.update(stamps={}, updated_hlc="", deleted=False)
    return defaults


def seed_raw(
    schema_from: Path, target: Path, seed: int, participants: int, attendances: int, plain: bool
) -> tuple[float, dict[str, int]]:
    """Insert the same rows with plain sqlite3 executemany into a copy of the store's schema.

    ``plain`` keeps the tables (same columns and primary keys) but leaves out the secondary
    indexes and does not enforce foreign keys: the floor SQLite itself sets.
    """
    kinds = "('table')" if plain else "('table', 'index')"
    src = sqlite3.connect(schema_from)
    try:
        ddl = [
            sql
            for (sql,) in src.execute(
                f"SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND type IN {kinds} "
                "AND name NOT LIKE 'sqlite_%' ORDER BY type = 'index', rowid"
            )
        ]
    finally:
        src.close()
    conn = sqlite3.connect(target)
    foreign_keys = "OFF" if plain else "ON"
    for pragma in ("journal_mode=WAL", f"foreign_keys={foreign_keys}", "synchronous=NORMAL"):
        conn.execute(f"PRAGMA {pragma}")
    for sql in ddl:
        conn.execute(sql)
    conn.commit()
    statements: dict[type[Synced], tuple[str, list[str], dict[str, Any]]] = {}
    for model in (Participant, Activity, Attendance):
        defaults = _raw_defaults(model)
        columns = list(defaults)
        sql = f"INSERT INTO {model.__tablename__} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"  # type: ignore[attr-defined]
        statements[model] = (sql, columns, defaults)

    def insert(model: type[Synced], rows: Rows) -> None:
        sql, columns, defaults = statements[model]
        with conn:
            conn.executemany(
                sql, [tuple(_raw_value(row.get(c, defaults[c])) for c in columns) for row in rows]
            )

    try:
        return timed_chunks(seed, participants, attendances, insert)
    finally:
        conn.close()


def main(argv: list[str] | None = None) -> int:
    """Run both seedings in one process and print the times and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=100_000)
    parser.add_argument("--attendances", type=int, default=500_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.participants < ATTENDANCES_PER_ACTIVITY or args.attendances < 0:
        parser.error(f"--participants must be >= {ATTENDANCES_PER_ACTIVITY} and --attendances >= 0")
    print(
        f"machine: {platform.node()} · {platform.machine()} · Python {platform.python_version()} · SQLite {sqlite3.sqlite_version}"
    )
    with tempfile.TemporaryDirectory(prefix="ardoiz-bench-") as tmp:
        folder = Path(tmp)
        sizes = (args.seed, args.participants, args.attendances)
        opened, store_s, counts = seed_store(folder / "store", *sizes)
        schema = database_path(folder / "store")
        raw_s, raw_counts = seed_raw(schema, folder / "raw.sqlite3", *sizes, plain=False)
        plain_s, plain_counts = seed_raw(schema, folder / "plain.sqlite3", *sizes, plain=True)
        assert counts == raw_counts == plain_counts, (counts, raw_counts, plain_counts)
    rows = sum(counts.values())
    print("rows: " + ", ".join(f"{n} {name}" for name, n in counts.items()) + f" ({rows} in all)")
    for label, seconds in (
        ("store: open_store + Store.session + bulk_insert_new (stamped)", store_s),
        ("raw sqlite3 executemany, same schema (indexes, foreign keys)", raw_s),
        ("raw sqlite3 executemany, plain tables (primary keys only)", plain_s),
    ):
        print(f"{label:<64} {seconds:7.2f} s  {rows / seconds:>9,.0f} rows/s")
    print(f"(store open + migrate of the fresh base: {opened:.2f} s, not counted)")
    print(f"ratio store / raw same schema: {store_s / raw_s:.2f}")
    print(f"ratio store / raw plain tables: {store_s / plain_s:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
