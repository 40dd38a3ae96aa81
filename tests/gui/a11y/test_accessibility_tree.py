"""What a screen reader gets: the AT-SPI tree of every pane and dialog, read under a real X
display with Debian's pyatspi (RGAA 7.1, 11.1, 11.2; WCAG 4.1.2, 2.1.2).

The test starts its own Xvfb, D-Bus session, AT-SPI bus and registry, the window on a small
demo base (tests/gui/a11y/atspi_app.py) and a walker under /usr/bin/python3
(tests/gui/a11y/atspi_walker.py). It is skipped only when those system packages are missing
(scripts/setup.sh installs them: at-spi2-core python3-pyatspi dbus-x11 gir1.2-atspi-2.0).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from atspi_session import AccessibleDesktop, missing_tools

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        sys.platform != "linux" or bool(missing_tools()),
        reason=f"AT-SPI desktop unavailable: {', '.join(missing_tools())}",
    ),
]

# Roles a user operates; any focusable node counts too.
INTERACTIVE = {
    "push button",
    "toggle button",
    "check box",
    "radio button",
    "combo box",
    "text",
    "password text",
    "spin button",
    "slider",
    "page tab",
    "link",
    "table",
    "tree table",
    "list",
    "tree",
    "menu item",
    "scroll pane",
}
# Qt on Linux names these after their current value: only a "labelled by" relation (a
# QLabel buddy) gives them a name a screen reader speaks before the value.
NAMED_BY_LABEL = {"combo box"}

SCENES = {
    "Participants": "pane 0",
    "Activités": "pane 1",
    "Suivis": "pane 2",
    "Agents et formation": "pane 3",
    "Synchronisation, Échanger": "pane 4 0",
    "Synchronisation, Conflits": "pane 4 1",
    "Synchronisation, Installations": "pane 4 2",
    "Rapports": "pane 5",
    "Paramètres": "pane 6",
    "activity dialog": "activity",
    "activity dialog, new participant form": "activity-new",
    "participant card": "card",
    "participant card, Suivis": "card 1",
    "new participant card": "new-card",
    "duplicates dialog": "duplicates",
    "first-start wizard": "wizard",
}


@pytest.fixture(scope="module")
def desktop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AccessibleDesktop]:
    session = AccessibleDesktop(tmp_path_factory.mktemp("atspi"))
    try:
        session.start()
        yield session
    finally:
        session.stop()
        if os.environ.get("ARDOIZ_KEEP_ATSPI_LOGS"):
            print(f"AT-SPI logs in {session.folder}")


def interactive(node: dict) -> bool:
    return node["role"] in INTERACTIVE or "focusable" in node["states"]


def label_names(node: dict) -> list[str]:
    return [name for name in node["relations"].get("labelled-by", []) if name.strip()]


def spoken_name(node: dict) -> str:
    """The name a screen reader speaks for a control."""
    if node["role"] in NAMED_BY_LABEL:
        return " ".join(label_names(node))
    return node["name"].strip() or " ".join(label_names(node))


def unnamed(nodes: list[dict]) -> list[str]:
    return [
        f"{node['role']} {node['name']!r} under {' > '.join(node['path'][-3:])}"
        for node in nodes
        if interactive(node) and not spoken_name(node)
    ]


@pytest.mark.parametrize("what", list(SCENES))
def test_every_interactive_control_has_a_name(desktop: AccessibleDesktop, what: str) -> None:
    desktop.scene(SCENES[what])
    nodes = desktop.tree()
    assert len([n for n in nodes if interactive(n)]) >= 3, nodes  # the scene is really there
    problems = unnamed(nodes)
    assert not problems, f"{len(problems)} unnamed in {what}:\n" + "\n".join(problems)


def _in(node: dict, table: str) -> bool:
    """Whether a focused node is the table, or inside it (a cell, a cell editor)."""
    return f"table:{table}" in [*node["path"], f"{node['role']}:{node['name']}"]


@pytest.mark.parametrize("column", [2, 3, 4, 5])
def test_attendance_cell_editors_are_named(desktop: AccessibleDesktop, column: int) -> None:
    desktop.scene(f"activity-edit {column}")
    focused = desktop.focus_when(lambda n: n["role"] not in ("table", "table cell"))
    assert focused is not None
    assert "table:Liste des présents" in focused["path"]
    assert focused["role"] in ("combo box", "text", "spin button"), focused
    assert spoken_name(focused), focused


@pytest.mark.parametrize(
    ("table", "name"),
    [
        ("participants", "Liste des participants"),
        ("attendance", "Liste des présents"),
    ],
)
def test_one_tab_leaves_the_table(desktop: AccessibleDesktop, table: str, name: str) -> None:
    desktop.scene(f"table {table}")
    before = desktop.focus_when(lambda n: _in(n, name))
    assert before is not None and _in(before, name), before
    desktop.key("Tab")
    after = desktop.focus_when(lambda n: not _in(n, name))
    assert after is not None and not _in(after, name), after  # one press, out of the table
    desktop.key("ISO_Left_Tab")  # and Shift+Tab comes back into it in one press
    back = desktop.focus_when(lambda n: _in(n, name))
    assert back is not None and _in(back, name), back


def test_an_error_is_announced_and_read_with_its_field(desktop: AccessibleDesktop) -> None:
    desktop.scene("new-card")
    desktop.announced()  # forget what came before
    desktop.scene("new-card-error")
    said = desktop.announced()
    assert any("obligatoire" in message for message in said), said
    first = [n for n in desktop.tree() if n["role"] == "text" and n["name"] == "Prénom"]
    assert len(first) == 1
    assert "Champ obligatoire." in first[0]["description"]
    assert "ce champ est obligatoire" in first[0]["description"], first[0]


def test_labels_reach_the_tree(desktop: AccessibleDesktop) -> None:
    """Buddies and groups as a screen reader gets them (the "labelled by" relation)."""
    desktop.scene("activity")
    tablet = [n for n in desktop.tree() if n["role"] == "check box" and n["name"] == "Tablette"]
    assert tablet and tablet[0]["relations"].get("labelled-by") == ["Matériel utilisé"]
    desktop.scene("pane 5")
    periods = ("Début de la période", "Fin de la période")
    dates = [n for n in desktop.tree() if n["role"] == "text" and n["name"] in periods]
    assert [d["relations"].get("labelled-by") for d in dates[:2]] == [["Du"], ["au"]]
    desktop.scene("pane 0")
    combos = [n for n in desktop.tree() if n["role"] == "combo box"]
    assert [c["relations"].get("labelled-by") for c in combos] == [
        ["Filtrer par site"],
        ["Filtrer par étape atteinte"],
        ["Filtrer par autonomie"],
        ["Filtrer par tablette"],
    ]
