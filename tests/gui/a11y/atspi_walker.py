"""Read the AT-SPI accessibility tree of a running application, as a screen reader does.

Runs under Debian's own ``/usr/bin/python3`` with ``pyatspi`` (python3-pyatspi), not in the
project's virtual environment. Commands arrive on stdin, one per line; each answer is one
JSON line on stdout:

- ``tree APPNAME``: every node shown on screen in the application's windows (table cells
  left out: a table is one control whose cells are read by their column headers);
- ``focus [MS]``: after MS milliseconds (300), the last node that announced it took the
  focus (the event Orca speaks), with the roles and names of its ancestors;
- ``announced [MS]``: after MS milliseconds (300), the messages the application announced
  (errors appearing) since the last time this was asked;
- ``key KEYSYM``: press and release a key (X keysym name, e.g. ``Tab``) through the
  registry daemon, which sends it to the X server like a real keyboard.
"""

from __future__ import annotations

import json
import sys

import pyatspi
from gi.repository import GLib

SKIP_CHILDREN = {"table", "tree table", "tree", "list"}
MAX_DEPTH = 60


def _app(name: str):
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        if app is not None and app.name == name:
            return app
    return None


def _states(acc) -> list[str]:
    return sorted(pyatspi.stateToString(s) for s in acc.getState().getStates())


def _relations(acc) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for relation in acc.getRelationSet():
        kind = str(relation.getRelationType().value_nick)
        names = []
        for i in range(relation.getNTargets()):
            target = relation.getTarget(i)
            names.append(target.name if target is not None else "")
        found.setdefault(kind, []).extend(names)
    return found


def _node(acc, path: list[str]) -> dict:
    return {
        "role": acc.getRoleName(),
        "name": acc.name or "",
        "description": acc.description or "",
        "states": _states(acc),
        "relations": _relations(acc),
        "path": path,
        "children": acc.childCount,
    }


def tree(app_name: str) -> list[dict]:
    app = _app(app_name)
    if app is None:
        return []
    nodes: list[dict] = []

    def walk(acc, path: list[str], depth: int) -> None:
        if acc is None or depth > MAX_DEPTH:
            return
        try:
            if not acc.getState().contains(pyatspi.STATE_SHOWING):
                return
            node = _node(acc, path)
        except Exception:  # a node that went away while we walked
            return
        nodes.append(node)
        if node["role"] in SKIP_CHILDREN:
            return
        here = [*path, f"{node['role']}:{node['name']}"]
        for child in acc:
            walk(child, here, depth + 1)

    for window in app:
        walk(window, [], 0)
    return nodes


class FocusWatch:
    """Remembers the last object that announced it took the focus (what Orca speaks)."""

    def __init__(self) -> None:
        self.source = None
        pyatspi.Registry.registerEventListener(self._changed, "object:state-changed:focused")

        self.announced: list[str] = []
        pyatspi.Registry.registerEventListener(self._announced, "object:announcement")

    def _announced(self, event) -> None:
        self.announced.append(str(event.any_data))

    def _changed(self, event) -> None:
        if event.detail1:
            self.source = event.source

    def node(self) -> dict | None:
        acc = self.source
        if acc is None:
            return None
        path: list[str] = []
        parent = acc.parent
        while parent is not None and len(path) < MAX_DEPTH:
            try:
                path.insert(0, f"{parent.getRoleName()}:{parent.name or ''}")
                parent = parent.parent
            except Exception:
                break
        return _node(acc, path)


KEYSYMS = {"Tab": 0xFF09, "ISO_Left_Tab": 0xFE20, "Escape": 0xFF1B, "Down": 0xFF54}


def key(keysym_name: str) -> bool:
    pyatspi.Registry.generateKeyboardEvent(KEYSYMS[keysym_name], None, pyatspi.KEY_SYM)
    return True


def main() -> None:
    watch = FocusWatch()

    def reply(answer) -> bool:
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()
        return False

    def handle(_fd, condition) -> bool:
        line = sys.stdin.readline()
        if not line or condition & GLib.IO_HUP:
            pyatspi.Registry.stop()
            return False
        command, _, argument = line.strip().partition(" ")
        try:
            if command == "tree":
                reply(tree(argument))
            elif command == "focus":
                # Let the focus events of the last action arrive first.
                GLib.timeout_add(int(argument or 300), lambda: reply(watch.node()))
            elif command == "key":
                reply(key(argument))
            elif command == "announced":
                # What was announced since the last time this was asked.
                def said() -> bool:
                    reply(watch.announced)
                    watch.announced = []
                    return False

                GLib.timeout_add(int(argument or 300), said)
            elif command == "hello":
                reply("hello")
            elif command == "quit":
                pyatspi.Registry.stop()
                return False
            else:
                reply({"error": f"unknown command {command!r}"})
        except Exception as exc:  # report, keep serving
            reply({"error": f"{type(exc).__name__}: {exc}"})
        return True

    GLib.io_add_watch(sys.stdin.fileno(), GLib.IO_IN | GLib.IO_HUP, handle)
    pyatspi.Registry.start()


if __name__ == "__main__":
    main()
