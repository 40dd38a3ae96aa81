"""``bundle``, ``territory``, ``conflict``, ``erase``, ``backup`` and ``restore``.

Passphrases come from ``--passphrase-file`` or $ARDOIZ_DESK_PASSPHRASE; a prompt is only a
fallback when a person is at the keyboard.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from dataclasses import asdict
from pathlib import Path

from ardoiz_desk.cli.common import (
    EXIT_REFUSED,
    CommandError,
    add_command,
    base_key_of,
    bundle_workspace,
)
from ardoiz_desk.services.exchange.bundle_import import (
    approve_quarantined,
    approve_replica,
    import_files,
    import_inbox,
)
from ardoiz_desk.services.exchange.bundles import (
    export_bundle,
    inspect_bundle,
    set_sync_folder,
    sync_folder,
)
from ardoiz_desk.services.exchange.conflicts import keep_conflict, list_conflicts, overturn_conflict
from ardoiz_desk.services.exchange.import_report import STATUS_LABELS, ImportReport
from ardoiz_desk.services.exchange.quarantine import quarantined
from ardoiz_desk.services.exchange.territory import (
    REVOKED,
    create_territory,
    join_territory,
    list_peers,
    set_peer_status,
    territory_info,
    write_enrolment,
)
from ardoiz_desk.services.privacy.erasure import erase_participant
from ardoiz_desk.services.safekeeping.backup import backup_base, restore_base
from ardoiz_desk.services.validation import ValidationError

ENV_PASSPHRASE = "ARDOIZ_DESK_PASSPHRASE"


def read_passphrase(args: argparse.Namespace) -> str:
    """Return the passphrase from --passphrase-file, the environment, or a prompt."""
    if args.passphrase_file:
        try:
            return Path(args.passphrase_file).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise CommandError(f"cannot read passphrase file: {exc}", 2) from exc
    if os.environ.get(ENV_PASSPHRASE):
        return os.environ[ENV_PASSPHRASE]
    if sys.stdin.isatty():
        return getpass.getpass("Phrase secrète : ")
    raise CommandError(f"give the passphrase with --passphrase-file or ${ENV_PASSPHRASE}", 2)


def register(sub: argparse._SubParsersAction) -> None:
    """Add the bundle, territory and conflict groups, erase, backup and restore."""
    _register_bundle(sub)
    _register_territory(sub)
    _register_conflicts(sub)
    p = add_command(
        sub, "erase", "erase a participant's personal data (RGPD), everywhere", cmd_erase
    )
    p.add_argument("id")
    p = add_command(sub, "backup", "copy the base to a file (default: DATA/backups/)", cmd_backup)
    p.add_argument("--out", metavar="FILE")
    p = add_command(sub, "restore", "replace the base with a backup (new replica id)", cmd_restore)
    p.add_argument("file")


def _register_bundle(sub: argparse._SubParsersAction) -> None:
    group = sub.add_parser("bundle", help="export, import and inspect bundles")
    inner = group.add_subparsers(dest="bundle_command", metavar="ACTION", required=True)
    p = add_command(
        inner, "export", "write a bundle (file, folder, or the sync folder)", cmd_export
    )
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", metavar="FILE", help="bundle file or folder to write into")
    target.add_argument("--outbox", action="store_true", help="write into the sync folder")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--for", dest="for_replica", metavar="REPLICA", help="only what it lacks")
    which.add_argument("--full", action="store_true", help="everything (the default)")
    p = add_command(inner, "import", "import bundles, each all-or-nothing", cmd_import)
    p.add_argument("files", nargs="*", metavar="FILE")
    p.add_argument("--inbox", action="store_true", help="import the sync folder's new bundles")
    p.add_argument("--dry-run", action="store_true", help="show what would change, change nothing")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p = add_command(
        inner, "inspect", "show a bundle's manifest and whether it is trusted", cmd_inspect
    )
    p.add_argument("file")
    p.add_argument("--json", action="store_true")
    p = add_command(inner, "folder", "show or set the sync folder", cmd_folder)
    p.add_argument("path", nargs="?")


def _register_territory(sub: argparse._SubParsersAction) -> None:
    group = sub.add_parser("territory", help="create or join a territory, trust its replicas")
    inner = group.add_subparsers(dest="territory_command", metavar="ACTION", required=True)
    p = add_command(inner, "create", "create the territory (coordinator)", cmd_territory_create)
    p.add_argument("--name", required=True)
    p = add_command(inner, "invite", "write an enrolment file for a site", cmd_territory_invite)
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--passphrase-file", metavar="FILE")
    p = add_command(inner, "join", "join a territory with an enrolment file", cmd_territory_join)
    p.add_argument("file")
    p.add_argument("--passphrase-file", metavar="FILE")
    add_command(
        inner, "show", "this installation's territory and key fingerprint", cmd_territory_show
    )
    add_command(inner, "peers", "known replicas, pending ones included", cmd_territory_peers)
    p = add_command(
        inner, "approve", "trust a pending replica and apply its held bundles", cmd_approve
    )
    p.add_argument("replica", nargs="*")
    p.add_argument("--all", action="store_true", help="approve every pending replica")
    p.add_argument(
        "--fingerprint",
        help="the key fingerprint checked by phone (needed when a replica's bundles bore "
        "several keys; see 'territory peers')",
    )
    p = add_command(inner, "revoke", "refuse a replica's bundles from now on", cmd_revoke)
    p.add_argument("replica")
    add_command(
        inner,
        "clock-held",
        "bundles set aside because their sender's date runs ahead",
        cmd_clock_held,
    )
    p = add_command(
        inner,
        "approve-clock",
        "apply a bundle set aside for its sender's clock (its future dates are replaced)",
        cmd_approve_clock,
    )
    p.add_argument("bundle_id")
    from ardoiz_desk.cli.sync import register_territory_status

    register_territory_status(inner)


def _register_conflicts(sub: argparse._SubParsersAction) -> None:
    group = sub.add_parser("conflict", help="review concurrent edits")
    inner = group.add_subparsers(dest="conflict_command", metavar="ACTION", required=True)
    p = add_command(inner, "list", "open conflicts, kept and set-aside values", cmd_conflict_list)
    p.add_argument("--all", action="store_true", help="include settled conflicts")
    p = add_command(inner, "keep", "accept the kept value", cmd_conflict_keep)
    p.add_argument("id", type=int)
    p = add_command(inner, "overturn", "restore the set-aside value", cmd_conflict_overturn)
    p.add_argument("id", type=int)


def cmd_export(args: argparse.Namespace, data_dir: Path) -> int:
    """Write a bundle."""
    with bundle_workspace(data_dir) as ws:
        out = sync_folder(ws) if args.outbox else Path(args.out)
        if out is None:
            raise CommandError("no sync folder: set one with 'bundle folder PATH'", 2)
        result = export_bundle(ws, out, for_replica=args.for_replica, full=args.full)
    rows = sum(result.counts.values())
    print(f"{result.path}\t{result.kind}\t{rows} rows\t{result.size} bytes\t{result.bundle_id}")
    return 0


def _print_report(report: ImportReport, as_json: bool) -> None:
    if as_json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        return
    for o in report.outcomes:
        line = f"{o.file}\t{o.status}\t{STATUS_LABELS.get(o.status, o.status)} : {o.message}"
        if o.tables:
            line += (
                f"\tnew={o.total('new')} updated={o.total('updated')} "
                f"conflicts={o.total('conflicts')} deleted={o.total('deleted')} "
                f"erased={o.total('erased')}"
            )
        print(line)
    if report.report_path:
        print(f"report: {report.report_path}")


def cmd_import(args: argparse.Namespace, data_dir: Path) -> int:
    """Import bundle files or the sync folder's inbox."""
    if not args.files and not args.inbox:
        raise CommandError("give bundle files, or --inbox", 2)
    with bundle_workspace(data_dir) as ws:
        if args.inbox:
            report = import_inbox(ws, dry_run=args.dry_run)
        else:
            report = import_files(ws, [Path(f) for f in args.files], dry_run=args.dry_run)
    _print_report(report, args.json)
    refused = [o for o in report.outcomes if o.status == "refused"]
    if refused:
        raise CommandError(f"{len(refused)} bundle(s) refused: {refused[0].message}", EXIT_REFUSED)
    return 0


def cmd_inspect(args: argparse.Namespace, data_dir: Path) -> int:
    """Show a bundle's manifest."""
    with bundle_workspace(data_dir) as ws:
        info = inspect_bundle(ws, Path(args.file))
    if args.json:
        data = asdict(info)
        data["path"] = str(info.path)
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(f"bundle {info.bundle_id} ({info.kind}), format {info.format}, schema {info.schema}")
    print(
        f"written by {info.origin_site or '?'} replica {info.origin_replica} on {info.created_at}"
    )
    print(f"app version {info.app_version}; key fingerprint {info.fingerprint}")
    print(f"trust: {info.trust}; already imported: {'yes' if info.already_imported else 'no'}")
    for table, rows in info.counts.items():
        print(f"  {table}: {rows}")
    return 0


def cmd_folder(args: argparse.Namespace, data_dir: Path) -> int:
    """Show or set the sync folder."""
    with bundle_workspace(data_dir) as ws:
        folder = set_sync_folder(ws, Path(args.path)) if args.path else sync_folder(ws)
    print(folder or "(no sync folder)")
    return 0


def cmd_erase(args: argparse.Namespace, data_dir: Path) -> int:
    """Erase a participant."""
    with bundle_workspace(data_dir) as ws:
        result = erase_participant(ws, args.id)
    state = "already erased; " if result.already_erased else ""
    print(
        f"erased {', '.join(result.participant_ids)} ({state}{result.attendances_blanked} "
        f"attendance note(s) emptied, {result.followups_removed} follow-up(s) removed); "
        "export a bundle so every site erases it too"
    )
    return 0


def cmd_backup(args: argparse.Namespace, data_dir: Path) -> int:
    """Back the base up."""
    with bundle_workspace(data_dir) as ws:
        print(backup_base(ws, Path(args.out) if args.out else None))
    return 0


def cmd_restore(args: argparse.Namespace, data_dir: Path) -> int:
    """Restore a backup, then open it once (migrating it if it is older)."""
    try:
        result = restore_base(data_dir, Path(args.file), base_key_of(data_dir))
    except ValidationError as exc:
        raise CommandError(str(exc), 2) from exc
    with bundle_workspace(data_dir) as ws:
        replica = ws.replica_id
    kept = f"; the replaced base was kept as {result.safety_copy}" if result.safety_copy else ""
    if result.erased_again:
        print(f"erased again {result.erased_again} person(s) erased since the backup was taken")
    print(f"restored {result.restored_from} as new replica {replica}{kept}")
    print("the coordinator must approve this installation again; peers send it full bundles")
    return 0


def cmd_territory_create(args: argparse.Namespace, data_dir: Path) -> int:
    """Create the territory."""
    with bundle_workspace(data_dir) as ws:
        info = create_territory(ws, args.name)
    print(f"territory {info.name} ({info.territory_id}); coordinator key {info.fingerprint}")
    return 0


def cmd_territory_invite(args: argparse.Namespace, data_dir: Path) -> int:
    """Write an enrolment file."""
    passphrase = read_passphrase(args)
    with bundle_workspace(data_dir) as ws:
        path = write_enrolment(ws, Path(args.out), passphrase)
    print(f"{path}\tgive the passphrase by another channel (phone, SMS)")
    return 0


def cmd_territory_join(args: argparse.Namespace, data_dir: Path) -> int:
    """Join a territory."""
    passphrase = read_passphrase(args)
    with bundle_workspace(data_dir) as ws:
        info = join_territory(ws, Path(args.file), passphrase)
    print(f"joined {info.name} ({info.territory_id}) as {info.role}; replica {info.replica_id}")
    print(f"key fingerprint {info.fingerprint} (the coordinator checks it before approving)")
    return 0


def cmd_territory_show(args: argparse.Namespace, data_dir: Path) -> int:
    """Show this installation's territory."""
    with bundle_workspace(data_dir) as ws:
        info = territory_info(ws)
    if info is None:
        raise CommandError("this installation belongs to no territory", 4)
    print(f"territory {info.name} ({info.territory_id})\nrole {info.role}")
    print(f"replica {info.replica_id}\nkey fingerprint {info.fingerprint}")
    return 0


def cmd_territory_peers(args: argparse.Namespace, data_dir: Path) -> int:
    """List known replicas."""
    with bundle_workspace(data_dir) as ws:
        for p in list_peers(ws):
            print(f"{p.replica_id}\t{p.status}\t{p.role}\t{p.site_code}\t{p.fingerprint}")
    return 0


def cmd_approve(args: argparse.Namespace, data_dir: Path) -> int:
    """Trust pending replicas and apply their held bundles."""
    with bundle_workspace(data_dir) as ws:
        replicas = list(args.replica)
        if args.all:
            replicas += [p.replica_id for p in list_peers(ws) if p.status == "pending"]
        if not replicas:
            raise CommandError("name a replica, or --all", 2)
        if args.fingerprint and len(set(replicas)) != 1:
            raise CommandError("--fingerprint goes with exactly one replica", 2)
        for replica in dict.fromkeys(replicas):
            _print_report(approve_replica(ws, replica, fingerprint=args.fingerprint), False)
    return 0


def cmd_revoke(args: argparse.Namespace, data_dir: Path) -> int:
    """Revoke a replica."""
    with bundle_workspace(data_dir) as ws:
        peer = set_peer_status(ws, args.replica, REVOKED)
    print(f"{peer.replica_id}\t{peer.status}")
    return 0


def cmd_clock_held(args: argparse.Namespace, data_dir: Path) -> int:
    """List the bundles set aside for a clock ahead: bundle, site, hours ahead, file."""
    with bundle_workspace(data_dir) as ws:
        for q in quarantined(ws):
            site = q.site_code or q.origin_replica
            print(f"{q.bundle_id}\t{site}\t+{q.hours_ahead} h\t{q.file_name}")
    return 0


def cmd_approve_clock(args: argparse.Namespace, data_dir: Path) -> int:
    """Apply a bundle set aside for its sender's clock, as a person decided."""
    with bundle_workspace(data_dir) as ws:
        _print_report(approve_quarantined(ws, args.bundle_id), False)
    return 0


def cmd_conflict_list(args: argparse.Namespace, data_dir: Path) -> int:
    """List conflicts."""
    with bundle_workspace(data_dir) as ws:
        for c in list_conflicts(ws, None if args.all else "open"):
            print(
                f"{c.id}\t{c.status}\t{c.table}.{c.field}\t{c.row_label}\t"
                f"kept {c.kept_value!r} ({c.kept_by}, {c.kept_at})\t"
                f"set aside {c.lost_value!r} ({c.lost_by}, {c.lost_at})"
            )
    return 0


def cmd_conflict_keep(args: argparse.Namespace, data_dir: Path) -> int:
    """Accept a conflict's kept value."""
    with bundle_workspace(data_dir) as ws:
        keep_conflict(ws, args.id)
    return 0


def cmd_conflict_overturn(args: argparse.Namespace, data_dir: Path) -> int:
    """Restore a conflict's set-aside value."""
    with bundle_workspace(data_dir) as ws:
        overturn_conflict(ws, args.id)
    print("restored; export a bundle so the other sites get it")
    return 0
