"""GUI fixtures: a fake dialog seam, a typing helper safe for accents, windows on small bases."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from gui_helpers import FakeDialogs, open_window, press, type_text

from ardoiz_desk.gui.main_window import MainWindow
from ardoiz_desk.services.demo import generate_demo
from ardoiz_desk.services.directory import initialise_site
from ardoiz_desk.services.workspace import Workspace


@pytest.fixture
def dialogs() -> FakeDialogs:
    """A dialog seam that never blocks."""
    return FakeDialogs()


@pytest.fixture
def site_ws(ws: Workspace) -> Workspace:
    """A workspace with its site and agent chosen, and a little demo data."""
    generate_demo(ws, participants=60, activities=40, seed=7)
    initialise_site(ws, "MSAP-SISTERON", agent_name="Camille Roussel")
    return ws


@pytest.fixture
def window(qtbot, site_ws: Workspace, dialogs: FakeDialogs) -> Iterator[MainWindow]:
    """The main window on a small demo base, its list loaded."""
    win = open_window(qtbot, site_ws, dialogs)
    yield win
    win.runner.wait(10_000)


__all__ = ["FakeDialogs", "open_window", "press", "type_text"]
