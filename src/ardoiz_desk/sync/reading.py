"""Read a bundle whose envelope was admitted: decrypt, then decode (bounded) part by part.

:func:`open_bundle` decrypts the payload, checks every section against its hash and its
claimed row count, and decodes the coordinator's roster when carried. The tables are not
decoded yet: :meth:`BundleStream.chunks` decodes them one section at a time (a large table
spans several sections, format 3), checked and upgraded to this version's schema, so that
an import holds one section's rows at a time, never the whole bundle. How far the stamps
run ahead of this machine's clock is :func:`clock_lead_ms` (the import quarantines a bundle
beyond the drift bound rather than refusing it: docs/bundle-format.md).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Protocol

from ardoiz_desk.store.hlc import DEFAULT_MAX_DRIFT_MS, parse_stamp, wall_clock_ms
from ardoiz_desk.sync.codec import InflateBudget, check_row_claim, decode_json_section
from ardoiz_desk.sync.container import Envelope, decrypt_parts
from ardoiz_desk.sync.errors import BundleError
from ardoiz_desk.sync.merge import (
    EXTRA_SECTIONS,
    MODELS,
    DecodedBundle,
    StampSummary,
    bundle_of,
    decode_chunk,
)
from ardoiz_desk.sync.versions import schema_steps, upgrade_tables

#: Stamps up to this far ahead of the reader's clock are accepted as they are.
MAX_DRIFT_MS = DEFAULT_MAX_DRIFT_MS


class BundleStream:
    """A decrypted bundle whose tables are decoded section by section, when asked."""

    def __init__(self, envelope: Envelope, territory_key: bytes) -> None:
        self.manifest = envelope.manifest
        self._steps = schema_steps(envelope.manifest)
        self._budget_bytes = len(envelope.ciphertext)
        self.parts: list[tuple[str, int, memoryview]] = []
        self.roster: list[Any] | None = None
        for name, rows, blob in decrypt_parts(envelope, territory_key):
            if name == "roster":
                self.roster = _roster(blob, self._budget_bytes)
            elif name in EXTRA_SECTIONS or name not in MODELS:
                raise BundleError(f"Section inconnue dans le paquet : {name}.", "altered")
            else:
                check_row_claim(name, rows, len(blob))
                self.parts.append((name, rows, blob))
        order = list(MODELS)
        self.parts.sort(key=lambda part: order.index(part[0]))  # stable: parts keep order
        #: the stamps of what :meth:`chunks` decoded, as the bundle carries them
        self.read = StampSummary()

    def chunks(self) -> Iterator[DecodedBundle]:
        """Decode the tables one section at a time, in merge order (a fresh pass each call)."""
        budget = InflateBudget(self._budget_bytes)
        self.read = StampSummary()
        for name, rows, blob in self.parts:
            chunk = decode_chunk(name, blob, budget, rows)
            if self._steps:
                chunk = bundle_of(upgrade_tables(chunk.tables, self._steps))
            self.read.add_bundle(chunk)
            yield chunk

    def check(self) -> None:
        """Decode every section (within the limits), keeping nothing."""
        for _chunk in self.chunks():
            pass


def _roster(blob: memoryview, budget_bytes: int) -> list[Any]:
    roster = decode_json_section(blob, "roster", InflateBudget(budget_bytes))
    if not isinstance(roster, list):
        raise BundleError("La liste des installations du paquet est mal formée.", "altered")
    return roster


def open_bundle(envelope: Envelope, territory_key: bytes) -> BundleStream:
    """Decrypt a bundle and check its sections; raise BundleError (French) when refused."""
    return BundleStream(envelope, territory_key)


class Stamped(Protocol):
    """Anything that knows the newest stamp it carries (a bundle, a stamp summary)."""

    max_stamp: str


def now_ms() -> int:
    """This machine's clock (a seam: tests move time forward)."""
    return wall_clock_ms()


def clock_lead_ms(bundle: Stamped) -> int:
    """How far the bundle's newest stamp is ahead of this machine's clock (<= 0: not ahead).

    Field stamps never exceed their row's ``updated_hlc`` (checked when decoding), so the
    newest row stamp bounds every stamp the bundle carries.
    """
    if not bundle.max_stamp:
        return 0
    return parse_stamp(bundle.max_stamp).wall_ms - now_ms()


def beyond_drift(bundle: Stamped) -> bool:
    """True when some stamp of the bundle is further ahead than the drift bound."""
    return clock_lead_ms(bundle) > MAX_DRIFT_MS
