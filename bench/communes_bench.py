"""Commune completion over the official directory (about 40,000 names), key by key.

Times ``services.people.communes.complete_commune`` for queries typed one character at a
time (names, name fragments, postal codes), against a baseline measured in the same run:
a plain scan of every folded name with ``in`` (what a naive completer would do), which
finds the same names but neither ranks them nor stops early. Also reports the one-off
loading time of the directory. Goal: lookup median <= 5 ms.
Usage: ``.venv/bin/python bench/communes_bench.py [--rounds 5]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

QUERIES = (
    "sisteron",
    "val buech",
    "ribiers",
    "saint-martin",
    "la motte du caire",
    "marseille",
    "05300",
    "04200",
    "eourres",
    "garde-colombe",
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    from ardoiz_desk.services.people import communes
    from ardoiz_desk.store.text import fold

    started = time.perf_counter()
    directory = communes.directory()
    loaded = time.perf_counter() - started
    names = [fold(c.nom) for c in directory.by_insee.values()]
    names += [fold(f) for f in directory.former_by_name]
    lookups: list[float] = []
    scans: list[float] = []
    for _ in range(args.rounds):
        for query in QUERIES:
            for end in range(2, len(query) + 1):
                typed = query[:end]
                t0 = time.perf_counter()
                communes.complete_commune(typed)
                lookups.append((time.perf_counter() - t0) * 1000)
                needle = fold(typed)
                t0 = time.perf_counter()
                found = [n for n in names if needle in n]
                assert found is not None
                scans.append((time.perf_counter() - t0) * 1000)
    median, base = statistics.median(lookups), statistics.median(scans)
    print(
        f"directory: {len(directory.by_insee):,} communes, {len(names):,} names ({directory.vintage})"
    )
    print(f"first use (read and index the resource): {loaded:.2f} s")
    print(
        f"completion lookup: median {median:.3f} ms, p90 {statistics.quantiles(lookups, n=10)[-1]:.3f} ms, "
        f"max {max(lookups):.3f} ms over {len(lookups)} keystrokes (goal <= 5 ms)"
    )
    print(
        f"baseline full scan with 'in': median {base:.3f} ms; ratio lookup / scan {median / base:.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
