"""Strings packed end to end read back as they were given."""

from __future__ import annotations

import pytest

from ardoiz_desk.services.indexing.packed import PackedStrings


def test_packed_strings_read_back_in_order() -> None:
    values = ["a" * 32, "", "é" * 3, "b" * 32, "id-7"]
    packed = PackedStrings(values)
    assert len(packed) == 5
    assert [packed[i] for i in range(5)] == values
    assert list(packed) == values and packed[-1] == "id-7" and packed[1:4] == values[1:4]
    packed.extend(["new"])
    packed.append("newer")
    assert len(packed) == 7 and packed[5] == "new" and packed[-1] == "newer"
    assert list(packed) == [*values, "new", "newer"]
    assert packed.index("b" * 32) == 3 and "new" in packed
    with pytest.raises(IndexError):
        packed[7]
    assert list(PackedStrings()) == [] and len(PackedStrings()) == 0
