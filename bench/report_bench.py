"""Time the full funders' report against the same figures computed with raw ``sqlite3``.

The base is seeded with ``services.demo.generate_demo`` (realistic: the last 12 months, 30 %
workshops of 3-9 people, autonomy ladders, tablets, follow-ups, agents' training). The
report path is the app's: ``compute_report(ws)`` over the whole territory and the default
period (the last 12 months), SQLAlchemy Core statements, Python adding up the aggregated
rows into a ``Report``. The raw path runs hand-written SQL ``GROUP BY`` queries producing
the same figures with the standard ``sqlite3`` module on the same file, in the same run;
both are checked to agree before timing.

    .venv/bin/python bench/report_bench.py                     # 100k participants, ~500k presences
    .venv/bin/python bench/report_bench.py --participants 5000 --activities 10000
    .venv/bin/python bench/report_bench.py --keep /tmp/report-bench   # reuse a seeded base
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from clear_base import clear_workspace

from ardoiz_desk.paths import database_path
from ardoiz_desk.services.demo import generate_demo
from ardoiz_desk.services.reports.figures import Report, compute_report, default_period
from ardoiz_desk.services.vocabulary import MATERIELS, THEMATIQUES

TODAY = dt.date(2026, 6, 15)


def stage_sql(a: str = "a") -> str:
    """The pilot stage of an activity aliased a, in SQL."""
    tablet = f"""{a}.materiel LIKE '%"tablette"%'"""
    return f"""CASE WHEN {a}.kind = 'formation' THEN 'formation'
      WHEN {a}.kind = 'collectif' AND {tablet} THEN 'animation'
      WHEN {a}.kind = 'individuel' AND {tablet} THEN 'prise_en_main' ELSE 'autre' END"""


def raw_activities(db: sqlite3.Connection, start: str, end: str) -> list:
    """Activities by kind, place, duration band, with theme and equipment counts."""
    sums = [f"""SUM(thematiques LIKE '%"{t}"%')""" for t in THEMATIQUES]
    sums += [f"""SUM(materiel LIKE '%"{m}"%')""" for m in MATERIELS]
    band = """CASE WHEN duree_minutes < 30 THEN '<30' WHEN duree_minutes < 60 THEN '30-60'
              WHEN duree_minutes < 120 THEN '60-120' ELSE '120+' END"""
    sql = f"""SELECT kind, type_lieu, {band} AS band, COUNT(*), SUM(duree_minutes),
        SUM(participants_anonymes), {", ".join(sums)}
        FROM activities WHERE deleted = 0 AND date BETWEEN ? AND ?
        GROUP BY kind, type_lieu, band"""
    return db.execute(sql, (start, end)).fetchall()


def raw_monthly(db: sqlite3.Connection, start: str, end: str) -> list:
    """Activities and minutes per month, site and stage, with site names."""
    sql = f"""SELECT substr(a.date, 1, 7) AS month, s.name, {stage_sql()} AS stage, COUNT(*),
        SUM(a.duree_minutes) FROM activities a LEFT JOIN sites s ON s.id = a.site_id
        WHERE a.deleted = 0 AND a.date BETWEEN ? AND ? GROUP BY month, a.site_id, stage"""
    return db.execute(sql, (start, end)).fetchall()


def raw_people(db: sqlite3.Connection, start: str, end: str) -> None:
    """One row per person reached: first attendance, onboarding, first/latest autonomy."""
    aut = "COALESCE(at.autonomie, a.autonomie)"
    key = f"CASE WHEN {aut} IS NOT NULL THEN a.date || a.id || {aut} END"
    db.execute("DROP TABLE IF EXISTS temp.raw_people")
    db.execute(
        f"""CREATE TEMP TABLE raw_people AS
        SELECT COALESCE(t.id, p.id) AS pid, MIN(a.date) AS first_date,
          SUM(a.date >= :start) AS presences,
          MAX(a.date >= :start AND {stage_sql()} = 'prise_en_main') AS onboarded,
          substr(MIN({key}), 43) AS first_aut, substr(MAX({key}), 43) AS last_aut
        FROM attendances at JOIN activities a ON a.id = at.activity_id
        JOIN participants p ON p.id = at.participant_id
        LEFT JOIN participants t ON t.id = p.merged_into
        WHERE at.deleted = 0 AND a.deleted = 0 AND p.deleted = 0
          AND a.kind IN ('individuel', 'collectif') AND a.date <= :end
        GROUP BY COALESCE(t.id, p.id) HAVING SUM(a.date >= :start) > 0""",
        {"start": start, "end": end},
    )


def raw_profile(db: sqlite3.Connection, start: str, year: int) -> list:
    """People reached by age band, gender, status, tablet, new and onboarded."""
    age = f"""CASE WHEN p.annee_naissance IS NULL THEN 'non_communique'
      WHEN {year} - p.annee_naissance < 12 THEN '<12' WHEN {year} - p.annee_naissance < 18
      THEN '12-17' WHEN {year} - p.annee_naissance < 25 THEN '18-24'
      WHEN {year} - p.annee_naissance < 40 THEN '25-39' WHEN {year} - p.annee_naissance < 60
      THEN '40-59' WHEN {year} - p.annee_naissance < 70 THEN '60-69' ELSE '70+' END"""
    sql = f"""SELECT {age} AS band, p.genre, p.statut_social, p.tablet_status,
        r.first_date >= ? AS is_new, r.onboarded, COUNT(*), SUM(r.presences)
        FROM raw_people r JOIN participants p ON p.id = r.pid
        GROUP BY band, p.genre, p.statut_social, p.tablet_status, is_new, r.onboarded"""
    return db.execute(sql, (start,)).fetchall()


def raw_rest(db: sqlite3.Connection, start: str, end: str) -> tuple[list, list, int, int]:
    """Communes, autonomy pairs, agents trained and agents in the directory."""
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
        WHERE t.deleted = 0 AND a.deleted = 0 AND g.deleted = 0 AND a.kind = 'formation'
        AND a.date BETWEEN ? AND ?""",
        (start, end),
    ).fetchone()[0]
    agents = db.execute("SELECT COUNT(*) FROM agents WHERE deleted = 0 AND active = 1").fetchone()[
        0
    ]
    return communes, autonomy, trained, agents


def raw_report(path: Path, start: dt.date, end: dt.date) -> dict:
    """Every figure of the report with raw sqlite3; returns a few totals to cross-check."""
    db = sqlite3.connect(path)
    try:
        s, e = start.isoformat(), end.isoformat()
        acts = raw_activities(db, s, e)
        raw_monthly(db, s, e)
        raw_people(db, s, e)
        profile = raw_profile(db, s, end.year)
        communes, autonomy, trained, agents = raw_rest(db, s, e)
        db.execute("DROP TABLE temp.raw_people")
        return {
            "activities": sum(r[3] for r in acts),
            "reached": sum(r[6] for r in profile),
            "new": sum(r[6] for r in profile if r[4]),
            "presences": sum(r[7] for r in profile),
            "communes": len(communes),
            "autonomy": sum(r[2] for r in autonomy),
            "trained": trained,
            "agents": agents,
        }
    finally:
        db.close()


def app_totals(report: Report) -> dict:
    """The same totals from the app's Report."""
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


def best_of(runs: int, work) -> tuple[float, float, object]:
    """Run work several times; return (best, median) seconds and the last result."""
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - started)
    return min(times), statistics.median(times), result


def seeded_workspace(folder: Path, participants: int, activities: int):
    """Open the base in folder, seeding it with demo data when it is empty."""
    ws = clear_workspace(folder)  # the raw sqlite3 baseline reads the same file
    ws.today = lambda: TODAY
    db = sqlite3.connect(database_path(folder))
    count = db.execute("SELECT COUNT(*) FROM participants").fetchone()[0]
    db.close()
    if count == 0:
        started = time.perf_counter()
        s = generate_demo(ws, participants, activities, seed=7)
        print(
            f"seeded {s.participants} participants, {s.activities} activities, "
            f"{s.attendances} attendances in {time.perf_counter() - started:.1f} s"
        )
    return ws


def main() -> None:
    """Seed (or reuse) a base, check both paths agree, time them, print the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=100_000)
    parser.add_argument("--activities", type=int, default=200_000, help="~2.5 presences each")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="data folder to seed once and reuse")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="report-bench-"))
    ws = seeded_workspace(folder, args.participants, args.activities)
    db = sqlite3.connect(database_path(folder))
    sizes = {
        t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
        for t in ("participants", "activities", "attendances")
    }
    db.close()
    start, end = default_period(TODAY)
    report = compute_report(ws)
    raw = raw_report(database_path(folder), start, end)
    assert app_totals(report) == raw, (app_totals(report), raw)
    app_best, app_median, _ = best_of(args.runs, lambda: compute_report(ws))
    raw_best, raw_median, _ = best_of(
        args.runs, lambda: raw_report(database_path(folder), start, end)
    )
    ws.close()
    print(f"{platform.python_version()} SQLite {sqlite3.sqlite_version}; base: {sizes}")
    print(f"report figures: {app_totals(report)}")
    print(f"app  compute_report : best {app_best:.2f} s, median {app_median:.2f} s")
    print(f"raw  sqlite3 GROUP BY: best {raw_best:.2f} s, median {raw_median:.2f} s")
    print(f"ratio app / raw (best): {app_best / raw_best:.2f}  (goal <= 3)")


if __name__ == "__main__":
    main()
