"""One clock per base: several processes on one data folder never issue a stamp twice."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from ardoiz_desk.services.people.participants import ParticipantInput, register_participant
from ardoiz_desk.services.workspace import open_workspace
from ardoiz_desk.store.hlc import Stamp, parse_stamp, wall_clock_ms
from ardoiz_desk.store.models import Participant
from ardoiz_desk.sync.rules import unseen_by

# A writer process: registers participants for SECONDS, prints each stamp it got, in order.
WRITER = """
import json, sys, time
from pathlib import Path
from ardoiz_desk.services.people.participants import ParticipantInput, register_participant
from ardoiz_desk.services.workspace import open_workspace
from ardoiz_desk.store.models import Participant

folder, tag, seconds = Path(sys.argv[1]), sys.argv[2], float(sys.argv[3])
ws = open_workspace(folder)
Path(sys.argv[4]).touch()
while not Path(sys.argv[5]).exists():
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


def _stamp(ws, pid: str) -> str:
    with ws.store.session() as session:
        return session.get(Participant, pid).updated_hlc


def test_a_second_process_stamps_after_what_the_first_stored(ws, tmp_path) -> None:
    """The window's clock was built before a CLI import moved the stored clock ahead."""
    window = open_workspace(ws.data_dir)  # another process: its own clock object
    try:
        # The command line imports from a peer whose clock is an hour ahead, then writes.
        ahead = str(Stamp(wall_clock_ms() + 3_600_000, 7, "ab" * 8))
        ws.store.clock.observe(ahead)
        cli_write = register_participant(ws, ParticipantInput(prenom="Cli", nom="Write"))
        cli_stamp = _stamp(ws, cli_write.id)
        # The coordinator received everything up to the command line's write.
        coordinator_vv = {ws.replica_id: cli_stamp}
        window_write = register_participant(window, ParticipantInput(prenom="Win", nom="Dow"))
        window_stamp = _stamp(window, window_write.id)
        assert window_stamp > cli_stamp
        with window.store.session() as session:
            row = session.get(Participant, window_write.id)
            assert unseen_by(coordinator_vv, row.stamps or {}, row.updated_hlc)
    finally:
        window.close()


def _run_writers(folder: Path, tmp_path: Path, seconds: float, n: int = 2) -> list[list]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    go = tmp_path / "go"
    procs = []
    for k in range(n):
        ready = tmp_path / f"ready{k}"
        procs.append(
            (
                ready,
                subprocess.Popen(
                    [
                        sys.executable,
                        "-c",
                        WRITER,
                        str(folder),
                        f"P{k}-",
                        str(seconds),
                        str(ready),
                        str(go),
                    ],
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                    env=env,
                ),
            )
        )
    for ready, proc in procs:
        while not ready.exists():
            assert proc.poll() is None, proc.stderr.read()
    go.touch()
    results = []
    for _ready, proc in procs:
        out, err = proc.communicate(timeout=seconds + 120)
        assert proc.returncode == 0, err
        results.append(json.loads(out))
    return results


def check_concurrent_writers(ws, tmp_path: Path, seconds: float) -> int:
    """Two processes write at once: no write lost, no stamp twice, each one's stamps increase."""
    ws.close()
    results = _run_writers(ws.data_dir, tmp_path, seconds)
    for written in results:
        stamps = [s for _id, s in written]
        assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)
    everything = [w for written in results for w in written]
    assert all(len(r) > 5 for r in results), [len(r) for r in results]
    reopened = open_workspace(ws.data_dir)
    try:
        with reopened.store.session() as session:
            stored = dict(session.execute(select(Participant.id, Participant.updated_hlc)).all())
        assert {i: s for i, s in everything} == stored  # every write is there, as stamped
        assert len(set(stored.values())) == len(stored)  # no stamp issued twice
        # Whatever a peer was told up to any stamp, every later write is still sent to it.
        ordered = sorted(stored.values())
        for cut in ordered[:: max(1, len(ordered) // 20)]:
            vv = {reopened.replica_id: cut}
            later = [s for s in ordered if s > cut]
            assert [s for s in ordered if unseen_by(vv, {}, s)] == later
        assert all(parse_stamp(s).replica == reopened.replica_id for s in ordered)
    finally:
        reopened.close()
    return len(everything)


def test_two_processes_writing_at_once_share_one_clock(ws, tmp_path) -> None:
    # The 30-second version of this run is bench/clock_soak.py.
    check_concurrent_writers(ws, tmp_path, seconds=2.0)
