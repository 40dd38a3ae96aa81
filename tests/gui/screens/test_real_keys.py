"""Window-wide shortcuts typed on a real X keyboard (xdotool) reach the window (Xvfb, xcb).

QTest key clicks do not need an active window; real key presses do: a window-wide shortcut
only fires in the active window, while typed text still reaches the focused field of an
inactive one. With no window manager to hand the keyboard over (this Xvfb has none), the
window must take it when it opens and get it back when a dialog closes, else Ctrl+E typed
in the search box moves the cursor instead of opening the activity dialog.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers.xscreen import run_on_screen, xvfb

PROBE = Path(__file__).with_name("keys_probe.py")
PARTICIPANTS, ACTIVITIES, FOLLOWUPS, AGENTS, SETTINGS = 0, 1, 2, 3, 6


@pytest.mark.slow
def test_shortcuts_from_the_search_box_with_real_keys(tmp_path) -> None:
    if shutil.which("xdotool") is None:
        pytest.skip("xdotool is not installed (scripts/setup.sh installs it)")
    with xvfb(1366, 768) as display:
        lines = run_on_screen(display, PROBE, [str(tmp_path / "data")], tmp_path)
    steps = {line["step"]: line for line in lines}
    print("\n".join(str(line) for line in lines))  # shown when an assertion fails
    assert steps["start"]["active"] == "MainWindow"  # the window took the keyboard
    # Ctrl+E from the search box opens the activity dialog; what follows is typed there.
    assert steps["ctrl+e"]["dialogs"] == ["RecordActivityDialog"]
    assert steps["ctrl+e"]["active"] == "RecordActivityDialog"
    assert steps["typed-in-dialog"]["typed"] == "abc"
    assert steps["typed-in-dialog"]["search_text"] == ""
    for closed in ("activity-closed", "card-closed", "help-closed"):
        # Escape closes the dialog and the keyboard is back in the search box.
        assert steps[closed]["dialogs"] == [] and steps[closed]["focus_is_search"], closed
    assert steps["ctrl+n"]["dialogs"] == ["ParticipantCard"]
    assert steps["F1"]["dialogs"] == ["QDialog"] and steps["F1"]["focus"] == "QTableWidget"
    for number, pane in ((2, ACTIVITIES), (3, FOLLOWUPS), (4, AGENTS), (7, SETTINGS)):
        line = steps[f"ctrl+{number}"]
        assert line["pane"] == pane and not line["focus_is_search"], line
        assert line["focus"] not in (None, "QScrollArea"), line  # in the pane, on a field
    assert steps["ctrl+1"]["pane"] == PARTICIPANTS and steps["ctrl+1"]["focus_is_search"]
    # Ctrl+3 then Enter opens the person of the selected follow-up.
    assert steps["followups-enter"]["card_person"] is True
    assert steps["ctrl+f"]["pane"] == PARTICIPANTS and steps["ctrl+f"]["focus_is_search"]
    assert all(line["search_text"] == "" for line in lines)  # no shortcut letter leaked
