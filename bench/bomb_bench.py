"""Memory of decoding a bundle: the largest legitimate one and a zip bomb, max RSS measured.

A site base is seeded (``seed_bench.seed_store``), made a territory with an enrolled
receiver, and a full bundle exported. Then, each in a fresh subprocess (so each max RSS is
its own), the receiver:

- **baseline**: opens its workspace and imports nothing (the interpreter, SQLAlchemy,
  cryptography and the base: the floor every import pays);
- **legitimate**: imports the full bundle of the seeded base;
- **bomb**: imports a bundle of the same site, validly signed and encrypted, whose
  participants section is ~2 MB of zlib that would inflate to ``--bomb-gib`` GiB of JSON
  (one participant whose notes are a single huge string).

Max RSS is read in the child from ``/proc/self/status`` (``VmHWM``, the peak resident set;
``ru_maxrss`` would include the parent's memory at ``fork``). Opening an encrypted base
derives its key with scrypt, whose memory (about 130 MiB) is freed at once: the peak is
reset after opening (``/proc/self/clear_refs``), so the figures are the peak *during the
import* (the resident base included); the peak of opening is printed beside them. Each
figure is printed with its ratio to the baseline. The bomb must be refused (``too-large``) with
max RSS under 300 MiB.

    .venv/bin/python bench/bomb_bench.py                      # 100k participants, 500k attendances
    .venv/bin/python bench/bomb_bench.py --participants 10000 --attendances 50000
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import secrets
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

MIB = 1024 * 1024
# The bases are encrypted at rest: with no credential store here, a passphrase opens them.
os.environ.setdefault("ARDOIZ_DESK_BASE_PASSPHRASE", "banc d'essai mémoire 2026 tablette")


def _peak_rss_kib() -> int:
    """This process's peak resident memory (VmHWM: reset by exec, unlike ru_maxrss, which a
    child forked from a big parent inherits)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _reset_peak() -> bool:
    """Reset this process's peak RSS to its current RSS (Linux ``clear_refs`` 5)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def _child(kind: str, receiver: str, bundle: str) -> None:
    from ardoiz_desk.services.exchange.bundle_import import import_files
    from ardoiz_desk.services.workspace import open_workspace

    ws = open_workspace(Path(receiver))
    opened_kib = _peak_rss_kib()  # opening costs scrypt's memory (the base key), then freed
    reset = _reset_peak()
    started = time.perf_counter()
    outcome = None
    if kind != "baseline":
        outcome = import_files(ws, [Path(bundle)]).outcomes[0]
    elapsed = time.perf_counter() - started
    ws.close()
    rss_kib = _peak_rss_kib()
    if not reset:
        rss_kib = max(rss_kib, opened_kib)
    print(
        json.dumps(
            {
                "kind": kind,
                "max_rss_mib": rss_kib / 1024,
                "open_rss_mib": opened_kib / 1024,
                "seconds": elapsed,
                "status": outcome.status if outcome else "",
                "reason": outcome.reason if outcome else "",
            }
        )
    )


def _bomb(site, folder: Path, gib: float) -> Path:
    from ardoiz_desk.services.exchange.bundles import export_bundle
    from ardoiz_desk.services.exchange.territory import load_keys
    from ardoiz_desk.store.hlc import wall_clock_ms
    from ardoiz_desk.sync.container import Section, open_envelope, write_bundle

    keys = load_keys(site)
    real = export_bundle(site, folder / "real-for-manifest.ardoiz", full=True).path
    envelope = open_envelope(real.read_bytes())
    real.unlink()
    manifest = {
        k: v
        for k, v in envelope.manifest.items()
        if k not in ("format", "cipher", "signature", "sections")
    }
    rid = secrets.token_hex(16)
    hlc = f"{wall_clock_ms():013d}.00000.{site.replica_id}"
    z = zlib.compressobj(9)
    head = (
        f'{{"columns":["id","updated_hlc","stamps","notes"],"data":[["{rid}"],["{hlc}"],[{{}}],["'
    )
    parts = [z.compress(head.encode())]
    chunk = b"a" * (8 * MIB)
    for _ in range(int(gib * 1024 / 8)):
        parts.append(z.compress(chunk))
    parts += [z.compress(b'"]]}'), z.flush()]
    blob = b"".join(parts)
    out = folder / "bomb.ardoiz"
    out.write_bytes(
        write_bundle(
            manifest, [Section("participants", 1, blob)], keys.territory_key, keys.signing_key
        )
    )
    return out


def _measure(kind: str, receiver: Path, bundle: Path) -> dict:
    result = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(receiver), str(bundle)],
        check=False,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise RuntimeError(f"{kind} child failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def run(participants: int, attendances: int, gib: float, seed: int) -> None:
    from bundle_bench import prepare

    from ardoiz_desk.services.exchange.bundles import export_bundle
    from ardoiz_desk.sync.codec import MAX_INFLATE_RATIO, MAX_INFLATED_BYTES, MIN_INFLATE_BUDGET

    with tempfile.TemporaryDirectory(prefix="ardoiz-bomb-bench-") as tmp:
        root = Path(tmp)
        site, receiver, _seeding, counts = prepare(root, participants, attendances, seed)
        legit = export_bundle(site, root / "legit.ardoiz", full=True)
        bomb = _bomb(site, root, gib)
        receiver_dir = receiver.data_dir
        receiver.close()
        site.close()
        figures = {
            kind: _measure(kind, receiver_dir, path)
            for kind, path in (
                ("baseline", legit.path),
                ("bomb", bomb),
                ("legitimate", legit.path),
            )
        }
        base = figures["baseline"]["max_rss_mib"]
        print(
            f"python {platform.python_version()}, {platform.machine()}, rows {sum(counts.values())}"
        )
        print(
            f"limits: ratio {MAX_INFLATE_RATIO}x, floor {MIN_INFLATE_BUDGET // MIB} MiB, "
            f"absolute {MAX_INFLATED_BYTES // MIB} MiB"
        )
        print(
            f"legitimate bundle: {legit.size / MIB:.1f} MiB; bomb: {bomb.stat().st_size / MIB:.2f} MiB "
            f"inflating to {gib:g} GiB"
        )
        for kind, f in figures.items():
            print(
                f"{kind:11s} max RSS {f['max_rss_mib']:7.1f} MiB  ratio {f['max_rss_mib'] / base:5.2f}"
                f"  (opening the base: {f['open_rss_mib']:.1f} MiB)"
                f"  {f['seconds']:6.2f} s  {f['status']} {f['reason']}"
            )
        assert figures["bomb"]["status"] == "refused" and figures["bomb"]["reason"] == "too-large"
        assert figures["legitimate"]["status"] == "applied", figures["legitimate"]
        assert figures["bomb"]["max_rss_mib"] < 300, figures["bomb"]


def main() -> None:
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        _child(sys.argv[2], sys.argv[3], sys.argv[4])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=100_000)
    parser.add_argument("--attendances", type=int, default=500_000)
    parser.add_argument("--bomb-gib", type=float, default=2.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    run(args.participants, args.attendances, args.bomb_gib, args.seed)


if __name__ == "__main__":
    main()
