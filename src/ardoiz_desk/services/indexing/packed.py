"""Many short strings held as one: a search index's ids at about a third of their size.

100,000 ids of 32 characters as separate ``str`` objects take ~8.5 MiB (81 bytes each plus
a list slot); laid end to end in one string with an array of where each ends, ~3.6 MiB.
Reading one slices it out (a page of the list reads a few dozen).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate
from typing import overload


class PackedStrings(Sequence[str]):
    """An immutable run of strings packed in one, plus the few appended since (a list)."""

    def __init__(self, values: Iterable[str] = ()) -> None:
        values = values if isinstance(values, list) else list(values)
        self._text = "".join(values)
        self._ends = array("I" if len(self._text) < 2**32 else "Q", accumulate(map(len, values)))
        self._more: list[str] = []

    def __len__(self) -> int:
        return len(self._ends) + len(self._more)

    @overload
    def __getitem__(self, item: int) -> str: ...
    @overload
    def __getitem__(self, item: slice) -> list[str]: ...
    def __getitem__(self, item: int | slice) -> str | list[str]:
        if isinstance(item, slice):
            return [self[i] for i in range(*item.indices(len(self)))]
        packed = len(self._ends)
        if item < 0:
            item += len(self)
        if 0 <= item < packed:
            ends = self._ends
            return self._text[ends[item - 1] if item else 0 : ends[item]]
        if packed <= item < len(self):
            return self._more[item - packed]
        raise IndexError(item)

    def __iter__(self) -> Iterator[str]:
        text, start = self._text, 0
        for end in self._ends:
            yield text[start:end]
            start = end
        yield from self._more

    def append(self, value: str) -> None:
        """Add a string at the end."""
        self._more.append(value)

    def extend(self, values: Iterable[str]) -> None:
        """Add strings at the end."""
        self._more.extend(values)

    def __repr__(self) -> str:
        return f"PackedStrings({len(self)} strings)"
