"""Fixtures for bundle tests: replicas enrolled in one territory."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sync_helpers import PASSPHRASE, trust_everyone

from ardoiz_desk.services.directory import initialise_site
from ardoiz_desk.services.territory import create_territory, join_territory, write_enrolment
from ardoiz_desk.services.workspace import Workspace


@pytest.fixture
def territory(workspace_factory, tmp_path) -> Callable[..., list[Workspace]]:
    """Make a coordinator and sites enrolled with real enrolment files; by default all trusted."""

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
