"""``check`` and ``digest``."""

from __future__ import annotations

import argparse
from pathlib import Path

from ardoiz_desk.cli.common import CommandError, add_command, workspace
from ardoiz_desk.services.health import check_base, digest, unresolved_communes


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``check`` and ``digest``."""
    add_command(sub, "check", "integrity check and schema version; prints a verdict", cmd_check)
    add_command(sub, "digest", "hash of the synchronised content", cmd_digest)


def cmd_check(args: argparse.Namespace, data_dir: Path) -> int:
    """Check the base."""
    with workspace(data_dir) as ws:
        report = check_base(ws)
        unresolved = unresolved_communes(ws) if report.schema == report.head else []
    print(f"integrity: {report.integrity}")
    print(f"foreign keys: {report.foreign_key_problems} problem(s)")
    print(f"schema: {report.schema} (head {report.head})")
    # Data to correct, not damage: listed, without changing the verdict.
    print(f"communes not resolved: {len(unresolved)}")
    for u in unresolved:
        print(
            f"commune\t{u.participant_id}\t{u.name}\t{u.commune}\t{u.code_insee}\t{u.code_postal}\t{u.reason}"
        )
    if not report.sound:
        raise CommandError("the base is NOT sound", 5)
    print("verdict: sound")
    return 0


def cmd_digest(args: argparse.Namespace, data_dir: Path) -> int:
    """Print the content digest."""
    with workspace(data_dir) as ws:
        print(digest(ws))
    return 0
