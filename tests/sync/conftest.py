"""Fixtures for bundle tests: replicas enrolled in one territory."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ardoiz_desk.services.directory import initialise_site
from ardoiz_desk.services.territory import create_territory, join_territory, write_enrolment
from ardoiz_desk.services.workspace import Workspace

PASSPHRASE = "correct horse battery staple"


def enrol(coordinator: Workspace, site: Workspace, folder: Path) -> None:
    """Enrol a site in the coordinator's territory, and let the coordinator trust it."""
    from ardoiz_desk.services.territory import apply_roster, roster

    path = folder / f"enrol-{site.replica_id}.ardoiz-enrol"
    write_enrolment(coordinator, path, PASSPHRASE)
    join_territory(site, path, PASSPHRASE)
    apply_roster(coordinator, roster(site)[:1])


@pytest.fixture
def territory(workspace_factory, tmp_path) -> Callable[..., list[Workspace]]:
    """Make a coordinator and sites, all enrolled and trusting each other."""

    def make(n_sites: int = 2, *, trust_all: bool = True) -> list[Workspace]:
        coordinator = workspace_factory("coord")
        initialise_site(coordinator, "COORD-CCSB", "Coordination CCSB", "coordination")
        create_territory(coordinator, "CCSB")
        sites = []
        for i in range(n_sites):
            site = workspace_factory(f"site{i}")
            initialise_site(site, f"MSAP-{i}", f"MSAP {i}")
            path = tmp_path / f"enrol-{i}.ardoiz-enrol"
            write_enrolment(coordinator, path, PASSPHRASE)
            join_territory(site, path, PASSPHRASE)
            sites.append(site)
        if trust_all:
            trust_everyone([coordinator, *sites])
        return [coordinator, *sites]

    return make


def trust_everyone(replicas: list[Workspace]) -> None:
    """Let every replica trust every other (as a coordinator's roster would)."""
    from ardoiz_desk.services.territory import apply_roster, roster

    entries = [roster(ws)[0] for ws in replicas]
    for ws in replicas:
        apply_roster(ws, entries)
