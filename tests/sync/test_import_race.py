"""Imports are serialised per base: a racing import of the same file waits, then says so."""

from __future__ import annotations

import threading
import time

from ardoiz_desk.services.demo import generate_demo
from ardoiz_desk.services.exchange.bundle_import import import_files
from ardoiz_desk.services.exchange.bundles import export_bundle
from ardoiz_desk.services.people.participants import count_participants
from ardoiz_desk.services.workspace import open_workspace
from ardoiz_desk.sync import merge


def test_two_imports_of_one_bundle_at_once(territory, tmp_path, monkeypatch) -> None:
    coord, site = territory(1)
    generate_demo(site, 30, None, 3)
    path = export_bundle(site, tmp_path / "site.ardoiz", full=True).path
    other_process = open_workspace(coord.data_dir)  # the command line beside the window
    real = merge.apply_table

    def slow(io, columns, data, ctx):
        time.sleep(0.2)  # widen the window in which the two imports overlap
        return real(io, columns, data, ctx)

    monkeypatch.setattr(merge, "apply_table", slow)
    start = threading.Barrier(2)
    outcomes = {}

    def run(name, ws) -> None:
        start.wait()
        outcomes[name] = import_files(ws, [path]).outcomes[0]

    threads = [
        threading.Thread(target=run, args=("window", coord)),
        threading.Thread(target=run, args=("cli", other_process)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    other_process.close()
    statuses = sorted(o.status for o in outcomes.values())
    assert statuses == ["already", "applied"], [(o.status, o.message) for o in outcomes.values()]
    (already,) = [o for o in outcomes.values() if o.status == "already"]
    assert "Déjà importé" in already.message
    monkeypatch.setattr(merge, "apply_table", real)
    assert count_participants(coord) == count_participants(site) == 30
