"""Import behaviour: dry run, ledger, inbox hygiene, reports, holding unknown replicas, deltas."""

from __future__ import annotations

import json

from ardoiz_desk.services.exchange.bundle_import import approve_replica, import_files, import_inbox
from ardoiz_desk.services.exchange.bundles import export_bundle, set_sync_folder
from ardoiz_desk.services.exchange.territory import list_peers
from ardoiz_desk.services.health import digest
from ardoiz_desk.services.people.participants import (
    ParticipantInput,
    get_participant,
    input_from_view,
    register_participant,
    update_participant,
)
from ardoiz_desk.services.privacy.erasure import erase_participant


def _person(ws, prenom="Hélène", nom="Dupré"):
    return register_participant(
        ws, ParticipantInput(prenom=prenom, nom=nom, telephone="0492610000")
    )


def test_dry_run_counts_changes_and_changes_nothing(territory, tmp_path) -> None:
    coord, site = territory(1)
    a, b, c = _person(site, "Aline"), _person(site, "Bruno"), _person(site, "Chloé")
    first = export_bundle(site, tmp_path / "1.ardoiz", full=True)
    import_files(coord, [first.path])
    update_participant(site, a.id, input_from_view(get_participant(site, a.id), nom="Durand"))
    update_participant(coord, a.id, input_from_view(get_participant(coord, a.id), nom="Martin"))
    erase_participant(site, b.id)
    with site.store.session() as s:
        from ardoiz_desk.store.models import Participant

        s.get(Participant, c.id).deleted = True
    _person(site, "Denis")
    second = export_bundle(site, tmp_path / "2.ardoiz", full=True)
    before = digest(coord)
    report = import_files(coord, [second.path], dry_run=True)
    o = report.outcomes[0]
    assert o.status == "preview" and report.report_path is None
    assert (o.total("new"), o.total("conflicts"), o.total("deleted"), o.total("erased")) == (
        1,
        1,
        1,
        1,
    )
    assert o.total("updated") == 2  # the erased and the deleted; the conflict kept ours
    assert digest(coord) == before
    assert import_files(coord, [second.path]).outcomes[0].status == "applied"
    assert digest(coord) != before


def test_reimport_is_a_no_op_and_reports_are_kept(territory, tmp_path) -> None:
    coord, site = territory(1)
    _person(site)
    path = export_bundle(site, tmp_path / "b.ardoiz", full=True).path
    first = import_files(coord, [path])
    after = digest(coord)
    second = import_files(coord, [path])
    assert second.outcomes[0].status == "already"
    assert digest(coord) == after
    saved = json.loads(first.report_path.read_text(encoding="utf-8"))
    assert saved["outcomes"][0]["status"] == "applied"
    assert first.report_path.with_suffix(".txt").read_text(encoding="utf-8").startswith("Import")


def test_inbox_skips_partial_files_and_conflict_copies_and_bad_bundles_block_nothing(
    territory, tmp_path
) -> None:
    coord, site, other = territory(2)
    folder = set_sync_folder(coord, tmp_path / "Nextcloud" / "ardoiz")
    _person(site)
    _person(other, "Odette")
    good = export_bundle(site, folder, full=True).path
    export_bundle(other, folder, full=True)
    data = good.read_bytes()
    (folder / "x.ardoiz.part").write_bytes(data[:100])
    (folder / "b (conflicted copy 2026-06-01 101500).ardoiz").write_bytes(data)
    (folder / "b.sync-conflict-20260601-101500-ABCDEFG.ardoiz").write_bytes(data)
    (folder / ".~tmp123.ardoiz").write_bytes(data[:10])
    (folder / "broken.ardoiz").write_bytes(data[:-1] + bytes([data[-1] ^ 1]))
    (folder / "notes.txt").write_text("rien")
    report = import_inbox(coord)
    statuses = sorted(o.status for o in report.outcomes)
    assert statuses == ["applied", "applied", "refused", "skipped", "skipped", "skipped", "skipped"]
    refused = next(o for o in report.outcomes if o.status == "refused")
    assert refused.file == "broken.ardoiz" and "signature" in refused.message


def test_unknown_replica_is_held_until_approved(territory, tmp_path) -> None:
    coord, site = territory(1, trust_all=False)
    _person(site)
    path = export_bundle(site, tmp_path / "b.ardoiz", full=True).path
    before = digest(coord)
    assert import_files(coord, [path]).outcomes[0].status == "held"
    assert digest(coord) == before
    assert [p.status for p in list_peers(coord)] == ["pending"]
    report = approve_replica(coord, site.replica_id)
    assert [o.status for o in report.outcomes] == ["applied"]
    assert import_files(coord, [path]).outcomes[0].status == "already"
    # The coordinator's bundle makes the site trust it and learn the roster.
    back = export_bundle(coord, tmp_path / "c.ardoiz", full=True).path
    assert import_files(site, [back]).outcomes[0].status == "applied"
    assert digest(site) == digest(coord)


def test_delta_carries_only_what_the_peer_lacks(territory, tmp_path) -> None:
    coord, site = territory(1)
    for i in range(5):
        _person(site, f"P{i}")
    import_files(coord, [export_bundle(site, tmp_path / "1.ardoiz", full=True).path])
    import_files(site, [export_bundle(coord, tmp_path / "2.ardoiz", full=True).path])
    _person(site, "Nouveau")
    delta = export_bundle(site, tmp_path / "3.ardoiz", for_replica=coord.replica_id)
    assert delta.kind == "delta"
    assert delta.counts["participants"] == 1 and sum(delta.counts.values()) == 1
    assert import_files(coord, [delta.path]).outcomes[0].status == "applied"
    assert digest(coord) == digest(site)


def test_remerge_reads_only_the_rows_that_can_change(territory, tmp_path, monkeypatch) -> None:
    from ardoiz_desk.sync.wire_rows import TableIO

    coord, site = territory(1)
    a, b, c = _person(site, "Aline"), _person(site, "Bruno"), _person(site, "Chloé")
    import_files(coord, [export_bundle(site, tmp_path / "1.ardoiz", full=True).path])
    erase_participant(coord, c.id)  # erased here: its row is merged again to stay blank
    update_participant(site, a.id, input_from_view(get_participant(site, a.id), nom="Durand"))
    fetched: list[str] = []
    real_fetch = TableIO.fetch

    def fetch(self, ids, columns):
        if self.model.__tablename__ == "participants":
            fetched.extend(ids)
        return real_fetch(self, ids, columns)

    monkeypatch.setattr(TableIO, "fetch", fetch)
    second = export_bundle(site, tmp_path / "2.ardoiz", full=True)
    outcome = import_files(coord, [second.path]).outcomes[0]
    people = next(t for t in outcome.tables if t.table == "participants")
    assert sorted(fetched) == sorted([a.id, c.id])
    assert (people.received, people.new, people.updated, people.unchanged) == (3, 0, 1, 2)
    assert get_participant(coord, a.id).nom == "Durand"
    assert get_participant(coord, b.id).nom == "Dupré"
    assert get_participant(coord, c.id).erased
