"""Keys, signatures and authenticated encryption, all from the ``cryptography`` package.

Nothing is home-made: Ed25519 signs, AES-256-GCM encrypts, HKDF-SHA256 derives one key
per bundle from the territory key, scrypt turns a passphrase into a key for enrolment
files, and X25519 seals a new territory key to each trusted replica after a revocation.
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
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
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


# -- key grants: a new territory key sealed to one replica (X25519 + HKDF + AES-256-GCM) --


def key_id(territory_key: bytes) -> str:
    """A short public name of a territory key (16 hex digits), carried in the manifest."""
    return hashlib.sha256(b"ardoiz-desk territory key id\n" + territory_key).hexdigest()[:16]


def box_private_key(signing_key: bytes) -> X25519PrivateKey:
    """A replica's X25519 key, derived from its Ed25519 signing key (one secret to keep)."""
    seed = HKDF(
        algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=b"ardoiz-desk box key v1"
    ).derive(signing_key)
    return X25519PrivateKey.from_private_bytes(seed)


def box_public_key(signing_key: bytes) -> bytes:
    """The raw X25519 public key others seal territory keys to."""
    return box_private_key(signing_key).public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def _grant_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(),
        length=KEY_BYTES,
        salt=ephemeral + recipient,
        info=b"ardoiz-desk key grant v1",
    ).derive(shared)


def seal_to(recipient: bytes, secret: bytes, associated: bytes) -> dict[str, str]:
    """Seal a secret to a replica's X25519 public key; return the grant (hex fields)."""
    ephemeral = X25519PrivateKey.generate()
    eph_pub = ephemeral.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient))
    nonce = os.urandom(NONCE_BYTES)
    box = encrypt(_grant_key(shared, eph_pub, recipient), nonce, secret, associated)
    return {"eph": eph_pub.hex(), "nonce": nonce.hex(), "box": box.hex()}


def open_sealed(signing_key: bytes, grant: dict[str, str], associated: bytes) -> bytes:
    """Open a grant sealed to this replica; raise BundleError when it cannot be opened."""
    private = box_private_key(signing_key)
    mine = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    try:
        eph_pub = bytes.fromhex(grant["eph"])
        shared = private.exchange(X25519PublicKey.from_public_bytes(eph_pub))
        nonce, box = bytes.fromhex(grant["nonce"]), bytes.fromhex(grant["box"])
    except (KeyError, ValueError, TypeError) as exc:
        raise BundleError("La clé du territoire transmise est illisible.", "altered") from exc
    return decrypt(_grant_key(shared, eph_pub, mine), nonce, box, associated)
