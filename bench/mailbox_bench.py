"""A coordinator's shared folder at scale: the territory board and a no-op round.

A coordinator trusts N sites (default 200); the shared folder holds B bundles (default
2,000: ten per site), each a real signed and encrypted bundle carrying a few participants
stamped by its site, and a few erasures. The coordinator's first round imports them all
(timed, for information). Then, in the same run:

- **baseline**: list the folder (recursively, with each file's size and time) and read
  every bundle's manifest — what any round must at least do to know what is there;
- **no-op round**: ``services.exchange.rounds.run_round`` when nothing is new (goal ≤ 2 s);
- **board**: ``services.exchange.board.territory_board`` (goal ≤ 1 s).

Each figure is printed in seconds and as a ratio to the baseline.

    .venv/bin/python bench/mailbox_bench.py                   # 200 sites, 2,000 bundles
    .venv/bin/python bench/mailbox_bench.py --sites 20 --per-site 5
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import secrets
import sys
import tempfile
import time
from pathlib import Path

from ardoiz_desk import __version__
from ardoiz_desk.services.exchange.board import territory_board
from ardoiz_desk.services.exchange.bundles import set_sync_folder
from ardoiz_desk.services.exchange.rounds import run_round
from ardoiz_desk.services.exchange.territory import apply_roster, create_territory, load_keys
from ardoiz_desk.services.sites.sites import initialise_site
from ardoiz_desk.services.workspace import open_workspace
from ardoiz_desk.store.models import Participant, synced_fields
from ardoiz_desk.sync import crypto
from ardoiz_desk.sync.codec import ROW_HEAD, encode_section
from ardoiz_desk.sync.container import Section, write_bundle
from ardoiz_desk.sync.mailbox import list_mailbox, outgoing_name
from ardoiz_desk.sync.versions import known_schemas

GOALS = {"board": 1.0, "noop": 2.0}
ROWS_PER_BUNDLE = 5


def _participants(replica: str, wall_ms: int, first: int, erase_one: bool) -> Section:
    """A section of new participants, every field written at one stamp by this replica."""
    defaults = {
        "prenom": "Prénom",
        "nom": "NOM",
        "annee_naissance": 1948,
        "commune": "Sisteron",
        "commune_code_insee": "04209",
        "commune_code_postal": "04200",
        "telephone": "",
        "email": "",
        "genre": "non_communique",
        "statut_social": "retraite",
        "notes": "",
        "site_id": None,
        "notice_given_on": None,
        "tablet_status": "none",
        "autonomie": None,
        "merged_into": None,
        "erased": False,
        "deleted": False,
    }
    columns = [*ROW_HEAD, *synced_fields(Participant)]
    rows = []
    for n in range(ROWS_PER_BUNDLE):
        stamp = f"{wall_ms:013d}.{n:05d}.{replica}"
        values = dict(defaults, prenom=f"Prénom{first + n}")
        if erase_one and n == 0:
            values.update(erased=True, prenom="", nom="", annee_naissance=None, commune="")
            values.update(
                commune_code_insee="", commune_code_postal="", statut_social="non_communique"
            )
        rows.append([secrets.token_hex(16), stamp, {}, *(values[c] for c in columns[3:])])
    data = [list(col) for col in zip(*rows, strict=True)]
    return Section("participants", len(rows), encode_section(columns, data))


def make_folder(
    folder: Path, territory: tuple[str, bytes], sites: int, per_site: int
) -> list[dict]:
    """Write every site's bundles into the folder; return the roster entries of the sites."""
    territory_id, territory_key = territory
    start = int(time.time() * 1000) - 10 * 24 * 3600 * 1000
    entries = []
    for i in range(sites):
        signing = crypto.new_signing_key()
        public = crypto.public_key_of(signing)
        replica = secrets.token_hex(8)
        code = f"MSAP-{i:03d}"
        entries.append(
            {
                "replica": replica,
                "public_key": public.hex(),
                "role": "site",
                "status": "trusted",
                "site_id": None,
                "site_code": code,
                "site_name": f"Site {i}",
            }
        )
        for seq in range(1, per_site + 1):
            wall = start + (i * per_site + seq) * 1000
            section = _participants(replica, wall, seq * ROWS_PER_BUNDLE, erase_one=seq == per_site)
            newest = f"{wall:013d}.{ROWS_PER_BUNDLE - 1:05d}.{replica}"
            manifest = {
                "schema": known_schemas()[-1],
                "app_version": __version__,
                "bundle_id": secrets.token_hex(16),
                "territory_id": territory_id,
                "created_at": dt.datetime.fromtimestamp(wall / 1000, dt.UTC)
                .replace(microsecond=0)
                .isoformat(),
                "kind": "delta",
                "for_replica": None,
                "origin": {
                    "replica": replica,
                    "public_key": public.hex(),
                    "site_id": None,
                    "site_code": code,
                    "site_name": f"Site {i}",
                },
                "version_vector": {replica: newest},
                "max_stamp": newest,
            }
            data = write_bundle(manifest, [section], territory_key, signing)
            (folder / outgoing_name(replica, seq)).write_bytes(data)
    return entries


def baseline(folder: Path) -> float:
    """List the folder and read every bundle's manifest."""
    from ardoiz_desk.services.exchange.mailbox import head_manifest

    t0 = time.perf_counter()
    for entry in list_mailbox(folder):
        head_manifest(entry.path)
    return time.perf_counter() - t0


def best_of(n: int, fn) -> float:
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=200)
    parser.add_argument("--per-site", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = root / "shared"
        folder.mkdir()
        ws = open_workspace(root / "coord")
        initialise_site(ws, "COORD", "Coordination", "coordination")
        create_territory(ws, "Bench")
        keys = load_keys(ws)
        t0 = time.perf_counter()
        entries = make_folder(
            folder, (keys.territory_id, keys.territory_key), args.sites, args.per_site
        )
        made = time.perf_counter() - t0
        apply_roster(ws, entries)
        set_sync_folder(ws, folder)
        t0 = time.perf_counter()
        first = run_round(ws)
        first_s = time.perf_counter() - t0
        applied = first.count("applied")
        run_round(ws)  # settles what the first round wrote
        base = best_of(3, lambda: baseline(folder))
        noop = best_of(3, lambda: run_round(ws))
        board_s = best_of(3, lambda: territory_board(ws))
        board = territory_board(ws)
        files = len(list_mailbox(folder))
        ws.close()
    print(f"ardoiz-desk {__version__}, Python {platform.python_version()}, {platform.machine()}")
    print(
        f"{args.sites} sites, {files} files in the folder ({args.sites * args.per_site} bundles "
        f"of {ROWS_PER_BUNDLE} participants), made in {made:.1f} s"
    )
    print(f"first round: {applied} bundles applied in {first_s:.1f} s")
    print(f"board: {len(board.lines)} lines, {len(board.erasures)} erasures")
    print(f"baseline (list + read manifests): {base:.3f} s")
    ok = True
    for name, value in (("noop", noop), ("board", board_s)):
        goal = GOALS[name]
        verdict = "ok" if value <= goal else "OVER GOAL"
        ok &= value <= goal
        label = "no-op round" if name == "noop" else "board"
        print(
            f"{label}: {value:.3f} s = {value / base:.2f}x baseline (goal <= {goal:.0f} s) {verdict}"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
