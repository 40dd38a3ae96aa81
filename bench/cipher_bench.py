"""The cost of encryption at rest: seed, import and search on an encrypted base vs a clear one.

Everything runs twice in one process, on a SQLCipher base (the app's: raw 256-bit key, WAL)
and on a clear SQLite base with the same schema, pragmas and code, and the times are
printed as ratios (goal: encrypted / clear <= 1.3):

- **seed**: ``bulk_insert_new`` of N participants, N/10 workshops and 5·N attendances through
  ``Store.session`` (``seed_bench.timed_chunks``);
- **import**: a full bundle of the seeded site imported into a fresh replica
  (``import_files``: verify, decrypt, merge, commit);
- **search**: the participants list's index loaded (``ParticipantIndex.load``: every live
  participant read) and 200 SQL searches (``search_participants``) on the imported base.

    .venv/bin/python bench/cipher_bench.py [--participants 20000]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from seed_bench import timed_chunks

from ardoiz_desk.paths import database_path
from ardoiz_desk.services.exchange.bundle_import import import_files
from ardoiz_desk.services.exchange.bundles import export_bundle
from ardoiz_desk.services.exchange.territory import apply_roster, create_territory, roster
from ardoiz_desk.services.people.participants import ParticipantFilter, search_participants
from ardoiz_desk.services.people.search_index import ParticipantIndex
from ardoiz_desk.services.sites.sites import initialise_site
from ardoiz_desk.services.workspace import Workspace
from ardoiz_desk.store import Store, open_store
from ardoiz_desk.store.engine import bulk_insert_new, create_sqlite_engine
from ardoiz_desk.store.migrate import upgrade_to_head
from ardoiz_desk.sync.crypto import new_signing_key

KEY = bytes(range(32))
GOAL = 1.3
QUERIES = ("dupre", "sisteron", "marie", "04 92", "laragne", "jean", "ser", "ab")


def open_base(folder: Path, encrypted: bool) -> Workspace:
    """A migrated base: encrypted as the app opens it, or clear with the same engine."""
    if encrypted:
        return Workspace(folder, open_store(folder, KEY))
    folder.mkdir(parents=True, exist_ok=True)
    db = database_path(folder)
    engine = create_sqlite_engine(db, None)
    upgrade_to_head(engine, db, None)
    return Workspace(folder, Store(engine, db, None))


def seed(ws: Workspace, participants: int) -> float:
    def insert(model, rows) -> None:
        with ws.store.session() as session:
            bulk_insert_new(session, model, rows)

    spent, _counts = timed_chunks(7, participants, participants * 5, insert)
    return spent


def trust(site: Workspace, receiver: Workspace) -> None:
    initialise_site(site, "MSAP-BENCH", "Bench")
    create_territory(site, "Bench")
    for key in ("territory_id", "territory_name", "territory_key"):
        receiver.store.set_state(key, site.store.get_state(key))
    receiver.store.set_state("territory_role", "site")
    receiver.store.set_state("signing_key", new_signing_key().hex())
    entries = [roster(site)[0], roster(receiver)[0]]
    for ws in (site, receiver):
        apply_roster(ws, entries)


def search(ws: Workspace) -> float:
    started = time.perf_counter()
    ParticipantIndex.load(ws)
    for i in range(200):
        search_participants(ws, ParticipantFilter(text=QUERIES[i % len(QUERIES)]), limit=50)
    return time.perf_counter() - started


def run(root: Path, encrypted: bool, participants: int) -> dict[str, float]:
    site = open_base(root / "site", encrypted)
    receiver = open_base(root / "receiver", encrypted)
    times = {"seed": seed(site, participants)}
    trust(site, receiver)
    bundle = export_bundle(site, root / "full.ardoiz", full=True).path
    started = time.perf_counter()
    outcome = import_files(receiver, [bundle]).outcomes[0]
    times["import"] = time.perf_counter() - started
    assert outcome.status == "applied", outcome.message
    times["search"] = search(receiver)
    site.close()
    receiver.close()
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=20_000)
    args = parser.parse_args()
    results = {}
    for encrypted in (False, True, False, True):  # interleaved: the machine is shared
        with tempfile.TemporaryDirectory(prefix="ardoiz-cipher-") as tmp:
            times = run(Path(tmp), encrypted, args.participants)
        for name, seconds in times.items():
            results.setdefault((name, encrypted), []).append(seconds)
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{args.participants} participants, {args.participants * 5} attendances; best of 2")
    print(f"{'what':8} {'clear':>9} {'SQLCipher':>10} {'ratio':>6}  goal <= {GOAL}")
    worst = 0.0
    for name in ("seed", "import", "search"):
        clear, enc = min(results[(name, False)]), min(results[(name, True)])
        worst = max(worst, enc / clear)
        print(f"{name:8} {clear:8.2f}s {enc:9.2f}s {enc / clear:6.2f}")
    return 0 if worst <= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
