"""What a thief of the laptop finds in the data folder: no name, no phone, no key."""

from __future__ import annotations

import logging
from pathlib import Path

from ardoiz_desk.logging_setup import configure_logging
from ardoiz_desk.services.demo import generate_demo
from ardoiz_desk.services.exchange.bundle_import import import_files
from ardoiz_desk.services.exchange.bundles import export_bundle
from ardoiz_desk.services.people.participants import search_participants
from ardoiz_desk.services.privacy.erasure import erase_participant
from ardoiz_desk.services.safekeeping.backup import backup_base


def _stop_logging() -> None:
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_ardoiz", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(logging.WARNING)


def _files_holding(folder: Path, needles: list[str]) -> list[tuple[str, str]]:
    found = []
    for path in folder.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        for needle in needles:
            for form in {needle, needle.upper(), needle.lower()}:
                if form.encode("utf-8") in data:
                    found.append((str(path.relative_to(folder)), needle))
    return found


def test_grep_finds_no_demo_participant_in_an_encrypted_installation(territory, tmp_path) -> None:
    coord, site = territory(1, trust_all=False)
    configure_logging(site.data_dir, verbose=True)
    logging.getLogger("ardoiz_desk").info("the site's log, written during the test")
    generate_demo(site, 40, None, 5)
    people = search_participants(site, "", limit=40)
    needles = sorted({p.nom for p in people if len(p.nom) > 4})[:10]
    needles += [p.telephone.replace(" ", "") for p in people if p.telephone][:5]
    assert needles
    backup_base(site)
    erase_participant(site, people[0].id)
    outbox = site.data_dir / "exports"
    bundle = export_bundle(site, outbox, full=True).path
    report = import_files(coord, [bundle])
    assert report.outcomes[0].status == "held"  # kept in coord's held/ until approved
    _stop_logging()
    for ws in (site, coord):
        ws.store.engine.dispose()  # a stolen laptop: whatever is on disk, WAL included
    assert _files_holding(site.data_dir, needles) == []
    assert _files_holding(coord.data_dir, needles) == []
    assert list((coord.data_dir / "held").iterdir())
    assert (site.data_dir / "logs" / "ardoiz-desk.log").stat().st_size > 0
