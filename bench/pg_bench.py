"""A national coordinator on PostgreSQL: bundle import and funders' report, with baselines.

The coordinator's base is a PostgreSQL database (the server ``scripts/postgres.sh`` starts),
opened by URL as ``--database-url`` does: migrated by the app, then seeded here with
``COPY`` — 1,000,000 participants, 500,000 workshops and 5,000,000 attendances by default
(the generators of ``seed_bench``; every row stamped, dates over the year before
``TODAY``). Seeding takes minutes: ``--keep`` leaves the database for the next run, which
reuses it when its counts match. In the same run, on the same server:

- **import**: a territory's full bundle (``--bundle-participants`` / ``--bundle-attendances``
  new rows from a SQLite site base, exported by the app) imported into the national base
  with ``import_files`` — read, verify, decrypt, check, merge, commit, ledger, report;
- **baseline**: the very same rows ``COPY``-ed into temporary staging tables, then
  ``INSERT … SELECT … ON CONFLICT (id) DO UPDATE`` into the national tables, in one
  transaction, committed (deferred foreign keys are checked then), and deleted again
  (untimed) so that the app's import finds the same base;
- **memory**: the peak RSS of the process running the import (a child process), next to
  its RSS before reading the bundle: it depends on the bundle, not on the national base;
- **report**: ``compute_report`` over the whole territory (12 months) against the same
  figures from hand-written SQL ``GROUP BY`` run with ``psycopg``; totals checked equal.

Each timing is repeated ``--runs`` times (median, spread printed); the imported rows are
deleted between runs (not timed). Not part of the test suite.

    bash scripts/postgres.sh   # prints the server URL
    .venv/bin/python bench/pg_bench.py --keep                      # 1M / 5M, about 15 min
    .venv/bin/python bench/pg_bench.py --participants 20000 --attendances 100000 \\
        --bundle-participants 2000 --bundle-attendances 10000      # a quick run
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bundle_bench import enrol, table_rows
from clear_base import clear_workspace
from seed_bench import ANCHOR, _raw_defaults, all_chunks, seed_store

DEFAULT_SERVER = "postgresql+psycopg://ardoiz_test:ardoiz_test@localhost/postgres"
DATABASE = "ardoiz_national_bench"
TODAY = ANCHOR  # the seeded activities fall in the year before
STAMP = "1767225600000.00000.00000000000b3c40"
TABLES = ("participants", "activities", "attendances")
GOALS = {"import": 2.0, "report": 3.0}


def dsn(url: str) -> str:
    """The libpq form of a SQLAlchemy URL."""
    from sqlalchemy.engine import make_url

    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def database_url(server: str, name: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(server).set(database=name).render_as_string(hide_password=False)


def connect(url: str):
    import psycopg

    return psycopg.connect(dsn(url))


def ensure_database(server: str, name: str, fresh: bool) -> bool:
    """Create the database if needed (dropped first when fresh); return True if created."""
    import psycopg

    with psycopg.connect(dsn(server), autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if exists and fresh:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = None
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
    return not exists


def counts(url: str) -> dict[str, int]:
    with connect(url) as conn:
        return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}


def seed_national(url: str, participants: int, attendances: int, seed: int) -> float:
    """COPY the national rows into the migrated, empty base; return seconds."""
    from ardoiz_desk.store.models import Activity, Attendance, Participant
    from ardoiz_desk.store.text import participant_search_key

    columns = {m: list(_raw_defaults(m)) for m in (Participant, Activity, Attendance)}
    started = time.perf_counter()
    with connect(url) as conn:
        for model, rows in all_chunks(seed, participants, attendances):
            names = columns[model]
            defaults = _raw_defaults(model)
            defaults.update(updated_hlc=STAMP, stamps="{}")
            cols = ",".join(f'"{c}"' for c in names)
            with conn.cursor().copy(f'COPY "{model.__tablename__}" ({cols}) FROM STDIN') as copy:
                for row in rows:
                    values = {**defaults, **row}
                    if model is Participant:
                        values["search_key"] = participant_search_key(
                            values["prenom"], values["nom"], values["commune"],
                            values["telephone"], values["email"],
                        )  # fmt: skip
                    copy.write_row([_pg_value(values[c]) for c in names])
            conn.commit()
        conn.execute("ANALYZE")
    return time.perf_counter() - started


def _pg_value(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value)
    return value


# --- the territory bundle --------------------------------------------------------------


def make_site(root: Path, participants: int, attendances: int, seed: int):
    """A SQLite site base with new rows (another seed), made a territory."""
    from ardoiz_desk.services.exchange.territory import create_territory

    seed_store(root / "site", seed, participants, attendances)
    site = clear_workspace(root / "site")  # raw sqlite3 reads it back for the baseline
    create_territory(site, "Banc national")
    return site


def baseline(url: str, rows: dict[str, tuple[list[str], list[tuple]]]) -> float:
    """COPY into staging tables, then INSERT … ON CONFLICT DO UPDATE, committed; undone."""
    from sqlalchemy import Boolean

    from ardoiz_desk.store.models import SYNCED_MODELS

    bools = {
        m.__tablename__: {c.name for c in m.__table__.columns if isinstance(c.type, Boolean)}
        for m in SYNCED_MODELS
    }
    with connect(url) as conn:
        started = time.perf_counter()
        for name, (columns, data) in rows.items():
            if not data:
                continue
            cols = ",".join(f'"{c}"' for c in columns)
            conn.execute(f'CREATE TEMP TABLE "stage_{name}" (LIKE "{name}") ON COMMIT DROP')
            flags = [i for i, c in enumerate(columns) if c in bools[name]]
            with conn.cursor().copy(f'COPY "stage_{name}" ({cols}) FROM STDIN') as copy:
                for row in data:
                    if flags:
                        row = list(row)
                        for i in flags:
                            row[i] = bool(row[i])
                    copy.write_row(row)
            sets = ",".join(f'"{c}" = EXCLUDED."{c}"' for c in columns if c != "id")
            conn.execute(
                f'INSERT INTO "{name}" ({cols}) SELECT {cols} FROM "stage_{name}" '
                f"ON CONFLICT (id) DO UPDATE SET {sets}"
            )
        conn.commit()  # deferred foreign keys are checked here, as for the app's import
        elapsed = time.perf_counter() - started
    remove_rows(url, rows)
    return elapsed


def child_import(url: str, coord_dir: str, bundle: str) -> None:
    """In a fresh process: import one bundle into the national base; print time and memory."""
    from ardoiz_desk.services.exchange.bundle_import import import_files
    from ardoiz_desk.services.workspace import open_workspace

    ws = open_workspace(Path(coord_dir), url)
    before = _rss_mib()
    started = time.perf_counter()
    report = import_files(ws, [Path(bundle)])
    elapsed = time.perf_counter() - started
    outcome = report.outcomes[0]
    assert outcome.status == "applied", outcome
    # VmHWM, the child's own peak: ru_maxrss would keep the parent's (it holds the
    # baseline's 650,000 rows) across fork and exec.
    peak = _rss_mib("VmHWM:")
    ws.close()
    print(json.dumps({"import_s": elapsed, "rss_before_mib": before, "peak_rss_mib": peak}))


def _rss_mib(field: str = "VmRSS:") -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field):
            return int(line.split()[1]) / 1024
    return float("nan")


def remove_rows(url: str, rows: dict[str, tuple[list[str], list[tuple]]]) -> None:
    """Delete the territory's rows again (children first), so the next run imports anew."""
    with connect(url) as conn:
        for name in ("attendances", "activities", "participants"):
            columns, data = rows.get(name, (["id"], []))
            at = columns.index("id")
            ids = [r[at] for r in data]
            for start in range(0, len(ids), 50_000):
                conn.execute(
                    f'DELETE FROM "{name}" WHERE id = ANY(%s)', (ids[start : start + 50_000],)
                )
        conn.commit()


# --- the funders' report ---------------------------------------------------------------


def _stage(a: str = "a") -> str:
    tablet = f"""{a}.materiel::text LIKE '%%"tablette"%%'"""
    return f"""CASE WHEN {a}.kind = 'formation' THEN 'formation'
      WHEN {a}.kind = 'collectif' AND {tablet} THEN 'animation'
      WHEN {a}.kind = 'individuel' AND {tablet} THEN 'prise_en_main' ELSE 'autre' END"""


def raw_report(url: str, start: dt.date, end: dt.date) -> dict[str, int]:
    """Every figure of the report with hand-written SQL (the plan of report_bench)."""
    from ardoiz_desk.services.vocabulary import MATERIELS, THEMATIQUES

    p = {"start": start, "end": end}
    sums = [f"""SUM((thematiques::text LIKE '%%"{t}"%%')::int)""" for t in THEMATIQUES]
    sums += [f"""SUM((materiel::text LIKE '%%"{m}"%%')::int)""" for m in MATERIELS]
    band = """CASE WHEN duree_minutes < 30 THEN '<30' WHEN duree_minutes < 60 THEN '30-60'
              WHEN duree_minutes < 120 THEN '60-120' ELSE '120+' END"""
    aut = "COALESCE(at.autonomie, a.autonomie)"
    key = f"CASE WHEN {aut} IS NOT NULL THEN a.date::text || a.id || {aut} END"
    year = end.year
    age = f"""CASE WHEN p.annee_naissance IS NULL THEN 'non_communique'
      WHEN {year} - p.annee_naissance < 12 THEN '<12' WHEN {year} - p.annee_naissance < 18
      THEN '12-17' WHEN {year} - p.annee_naissance < 25 THEN '18-24'
      WHEN {year} - p.annee_naissance < 40 THEN '25-39' WHEN {year} - p.annee_naissance < 60
      THEN '40-59' WHEN {year} - p.annee_naissance < 70 THEN '60-69' ELSE '70+' END"""
    with connect(url) as db:
        acts = db.execute(
            f"""SELECT kind, type_lieu, {band} AS band, COUNT(*), SUM(duree_minutes),
            SUM(participants_anonymes), {", ".join(sums)} FROM activities
            WHERE NOT deleted AND date BETWEEN %(start)s AND %(end)s
            GROUP BY kind, type_lieu, band""",
            p,
        ).fetchall()
        db.execute(
            f"""SELECT substr(a.date::text, 1, 7) AS month, s.name, {_stage()} AS stage,
            COUNT(*), SUM(a.duree_minutes) FROM activities a LEFT JOIN sites s ON s.id = a.site_id
            WHERE NOT a.deleted AND a.date BETWEEN %(start)s AND %(end)s
            GROUP BY month, a.site_id, s.name, stage""",
            p,
        ).fetchall()
        db.execute(
            f"""CREATE TEMP TABLE raw_people AS
            SELECT COALESCE(t.id, p.id) AS pid, MIN(a.date) AS first_date,
              SUM((a.date >= %(start)s)::int) AS presences,
              BOOL_OR(a.date >= %(start)s AND {_stage()} = 'prise_en_main') AS onboarded,
              substr(MIN({key}), 43) AS first_aut, substr(MAX({key}), 43) AS last_aut
            FROM attendances at JOIN activities a ON a.id = at.activity_id
            JOIN participants p ON p.id = at.participant_id
            LEFT JOIN participants t ON t.id = p.merged_into
            WHERE NOT at.deleted AND NOT a.deleted AND NOT p.deleted
              AND a.kind IN ('individuel', 'collectif') AND a.date <= %(end)s
            GROUP BY COALESCE(t.id, p.id) HAVING SUM((a.date >= %(start)s)::int) > 0""",
            p,
        )
        profile = db.execute(
            f"""SELECT {age} AS band, p.genre, p.statut_social, p.tablet_status,
            r.first_date >= %(start)s AS is_new, r.onboarded, COUNT(*), SUM(r.presences)
            FROM raw_people r JOIN participants p ON p.id = r.pid
            GROUP BY band, p.genre, p.statut_social, p.tablet_status, is_new, r.onboarded""",
            p,
        ).fetchall()
        communes = db.execute(
            """SELECT p.commune, p.commune_code_insee, COUNT(*) FROM raw_people r
            JOIN participants p ON p.id = r.pid GROUP BY p.commune, p.commune_code_insee"""
        ).fetchall()
        autonomy = db.execute(
            "SELECT first_aut, last_aut, COUNT(*) FROM raw_people GROUP BY first_aut, last_aut"
        ).fetchall()
        trained = db.execute(
            """SELECT COUNT(DISTINCT t.agent_id) FROM agent_trainings t
            JOIN activities a ON a.id = t.activity_id JOIN agents g ON g.id = t.agent_id
            WHERE NOT t.deleted AND NOT a.deleted AND NOT g.deleted AND a.kind = 'formation'
            AND a.date BETWEEN %(start)s AND %(end)s""",
            p,
        ).fetchone()[0]
        agents = db.execute("SELECT COUNT(*) FROM agents WHERE NOT deleted AND active").fetchone()
        db.rollback()
    totals = {
        "activities": sum(r[3] for r in acts),
        "reached": sum(r[6] for r in profile),
        "new": sum(r[6] for r in profile if r[4]),
        "presences": sum(r[7] for r in profile),
        "communes": len(communes),
        "autonomy": sum(r[2] for r in autonomy),
        "trained": trained,
        "agents": agents[0],
    }
    return {name: int(value) for name, value in totals.items()}  # SUMs come as Decimal


def app_totals(report) -> dict[str, int]:
    return {
        "activities": report.activities,
        "reached": report.reached,
        "new": report.new,
        "presences": report.presences,
        "communes": len(report.communes),
        "autonomy": sum(report.autonomy_first.values()),
        "trained": report.agents_trained,
        "agents": report.agents_total,
    }


def spread(values: list[float]) -> str:
    return (
        f"median {statistics.median(values):.2f} s (min {min(values):.2f}, max {max(values):.2f})"
    )


def measure_import(url: str, root: Path, args: argparse.Namespace) -> dict[str, Any]:
    """Baseline and app import of a territory bundle, --runs times; return the figures."""
    from ardoiz_desk.paths import database_path
    from ardoiz_desk.services.exchange.bundles import export_bundle
    from ardoiz_desk.services.workspace import open_workspace

    coord = open_workspace(root / "coord", url)
    site = make_site(root, args.bundle_participants, args.bundle_attendances, seed=101)
    enrol(site, coord)
    coord.close()
    rows = table_rows(database_path(root / "site"))
    base_s, import_s, peaks, befores = [], [], [], []
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    for run in range(args.runs):
        base_s.append(baseline(url, rows))
        bundle = export_bundle(site, root / f"t{run}.ardoiz", full=True).path
        out = subprocess.run(
            [sys.executable, __file__, "--child-import", url, str(root / "coord"), str(bundle)],
            check=True, capture_output=True, text=True, env=env,
        )  # fmt: skip
        child = json.loads(out.stdout.strip().splitlines()[-1])
        import_s.append(child["import_s"])
        peaks.append(child["peak_rss_mib"])
        befores.append(child["rss_before_mib"])
        print(
            f"run {run + 1}: baseline {base_s[-1]:.2f} s, import {import_s[-1]:.2f} s, "
            f"peak RSS {peaks[-1]:.0f} MiB",
            flush=True,
        )
        remove_rows(url, rows)
    site.close()
    return dict(
        bundle_rows=sum(len(d) for _c, d in rows.values()),
        baseline_s=[round(x, 2) for x in base_s],
        import_s=[round(x, 2) for x in import_s],
        ratio_import=round(statistics.median(import_s) / statistics.median(base_s), 2),
        import_peak_rss_mib=round(statistics.median(peaks)),
        rss_before_import_mib=round(statistics.median(befores)),
        bundle_bytes=bundle.stat().st_size,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child-import", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument(
        "--server", default=os.environ.get("ARDOIZ_TEST_POSTGRES_URL", DEFAULT_SERVER)
    )
    parser.add_argument("--database", default=DATABASE)
    parser.add_argument("--participants", type=int, default=1_000_000)
    parser.add_argument("--attendances", type=int, default=5_000_000)
    parser.add_argument("--bundle-participants", type=int, default=100_000)
    parser.add_argument("--bundle-attendances", type=int, default=500_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="keep (and reuse) the database")
    parser.add_argument("--skip-report", action="store_true")
    parser.add_argument("--skip-import", action="store_true")
    args = parser.parse_args(argv)
    if args.child_import:
        child_import(*args.child_import)
        return 0
    from ardoiz_desk.services.reports.figures import compute_report, default_period
    from ardoiz_desk.services.workspace import open_workspace

    url = database_url(args.server, args.database)
    wanted = {
        "participants": args.participants,
        "activities": max(1, -(-args.attendances // 10)),
        "attendances": args.attendances,
    }
    created = ensure_database(args.server, args.database, fresh=False)
    figures: dict[str, Any] = {
        "machine": f"{platform.node()} {platform.machine()} {os.cpu_count()} CPU, "
        f"Python {platform.python_version()}",
    }
    with tempfile.TemporaryDirectory(prefix="ardoiz-pg-bench-") as tmp:
        root = Path(tmp)
        coord = open_workspace(root / "coord", url)  # migrates the base
        with connect(url) as conn:
            figures["server"] = conn.execute("SHOW server_version").fetchone()[0]
        if created or counts(url) != wanted:
            coord.close()
            ensure_database(args.server, args.database, fresh=True)
            coord = open_workspace(root / "coord", url)
            figures["seeding_s"] = round(
                seed_national(url, args.participants, args.attendances, seed=11), 1
            )
            print(f"seeded {wanted} in {figures['seeding_s']} s", flush=True)
        figures["national"] = counts(url)
        coord.close()
        if not args.skip_import:
            figures.update(measure_import(url, root, args))
        if not args.skip_report:
            coord = open_workspace(root / "coord", url)
            coord.today = lambda: TODAY
            start, end = default_period(TODAY)
            app = compute_report(coord)
            raw = raw_report(url, start, end)
            assert app_totals(app) == raw, (app_totals(app), raw)
            figures["report_totals"] = raw
            app_s, raw_s = [], []
            for _ in range(args.runs):
                started = time.perf_counter()
                compute_report(coord)
                app_s.append(time.perf_counter() - started)
                started = time.perf_counter()
                raw_report(url, start, end)
                raw_s.append(time.perf_counter() - started)
            coord.close()
            figures.update(
                report_s=[round(x, 2) for x in app_s],
                raw_report_s=[round(x, 2) for x in raw_s],
                ratio_report=round(statistics.median(app_s) / statistics.median(raw_s), 2),
            )
    if not args.keep:
        ensure_database(args.server, args.database, fresh=True)
    print(f"national base {figures['national']} on PostgreSQL {figures['server']}")
    if "ratio_import" in figures:
        print(f"bundle: {figures['bundle_rows']:,} rows, {figures['bundle_bytes']:,} B")
        print(f"baseline COPY + INSERT … ON CONFLICT   {spread(figures['baseline_s'])}")
        print(
            f"import_files (app)                    {spread(figures['import_s'])}   "
            f"ratio {figures['ratio_import']} (goal <= {GOALS['import']})"
        )
        print(
            f"import peak RSS {figures['import_peak_rss_mib']} MiB "
            f"(process before reading the bundle: {figures['rss_before_import_mib']} MiB)"
        )
    if "ratio_report" in figures:
        print(f"report totals {figures['report_totals']}")
        print(f"compute_report (app)                  {spread(figures['report_s'])}")
        print(f"raw SQL GROUP BY (psycopg)            {spread(figures['raw_report_s'])}")
        print(f"ratio report {figures['ratio_report']} (goal <= {GOALS['report']})")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
