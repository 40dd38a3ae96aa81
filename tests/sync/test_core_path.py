"""The portable SQLAlchemy Core path (used on PostgreSQL) merges exactly like the SQLite fast path."""

from __future__ import annotations

from ardoiz_desk.services.demo import generate_demo
from ardoiz_desk.services.exchange.bundle_import import import_files
from ardoiz_desk.services.exchange.bundles import export_bundle
from ardoiz_desk.services.health import digest
from ardoiz_desk.services.people.participants import (
    get_participant,
    input_from_view,
    search_participants,
    update_participant,
)
from ardoiz_desk.services.privacy.erasure import erase_participant
from ardoiz_desk.sync import wire_rows as tableio
from helpers.sync import clone_territory, trust_everyone


def test_core_path_and_fast_path_give_the_senders_digest(
    territory, workspace_factory, tmp_path, monkeypatch
) -> None:
    coord, site = territory(1)
    fast, core = workspace_factory("fast"), workspace_factory("core")
    clone_territory(coord, [fast, core])
    trust_everyone([coord, site, fast, core])
    generate_demo(site, 60, None, 3)
    first = export_bundle(site, tmp_path / "1.ardoiz", full=True).path
    people = search_participants(site, limit=3)
    update_participant(
        site, people[0].id, input_from_view(get_participant(site, people[0].id), nom="Changé")
    )
    erase_participant(site, people[1].id)
    second = export_bundle(site, tmp_path / "2.ardoiz", full=True).path

    assert [o.status for o in import_files(fast, [first, second]).outcomes] == ["applied"] * 2
    real_init = tableio.TableIO.__init__

    def core_init(self, conn, model, *, raw=None):
        real_init(self, conn, model, raw=False)

    monkeypatch.setattr(tableio.TableIO, "__init__", core_init)
    assert [o.status for o in import_files(core, [first, second]).outcomes] == ["applied"] * 2
    third = export_bundle(core, tmp_path / "3.ardoiz", full=True).path  # Core export too
    monkeypatch.setattr(tableio.TableIO, "__init__", real_init)
    assert digest(fast) == digest(core) == digest(site)
    assert import_files(coord, [third]).outcomes[0].status == "applied"
    assert import_files(fast, [third]).outcomes[0].status == "applied"
    assert digest(fast) == digest(site)
