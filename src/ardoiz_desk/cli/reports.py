"""``report`` and ``export lacoop|person``: funders' figures and exports from the command line."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from ardoiz_desk.cli.common import CommandError, add_command, workspace
from ardoiz_desk.printing.documents import (
    RECORD_FORMATS,
    REPORT_FORMATS,
    write_person_record,
    write_report,
)
from ardoiz_desk.services.exports.lacoop import check_extension, plan_lacoop
from ardoiz_desk.services.exports.writing import export_lacoop
from ardoiz_desk.services.reports.figures import STAGES, ReportFilter, compute_report
from ardoiz_desk.services.sites.sites import find_site
from ardoiz_desk.services.validation import ValidationError
from ardoiz_desk.services.workspace import Workspace

DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``report`` and the ``export`` group."""
    p = add_command(sub, "report", "funders' report as CSV, XLSX or PDF", cmd_report)
    p.add_argument("--format", choices=REPORT_FORMATS, required=True)
    p.add_argument("--out", required=True, metavar="FILE")
    _period_options(p)
    p.add_argument("--site", metavar="CODE", help="one site (default: the whole territory)")
    p.add_argument("--agent", metavar="ID", help="one agent's activities")
    p.add_argument("--stage", choices=STAGES, help="one stage of the pilot")
    group = sub.add_parser("export", help="exports for La Coop and for a person's request")
    inner = group.add_subparsers(dest="export_command", metavar="WHAT", required=True)
    p = add_command(
        inner,
        "lacoop",
        "La Coop import file (.xlsx): people never exported before, and the period's "
        "accompaniments",
        cmd_lacoop,
    )
    p.add_argument("--out", required=True, metavar="FILE.xlsx")
    p.add_argument(
        "--all", dest="everyone", action="store_true", help="everyone, even people exported before"
    )
    p.add_argument(
        "--dry-run", action="store_true", help="say who would be exported and what left out"
    )
    p.add_argument("--site", metavar="CODE")
    _period_options(p)
    p = add_command(
        inner, "person", "everything held about one person (right of access)", cmd_person
    )
    p.add_argument("id")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--format", choices=RECORD_FORMATS, default="json")


def _period_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="start", metavar="DATE", help="YYYY-MM-DD or DD/MM/YYYY")
    parser.add_argument("--to", dest="end", metavar="DATE", help="YYYY-MM-DD or DD/MM/YYYY")


def parse_date(text: str | None, option: str) -> dt.date | None:
    """Parse an ISO or French date, or fail with a one-line reason."""
    if not text:
        return None
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    raise CommandError(
        f"invalid date for {option}: {text!r} (expected YYYY-MM-DD or DD/MM/YYYY)", 2
    )


def _period(args: argparse.Namespace) -> tuple[dt.date | None, dt.date | None]:
    start, end = parse_date(args.start, "--from"), parse_date(args.end, "--to")
    if start and end and start > end:
        raise CommandError(f"--from {start:%d/%m/%Y} is after --to {end:%d/%m/%Y}", 2)
    return start, end


def _site_id(ws: Workspace, code: str | None) -> str | None:
    if not code:
        return None
    site = find_site(ws, code.strip().upper()) or find_site(ws, code.strip())
    if site is None:
        raise CommandError(f"unknown site: {code}", 4)
    return site.id


def cmd_report(args: argparse.Namespace, data_dir: Path) -> int:
    """Compute the report and write it."""
    start, end = _period(args)
    with workspace(data_dir) as ws:
        flt = ReportFilter(start, end, _site_id(ws, args.site), args.agent, args.stage)
        report = compute_report(ws, flt)
        write_report(ws, report, args.format, args.out)
    print(
        f"report written to {args.out}: {report.activities} activities, "
        f"{report.reached} people reached, {report.start:%d/%m/%Y}-{report.end:%d/%m/%Y}"
    )
    return 0


def cmd_lacoop(args: argparse.Namespace, data_dir: Path) -> int:
    """Write La Coop's import file; list first the values La Coop would drop."""
    start, end = _period(args)
    try:
        check_extension(args.out)
    except ValidationError as exc:
        raise CommandError(
            f"La Coop reads .xlsx files only: {args.out} does not end in .xlsx", 2
        ) from exc
    with workspace(data_dir) as ws:
        site_id = _site_id(ws, args.site)
        plan = plan_lacoop(ws, site_id, args.everyone)
        for item in plan.dropped:
            kept = f"written as {item.written}" if item.written else "left out"
            print(
                f"warning: {item.name or item.participant_id}: {item.field} {item.value!r} "
                f"{kept} ({item.reason})",
                file=sys.stderr,
            )
        print(f"already exported: {plan.already_exported}, new: {plan.new}")
        if args.dry_run:
            return 0
        result = export_lacoop(
            ws, args.out, site_id=site_id, start=start, end=end, everyone=args.everyone, plan=plan
        )
    print(
        f"La Coop file written to {args.out}: {result.beneficiaries} beneficiaries, "
        f"{result.activities} accompaniment rows"
    )
    return 0


def cmd_person(args: argparse.Namespace, data_dir: Path) -> int:
    """Write one person's record."""
    with workspace(data_dir) as ws:
        write_person_record(ws, args.id, args.out, args.format)
    print(f"record written to {args.out}")
    return 0
