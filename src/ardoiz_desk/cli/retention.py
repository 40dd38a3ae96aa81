"""``retention``: preview, then anonymise, the people past the retention period (RGPD)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ardoiz_desk.cli.common import CommandError, add_command, workspace
from ardoiz_desk.services.privacy.retention import apply_retention, retention_preview
from ardoiz_desk.services.settings import retention_months, set_retention_months


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``retention``."""
    p = add_command(
        sub,
        "retention",
        "list (or, with --apply, anonymise) people past the retention period",
        cmd_retention,
    )
    p.add_argument("--months", type=int, help="retention period in months (saved as the setting)")
    p.add_argument("--apply", action="store_true", help="anonymise them (default: preview only)")


def cmd_retention(args: argparse.Namespace, data_dir: Path) -> int:
    """Preview or apply the retention period."""
    with workspace(data_dir) as ws:
        if args.months is not None:
            set_retention_months(ws, args.months)
        candidates = retention_preview(ws)
        for c in candidates:
            print(
                f"{c.participant_id}\t{c.display_name}\tlast contact {c.last_contact.isoformat()}"
            )
        months = retention_months(ws)
        if not args.apply:
            print(
                f"{len(candidates)} person(s) past {months} months; run with --apply to anonymise"
            )
            return 0
        if not candidates:
            return 0
        erased = apply_retention(ws, candidates)
        if erased != len(candidates):
            raise CommandError(f"only {erased} of {len(candidates)} anonymised; run again")
        print(f"{erased} person(s) anonymised")
    return 0
