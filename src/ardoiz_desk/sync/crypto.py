"""Keys, signatures and authenticated encryption, all from the ``cryptography`` package.

Nothing is home-made: Ed25519 signs, AES-256-GCM encrypts, HKDF-SHA256 derives one key
per bundle from the territory key, and scrypt turns a passphrase into a key for enrolment
files.
"""

from __future__ import annotations

import hashlib
import os

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from ardoiz_desk.sync.errors import BundleError

KEY_BYTES = 32
NONCE_BYTES = 12
SALT_BYTES = 16
SIGNATURE_BYTES = 64
#: scrypt cost for enrolment files: ~0.5 s and 128 MiB on a counter PC (measured: 0.4-0.65 s
#: on this project's 2-core VM), far more for a guesser.
SCRYPT_N = 2**17
SCRYPT_MIN_N = 2**14
SCRYPT_MAX_N = 2**20


def new_secret_key() -> bytes:
    """Return a new random 256-bit key (the territory's content key)."""
    return os.urandom(KEY_BYTES)


def new_signing_key() -> bytes:
    """Return the raw 32 bytes of a new Ed25519 private key."""
    return Ed25519PrivateKey.generate().private_bytes(
        Encoding.Raw, PrivateFormat.Raw, NoEncryption()
    )


def public_key_of(signing_key: bytes) -> bytes:
    """Return the raw public key matching a raw private key."""
    private = Ed25519PrivateKey.from_private_bytes(signing_key)
    return private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def fingerprint(public_key: bytes) -> str:
    """Return a short, readable fingerprint of a public key (to compare by phone)."""
    digest = hashlib.sha256(public_key).hexdigest()[:20].upper()
    return " ".join(digest[i : i + 4] for i in range(0, 20, 4))


def sign(signing_key: bytes, message: bytes) -> bytes:
    """Sign a message with a raw Ed25519 private key."""
    return Ed25519PrivateKey.from_private_bytes(signing_key).sign(message)


def verify(public_key: bytes, signature: bytes, message: bytes) -> bool:
    """Return True when the signature is valid for this key and message."""
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


def bundle_key(territory_key: bytes, salt: bytes) -> bytes:
    """Derive the one-bundle content key from the territory key and the bundle's salt."""
    return HKDF(
        algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, info=b"ardoiz-desk bundle v1"
    ).derive(territory_key)


def random_bytes(n: int) -> bytes:
    """Return n bytes from the operating system's random source (salts, nonces)."""
    return os.urandom(n)


def encrypt(key: bytes, nonce: bytes, plaintext: bytes, associated: bytes) -> bytes:
    """Encrypt with AES-256-GCM; return the ciphertext with its tag."""
    return AESGCM(key).encrypt(nonce, plaintext, associated)


def decrypt(key: bytes, nonce: bytes, ciphertext: bytes, associated: bytes) -> bytes:
    """Decrypt AES-256-GCM, raising BundleError when anything was altered."""
    try:
        return AESGCM(key).decrypt(nonce, ciphertext, associated)
    except (InvalidTag, ValueError) as exc:
        raise BundleError(
            "Le contenu chiffré ne peut pas être lu : fichier altéré, ou clé du territoire "
            "différente.",
            "altered",
        ) from exc


def passphrase_key(passphrase: str, salt: bytes, n: int = SCRYPT_N) -> bytes:
    """Derive a key from a passphrase with scrypt (r=8, p=1)."""
    if not SCRYPT_MIN_N <= n <= SCRYPT_MAX_N or n & (n - 1):
        raise BundleError("Paramètres de dérivation de clé invalides.", "altered")
    return Scrypt(salt=salt, length=KEY_BYTES, n=n, r=8, p=1).derive(passphrase.encode("utf-8"))
