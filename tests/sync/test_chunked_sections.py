"""Format 3: a large table spans several sections, read and merged one section at a time."""

from __future__ import annotations

import json
import zlib

import pytest

from ardoiz_desk.services.exchange import bundle_import
from ardoiz_desk.services.exchange.bundle_import import import_bundle_bytes, import_files
from ardoiz_desk.services.exchange.bundles import export_bundle, inspect_bundle
from ardoiz_desk.services.exchange.territory import load_keys
from ardoiz_desk.services.health import digest
from ardoiz_desk.services.people.participants import ParticipantInput, register_participant
from ardoiz_desk.sync import container
from ardoiz_desk.sync.container import Section, decrypt_parts, open_envelope, write_bundle
from ardoiz_desk.sync.errors import BundleError
from ardoiz_desk.sync.manifest import _check_sections


def _people(ws, n: int) -> None:
    for i in range(n):
        register_participant(ws, ParticipantInput(prenom=f"Prénom{i}", nom=f"Nom{i}"))


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr("ardoiz_desk.sync.export.CHUNK_ROWS", 3)


def test_a_table_larger_than_a_section_spans_several_and_round_trips(
    territory, tmp_path, small_chunks
) -> None:
    coord, site = territory(1)
    _people(site, 8)
    sent = export_bundle(site, tmp_path / "a.ardoiz", full=True)
    manifest = container.read_manifest(sent.path.read_bytes())
    parts = [s for s in manifest["sections"] if s["name"] == "participants"]
    assert manifest["format"] == 3
    assert [p["rows"] for p in parts] == [3, 3, 2]
    assert inspect_bundle(coord, sent.path).counts["participants"] == 8
    outcome = import_files(coord, [sent.path]).outcomes[0]
    assert outcome.status == "applied", outcome
    assert {t.table: (t.received, t.new) for t in outcome.tables}["participants"] == (8, 8)
    back = export_bundle(coord, tmp_path / "back.ardoiz", full=True)
    assert import_files(site, [back.path]).outcomes[0].status == "applied"
    assert digest(coord) == digest(site)
    # The same rows again as a new bundle: every section compared, nothing written.
    again = import_files(coord, [export_bundle(site, tmp_path / "b.ardoiz", full=True).path])
    counts = {t.table: t for t in again.outcomes[0].tables}["participants"]
    assert (counts.received, counts.new, counts.unchanged) == (8, 0, 8)


def test_a_bundle_whose_tables_fit_in_one_section_stays_format_2(territory, tmp_path) -> None:
    _coord, site = territory(1)
    _people(site, 2)
    sent = export_bundle(site, tmp_path / "a.ardoiz", full=True)
    assert container.read_manifest(sent.path.read_bytes())["format"] == 2


def test_an_older_reader_refuses_format_3_naming_the_version_to_install(
    territory, tmp_path, small_chunks, monkeypatch
) -> None:
    coord, site = territory(1)
    _people(site, 5)
    data = export_bundle(site, tmp_path / "a.ardoiz", full=True).path.read_bytes()
    monkeypatch.setattr(container, "FORMAT_VERSION", 2)  # the reader of format 2
    with pytest.raises(BundleError) as refused:
        import_bundle_bytes(coord, data)
    assert refused.value.reason == "newer-format"
    assert "format 3" in str(refused.value) and "format 2" in str(refused.value)


def test_sections_of_a_table_must_follow_each_other_and_only_from_format_3() -> None:
    def manifest(fmt, names):
        part = {"rows": 1, "bytes": 1, "sha256": "0" * 64}
        return {"format": fmt, "sections": [{"name": n, **part} for n in names]}

    _check_sections(
        manifest(3, ["sites", "participants", "participants"])["sections"], chunked=True
    )
    for fmt, names in [
        (2, ["participants", "participants"]),
        (3, ["participants", "sites", "participants"]),
        (3, ["roster", "roster"]),
    ]:
        with pytest.raises(BundleError):
            _check_sections(manifest(fmt, names)["sections"], chunked=fmt >= 3)


def _sections_of(ws, tmp_path, docs):
    """Real export's manifest fields, with hand-made table sections."""
    real = export_bundle(ws, tmp_path / "real.ardoiz", full=True)
    envelope = open_envelope(real.path.read_bytes())
    head = {
        k: v
        for k, v in envelope.manifest.items()
        if k not in ("format", "cipher", "signature", "sections")
    }
    sections = [
        Section(name, len(doc["data"][0]), zlib.compress(json.dumps(doc).encode()))
        for name, doc in docs
    ]
    keys = load_keys(ws)
    return write_bundle(head, sections, keys.territory_key, keys.signing_key), envelope


def _table(ws, tmp_path, name):
    real = export_bundle(ws, tmp_path / "t.ardoiz", full=True)
    envelope = open_envelope(real.path.read_bytes())
    for part, _rows, blob in decrypt_parts(envelope, load_keys(ws).territory_key):
        if part == name:
            return json.loads(zlib.decompress(blob))
    raise AssertionError(name)


def _split(doc, at):
    head = {"columns": doc["columns"], "data": [c[:at] for c in doc["data"]]}
    tail = {"columns": doc["columns"], "data": [c[at:] for c in doc["data"]]}
    return head, tail


def test_a_row_repeated_in_two_sections_is_merged_once(territory, tmp_path) -> None:
    coord, site = territory(1)
    _people(site, 4)
    doc = _table(site, tmp_path, "participants")
    first, _ = _split(doc, 3)
    second = {"columns": doc["columns"], "data": [c[2:] for c in doc["data"]]}  # row 2 twice
    data, _env = _sections_of(site, tmp_path, [("participants", first), ("participants", second)])
    outcome = import_bundle_bytes(coord, data)
    assert outcome.status == "applied", outcome
    counts = {t.table: t for t in outcome.tables}["participants"]
    assert (counts.received, counts.new, counts.unchanged) == (5, 4, 1)


def test_a_bad_value_in_a_later_section_refuses_the_whole_bundle(territory, tmp_path) -> None:
    coord, site = territory(1)
    _people(site, 4)
    doc = _table(site, tmp_path, "participants")
    first, second = _split(doc, 2)
    second["data"][second["columns"].index("genre")][0] = "martien"
    data, _env = _sections_of(site, tmp_path, [("participants", first), ("participants", second)])
    before = digest(coord)
    with pytest.raises(BundleError) as refused:
        import_bundle_bytes(coord, data)
    assert refused.value.reason == "values"
    assert digest(coord) == before


def test_a_merge_holds_one_section_at_a_time(territory, tmp_path, small_chunks, monkeypatch):
    coord, site = territory(1)
    _people(site, 9)
    sent = export_bundle(site, tmp_path / "a.ardoiz", full=True)
    seen: list[int] = []
    real = bundle_import.CheckedStream.__iter__

    def spy(self):
        for chunk in real(self):
            seen.extend(len(d[0]) for _c, d in chunk.tables.values())
            yield chunk

    monkeypatch.setattr(bundle_import.CheckedStream, "__iter__", spy)
    assert import_files(coord, [sent.path]).outcomes[0].status == "applied"
    assert max(seen) <= 3 and sum(seen) >= 9
