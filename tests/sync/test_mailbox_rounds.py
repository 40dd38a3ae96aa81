"""Rounds through a shared folder, and the bad cases a real folder brings.

Each bad case is skipped with a line in the round's report, retried at the next round, and
nothing is lost or applied twice.
"""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from ardoiz_desk.services.exchange import mailbox as mb
from ardoiz_desk.services.exchange import rounds
from ardoiz_desk.services.exchange.bundle_import import import_inbox
from ardoiz_desk.services.exchange.bundles import set_sync_folder
from ardoiz_desk.services.exchange.rounds import DONE, UNREACHABLE, run_round
from ardoiz_desk.services.exchange.sync_status import sync_status
from ardoiz_desk.services.exchange.territory import create_territory
from ardoiz_desk.services.health import digest
from ardoiz_desk.services.people.participants import ParticipantInput, register_participant
from ardoiz_desk.services.sites.sites import initialise_site
from ardoiz_desk.sync.mailbox import outgoing_name, parse_name


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    folder = tmp_path / "shared"
    folder.mkdir()
    return folder


@pytest.fixture
def trio(territory, shared):
    """A coordinator and two sites that trust each other, each with someone registered."""
    coord, a, b = territory(2)
    for i, ws in enumerate((coord, a, b)):
        set_sync_folder(ws, shared)
        register_participant(ws, ParticipantInput(prenom=f"Personne{i}", nom="MARTIN"))
    return coord, a, b


def lines_of(report, status: str) -> list[str]:
    return [line.file for line in report.lines if line.status == status]


def test_names_never_collide_and_parse_back() -> None:
    name = outgoing_name("0123456789abcdef", 12)
    assert name == "ardoiz-0123456789abcdef-00000012.ardoiz"
    assert parse_name(name) == ("0123456789abcdef", 12)
    assert parse_name("sub/" + name) == ("0123456789abcdef", 12)
    assert parse_name("ardoiz-MSAP-20261201-120000-abcd.ardoiz") is None


def test_rounds_converge_and_a_second_round_reads_no_file(trio, shared, monkeypatch) -> None:
    coord, a, b = trio
    for ws in (a, b, coord, a, b, coord):
        assert run_round(ws).status == DONE
    assert digest(coord) == digest(a) == digest(b)
    calls = []
    monkeypatch.setattr(rounds, "import_files", lambda *a, **k: calls.append(a))
    monkeypatch.setattr(mb, "head_manifest", lambda *a, **k: calls.append(a))
    report = run_round(coord)
    assert report.status == DONE and not report.written and not report.changed
    assert calls == []  # the ledger knew every file: none was opened


def test_folder_disappearing_mid_round_loses_nothing(trio, shared, monkeypatch) -> None:
    coord, a, b = trio
    run_round(a)
    run_round(b)
    away = shared.with_name("unplugged")
    original = rounds.list_mailbox

    def list_then_unplug(folder):
        entries = original(folder)
        shared.rename(away)  # the USB stick is pulled once the folder was listed
        return entries

    monkeypatch.setattr(rounds, "list_mailbox", list_then_unplug)
    report = run_round(coord)
    monkeypatch.setattr(rounds, "list_mailbox", original)
    assert report.status == DONE and not lines_of(report, "applied")
    assert len(lines_of(report, "refused")) == 2 and lines_of(report, "error")
    assert not shared.exists()  # never recreated on the local disk
    assert run_round(coord).status == UNREACHABLE
    assert sync_status(coord).unreachable_since
    away.rename(shared)
    report = run_round(coord)
    assert len(lines_of(report, "applied")) == 2 and report.written
    assert sync_status(coord).unreachable_since == ""
    assert not lines_of(run_round(coord), "applied")  # never twice


def test_half_copied_file_is_retried_when_complete(trio, shared) -> None:
    coord, a, _b = trio
    run_round(a)
    bundle = next(shared.glob("*.ardoiz"))
    data = bundle.read_bytes()
    bundle.write_bytes(data[: len(data) // 2])  # the sync client is still copying it
    (shared / "ardoiz-x.ardoiz.part").write_bytes(b"partial")
    report = run_round(coord)
    assert lines_of(report, "refused") == [bundle.name]
    assert "ardoiz-x.ardoiz.part" in lines_of(report, "skipped")
    bundle.write_bytes(data)
    report = run_round(coord)
    assert lines_of(report, "applied") == [bundle.name]
    assert not lines_of(run_round(coord), "applied")


def test_conflict_copy_and_foreign_files_are_skipped_with_a_line(trio, shared) -> None:
    coord, a, _b = trio
    run_round(a)
    bundle = next(shared.glob("*.ardoiz"))
    copy = shared / (bundle.stem + " (conflicted copy 2026-12-01 101010).ardoiz")
    shutil.copy(bundle, copy)
    (shared / "notes.txt").write_text("liste des ateliers", encoding="utf-8")
    (shared / "fake.ardoiz").write_bytes(b"not a bundle at all")
    report = run_round(coord)
    assert lines_of(report, "applied") == [bundle.name]
    assert set(lines_of(report, "skipped")) == {copy.name, "notes.txt"}
    assert lines_of(report, "refused") == ["fake.ardoiz"]
    again = run_round(coord)
    assert lines_of(again, "refused") == ["fake.ardoiz"]  # retried, still refused
    assert not lines_of(again, "applied")
    # The same stray files at every round: said each time, but one report file, not one a round.
    kept = list((coord.data_dir / "reports" / "rounds").glob("*.txt"))
    assert run_round(coord).lines and not run_round(coord).report_path
    assert list((coord.data_dir / "reports" / "rounds").glob("*.txt")) == kept


def test_two_replicas_writing_at_once(trio, shared) -> None:
    coord, a, b = trio
    results = {}
    threads = [
        threading.Thread(target=lambda ws=ws: results.update({ws.replica_id: run_round(ws)}))
        for ws in (a, b)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    written = sorted(r.written for r in results.values())
    assert len(set(written)) == 2 and all((shared / w).exists() for w in written)
    report = run_round(coord)
    assert sorted(lines_of(report, "applied")) == written


def test_bundle_from_another_territory_is_refused_each_round(
    trio, shared, workspace_factory
) -> None:
    coord, _a, _b = trio
    stranger = workspace_factory("stranger")
    initialise_site(stranger, "AILLEURS", "Ailleurs", "coordination")
    create_territory(stranger, "Autre")
    set_sync_folder(stranger, shared)
    register_participant(stranger, ParticipantInput(prenom="Inconnu", nom="DURAND"))
    written = run_round(stranger).written
    before = digest(coord)
    for _ in range(2):
        report = run_round(coord)
        assert written in lines_of(report, "refused")
        assert any("autre territoire" in line.message for line in report.lines)
    assert digest(coord) == before
    assert not lines_of(report, "applied")


def test_manual_mode_applies_nothing_and_counts_what_waits(trio, shared) -> None:
    coord, a, _b = trio
    run_round(a)
    mb.set_manual_mode(coord, True)
    before = digest(coord)
    report = run_round(coord)
    assert report.waiting == 1 and not lines_of(report, "applied") and report.written
    assert digest(coord) == before
    assert sync_status(coord).waiting_preview == 1
    import_inbox(coord)  # the agent's preview, then import, in the Synchronisation pane
    assert digest(coord) != before
    report = run_round(coord)
    assert report.waiting == 0 and sync_status(coord).waiting_preview == 0
    mb.set_manual_mode(coord, False)
    assert not lines_of(run_round(coord), "applied")  # never twice


def test_old_bundles_are_pruned_once_everyone_holds_them(trio, shared) -> None:
    coord, a, b = trio
    for ws in (a, b, coord, a, b, coord):
        run_round(ws)
    register_participant(a, ParticipantInput(prenom="Nouvelle", nom="PERSONNE"))
    for ws in (a, b, coord, a, b, coord, a):
        run_round(ws)
    own = [p for p in shared.glob("*.ardoiz") if parse_name(p.name)[0] == a.replica_id]
    assert len(own) == 1  # only the newest stays: it carries a's acknowledgement
    assert digest(coord) == digest(a) == digest(b)
    status = sync_status(a)
    assert status.last_confirmed is not None and len(status.sent) >= 2
