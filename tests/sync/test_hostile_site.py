"""One broken or hostile site cannot poison the territory (issue 12, cases 1 to 9).

Each forged bundle is validly signed with the site's real key (``helpers.forge``): only
the checks on what it carries can refuse it.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import tracemalloc
import zlib

import pytest
from sqlalchemy import select

from ardoiz_desk.services.activities.sessions import ActivityInput, record_activity
from ardoiz_desk.services.exchange.bundle_import import import_files
from ardoiz_desk.services.exchange.bundles import export_bundle
from ardoiz_desk.services.exchange.territory import (
    REVOKED,
    list_peers,
    load_keys,
    set_peer_status,
)
from ardoiz_desk.services.health import clock_warning, digest
from ardoiz_desk.services.people.duplicates import merge_duplicate
from ardoiz_desk.services.people.participants import (
    ParticipantInput,
    get_participant,
    register_participant,
    search_participants,
)
from ardoiz_desk.services.privacy.erasure import erase_participant
from ardoiz_desk.services.sites.sites import add_agent
from ardoiz_desk.store.hlc import HybridLogicalClock, parse_stamp, wall_clock_ms
from ardoiz_desk.store.models import Participant
from ardoiz_desk.sync import state
from ardoiz_desk.sync.container import Section, write_bundle
from helpers.forge import HOUR_MS, column, forge, read_docs, stamp

DAY_MS = 24 * HOUR_MS


def _person(ws, prenom="Hélène", nom="Dupré", **kw):
    return register_participant(ws, ParticipantInput(prenom=prenom, nom=nom, **kw))


def _send(src, dst, folder, **kw):
    folder.mkdir(parents=True, exist_ok=True)
    path = export_bundle(src, folder, full=True, **kw).path
    report = import_files(dst, [path])
    return report.outcomes[0]


def _people(ws) -> set[str]:
    with ws.store.session() as s:
        return set(s.scalars(select(Participant.id)))


# 1. A field stamp far in the future -----------------------------------------------------


def test_1_field_stamp_beyond_the_row_or_the_drift_bound_is_refused(territory, tmp_path) -> None:
    coord, s1, s2 = territory(2)
    p = _person(s1)
    far = stamp(s1.replica_id, 70 * 365 * DAY_MS)

    def poison(docs):
        doc = docs["participants"]
        i = column(doc, "id").index(p.id)
        column(doc, "stamps")[i] = {"telephone": far}

    bad = forge(s1, tmp_path / "out", tables=poison)
    outcome = import_files(coord, [bad]).outcomes[0]
    assert outcome.status == "refused"
    assert "MSAP-0" in outcome.message and "date" in outcome.message
    assert p.id not in _people(coord)
    # The territory goes on: the coordinator's bundles are still read by every site.
    assert _send(coord, s2, tmp_path / "c").status == "applied"
    assert _send(s1, coord, tmp_path / "s1").status == "applied"
    assert _send(s2, coord, tmp_path / "s2").status == "applied"
    assert _send(coord, s2, tmp_path / "c2").status == "applied"
    assert digest(coord) == digest(s2)


# 2. A counter whose date runs days ahead ------------------------------------------------


def test_2_a_clock_days_ahead_is_quarantined_shown_and_never_lost(
    territory, tmp_path, monkeypatch
) -> None:
    from ardoiz_desk.services.exchange.quarantine import quarantined

    coord, s1, _s2 = territory(2)
    ahead = 3 * DAY_MS
    s1.store.clock = HybridLogicalClock(s1.replica_id, wall=lambda: wall_clock_ms() + ahead)
    p = _person(s1, "Zoé", "Lenoir")
    outcome = _send(s1, coord, tmp_path / "s1")
    assert outcome.status == "quarantined"
    assert "MSAP-0" in outcome.message and "72 h" in outcome.message
    [held] = quarantined(coord)
    assert held.site_code == "MSAP-0" and 71 <= held.hours_ahead <= 73
    assert p.id not in _people(coord)
    # The coordinator's clock was not dragged forward.
    assert parse_stamp(coord.store.clock.now()).wall_ms < wall_clock_ms() + HOUR_MS
    # The agent is told at their own counter by the coordinator's next bundle.
    assert _send(coord, s1, tmp_path / "c").status == "applied"
    warning = clock_warning(s1)
    assert warning and "coordination" in warning and "72 h" in warning
    # Real time catches up (the coordinator's date reaches the stamps): applied by itself.
    later = wall_clock_ms() + ahead
    monkeypatch.setattr("ardoiz_desk.sync.reading.now_ms", lambda: later)
    coord.store.clock = HybridLogicalClock(
        coord.replica_id, coord.store.clock.last, wall=lambda: later
    )
    report = import_files(coord, [])
    assert [o.status for o in report.outcomes] == ["applied"]
    assert p.id in _people(coord) and quarantined(coord) == []


def test_2_a_person_can_approve_quarantined_work_without_dragging_the_clock(
    territory, tmp_path
) -> None:
    from ardoiz_desk.services.exchange.bundle_import import approve_quarantined
    from ardoiz_desk.services.exchange.quarantine import quarantined

    coord, s1, s2 = territory(2)
    s1.store.clock = HybridLogicalClock(s1.replica_id, wall=lambda: wall_clock_ms() + 5 * DAY_MS)
    p = _person(s1, "Zoé", "Lenoir")
    assert _send(s1, coord, tmp_path / "s1").status == "quarantined"
    [held] = quarantined(coord)
    report = approve_quarantined(coord, held.bundle_id)
    assert [o.status for o in report.outcomes] == ["applied"]
    assert get_participant(coord, p.id).nom == "Lenoir"
    assert parse_stamp(coord.store.clock.now()).wall_ms < wall_clock_ms() + HOUR_MS
    # The coordinator's next bundle is read by the other sites.
    assert _send(coord, s2, tmp_path / "c").status == "applied"
    assert get_participant(s2, p.id).nom == "Lenoir"


# 3. A forged version vector -------------------------------------------------------------


def test_3_a_forged_version_vector_is_not_adopted(territory, tmp_path) -> None:
    coord, s1, s2 = territory(2)
    _person(s1)
    forged = stamp(s2.replica_id, 20 * HOUR_MS)

    def lie(manifest):
        manifest["version_vector"][s2.replica_id] = forged

    assert import_files(coord, [forge(s1, tmp_path / "f", manifest=lie)]).outcomes[0].ok
    with coord.store.session() as s:
        vv = state.load_version_vector(s.connection())
    assert vv.get(s2.replica_id, "") < forged
    # s2 writes, learns what the coordinator holds, then sends a delta: nothing is omitted.
    q = _person(s2, "Quentin", "Roux")
    assert _send(coord, s2, tmp_path / "c").status == "applied"
    delta = export_bundle(s2, tmp_path / "d", for_replica=coord.replica_id)
    assert delta.kind == "delta"
    import_files(coord, [delta.path])
    assert q.id in _people(coord)
    assert _send(coord, s2, tmp_path / "c2").status == "applied"
    assert digest(coord) == digest(s2)


# 4. Opposite merges ---------------------------------------------------------------------


def _listed(ws) -> set[str]:
    return {v.id for v in search_participants(ws, "")}


def test_4_opposite_merges_leave_one_live_record_everywhere(territory, tmp_path) -> None:
    coord, s1, s2 = territory(2)
    a = _person(coord, "Aline", "Martin")
    b = _person(coord, "Aline", "Martin", telephone="0492610000")
    _send(coord, s1, tmp_path / "c1")
    _send(coord, s2, tmp_path / "c2")
    merge_duplicate(s1, a.id, b.id)  # B into A
    merge_duplicate(s2, b.id, a.id)  # A into B
    _send(s1, coord, tmp_path / "s1")
    _send(s2, coord, tmp_path / "s2")
    _send(coord, s1, tmp_path / "c3")
    _send(coord, s2, tmp_path / "c4")
    _send(s1, coord, tmp_path / "s1b")
    _send(s2, coord, tmp_path / "s2b")
    _send(coord, s1, tmp_path / "c5")
    _send(coord, s2, tmp_path / "c6")
    live = [_listed(ws) & {a.id, b.id} for ws in (coord, s1, s2)]
    assert all(len(x) == 1 for x in live), live
    assert live[0] == live[1] == live[2]
    assert len({digest(ws) for ws in (coord, s1, s2)}) == 1


# 5. Erasure racing a merge --------------------------------------------------------------


def test_5_erasure_racing_a_merge_reaches_the_copied_fields(territory, tmp_path) -> None:
    coord, s1, s2 = territory(2)
    d = _person(coord, "Denis", "Morel", telephone="0492610000", email="denis@exemple.fr")
    k = _person(coord, "Denis", "Morel")
    _send(coord, s1, tmp_path / "c1")
    _send(coord, s2, tmp_path / "c2")
    merge_duplicate(s1, k.id, d.id)  # copies D's phone and e-mail into K
    assert get_participant(s1, k.id).telephone
    erase_participant(s2, d.id)
    for i in range(2):
        _send(s1, coord, tmp_path / f"s1-{i}")
        _send(s2, coord, tmp_path / f"s2-{i}")
        _send(coord, s1, tmp_path / f"c1-{i}")
        _send(coord, s2, tmp_path / f"c2-{i}")
    for ws in (coord, s1, s2):
        kept = get_participant(ws, k.id)
        assert (kept.telephone, kept.email) == ("", ""), ws.data_dir
    assert len({digest(ws) for ws in (coord, s1, s2)}) == 1


# 6. Zip bomb ----------------------------------------------------------------------------


def _bomb(ws, folder, inflated: int) -> os.PathLike:
    """A valid-JSON participants section whose notes inflate to ``inflated`` bytes."""
    keys = load_keys(ws)
    folder.mkdir(parents=True, exist_ok=True)
    rid, hlc = secrets.token_hex(16), stamp(ws.replica_id)
    z = zlib.compressobj(9)
    head = (
        f'{{"columns":["id","updated_hlc","stamps","notes"],"data":[["{rid}"],["{hlc}"],[{{}}],["'
    )
    parts = [z.compress(head.encode())]
    chunk = b"a" * (1 << 20)
    for _ in range(inflated >> 20):
        parts.append(z.compress(chunk))
    parts.append(z.compress(b'"]]}'))
    parts.append(z.flush())
    blob = b"".join(parts)
    path = export_bundle(ws, folder, full=True).path
    manifest, _docs, _extra = read_docs(path.read_bytes(), keys.territory_key)
    path.unlink()
    out = folder / "bomb.ardoiz"
    out.write_bytes(
        write_bundle(
            manifest, [Section("participants", 1, blob)], keys.territory_key, keys.signing_key
        )
    )
    return out


def test_6_a_zip_bomb_is_refused_with_bounded_memory(territory, tmp_path) -> None:
    coord, s1 = territory(1)
    bomb = _bomb(s1, tmp_path / "b", 400 << 20)
    assert bomb.stat().st_size < 2 << 20
    tracemalloc.start()
    try:
        outcome = import_files(coord, [bomb]).outcomes[0]
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert outcome.status == "refused" and outcome.reason == "too-large"
    assert "MSAP-0" in outcome.message
    assert peak < 120 << 20, peak


# 7. Flood by an outsider ----------------------------------------------------------------


def test_7_bundles_that_do_not_decrypt_are_never_held(territory, workspace_factory, tmp_path):
    from ardoiz_desk.services.exchange.territory import create_territory

    coord, _s1 = territory(1)
    outsider = workspace_factory("outsider")
    create_territory(outsider, "Faux")
    outsider.store.set_state("territory_id", coord.store.get_state("territory_id"))
    files = []
    for i in range(12):
        outsider.store.set_state("signing_key", secrets.token_hex(32))
        files.append(export_bundle(outsider, tmp_path / f"o{i}.ardoiz", full=True).path)
    report = import_files(coord, files)
    assert {o.status for o in report.outcomes} == {"refused"}
    assert not (coord.data_dir / "held").exists() or not any((coord.data_dir / "held").iterdir())
    with coord.store.session() as s:
        assert state.list_peers(s.connection()) == [
            p for p in state.list_peers(s.connection()) if not p.pending
        ]


def test_7_held_files_are_capped_per_claimed_replica(
    territory, workspace_factory, tmp_path, monkeypatch
):
    from ardoiz_desk.services.exchange import holding
    from helpers.sync import clone_territory

    monkeypatch.setattr(holding, "MAX_HELD_FILES", 3)
    coord, _s1 = territory(1)
    stranger = workspace_factory("stranger")
    clone_territory(coord, [stranger])  # has the territory key, but nobody approved it
    _person(stranger)
    files = [export_bundle(stranger, tmp_path / f"x{i}.ardoiz", full=True).path for i in range(5)]
    report = import_files(coord, files)
    assert [o.status for o in report.outcomes] == ["held"] * 3 + ["refused"] * 2
    assert len(list((coord.data_dir / "held").iterdir())) == 3
    assert "3" in report.outcomes[-1].message
    [line] = [p for p in list_peers(coord) if p.replica_id == stranger.replica_id]
    assert (line.status, line.files_waiting) == ("pending", 3)


# 8. Revocation that bites ---------------------------------------------------------------


def test_8_revocation_refuses_later_rows_and_rotates_the_key(territory, tmp_path) -> None:
    coord, s1, s2, s3 = territory(3)
    set_peer_status(coord, s2.replica_id, REVOKED)
    late = _person(s2, "Revoquée", "Après")
    # s3 has not heard of the revocation yet: it takes s2's rows and relays them.
    assert _send(s2, s3, tmp_path / "s2").status == "applied"
    outcome = _send(s3, coord, tmp_path / "s3")
    assert outcome.status == "applied"
    assert late.id not in _people(coord)
    assert "révoquée" in outcome.message
    # The coordinator's next bundle is sealed with a new territory key: s2 cannot read it.
    nxt = export_bundle(coord, tmp_path / "next", full=True).path
    refused = import_files(s2, [nxt]).outcomes[0]
    assert refused.status == "refused"
    assert import_files(s1, [nxt]).outcomes[0].status == "applied"
    assert import_files(s3, [nxt]).outcomes[0].status == "applied"
    assert load_keys(s1).territory_key == load_keys(coord).territory_key
    assert load_keys(s2).territory_key != load_keys(coord).territory_key
    # And sites now write with the new key, which the coordinator reads.
    assert _send(s1, coord, tmp_path / "s1").status == "applied"


# 9. Out-of-range values -----------------------------------------------------------------


def _values(ws):
    today = dt.date(2026, 6, 15)
    record_activity(
        ws, ActivityInput(kind="collectif", date=today, duree_minutes=60, thematiques=("email",))
    )
    add_agent(ws, "Agent Test", None)


@pytest.mark.parametrize(
    ("table", "name", "value"),
    [
        ("participants", "prenom", "x" * 10_000_000),
        ("participants", "genre", "martien"),
        ("activities", "kind", "fête"),
        ("agents", "role", "roi"),
        ("participants", "annee_naissance", 2**61),
        ("activities", "duree_minutes", -5),
        ("activities", "duree_minutes", 2**62 - 1),
        ("participants", "merged_into", "f" * 32),
        ("participants", "notice_given_on", "9999-12-31"),
        ("participants", "nom", "Du\x00pré"),
    ],
)
def test_9_out_of_range_values_are_refused(territory, tmp_path, table, name, value) -> None:
    coord, s1 = territory(1)
    _person(s1)
    _values(s1)

    def poison(docs):
        column(docs[table], name)[0] = value

    before = digest(coord)
    outcome = import_files(coord, [forge(s1, tmp_path / "f", tables=poison)]).outcomes[0]
    assert outcome.status == "refused", outcome
    assert "MSAP-0" in outcome.message
    assert digest(coord) == before


def test_every_synchronised_text_number_or_list_column_has_an_entry_rule() -> None:
    """A new column cannot slip in unchecked: each has a rule, or is typed enough by the codec
    (booleans, ids and foreign keys checked against the base)."""
    from ardoiz_desk.services.exchange.incoming import RULES
    from ardoiz_desk.store.models import SYNCED_MODELS, synced_fields
    from ardoiz_desk.sync.codec import column_specs

    unchecked = []
    for model in SYNCED_MODELS:
        table = model.__tablename__
        specs = column_specs(model)
        fks = {fk.parent.name for fk in model.__table__.foreign_keys}
        for name in synced_fields(model):
            if specs[name].kind == "bool" or name in fks or name in RULES.get(table, {}):
                continue
            unchecked.append(f"{table}.{name}")
    assert unchecked == []


def test_2_the_command_line_lists_and_approves_work_held_for_a_clock(
    territory, tmp_path, capsys
) -> None:
    from ardoiz_desk.cli import main

    coord, s1 = territory(1)
    s1.store.clock = HybridLogicalClock(s1.replica_id, wall=lambda: wall_clock_ms() + 4 * DAY_MS)
    p = _person(s1, "Zoé", "Lenoir")
    assert _send(s1, coord, tmp_path / "s1").status == "quarantined"
    data = ["--data-dir", str(coord.data_dir)]
    capsys.readouterr()
    assert main([*data, "territory", "clock-held"]) == 0
    line = capsys.readouterr().out.strip()
    bundle_id, site, ahead, _file = line.split("\t")
    assert (site, ahead) == ("MSAP-0", "+96 h")
    assert main([*data, "territory", "approve-clock", bundle_id]) == 0
    assert "applied" in capsys.readouterr().out
    assert get_participant(coord, p.id).nom == "Lenoir"


def test_8_a_site_enrolled_after_a_rotation_reads_bundles_under_the_older_key(
    territory, workspace_factory, tmp_path
) -> None:
    from ardoiz_desk.services.exchange.territory import join_territory, write_enrolment
    from ardoiz_desk.services.sites.sites import initialise_site
    from helpers.sync import PASSPHRASE, trust_everyone

    coord, s1, s2 = territory(2)
    old = export_bundle(s1, tmp_path / "old.ardoiz", full=True).path  # under the first key
    set_peer_status(coord, s2.replica_id, REVOKED)
    late = workspace_factory("late")
    initialise_site(late, "MSAP-TARD", "MSAP Tard")
    write_enrolment(coord, tmp_path / "late.ardoiz-enrol", PASSPHRASE)
    join_territory(late, tmp_path / "late.ardoiz-enrol", PASSPHRASE)
    trust_everyone([coord, s1, late])
    assert load_keys(late).territory_key == load_keys(coord).territory_key
    assert import_files(late, [old]).outcomes[0].status == "applied"


# 10. A commune whose codes belong to another one (issue 10) -----------------------------


def _commune_of(person_id, nom, insee, postal):
    def poison(docs):
        doc = docs["participants"]
        i = column(doc, "id").index(person_id)
        column(doc, "commune")[i] = nom
        column(doc, "commune_code_insee")[i] = insee
        column(doc, "commune_code_postal")[i] = postal

    return poison


@pytest.mark.parametrize(
    ("nom", "insee", "postal", "said"),
    [
        ("Ribiers", "05117", "05300", "05117 est le code de Ribeyret"),
        ("Val Buëch-Méouge", "99999", "05300", "99999 n'est le code d'aucune commune"),
        ("Val Buëch-Méouge", "05118", "04200", "04200 ne dessert pas Val Buëch-Méouge"),
        ("Lieu-dit Les Granges", "", "99999", "99999 ne dessert aucune commune"),
    ],
)
def test_10_a_commune_whose_codes_disagree_is_refused(
    territory, tmp_path, nom, insee, postal, said
) -> None:
    coord, s1 = territory(1)
    p = _person(s1, commune="Val Buëch-Méouge")
    before = digest(coord)
    bad = forge(s1, tmp_path / "f", tables=_commune_of(p.id, nom, insee, postal))
    outcome = import_files(coord, [bad]).outcomes[0]
    assert outcome.status == "refused", outcome
    assert "MSAP-0" in outcome.message and said in outcome.message, outcome.message
    assert digest(coord) == before


def test_10_honest_communes_pass(territory, tmp_path) -> None:
    coord, s1 = territory(1)
    current = _person(s1, "Zoé", "Lenoir", commune="Val Buëch-Méouge")
    assert (current.commune_code_insee, current.commune_code_postal) == ("05118", "05300")
    former = _person(s1, "Paul", "Martin", commune="Val Buëch-Méouge")
    unknown = _person(s1, "Léa", "Roux")
    nowhere = _person(s1, "Jean", "Blanc")
    erased = _person(s1, "Marc", "Noir", commune="Val Buëch-Méouge")
    erase_participant(s1, erased.id)

    def older_bases(docs):
        # What older bases (before the directory; codes filled by the migration) may hold.
        _commune_of(former.id, "Ribiers", "05118", "05300")(docs)
        _commune_of(unknown.id, "Lieu-dit Les Granges", "", "")(docs)
        _commune_of(nowhere.id, "", "", "")(docs)

    honest = forge(s1, tmp_path / "f", tables=older_bases)
    outcome = import_files(coord, [honest]).outcomes[0]
    assert outcome.status == "applied", outcome
    with coord.store.session() as s:
        got = {r.id: r for r in s.scalars(select(Participant))}
    assert got[former.id].commune == "Ribiers"
    assert got[former.id].commune_code_insee == "05118"
    assert got[current.id].commune == "Val Buëch-Méouge"
    assert got[unknown.id].commune == "Lieu-dit Les Granges"
