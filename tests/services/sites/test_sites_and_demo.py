"""The default directory and the demo generator."""

from __future__ import annotations

from sqlalchemy import func, select

from ardoiz_desk.services.demo import generate_demo
from ardoiz_desk.services.health import check_base, digest
from ardoiz_desk.services.people.participants import count_participants, search_participants
from ardoiz_desk.services.sites.sites import (
    ensure_default_directory,
    initialise_site,
    list_sites,
    set_site_active,
    this_agent,
    this_site,
)
from ardoiz_desk.store.models import Activity, Attendance, FollowUp


def test_default_directory_ships_the_ccsb_sites_and_is_editable(ws) -> None:
    assert ensure_default_directory(ws) >= 6
    assert ensure_default_directory(ws) == 0
    codes = {s.code: s for s in list_sites(ws)}
    assert codes["MSAP-SISTERON"].commune_code_insee == "04209"
    set_site_active(ws, codes["MSAP-ROSANS"].id, False)
    assert "MSAP-ROSANS" not in {s.code for s in list_sites(ws)}
    assert "MSAP-ROSANS" in {s.code for s in list_sites(ws, include_retired=True)}


def test_two_replicas_loading_the_directory_agree(workspace_factory) -> None:
    a, b = workspace_factory("a"), workspace_factory("b")
    ensure_default_directory(a)
    ensure_default_directory(b)
    assert [s.id for s in list_sites(a)] == [s.id for s in list_sites(b)]


def test_initialise_site_sets_this_site_and_agent(ws) -> None:
    site, agent = initialise_site(
        ws, "apc-upaix", "Agence postale d'Upaix", "agence_postale", "Léa Fabre"
    )
    assert this_site(ws) == site
    assert this_agent(ws) == agent
    assert site.code == "APC-UPAIX"


def test_demo_is_realistic_and_reproducible(workspace_factory) -> None:
    a, b = workspace_factory("a"), workspace_factory("b")
    summary = generate_demo(a, participants=120, seed=7)
    generate_demo(b, participants=120, seed=7)
    assert digest(a) == digest(b)
    assert summary.participants == count_participants(a) == 120
    with a.store.session() as session:
        kinds = dict(
            session.execute(select(Activity.kind, func.count()).group_by(Activity.kind)).all()
        )
        assert set(kinds) == {"collectif", "individuel", "formation"}
        assert session.scalar(select(func.count()).select_from(Attendance)) == summary.attendances
        assert session.scalar(select(func.count()).select_from(FollowUp)) == summary.followups > 0
    assert any(any(ch in v.prenom + v.nom for ch in "éèëçÉ") for v in search_participants(a, ""))
    assert check_base(a).sound


def test_different_seeds_differ(workspace_factory) -> None:
    a, b = workspace_factory("a"), workspace_factory("b")
    generate_demo(a, participants=30, seed=1)
    generate_demo(b, participants=30, seed=2)
    assert digest(a) != digest(b)
