"""A list of ids that reads them on demand from an in-memory index (the search indexes')."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, overload


class IdView(Sequence[str]):
    """The ids at some index positions, read on demand: a search result costs one int a row."""

    def __init__(
        self, ids: Sequence[str], position_of: Callable[[str], int | None], positions: Sequence[int]
    ) -> None:
        self._ids = ids
        self._position_of = position_of
        self.positions = positions

    def __len__(self) -> int:
        return len(self.positions)

    @overload
    def __getitem__(self, item: int) -> str: ...
    @overload
    def __getitem__(self, item: slice) -> list[str]: ...
    def __getitem__(self, item: int | slice) -> str | list[str]:
        if isinstance(item, slice):
            return list(map(self._ids.__getitem__, self.positions[item]))
        return self._ids[self.positions[item]]

    def __iter__(self) -> Iterator[str]:
        return map(self._ids.__getitem__, self.positions)

    def index(self, value: Any, start: int = 0, stop: int = sys.maxsize) -> int:
        """Return where an id is in the view (ValueError when absent)."""
        position = self._position_of(value) if isinstance(value, str) else None
        if position is None:
            raise ValueError(value)
        return self.positions.index(position, start, stop)
