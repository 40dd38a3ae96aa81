"""A preview names who an import adds, changes, deletes or erases, and leaves nothing behind."""

from __future__ import annotations

from ardoiz_desk.services.activities.corrections import delete_activity
from ardoiz_desk.services.activities.sessions import ActivityInput, record_activity
from ardoiz_desk.services.exchange.bundle_import import import_files
from ardoiz_desk.services.exchange.bundles import export_bundle
from ardoiz_desk.services.exchange.preview_rows import PREVIEW_LIMIT
from ardoiz_desk.services.health import digest
from ardoiz_desk.services.people.participants import (
    ParticipantInput,
    get_participant,
    input_from_view,
    register_participant,
    update_participant,
)
from ardoiz_desk.services.privacy.erasure import erase_participant


def _person(ws, prenom: str, nom: str):
    return register_participant(ws, ParticipantInput(prenom=prenom, nom=nom))


def _lists(outcome) -> dict[tuple[str, str], tuple[int, list[str]]]:
    return {(c.table, c.change): (c.total, [r.name for r in c.shown]) for c in outcome.changes}


def test_preview_lists_who_changes_and_a_real_import_reports_no_names(territory, tmp_path) -> None:
    coord, site = territory(1)
    renamed = _person(site, "Gérard", "Bérard")
    gone = _person(site, "Zoé", "Ébrard")
    workshop = record_activity(
        site,
        ActivityInput(
            kind="collectif",
            date=site.today(),
            duree_minutes=60,
            thematiques=["email"],
            titre_atelier="Atelier annulé",
        ),
    )
    _person(site, "Hélène", "Dupré")
    import_files(coord, [export_bundle(site, tmp_path / "1.ardoiz", full=True).path])
    view = get_participant(site, renamed.id)
    update_participant(site, renamed.id, input_from_view(view, nom="Bérard-Roux"))
    erase_participant(site, gone.id)
    delete_activity(site, workshop.id)
    for i in range(PREVIEW_LIMIT + 2):
        _person(site, f"Nouveau{i:02d}", "Martin")
    path = export_bundle(site, tmp_path / "2.ardoiz", full=True).path
    before = digest(coord)

    preview = import_files(coord, [path], dry_run=True)
    [outcome] = preview.outcomes
    lists = _lists(outcome)
    assert lists[("participants", "changed")] == (1, ["Gérard BÉRARD-ROUX"])
    assert lists[("participants", "erased")] == (1, ["Zoé ÉBRARD"])  # named as they were
    [deleted] = [c for c in outcome.changes if c.table == "activities"]
    assert deleted.change == "deleted" and deleted.shown[0].title == "Atelier annulé"
    total, names = lists[("participants", "added")]
    assert total == PREVIEW_LIMIT + 2 and len(names) == PREVIEW_LIMIT
    assert digest(coord) == before
    assert "changes" not in preview.as_dict()["outcomes"][0]  # names never in a report

    applied = import_files(coord, [path])  # the same merge for real: the notes are gone
    assert [o.status for o in applied.outcomes] == ["applied"]
    assert all(not o.changes for o in applied.outcomes)
    with coord.store.session() as session:
        temp = session.connection().exec_driver_sql(
            "SELECT name FROM sqlite_temp_master WHERE name LIKE 'ardoiz_preview%'"
        )
        assert temp.all() == []
    assert import_files(coord, [path], dry_run=True).outcomes[0].status == "already"
