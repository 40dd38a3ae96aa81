#!/usr/bin/env python3
"""Rebuild resources/communes.tsv.gz, the official directory of French communes.

The source is the npm package ``@etalab/decoupage-administratif`` (Etalab / data.gouv.fr:
INSEE's Code officiel géographique with La Poste's postal codes), fetched with
``npm pack`` (Node.js from Debian's ``nodejs``/``npm`` packages):

- ``data/communes.json`` of the current vintage: every current commune (and the
  arrondissements of Paris, Lyon and Marseille) with its INSEE code and every postal code;
  delegated and associated communes (``commune-deleguee`` / ``commune-associee``) with
  their ``chefLieu``, the current commune they now belong to; each current commune's
  ``anciensCodes``; and the legal population (used to rank suggestions: Gap before Gapennes).
- ``data/historique-communes.json`` of an older vintage (0.7.0, the last one that ships
  it): the names of former communes known only by a code in ``anciensCodes``.

The output is a gzipped, tab-separated text file, one commune a line, read lazily by
``ardoiz_desk.services.people.communes``::

    # comment lines (source, vintage)
    kind  insee  name  postal codes (space-separated)  current commune's INSEE  population

``kind`` is ``C`` (current commune), ``A`` (municipal arrondissement, pointing to its
commune) or ``F`` (former commune, pointing to the commune it merged into).

Usage: ``python scripts/refresh_communes.py [--version 6.0.0] [--history-version 0.7.0]``
(``--from-dir DIR`` reads already unpacked packages ``DIR/<version>/package/...``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "communes.tsv.gz"
PACKAGE = "@etalab/decoupage-administratif"
# The vintage (millésime) each package version carries, from the package's README.
VINTAGES = {"6.0.0": "2026", "5.3.0": "2025", "4.1.0": "2024", "3.1.1": "2023"}


def _unpack(version: str, workdir: Path, from_dir: Path | None) -> Path:
    """Return the folder holding the package's files for one version."""
    if from_dir is not None:
        return from_dir / version / "package"
    target = workdir / version
    target.mkdir(parents=True, exist_ok=True)
    out = subprocess.run(
        ["npm", "pack", "--silent", f"{PACKAGE}@{version}"],
        cwd=target,
        check=True,
        capture_output=True,
        text=True,
    )
    tarball = target / out.stdout.strip().splitlines()[-1]
    with tarfile.open(tarball) as tar:
        tar.extractall(target, filter="data")
    return target / "package"


def _clean(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


def build(current: list[dict], history: list[dict]) -> list[tuple[str, ...]]:
    """Return the directory's rows from the package's data."""
    rows: list[tuple[str, ...]] = []
    actual = {c["code"]: c for c in current if c["type"] == "commune-actuelle"}
    for c in actual.values():
        postal = " ".join(c.get("codesPostaux", []))
        rows.append(("C", c["code"], _clean(c["nom"]), postal, "", str(c.get("population", 0))))
    for c in current:
        if c["type"] == "arrondissement-municipal":
            postal = " ".join(c.get("codesPostaux", []))
            people = str(c.get("population", 0))
            rows.append(("A", c["code"], _clean(c["nom"]), postal, c["commune"], people))
    named: set[tuple[str, str]] = set()
    for c in current:
        if c["type"] in ("commune-deleguee", "commune-associee") and c.get("chefLieu") in actual:
            rows.append(("F", c["code"], _clean(c["nom"]), "", c["chefLieu"], "0"))
            named.add((c["code"], c["chefLieu"]))
    # Former communes known only by their code: the last name the history gives that code.
    last_name: dict[str, tuple[str, str]] = {}
    for event in history:
        if event.get("type") == "COM":
            start = event.get("dateDebut") or ""
            previous = last_name.get(event["code"])
            if previous is None or start >= previous[0]:
                last_name[event["code"]] = (start, event["nom"])
    for c in actual.values():
        for old in c.get("anciensCodes", []):
            if (old, c["code"]) in named or old not in last_name:
                continue
            name = _clean(last_name[old][1])
            if old == c["code"] and name == c["nom"]:
                continue
            rows.append(("F", old, name, "", c["code"], "0"))
            named.add((old, c["code"]))
    rows.sort(key=lambda r: (r[0] != "C", r[1], r[2]))
    return rows


def write(rows, version: str, history_version: str, out: Path) -> None:
    """Write the gzipped TSV (deterministic: no timestamp in the gzip header)."""
    vintage = VINTAGES.get(version, "?")
    lines = [
        f"# {PACKAGE} {version} (Code officiel géographique {vintage}, La Poste postal codes)",
        f"# former communes' names: {PACKAGE} {history_version} historique-communes.json",
        "# kind\tinsee\tname\tpostal codes\tcurrent commune\tpopulation",
    ]
    lines += ["\t".join(r) for r in rows]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with out.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", default="6.0.0", help="package version (vintage)")
    parser.add_argument("--history-version", default="0.7.0")
    parser.add_argument("--from-dir", type=Path, help="unpacked packages, DIR/<version>/package")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        now = _unpack(args.version, Path(tmp), args.from_dir)
        old = _unpack(args.history_version, Path(tmp), args.from_dir)
        current = json.loads((now / "data" / "communes.json").read_text(encoding="utf-8"))
        history = json.loads(
            (old / "data" / "historique-communes.json").read_text(encoding="utf-8")
        )
    rows = build(current, history)
    write(rows, args.version, args.history_version, args.out)
    kinds = {k: sum(1 for r in rows if r[0] == k) for k in "CAF"}
    print(f"{args.out}: {kinds['C']} communes, {kinds['A']} arrondissements, {kinds['F']} former")
    return 0


if __name__ == "__main__":
    sys.exit(main())
