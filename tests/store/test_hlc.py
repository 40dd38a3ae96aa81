"""The hybrid logical clock: monotonic, string-sortable, absorbing, bounded drift."""

from __future__ import annotations

import pytest

from ardoiz_desk.store.hlc import ClockError, HybridLogicalClock, parse_stamp

A = "aaaaaaaaaaaaaaaa"
B = "bbbbbbbbbbbbbbbb"


class FakeWall:
    def __init__(self, ms: int) -> None:
        self.ms = ms

    def __call__(self) -> int:
        return self.ms


def test_stamps_increase_even_when_the_wall_clock_stands_still_or_goes_back() -> None:
    wall = FakeWall(1_700_000_000_000)
    clock = HybridLogicalClock(A, wall=wall)
    first = clock.now()
    second = clock.now()
    wall.ms -= 60_000  # the PC's clock was set back a minute
    third = clock.now()
    assert first < second < third
    assert parse_stamp(third).wall_ms == parse_stamp(first).wall_ms


def test_string_order_is_time_then_counter_then_replica() -> None:
    wall = FakeWall(1_700_000_000_000)
    a, b = HybridLogicalClock(A, wall=wall), HybridLogicalClock(B, wall=wall)
    sa, sb = a.now(), b.now()
    assert sa < sb  # same time and counter: replica id breaks the tie
    wall.ms += 1
    assert a.now() > sb


def test_observing_a_later_stamp_makes_next_local_stamp_later() -> None:
    a = HybridLogicalClock(A, wall=FakeWall(1_700_000_000_000))
    b = HybridLogicalClock(B, wall=FakeWall(1_700_000_500_000))
    remote = b.now()
    a.observe(remote)
    assert a.now() > remote


def test_a_stamp_too_far_in_the_future_is_refused() -> None:
    a = HybridLogicalClock(A, wall=FakeWall(1_700_000_000_000))
    far = HybridLogicalClock(B, wall=FakeWall(1_700_000_000_000 + 3 * 24 * 3600 * 1000)).now()
    with pytest.raises(ClockError, match="ahead"):
        a.observe(far)
    assert a.now() < far


def test_clock_resumes_after_its_last_stamp() -> None:
    wall = FakeWall(1_700_000_000_000)
    clock = HybridLogicalClock(A, wall=wall)
    last = clock.now()
    wall.ms -= 10_000
    resumed = HybridLogicalClock(A, last, wall=wall)
    assert resumed.now() > last


def test_counter_overflow_borrows_the_next_millisecond() -> None:
    wall = FakeWall(1_700_000_000_000)
    clock = HybridLogicalClock(A, wall=wall)
    stamps = [clock.now() for _ in range(100_002)]
    assert stamps == sorted(stamps)
    assert len(set(stamps)) == len(stamps)


@pytest.mark.parametrize("bad", ["", "x", "1700000000000.00001.XYZ", "17.00001." + A])
def test_malformed_stamps_are_rejected(bad: str) -> None:
    with pytest.raises(ClockError):
        parse_stamp(bad)
