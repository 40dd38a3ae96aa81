"""Read a bundle whose envelope was admitted: decrypt, decode (bounded), upgrade.

Returns a :class:`~ardoiz_desk.sync.merge.DecodedBundle` ready to be checked and merged;
the coordinator's roster, when carried, travels beside the tables under :data:`ROSTER_KEY`.
How far its stamps run ahead of this machine's clock is :func:`clock_lead_ms` (the import
quarantines a bundle beyond the drift bound rather than refusing it: docs/bundle-format.md).
"""

from __future__ import annotations

import dataclasses

from ardoiz_desk.store.hlc import DEFAULT_MAX_DRIFT_MS, parse_stamp, wall_clock_ms
from ardoiz_desk.sync.codec import InflateBudget, decode_json_section
from ardoiz_desk.sync.container import Envelope, decrypt_sections
from ardoiz_desk.sync.errors import BundleError
from ardoiz_desk.sync.manifest import section_counts
from ardoiz_desk.sync.merge import DecodedBundle, decode_tables
from ardoiz_desk.sync.versions import schema_steps, upgrade_tables

ROSTER_KEY = "__roster__"
#: Stamps up to this far ahead of the reader's clock are accepted as they are.
MAX_DRIFT_MS = DEFAULT_MAX_DRIFT_MS


def read_bundle(envelope: Envelope, territory_key: bytes) -> DecodedBundle:
    """Decrypt and decode a bundle's tables; raise BundleError (French) when refused."""
    steps = schema_steps(envelope.manifest)
    sections = decrypt_sections(envelope, territory_key)
    budget = InflateBudget(len(envelope.ciphertext))
    bundle = decode_tables(sections, budget, section_counts(envelope.manifest))
    if steps:
        bundle = dataclasses.replace(bundle, tables=upgrade_tables(bundle.tables, steps))
    if "roster" in sections:
        roster = decode_json_section(sections["roster"], "roster", budget)
        if not isinstance(roster, list):
            raise BundleError("La liste des installations du paquet est mal formée.", "altered")
        bundle.tables[ROSTER_KEY] = (["roster"], [roster])  # carried beside the tables
    return bundle


def now_ms() -> int:
    """This machine's clock (a seam: tests move time forward)."""
    return wall_clock_ms()


def clock_lead_ms(bundle: DecodedBundle) -> int:
    """How far the bundle's newest stamp is ahead of this machine's clock (<= 0: not ahead).

    Field stamps never exceed their row's ``updated_hlc`` (checked when decoding), so the
    newest row stamp bounds every stamp the bundle carries.
    """
    if not bundle.max_stamp:
        return 0
    return parse_stamp(bundle.max_stamp).wall_ms - now_ms()


def beyond_drift(bundle: DecodedBundle) -> bool:
    """True when some stamp of the bundle is further ahead than the drift bound."""
    return clock_lead_ms(bundle) > MAX_DRIFT_MS
