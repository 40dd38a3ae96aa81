"""The shortcuts that keep checking a large bundle cheap accept nothing the rules refuse."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from ardoiz_desk.services.exchange.incoming import _SURELY_VALID, RULES, _distinct
from ardoiz_desk.services.validation import Checker

TODAY = dt.date(2026, 12, 2)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_values_of_a_surely_valid_shape_pass_their_rule(data) -> None:
    for (table, name), pattern in _SURELY_VALID.items():
        value = data.draw(st.from_regex(pattern, fullmatch=True))
        c = Checker()
        RULES[table][name](c, value, TODAY)
        assert not c.errors, (table, name, value, c.errors)


def test_the_shortcut_still_sends_other_shapes_to_the_rule() -> None:
    pattern = _SURELY_VALID[("participants", "telephone")]
    assert pattern.fullmatch("04 92 61 00 00") and pattern.fullmatch("0492610000")
    for value in (
        "04  92 61 00 00",
        "+33 4 92 61 00 00",
        "04 92 61 00 0",
        "00 92 61 00 00",
        "٠٤ ٩٢ ٦١ ٠٠ ٠٠",
        "04 92 61 00 00\n",
    ):
        assert not pattern.fullmatch(value)


def test_distinct_values_keep_one_and_true_apart_and_skip_blanks() -> None:
    assert _distinct(["a", "", None, "a", "b"]) == ["a", "b"]
    assert sorted(map(repr, _distinct([1, True, 1, None]))) == ["1", "True"]
    assert _distinct([[], ["x"], ["x"], {}, {"a": 1}]) == [["x"], {"a": 1}]


def test_stamps_are_compared_as_json_writes_them() -> None:
    import json

    from ardoiz_desk.sync.wire_rows import _stamps_text

    stamps = {"nom": "1767225600000.00000.00000000000b3c40", "prenom": "1767225600000.00001.0a"}
    assert _stamps_text(stamps) == json.dumps(stamps)
    assert _stamps_text({}) == "{}"
