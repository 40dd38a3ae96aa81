"""Guard against the PySide6 6.12.0 bug that leaks references to ``None`` (see PLATFORM.md).

On CPython 3.11, 6.12.0 drops a reference to ``None`` each time Qt hands back an empty
variant; a few thousand calls later the process aborts with ``none_dealloc``.
"""

from __future__ import annotations

import sys

import PySide6
from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QStandardItemModel

CALLS = 5_000
MARGIN = 50


def _none_refs_lost(call) -> int:
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        call()
    return before - sys.getrefcount(None)


def test_empty_variants_do_not_leak_none() -> None:
    model = QStandardItemModel(3, 2)
    index = model.index(1, 1)
    obj = QObject()
    calls = {
        "QModelIndex().data()": lambda: QModelIndex().data(),
        "model index data, unset role": lambda: index.data(Qt.ItemDataRole.ToolTipRole),
        "model.data, unset role": lambda: model.data(index, Qt.ItemDataRole.UserRole + 7),
        'QObject().property("nope")': lambda: obj.property("nope"),
    }
    for name, call in calls.items():
        assert call() is None, name
        lost = _none_refs_lost(call)
        assert lost <= MARGIN, f"{name}: {lost} references to None lost in {CALLS} calls"


def test_pyside6_is_the_pinned_611_series() -> None:
    assert PySide6.__version__.startswith("6.11."), PySide6.__version__
