"""``activity record|list|show|edit|delete``: the activities, as the window records them."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
from pathlib import Path

from ardoiz_desk.cli.common import CommandError, add_command, workspace
from ardoiz_desk.services.activities.corrections import (
    activity_input,
    delete_activity,
    update_activity,
)
from ardoiz_desk.services.activities.search_index import (
    ActivityFilter,
    ActivityIndex,
    activity_rows,
)
from ardoiz_desk.services.activities.sessions import ActivityInput, AttendeeInput, record_activity
from ardoiz_desk.services.sites.sites import this_agent, this_site

KINDS = ("collectif", "individuel", "formation")
DEFAULT_THEME = "prendre_en_main_du_materiel"


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc


def _minutes(text: str) -> int:
    try:
        return int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a number of minutes: {text!r}") from exc


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``activity`` group."""
    group = sub.add_parser("activity", help="record, list, show, correct and delete activities")
    inner = group.add_subparsers(dest="activity_command", metavar="ACTION", required=True)
    p = add_command(inner, "record", "record an activity; prints the new id", cmd_record)
    p.add_argument("--type", required=True, choices=KINDS, dest="kind")
    p.add_argument("--date", required=True, type=_date, help="YYYY-MM-DD")
    p.add_argument("--duration", required=True, type=_minutes, help="minutes")
    p.add_argument("--title", default="")
    p.add_argument("--theme", action="append", default=[], metavar="CODE")
    p.add_argument("--participant", action="append", default=[], metavar="ID")
    p = add_command(inner, "list", "one line per activity, id first, newest first", cmd_list)
    p.add_argument("--search", default="", help="words of the title, themes or names present")
    p.add_argument("--from", dest="date_from", type=_date, help="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", type=_date, help="YYYY-MM-DD")
    p.add_argument("--type", choices=KINDS, dest="kind")
    p.add_argument("--limit", type=int)
    p = add_command(inner, "show", "everything recorded about one activity (JSON)", cmd_show)
    p.add_argument("id")
    p = add_command(inner, "edit", "correct an activity; prints its id", cmd_edit)
    p.add_argument("id")
    p.add_argument("--duration", type=_minutes, help="minutes")
    p.add_argument("--title")
    p.add_argument("--date", type=_date, help="YYYY-MM-DD")
    p.add_argument("--add-participant", action="append", default=[], metavar="ID")
    p.add_argument("--remove-participant", action="append", default=[], metavar="ID")
    p = add_command(inner, "delete", "delete an activity (travels in bundles)", cmd_delete)
    p.add_argument("id")


def cmd_record(args: argparse.Namespace, data_dir: Path) -> int:
    """Record an activity."""
    with workspace(data_dir) as ws:
        site, agent = this_site(ws), this_agent(ws)
        themes = args.theme or ([] if args.kind == "formation" else [DEFAULT_THEME])
        view = record_activity(
            ws,
            ActivityInput(
                kind=args.kind,
                date=args.date,
                duree_minutes=args.duration,
                thematiques=themes,
                site_id=site.id if site else None,
                agent_id=agent.id if agent else None,
                titre_atelier=args.title if args.kind == "collectif" else "",
                attendees=tuple(AttendeeInput(pid) for pid in dict.fromkeys(args.participant)),
            ),
        )
        print(view.id)
    return 0


def cmd_list(args: argparse.Namespace, data_dir: Path) -> int:
    """List activities, newest first."""
    with workspace(data_dir) as ws:
        index = ActivityIndex.load(ws)
        ids = index.search(
            ActivityFilter(
                text=args.search, date_from=args.date_from, date_to=args.date_to, kind=args.kind
            )
        )
        if args.limit is not None:
            ids = ids[: args.limit]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows = activity_rows(ws, chunk)
            for aid in chunk:
                r = rows[aid]
                what = r.titre_atelier or ",".join(r.thematiques)
                print(
                    f"{r.id}\t{r.date.isoformat()}\t{r.kind}\t{r.duree_minutes}\t"
                    f"{r.present}\t{what}"
                )
    return 0


def _as_json(activity_id: str, data: ActivityInput) -> dict[str, object]:
    out = dataclasses.asdict(data)
    out["date"] = data.date.isoformat()
    for attendee in out["attendees"]:
        day = attendee.get("next_appointment")
        attendee["next_appointment"] = day.isoformat() if day else None
    return {"id": activity_id, **out}


def cmd_show(args: argparse.Namespace, data_dir: Path) -> int:
    """Show one activity as JSON."""
    with workspace(data_dir) as ws:
        data = activity_input(ws, args.id)
        print(json.dumps(_as_json(args.id, data), ensure_ascii=False, indent=2))
    return 0


def cmd_edit(args: argparse.Namespace, data_dir: Path) -> int:
    """Correct an activity: only the fields given change."""
    with workspace(data_dir) as ws:
        base = activity_input(ws, args.id)
        present = {a.participant_id: a for a in base.attendees}
        for pid in args.remove_participant:
            if pid not in present:
                raise CommandError(f"participant {pid} is not present at activity {args.id}", 2)
            del present[pid]
        for pid in args.add_participant:
            present.setdefault(pid, AttendeeInput(pid))
        changes: dict[str, object] = {"attendees": tuple(present.values())}
        if args.duration is not None:
            changes["duree_minutes"] = args.duration
        if args.title is not None:
            changes["titre_atelier"] = args.title
        if args.date is not None:
            changes["date"] = args.date
        update_activity(ws, args.id, dataclasses.replace(base, **changes), based_on=base)
        print(args.id)
    return 0


def cmd_delete(args: argparse.Namespace, data_dir: Path) -> int:
    """Delete an activity."""
    with workspace(data_dir) as ws:
        delete_activity(ws, args.id)
        print(args.id)
    return 0
