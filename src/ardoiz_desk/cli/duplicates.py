"""``duplicates list|merge|unmerge|dismiss``: the same senior registered at two counters."""

from __future__ import annotations

import argparse
from pathlib import Path

from ardoiz_desk.cli.common import add_command, workspace
from ardoiz_desk.services.people.duplicates import (
    DEFAULT_MIN_SCORE,
    dismiss_pair,
    find_duplicates,
    merge_duplicate,
    unmerge_duplicate,
)


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``duplicates`` group."""
    group = sub.add_parser("duplicates", help="find and merge likely duplicate participants")
    inner = group.add_subparsers(dest="duplicates_command", metavar="ACTION", required=True)
    p = add_command(inner, "list", "likely pairs, most likely first", cmd_list)
    p.add_argument("--min-score", type=int, default=DEFAULT_MIN_SCORE)
    p = add_command(inner, "merge", "redirect DUPLICATE to KEEP (replicated, undoable)", cmd_merge)
    p.add_argument("keep")
    p.add_argument("duplicate")
    p = add_command(inner, "unmerge", "undo a merge", cmd_unmerge)
    p.add_argument("duplicate")
    p = add_command(inner, "dismiss", "remember that two records are different people", cmd_dismiss)
    p.add_argument("first")
    p.add_argument("second")


def _describe(p) -> str:
    year = p.annee_naissance or "?"
    return f"{p.id}  {p.prenom} {p.nom} ({year}, {p.commune or '?'}, {p.telephone or '-'})"


def cmd_list(args: argparse.Namespace, data_dir: Path) -> int:
    """Print likely pairs."""
    with workspace(data_dir) as ws:
        pairs = find_duplicates(ws, args.min_score)
        for pair in pairs:
            print(f"{pair.score}\t{_describe(pair.first)}\t{_describe(pair.second)}")
            print(f"\t{', '.join(pair.reasons)}")
        print(f"{len(pairs)} likely pair(s)")
    return 0


def cmd_merge(args: argparse.Namespace, data_dir: Path) -> int:
    """Merge a duplicate into the record kept."""
    with workspace(data_dir) as ws:
        merge_duplicate(ws, args.keep, args.duplicate)
    print(f"{args.duplicate} merged into {args.keep}")
    return 0


def cmd_unmerge(args: argparse.Namespace, data_dir: Path) -> int:
    """Undo a merge."""
    with workspace(data_dir) as ws:
        unmerge_duplicate(ws, args.duplicate)
    print(f"{args.duplicate} is a record of its own again")
    return 0


def cmd_dismiss(args: argparse.Namespace, data_dir: Path) -> int:
    """Dismiss a pair."""
    with workspace(data_dir) as ws:
        dismiss_pair(ws, args.first, args.second)
    return 0
