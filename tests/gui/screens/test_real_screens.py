"""Every window and dialog fits the counters' real screens, its buttons in reach (Xvfb, xcb).

Each case starts its own Xvfb at the screen size, runs the window there with the text size
given, opens every pane and dialog (screen_probe.py) and checks where they really lie: the
whole frame inside the available screen, the footer and default buttons visible, no pane
wider than the window, no form squeezed so that it scrolls sideways (the card's form at
175 %: it goes above the journey instead).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.xscreen import run_on_screen, xvfb

PROBE = Path(__file__).with_name("screen_probe.py")
SCREENS = [
    (1024, 768, 100),
    (1280, 720, 100),
    (1366, 768, 100),
    (1366, 768, 150),
    (1366, 768, 175),
]


@pytest.mark.slow
@pytest.mark.parametrize(("width", "height", "percent"), SCREENS)
def test_every_window_fits_the_screen(tmp_path, width, height, percent) -> None:
    with xvfb(width, height) as display:
        lines = run_on_screen(display, PROBE, [str(tmp_path / "data"), str(percent)], tmp_path)
    scenes = {line["scene"] for line in lines}
    assert {"pane-participants", "pane-reports", "activity", "card", "new-card"} <= scenes
    assert {"duplicates", "first-start", "territory", "shortcuts", "training"} <= scenes
    problems = []
    for line in lines:
        where = f"{line['scene']}: {line['window']} at {line['frame']}"
        if not line["inside"]:
            problems.append(f"{where} leaves the screen {line['screen']}")
        hidden = [text for text, ok in line["buttons"].items() if not ok]
        if hidden:
            problems.append(f"{where}: buttons out of reach {hidden}")
        if line["sideways"]:
            problems.append(f"{where}: scrolls sideways {line['sideways']}")
        if line["overflowing_panes"]:
            problems.append(f"{where}: panes wider than the window {line['overflowing_panes']}")
    assert problems == []
