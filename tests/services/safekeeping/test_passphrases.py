"""Passphrases worth their name: strength checked (zxcvbn) and explained in French; scrypt
costs about half a second per guess."""

from __future__ import annotations

import subprocess
import sys

import pytest

from ardoiz_desk.services.exchange.territory import create_territory, write_enrolment
from ardoiz_desk.services.safekeeping.passphrases import passphrase_weakness
from ardoiz_desk.services.sites.sites import initialise_site
from ardoiz_desk.services.validation import ValidationError


@pytest.mark.parametrize(
    "weak", ["aaaaaaaaaa", "azertyuiop", "motdepasse2026", "Sisteron04200", "1234567890"]
)
def test_weak_passphrases_are_refused_with_a_reason_in_french(weak) -> None:
    reason = passphrase_weakness(weak)
    assert reason and "Phrase secrète trop" in reason and "par exemple" in reason


@pytest.mark.parametrize(
    "strong", ["correct horse battery staple", "tablette rivière cerise Orpierre"]
)
def test_four_unrelated_words_pass(strong) -> None:
    assert passphrase_weakness(strong) is None


def test_an_enrolment_passphrase_of_aaaaaaaaaa_is_refused(ws, tmp_path) -> None:
    initialise_site(ws, "COORD-CCSB", "Coordination CCSB", "coordination")
    create_territory(ws, "CCSB")
    with pytest.raises(ValidationError, match="trop facile"):
        write_enrolment(ws, tmp_path / "x.ardoiz-enrol", "aaaaaaaaaa")
    assert not (tmp_path / "x.ardoiz-enrol").exists()


def test_scrypt_costs_are_those_of_half_a_second_per_guess() -> None:
    # Read in a fresh interpreter: the test suite lowers them to stay fast.
    code = (
        "from ardoiz_desk.sync import crypto; from ardoiz_desk.services.safekeeping import base_key;"
        "print(crypto.SCRYPT_N, 2 ** base_key.SCRYPT_LOG2_N)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    enrolment_n, base_n = map(int, out.stdout.split())
    assert enrolment_n >= 2**17 and base_n >= 2**17
