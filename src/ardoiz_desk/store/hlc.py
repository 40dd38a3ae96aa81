"""Hybrid logical clock: the stamp carried by every write of a synchronised field.

A stamp is a string ``WWWWWWWWWWWWW.CCCCC.REPLICA``: wall time in milliseconds (13 digits),
a counter (5 digits) and the replica id. Plain string comparison orders stamps by time,
then counter, then replica id, which is exactly the tie-break the merge needs.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

STAMP_RE = re.compile(r"^(\d{13})\.(\d{5})\.([0-9a-f]{16})$")
MAX_COUNTER = 99_999
#: A remote stamp further ahead of our wall clock than this is refused.
DEFAULT_MAX_DRIFT_MS = 24 * 3600 * 1000


class ClockError(ValueError):
    """A stamp is malformed, or too far ahead of this machine's clock."""


@dataclass(frozen=True, order=True)
class Stamp:
    """A parsed clock stamp."""

    wall_ms: int
    counter: int
    replica: str

    def __str__(self) -> str:
        return f"{self.wall_ms:013d}.{self.counter:05d}.{self.replica}"


def parse_stamp(text: str) -> Stamp:
    """Parse a stamp string, raising ClockError when it is malformed."""
    match = STAMP_RE.match(text)
    if not match:
        raise ClockError(f"malformed clock stamp: {text[:60]!r}")
    return Stamp(int(match.group(1)), int(match.group(2)), match.group(3))


def stamp_replica(text: str) -> str:
    """Return the replica id carried by a stamp string (its last 16 characters).

    Every stamp is fixed-width (see :data:`STAMP_RE`), so this is a slice: it runs once per
    field of every merged row.
    """
    return text[-16:]


def wall_clock_ms() -> int:
    """Return the machine's wall clock in milliseconds since the epoch."""
    return time.time_ns() // 1_000_000


class HybridLogicalClock:
    """Issues monotonic stamps for one replica, and absorbs stamps seen from others."""

    def __init__(
        self,
        replica_id: str,
        last: str | None = None,
        *,
        wall: Callable[[], int] = wall_clock_ms,
        max_drift_ms: int = DEFAULT_MAX_DRIFT_MS,
    ) -> None:
        if not re.fullmatch(r"[0-9a-f]{16}", replica_id):
            raise ClockError(f"bad replica id: {replica_id!r}")
        self.replica_id = replica_id
        self._wall = wall
        self._max_drift_ms = max_drift_ms
        parsed = parse_stamp(last) if last else None
        # An import may run on a worker thread while the agent saves a card.
        self._lock = threading.Lock()
        self._wall_ms = parsed.wall_ms if parsed else 0
        self._counter = parsed.counter if parsed else 0

    @property
    def last(self) -> str:
        """The latest stamp issued or observed ('' before the first)."""
        if self._wall_ms == 0:
            return ""
        return str(Stamp(self._wall_ms, self._counter, self.replica_id))

    def now(self) -> str:
        """Return a new stamp, strictly greater than every stamp issued or observed."""
        with self._lock:
            physical = self._wall()
            if physical > self._wall_ms:
                self._wall_ms, self._counter = physical, 0
            else:
                self._advance_counter()
            return str(Stamp(self._wall_ms, self._counter, self.replica_id))

    def observe(self, remote: str) -> None:
        """Absorb a stamp from another replica so later local stamps sort after it."""
        stamp = parse_stamp(remote)
        physical = self._wall()
        if stamp.wall_ms - physical > self._max_drift_ms:
            ahead_h = (stamp.wall_ms - physical) / 3_600_000
            raise ClockError(
                f"stamp from replica {stamp.replica} is {ahead_h:.1f} h "
                "ahead of this machine's clock"
            )
        with self._lock:
            if stamp.wall_ms > self._wall_ms:
                self._wall_ms, self._counter = stamp.wall_ms, stamp.counter
            elif stamp.wall_ms == self._wall_ms and stamp.counter > self._counter:
                self._counter = stamp.counter

    def absorb_stored(self, stored: str) -> None:
        """Catch up with the clock another process of this replica stored in the base.

        No drift check: the stored value was issued or observed (and checked) by this
        replica already.
        """
        stamp = parse_stamp(stored)
        with self._lock:
            if (stamp.wall_ms, stamp.counter) > (self._wall_ms, self._counter):
                self._wall_ms, self._counter = stamp.wall_ms, stamp.counter

    def _advance_counter(self) -> None:
        if self._counter >= MAX_COUNTER:
            # Counter exhausted within one millisecond: borrow the next millisecond.
            self._wall_ms += 1
            self._counter = 0
        else:
            self._counter += 1
