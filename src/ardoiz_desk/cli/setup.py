"""``init`` and ``demo``: give an installation its site, fill it with demo data."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from ardoiz_desk.cli.common import CommandError, add_command, workspace
from ardoiz_desk.cli.errors import DATABASE_URL
from ardoiz_desk.services.demo import DemoSeedUsedError, generate_demo
from ardoiz_desk.services.people.participants import count_participants
from ardoiz_desk.services.safekeeping.base_key import is_new_base, recovery_key_text, set_passphrase
from ardoiz_desk.services.sites.sites import initialise_site
from ardoiz_desk.services.vocabulary import SITE_KINDS


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``init`` and ``demo``."""
    p = add_command(sub, "init", "set the site this installation serves", cmd_init)
    p.add_argument("--site-code", required=True, help="site code, e.g. MSAP-SISTERON")
    p.add_argument("--site-name", help="site name (needed when the code is new)")
    p.add_argument("--site-kind", choices=SITE_KINDS, default="msap")
    p.add_argument("--agent", help="name of the agent working here")
    p = add_command(
        sub,
        "base-passphrase",
        "protect the base key under a new base passphrase (e.g. after opening the base "
        "with --base-recovery-key-file)",
        cmd_base_passphrase,
    )
    p.add_argument("--new-passphrase-file", required=True, metavar="FILE")
    p = add_command(sub, "demo", "add realistic, seeded demo data", cmd_demo)
    p.add_argument("--participants", type=int, default=300)
    p.add_argument("--activities", type=int, help="default: 1.5 per participant")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument(
        "--if-empty", action="store_true", help="do nothing if the base already has participants"
    )


def cmd_init(args: argparse.Namespace, data_dir: Path) -> int:
    """Set this installation's site (and agent); a new base's recovery key is shown once."""
    new_base = DATABASE_URL.get() is None and is_new_base(data_dir)
    with workspace(data_dir, create=True) as ws:
        site, agent = initialise_site(
            ws, args.site_code, args.site_name, args.site_kind, args.agent
        )
        print(f"site {site.code} ({site.name}) id {site.id}; replica {ws.replica_id}")
        if agent:
            print(f"agent {agent.name} id {agent.id}")
        if new_base and ws.store.key is not None:
            print(f"recovery key: {recovery_key_text(ws.store.key)}")
            print(
                "write the recovery key on paper and lock it away: it opens the encrypted "
                "base without its passphrase (--base-recovery-key-file)"
            )
    return 0


def cmd_base_passphrase(args: argparse.Namespace, data_dir: Path) -> int:
    """Wrap the base key under a new passphrase (the base is opened with the current one)."""
    try:
        lines = Path(args.new_passphrase_file).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise CommandError(f"cannot read {args.new_passphrase_file}: {exc.strerror}", 2) from exc
    new = lines[0].strip() if lines else ""
    with workspace(data_dir) as ws:
        if ws.store.key is None:
            raise CommandError("a server base (--database-url) is not encrypted by the app", 2)
        set_passphrase(ws.data_dir, ws.store.key, new)
    print("the base key is now protected by the new passphrase")
    return 0


def cmd_demo(args: argparse.Namespace, data_dir: Path) -> int:
    """Generate demo data."""
    if args.participants < 1 or args.participants > 1_000_000:
        raise CommandError("--participants must be between 1 and 1000000", 2)
    started = time.perf_counter()
    # Demo data may start a new (demo) installation, like init: nobody mistypes "demo".
    with workspace(data_dir, create=True) as ws:
        if args.if_empty and count_participants(ws):
            print("demo: the base already has participants; nothing added")
            return 0
        try:
            s = generate_demo(ws, args.participants, args.activities, args.seed)
        except DemoSeedUsedError as exc:
            raise CommandError(
                f"demo data with seed {args.seed} is already in this base; use another --seed"
            ) from exc
    print(
        f"demo: {s.participants} participants, {s.activities} activities, "
        f"{s.attendances} attendances, "
        f"{s.followups} follow-ups, {s.agents} agents in {time.perf_counter() - started:.1f} s"
    )
    return 0
