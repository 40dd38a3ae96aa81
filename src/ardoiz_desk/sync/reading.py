"""Read a bundle whose envelope was admitted: decrypt, decode, upgrade, check the clock.

Returns a :class:`~ardoiz_desk.sync.merge.DecodedBundle` ready to merge; the coordinator's
roster, when carried, travels beside the tables under :data:`ROSTER_KEY`.
"""

from __future__ import annotations

from ardoiz_desk.store.hlc import ClockError, HybridLogicalClock
from ardoiz_desk.sync.codec import decode_json_section
from ardoiz_desk.sync.container import Envelope, decrypt_sections
from ardoiz_desk.sync.errors import BundleError
from ardoiz_desk.sync.merge import DecodedBundle, decode_tables
from ardoiz_desk.sync.versions import schema_steps, upgrade_tables

ROSTER_KEY = "__roster__"


def read_bundle(envelope: Envelope, territory_key: bytes, replica_id: str) -> DecodedBundle:
    """Decrypt and decode a bundle's tables; raise BundleError (French) when refused."""
    steps = schema_steps(envelope.manifest)
    sections = decrypt_sections(envelope, territory_key)
    bundle = decode_tables(sections)
    if steps:
        bundle = DecodedBundle(
            upgrade_tables(bundle.tables, steps), bundle.max_stamp, bundle.replicas
        )
    if "roster" in sections:
        roster = decode_json_section(sections["roster"], "roster")
        if not isinstance(roster, list):
            raise BundleError("La liste des installations du paquet est mal formée.", "altered")
        bundle.tables[ROSTER_KEY] = (["roster"], [roster])  # carried beside the tables
    if bundle.max_stamp:
        try:
            HybridLogicalClock(replica_id).observe(bundle.max_stamp)
        except ClockError as exc:
            raise BundleError(
                "Ce paquet porte des dates trop en avance sur l'horloge de cet ordinateur "
                f"(plus de 24 h) : vérifiez la date et l'heure des deux ordinateurs. ({exc})",
                "clock",
            ) from exc
    return bundle
