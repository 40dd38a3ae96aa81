"""Two processes write one base for 30 s: no write lost, no stamp issued twice.

Each writer process opens the same data folder (its own clock object, as the window and the
command line do) and registers participants as fast as it can, recording the stamp of each
write. At the end the base must hold every write, with exactly the stamp its writer saw,
and no two writes may share a stamp. Prints the figures; exits 1 on any loss or duplicate.

    .venv/bin/python bench/clock_soak.py [--seconds 30] [--processes 2]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import select

from ardoiz_desk.services.workspace import open_workspace
from ardoiz_desk.store.models import Participant

WRITER = """
import json, sys, time
from pathlib import Path
from ardoiz_desk.services.people.participants import ParticipantInput, register_participant
from ardoiz_desk.services.workspace import open_workspace
from ardoiz_desk.store.models import Participant

folder, tag, seconds, go = Path(sys.argv[1]), sys.argv[2], float(sys.argv[3]), Path(sys.argv[4])
ws = open_workspace(folder)
while not go.exists():
    time.sleep(0.01)
out, end, i = [], time.monotonic() + seconds, 0
while time.monotonic() < end:
    view = register_participant(ws, ParticipantInput(prenom=f"{tag}{i}", nom="Soak"))
    with ws.store.session() as session:
        out.append([view.id, session.get(Participant, view.id).updated_hlc])
    i += 1
ws.close()
print(json.dumps(out))
"""


def main() -> int:
    """Run the soak and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ardoiz-soak-") as tmp:
        folder, go = Path(tmp) / "data", Path(tmp) / "go"
        open_workspace(folder).close()
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", WRITER, str(folder), f"P{k}-", str(args.seconds), str(go)],
                stdout=subprocess.PIPE,
                text=True,
            )
            for k in range(args.processes)
        ]
        time.sleep(3)  # let every writer open the base
        go.touch()
        results = [json.loads(p.communicate()[0]) for p in procs]
        ws = open_workspace(folder)
        with ws.store.session() as session:
            stored = dict(session.execute(select(Participant.id, Participant.updated_hlc)).all())
        ws.close()
    written = {i: s for r in results for i, s in r}
    lost = len(set(written) - set(stored))
    changed = sum(1 for i, s in written.items() if stored.get(i) != s)
    twice = len(stored) - len(set(stored.values()))
    increasing = all([s for _i, s in r] == sorted(s for _i, s in r) for r in results)
    per_process = ", ".join(str(len(r)) for r in results)
    print(
        f"{args.processes} processes, {args.seconds:.0f} s: {len(written)} writes "
        f"({per_process}), {len(written) / args.seconds:.0f}/s; lost {lost}, "
        f"stamp changed {changed}, stamps issued twice {twice}, "
        f"each process's stamps increasing: {increasing}"
    )
    return 0 if not (lost or changed or twice) and increasing else 1


if __name__ == "__main__":
    sys.exit(main())
