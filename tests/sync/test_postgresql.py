"""A coordinator's base on a real PostgreSQL server merges exactly like the SQLite sites.

Runs against the server named by ``ARDOIZ_TEST_POSTGRES_URL`` (``.ci/run`` starts one and
sets it); each test gets a database of its own, dropped afterwards.
"""

from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

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
from ardoiz_desk.services.workspace import open_workspace
from helpers.sync import clone_territory, trust_everyone

SERVER_URL = os.environ.get("ARDOIZ_TEST_POSTGRES_URL")
pytestmark = pytest.mark.skipif(
    not SERVER_URL and not os.environ.get("CI"), reason="no PostgreSQL server configured"
)


@pytest.fixture
def pg_url():
    """A fresh, empty database on the server, dropped after the test."""
    assert SERVER_URL, "CI must provide ARDOIZ_TEST_POSTGRES_URL"
    name = f"ardoiz_{uuid.uuid4().hex[:12]}"
    admin = create_engine(SERVER_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(SERVER_URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def test_coordinator_round_on_postgresql(territory, workspace_factory, pg_url, tmp_path) -> None:
    coord, site_a, site_b = territory(2)
    central = open_workspace(tmp_path / "central", pg_url)
    assert central.store.engine.dialect.name == "postgresql"
    mirror = workspace_factory("mirror")  # the same role, on SQLite
    clone_territory(coord, [central, mirror])
    trust_everyone([coord, site_a, site_b, central, mirror])
    generate_demo(site_a, 40, 30, seed=1)
    generate_demo(site_b, 40, 30, seed=2)
    first_a = export_bundle(site_a, tmp_path / "a1.ardoiz", full=True).path
    people = search_participants(site_a, limit=2)
    update_participant(
        site_a, people[0].id, input_from_view(get_participant(site_a, people[0].id), nom="Changé")
    )
    erase_participant(site_a, people[1].id)
    second_a = export_bundle(site_a, tmp_path / "a2.ardoiz", full=True).path
    bundle_b = export_bundle(site_b, tmp_path / "b.ardoiz", full=True).path

    # A SQLite replica and the PostgreSQL one take the bundles in different orders.
    for path in (first_a, bundle_b, second_a):
        assert import_files(mirror, [path]).outcomes[0].status == "applied"
    for path in (second_a, bundle_b, first_a):
        assert import_files(central, [path]).outcomes[0].status == "applied"
    assert digest(central) == digest(mirror)
    erased = get_participant(central, people[1].id)
    assert erased.erased and erased.nom == "" and erased.telephone == ""
    assert get_participant(central, people[0].id).nom == "Changé"

    # The territory bundle exported from PostgreSQL brings a site to the same state.
    back = export_bundle(central, tmp_path / "territory.ardoiz", full=True).path
    assert import_files(site_b, [back]).outcomes[0].status == "applied"
    assert import_files(central, [back]).outcomes[0].status == "skipped"  # its own bundle
    assert digest(site_b) == digest(central)
    central.close()


def test_migrations_build_the_models_schema_on_postgresql(pg_url) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from ardoiz_desk.store import open_database
    from ardoiz_desk.store.schema import METADATA

    store = open_database(pg_url)
    try:
        with store.engine.connect() as conn:
            diffs = compare_metadata(MigrationContext.configure(conn), METADATA)
        assert diffs == []
    finally:
        store.dispose()


def test_command_line_on_postgresql(pg_url, tmp_path, capsys) -> None:
    from ardoiz_desk.cli import main

    base = ["--data-dir", str(tmp_path / "coord"), "--database-url", pg_url]
    assert main([*base, "demo", "--participants", "30", "--seed", "4"]) == 0
    assert main([*base, "participant", "list", "--search", "e"]) == 0
    listed = capsys.readouterr().out
    assert main([*base, "digest"]) == 0
    on_server = capsys.readouterr().out.strip()
    sqlite_dir = str(tmp_path / "sqlite")
    assert main(["--data-dir", sqlite_dir, "demo", "--participants", "30", "--seed", "4"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", sqlite_dir, "digest"]) == 0
    assert capsys.readouterr().out.strip() == on_server
    assert len(listed.splitlines()) > 1
