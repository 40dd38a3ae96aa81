"""Two windows side by side (a counter and the coordination) can be told apart by title."""

from __future__ import annotations

from ardoiz_desk.services.sites.sites import initialise_site, this_site
from helpers.gui import open_window


def test_titles_name_the_site_the_agent_and_the_coordination(qtbot, territory, dialogs) -> None:
    coordination, site = territory(1)
    for ws, name in ((coordination, "Aurélie Castel"), (site, "Camille Roussel")):
        initialise_site(ws, this_site(ws).code, agent_name=name)
    counter = open_window(qtbot, site, dialogs)
    coord = open_window(qtbot, coordination, dialogs)
    assert counter.windowTitle().startswith("MSAP 0")
    assert "Camille Roussel" in counter.windowTitle()
    assert "coordination" not in counter.windowTitle()
    assert "Coordination CCSB" in coord.windowTitle()
    assert "coordination « CCSB »" in coord.windowTitle()
    assert "Aurélie Castel" in coord.windowTitle()
    assert counter.windowTitle() != coord.windowTitle()
    for window in (counter, coord):
        window.runner.wait(10_000)
