"""Bundles on a realistic volume: export, import, re-import, size — with baselines in the same run.

A site base is seeded (``seed_bench.seed_store``: participants, workshops, attendances,
every row stamped by the store), then:

- **export**: ``services.bundles.export_bundle`` (full bundle: read, encode, compress,
  encrypt, sign, write);
- **baseline**: the same rows (every column of every synchronised table, read back from the
  site base outside the timing) upserted with raw ``sqlite3`` ``executemany``
  (``INSERT ... ON CONFLICT(id) DO UPDATE``) in one transaction into a fresh base with the
  app's schema and pragmas;
- **import**: ``services.bundle_import.import_files`` into a fresh replica of the territory
  (read, verify, decrypt, decode, merge, commit, ledger, report);
- **re-import**: the same file again (the ledger makes it a no-op);
- **re-merge**: a second export of the same content (a new bundle) imported again: every
  row compared field by field, nothing written;
- **size**: the bundle against ``gzip`` (level 6) of a CSV dump of the same rows.

    .venv/bin/python bench/bundle_bench.py                      # 100k participants, 500k attendances
    .venv/bin/python bench/bundle_bench.py --participants 2000 --attendances 10000
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import platform
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from clear_base import clear_store, clear_workspace
from seed_bench import seed_store

from ardoiz_desk.paths import database_path
from ardoiz_desk.services.exchange.bundle_import import import_files
from ardoiz_desk.services.exchange.bundles import export_bundle
from ardoiz_desk.services.exchange.territory import apply_roster, create_territory, roster
from ardoiz_desk.store.models import SYNCED_MODELS
from ardoiz_desk.sync.crypto import new_signing_key

GOALS = {"import": 2.0, "reimport": 0.3, "size": 1.2}


def table_rows(db: Path) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    """Read every column of every synchronised table, as stored."""
    conn = sqlite3.connect(db)
    try:
        out = {}
        for model in SYNCED_MODELS:
            name = model.__tablename__  # type: ignore[attr-defined]
            cursor = conn.execute(f'SELECT * FROM "{name}"')
            out[name] = ([d[0] for d in cursor.description], cursor.fetchall())
        return out
    finally:
        conn.close()


def raw_upsert(db: Path, rows: dict[str, tuple[list[str], list[tuple[Any, ...]]]]) -> float:
    """Upsert all rows with sqlite3 executemany in one transaction; return seconds."""
    conn = sqlite3.connect(db, isolation_level=None)
    for pragma in (
        "journal_mode=WAL",
        "foreign_keys=ON",
        "busy_timeout=5000",
        "synchronous=NORMAL",
    ):
        conn.execute(f"PRAGMA {pragma}")
    started = time.perf_counter()
    conn.execute("BEGIN")
    for name, (columns, data) in rows.items():
        names = ",".join(f'"{c}"' for c in columns)
        marks = ",".join("?" * len(columns))
        sets = ",".join(f'"{c}"=excluded."{c}"' for c in columns if c != "id")
        conn.executemany(
            f'INSERT INTO "{name}" ({names}) VALUES ({marks}) ON CONFLICT(id) DO UPDATE SET {sets}',
            data,
        )
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


def csv_gzip_size(rows: dict[str, tuple[list[str], list[tuple[Any, ...]]]]) -> int:
    """Return the size of gzip (level 6) of a CSV dump of the rows, one header per table."""
    text = io.StringIO()
    writer = csv.writer(text)
    for columns, data in rows.values():
        writer.writerow(columns)
        writer.writerows(data)
    return len(gzip.compress(text.getvalue().encode("utf-8"), compresslevel=6))


def timed(fn):
    """Run fn(); return (seconds, result)."""
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def prepare(root: Path, participants: int, attendances: int, seed: int):
    """Seed a site base, make it a territory and enrol an empty receiver."""
    _opened, seeding, counts = seed_store(root / "site", seed, participants, attendances)
    site = clear_workspace(root / "site")
    create_territory(site, "Banc d'essai")
    receiver = clear_workspace(root / "receiver")
    enrol(site, receiver)
    return site, receiver, seeding, counts


def enrol(site, receiver) -> None:
    """Make receiver a member of site's territory, each trusting the other's key."""
    for key in ("territory_id", "territory_name", "territory_key"):
        receiver.store.set_state(key, site.store.get_state(key))
    receiver.store.set_state("territory_role", "site")
    receiver.store.set_state("signing_key", new_signing_key().hex())
    apply_roster(receiver, roster(site)[:1])
    apply_roster(site, roster(receiver)[:1])


def run(participants: int, attendances: int, seed: int) -> dict[str, Any]:
    """Run every measure once; return the figures."""
    with tempfile.TemporaryDirectory(prefix="ardoiz-bundle-bench-") as tmp:
        root = Path(tmp)
        site, receiver, seeding, counts = prepare(root, participants, attendances, seed)
        export_s, exported = timed(lambda: export_bundle(site, root / "b.ardoiz", full=True))
        rows = table_rows(database_path(root / "site"))
        clear_store(root / "raw").dispose()
        baseline_s = raw_upsert(database_path(root / "raw"), rows)
        import_s, report = timed(lambda: import_files(receiver, [exported.path]))
        assert report.outcomes[0].status == "applied", report.outcomes
        reimport_s, again = timed(lambda: import_files(receiver, [exported.path]))
        assert again.outcomes[0].status == "already"
        second = export_bundle(site, root / "b2.ardoiz", full=True)
        remerge_s, merged = timed(lambda: import_files(receiver, [second.path]))
        assert merged.outcomes[0].total("new") == 0
        gz = csv_gzip_size(rows)
        site.close()
        receiver.close()
    total_rows = sum(len(d) for _c, d in rows.values())
    return {
        "machine": f"{platform.node()} {platform.machine()} Python {platform.python_version()} "
        f"SQLite {sqlite3.sqlite_version}",
        "rows": total_rows,
        "seeded": counts,
        "seeding_s": round(seeding, 2),
        "export_s": round(export_s, 2),
        "baseline_upsert_s": round(baseline_s, 2),
        "import_s": round(import_s, 2),
        "reimport_s": round(reimport_s, 3),
        "remerge_s": round(remerge_s, 2),
        "bundle_bytes": exported.size,
        "csv_gzip_bytes": gz,
        "ratio_import": round(import_s / baseline_s, 2),
        "ratio_reimport": round(reimport_s / baseline_s, 3),
        "ratio_remerge": round(remerge_s / baseline_s, 2),
        "ratio_size": round(exported.size / gz, 2),
    }


def main() -> None:
    """Parse options, run, print a table and the JSON figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=100_000)
    parser.add_argument("--attendances", type=int, default=500_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    f = run(args.participants, args.attendances, args.seed)
    print(f"{f['rows']:,} rows {f['seeded']} on {f['machine']}")
    print(f"export                        {f['export_s']:8.2f} s")
    print(f"baseline sqlite3 upsert       {f['baseline_upsert_s']:8.2f} s")
    print(
        f"import                        {f['import_s']:8.2f} s   ratio {f['ratio_import']:.2f} (goal <= {GOALS['import']})"
    )
    print(
        f"re-import (ledger)            {f['reimport_s']:8.3f} s   ratio {f['ratio_reimport']:.3f} (goal <= {GOALS['reimport']})"
    )
    print(f"re-merge (same rows, new id)  {f['remerge_s']:8.2f} s   ratio {f['ratio_remerge']:.2f}")
    print(
        f"bundle {f['bundle_bytes']:,} B / gzip CSV {f['csv_gzip_bytes']:,} B   ratio {f['ratio_size']:.2f} (goal <= {GOALS['size']})"
    )
    print(json.dumps(f))


if __name__ == "__main__":
    main()
