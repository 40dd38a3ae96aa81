"""``sync`` (the shared folder, rounds, this site's status) and ``territory status`` (the board)."""

from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path

from ardoiz_desk.cli.common import CommandError, add_command, bundle_workspace
from ardoiz_desk.services.exchange import mailbox as mb
from ardoiz_desk.services.exchange.board import TerritoryBoard, territory_board
from ardoiz_desk.services.exchange.bundles import set_sync_folder, sync_folder
from ardoiz_desk.services.exchange.rounds import DONE, UNREACHABLE, run_round
from ardoiz_desk.services.exchange.sync_status import sync_status

EXIT_UNREACHABLE = 7


def register(sub: argparse._SubParsersAction) -> None:
    """Add the sync group."""
    group = sub.add_parser("sync", help="synchronise through the shared folder")
    inner = group.add_subparsers(dest="sync_command", metavar="ACTION", required=True)
    p = add_command(inner, "folder", "show or set the shared folder (the mailbox)", cmd_folder)
    p.add_argument("path", nargs="?")
    p = add_command(inner, "now", "run one round: read, apply, send, prune", cmd_now)
    p.add_argument("--json", action="store_true", help="print the round's report as JSON")
    add_command(
        inner, "status", "what this site sent, and what the coordinator confirmed", cmd_status
    )
    p = add_command(inner, "mode", "auto, or manual (nothing applied without a preview)", cmd_mode)
    p.add_argument("mode", nargs="?", choices=("auto", "manual"))
    p = add_command(
        inner, "silent-days", "days without a bundle before the board flags a site", cmd_silent
    )
    p.add_argument("days", nargs="?", type=int)


def register_territory_status(inner: argparse._SubParsersAction) -> None:
    """Add ``territory status`` to the territory group."""
    p = add_command(inner, "status", "the territory board (coordinator)", cmd_territory_status)
    p.add_argument("--json", action="store_true")
    p.add_argument("--pdf", metavar="FILE", help="also print the board as a PDF")


def cmd_folder(args: argparse.Namespace, data_dir: Path) -> int:
    """Show or set the shared folder."""
    with bundle_workspace(data_dir) as ws:
        folder = set_sync_folder(ws, Path(args.path)) if args.path else sync_folder(ws)
    print(folder or "(no sync folder)")
    return 0


def cmd_now(args: argparse.Namespace, data_dir: Path) -> int:
    """Run one round and print its summary."""
    with bundle_workspace(data_dir) as ws:
        report = run_round(ws)
    if args.json:
        print(json.dumps(dataclasses.asdict(report), ensure_ascii=False, indent=2))
    else:
        for line in report.lines:
            if line.status not in ("written", "pruned"):
                print(f"{line.file}\t{line.status}\t{line.message}")
        print(report.summary())
    if report.status == UNREACHABLE:
        raise CommandError(f"sync folder unreachable: {report.folder}", EXIT_UNREACHABLE)
    if report.status != DONE:
        raise CommandError(report.message, 2)
    return 0


def cmd_status(args: argparse.Namespace, data_dir: Path) -> int:
    """Print where synchronisation stands at this site."""
    with bundle_workspace(data_dir) as ws:
        st = sync_status(ws)
    print(f"folder\t{st.folder or '(none)'}")
    print(f"mode\t{'manual' if st.manual else 'auto'}")
    print(f"last round reaching the folder\t{st.last_ok_at or 'never'}")
    if st.unreachable_since:
        print(f"folder unreachable since\t{st.unreachable_since}")
    print(f"bundles waiting for approval\t{st.pending_approvals}")
    if st.waiting_preview:
        print(f"bundles waiting for a preview\t{st.waiting_preview}")
    sent, confirmed = st.last_sent, st.last_confirmed
    print(
        f"bundles sent\t{len(st.sent)}"
        + (f" (last {sent.name} at {sent.created_at})" if sent else "")
    )
    if confirmed:
        print(f"confirmed by the coordinator\t{confirmed.confirmed_at} (up to {confirmed.name})")
    else:
        print("confirmed by the coordinator\tnot yet")
    print(f"not yet confirmed\t{st.unconfirmed}")
    return 0


def cmd_mode(args: argparse.Namespace, data_dir: Path) -> int:
    """Show or set the mode."""
    with bundle_workspace(data_dir) as ws:
        manual = mb.set_manual_mode(ws, args.mode == "manual") if args.mode else mb.manual_mode(ws)
    print("manual" if manual else "auto")
    return 0


def cmd_silent(args: argparse.Namespace, data_dir: Path) -> int:
    """Show or set the silence threshold."""
    with bundle_workspace(data_dir) as ws:
        days = mb.set_silent_days(ws, args.days) if args.days is not None else mb.silent_days(ws)
    print(days)
    return 0


def _print_board(board: TerritoryBoard) -> None:
    print(f"territory {board.territory} at {board.at}; silent after {board.silent_after_days} days")
    print(
        "site\treplica\tstatus\tlast bundle\tnewest change\tbehind\tpending\tunconfirmed erasures"
    )
    for line in board.lines:
        flag = "\tSILENT" if line.silent else ""
        print(
            f"{line.site_code or '?'}\t{line.replica_id}\t{line.status}\t"
            f"{line.last_bundle_at or 'never'}\t{line.newest_change_at or '-'}\t"
            f"{line.behind} rows behind\t{line.pending_bundles} pending\t"
            f"{len(line.unconfirmed_erasures)} unconfirmed erasure(s){flag}"
        )
    for e in board.erasures:
        state = (
            "unconfirmed by " + ", ".join(e.unconfirmed_by)
            if e.unconfirmed_by
            else "confirmed everywhere"
        )
        print(f"erasure {e.participant_id} ({e.erased_at}): {state}")


def cmd_territory_status(args: argparse.Namespace, data_dir: Path) -> int:
    """Print the territory board."""
    with bundle_workspace(data_dir) as ws:
        board = territory_board(ws)
        if args.pdf:
            from ardoiz_desk.printing.documents import print_territory_board

            print_territory_board(ws, board, Path(args.pdf))
    if args.json:
        print(json.dumps(dataclasses.asdict(board), ensure_ascii=False, indent=2))
    else:
        _print_board(board)
    if args.pdf:
        print(f"pdf: {args.pdf}")
    return 0
