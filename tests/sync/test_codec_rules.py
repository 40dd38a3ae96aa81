"""Unit checks of the wire codec, the inbox filter and the merge rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from ardoiz_desk.store.models import Participant, synced_fields
from ardoiz_desk.sync.codec import ROW_HEAD, decode_table, encode_section
from ardoiz_desk.sync.errors import BundleError
from ardoiz_desk.sync.inbox import classify
from ardoiz_desk.sync.rules import merge_fields

S1 = "1780000000000.00001.aaaaaaaaaaaaaaaa"
S2 = "1780000000000.00002.bbbbbbbbbbbbbbbb"
ID = "0123456789abcdef0123456789abcdef"


def _table(**overrides):
    fields = list(synced_fields(Participant))
    values = {f: "" for f in fields}
    values.update(
        annee_naissance=1950,
        notice_given_on=None,
        site_id=None,
        autonomie=None,
        merged_into=None,
        merged_fields={},
        deleted=False,
        erased=False,
        genre="feminin",
    )
    values.update(overrides)
    columns = [*ROW_HEAD, *fields]
    return columns, [[ID], [S1], [{}], *([values[f]] for f in fields)]


def test_codec_round_trip() -> None:
    columns, data = _table(prenom="Hélène")
    assert decode_table(encode_section(columns, data), Participant) == (columns, data)


@pytest.mark.parametrize(
    "overrides",
    [{"prenom": 3}, {"annee_naissance": "1950"}, {"erased": 1}, {"notice_given_on": "2026-02-30"}],
)
def test_codec_refuses_values_of_the_wrong_kind(overrides) -> None:
    columns, data = _table(**overrides)
    with pytest.raises(BundleError):
        decode_table(encode_section(columns, data), Participant)


def test_codec_refuses_a_value_hiding_a_second_line() -> None:
    columns, data = _table()
    data[0] = [f"{ID}\n{ID}"]
    with pytest.raises(BundleError):
        decode_table(encode_section(columns, data), Participant)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("ardoiz-MSAP-20260601.ardoiz", ""),
        ("ardoiz-MSAP.ardoiz.part", "partiel"),
        ("ardoiz-MSAP.ardoiz.tmp", "partiel"),
        (".~ardoiz-MSAP.ardoiz", "partiel"),
        ("ardoiz (conflicted copy 2026-06-01 101500).ardoiz", "conflit"),
        ("ardoiz.sync-conflict-20260601-101500-ABC1234.ardoiz", "conflit"),
        ("notes.txt", None),
    ],
)
def test_inbox_classification(name, expected) -> None:
    reason = classify(Path(name))
    if expected is None or expected == "":
        assert reason == expected
    else:
        assert expected in reason


def test_merge_is_commutative_and_erasure_wins_regardless_of_stamps() -> None:
    fields = ["nom", "erased"]
    a = ({"nom": "A", "erased": True}, {"nom": S1, "erased": S1})
    b = ({"nom": "B", "erased": False}, {"nom": S2, "erased": S2})
    never = lambda _s: False  # noqa: E731
    ab = merge_fields(fields, a, b, never, never)
    ba = merge_fields(fields, b, a, never, never)
    assert ab[0] == ba[0] == {"nom": "B", "erased": True}
    assert ab[1] == ba[1]
    assert [c.field for c in ab[2]] == ["nom"]  # the concurrent name change is a conflict
