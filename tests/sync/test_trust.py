"""The trust gate is a pure function of the manifest, the signing key and the peer record."""

from __future__ import annotations

import pytest

from ardoiz_desk.sync import trust
from ardoiz_desk.sync.state import APPLIED, PENDING, REVOKED, TRUSTED, Peer

ME = trust.Identity("a" * 16, b"\x01" * 32, "t" * 32)
KEY = b"\x02" * 32


def _manifest(origin: str = "b" * 16, territory: str = "t" * 32) -> dict:
    return {"territory_id": territory, "origin": {"replica": origin}}


def _peer(status: str = TRUSTED, key: bytes = KEY) -> Peer:
    return Peer("b" * 16, key.hex(), status=status)


@pytest.mark.parametrize(
    ("manifest", "signed_by", "peer", "ledger", "action", "reason"),
    [
        (_manifest(territory="x" * 32), KEY, _peer(), None, trust.REFUSE, "other-territory"),
        (_manifest(origin=ME.replica_id), KEY, None, None, trust.REFUSE, "wrong-key"),
        (_manifest(origin=ME.replica_id), ME.public_key, None, None, trust.SKIP, "self"),
        (_manifest(), KEY, _peer(), APPLIED, trust.ALREADY, "already"),
        (_manifest(), KEY, None, None, trust.HOLD, "pending"),
        (_manifest(), b"\x03" * 32, _peer(PENDING), None, trust.HOLD, "pending"),
        (_manifest(), b"\x03" * 32, _peer(), None, trust.REFUSE, "wrong-key"),
        (_manifest(), KEY, _peer(REVOKED), None, trust.REFUSE, "revoked"),
        (_manifest(), KEY, _peer(), None, trust.ADMIT, ""),
    ],
)
def test_verdicts(manifest, signed_by, peer, ledger, action, reason) -> None:
    verdict = trust.decide(manifest, signed_by, ME, peer, ledger)
    assert (verdict.action, verdict.reason) == (action, reason)
    if action == trust.REFUSE:
        assert verdict.message
