"""Minisign-compatible Ed25519 keys and signatures, made with the `cryptography` package.

- Signatures use minisign's default prehashed mode ("ED": the Ed25519 signature of the file's BLAKE2b-512 hash)
  plus the signed "trusted comment", so `minisign -Vm FILE -P KEY` and scripts/verify_bundle.py both check them.
- Secret key files use minisign's unencrypted format (what `minisign -G -W` writes), so a maintainer can also
  sign with the minisign tool itself. Keep them outside the repository.

Make a key pair: python -m scripts.minisign generate SECRET_KEY_FILE PUBLIC_KEY_FILE
"""
from __future__ import annotations

import base64
import hashlib
import os
import secrets
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from scripts.verify_bundle import (ALG_LEGACY, ALG_PREHASHED, TRUSTED_PREFIX, UNTRUSTED_PREFIX, PublicKey,
                                   key_id)

KDF_NONE = b"\0\0"
CHECKSUM_ALG = b"B2"
_SECRET_SIZE = 2 + 2 + 2 + 32 + 8 + 8 + 8 + 64 + 32  # algorithms, kdf salt/limits, keynum, secret key, checksum


class SigningKeyError(Exception):
    """The secret key cannot be used; the message says why and what to do."""


@dataclass(frozen=True)
class SecretKey:
    keynum: bytes  # 8 random bytes that name the key pair
    seed: bytes  # 32-byte Ed25519 private key

    @property
    def public(self) -> PublicKey:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        raw = Ed25519PrivateKey.from_private_bytes(self.seed).public_key().public_bytes_raw()
        return PublicKey(keynum=self.keynum, key=raw)

    def sign_raw(self, message: bytes) -> bytes:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        return Ed25519PrivateKey.from_private_bytes(self.seed).sign(message)


def generate_key() -> SecretKey:
    return SecretKey(keynum=secrets.token_bytes(8), seed=secrets.token_bytes(32))


def _checksum(keynum: bytes, secret: bytes) -> bytes:
    return hashlib.blake2b(ALG_LEGACY + keynum + secret, digest_size=32).digest()


def secret_key_text(key: SecretKey) -> str:
    secret = key.seed + key.public.key  # libsodium's 64-byte secret key: seed, then public key
    raw = (ALG_LEGACY + KDF_NONE + CHECKSUM_ALG + bytes(32 + 8 + 8)
           + key.keynum + secret + _checksum(key.keynum, secret))
    return f"{UNTRUSTED_PREFIX}minisign secret key (unencrypted)\n{base64.b64encode(raw).decode('ascii')}\n"


def public_key_text(public: PublicKey) -> str:
    return f"{UNTRUSTED_PREFIX}minisign public key {public.key_id}\n{public.base64()}\n"


def load_secret_key(text: str, source: str = "the secret key") -> SecretKey:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if lines and lines[0].startswith(UNTRUSTED_PREFIX):
        lines = lines[1:]
    try:
        raw = base64.b64decode(lines[0], validate=True) if len(lines) == 1 else b""
    except ValueError:
        raw = b""
    if len(raw) != _SECRET_SIZE or raw[:2] != ALG_LEGACY:
        raise SigningKeyError(f"{source} is not a minisign secret key (two lines: a comment, then base64 text)")
    if raw[2:4] != KDF_NONE:
        raise SigningKeyError(f"{source} is protected by a password; make an unencrypted copy for the build "
                        "with `minisign -C -s FILE -W` and keep it outside the repository")
    keynum, secret, checksum = raw[54:62], raw[62:126], raw[126:158]
    if checksum != bytes(32) and checksum != _checksum(keynum, secret):  # minisign 0.11 -W writes zeros here
        raise SigningKeyError(f"{source} is damaged (its checksum does not match)")
    key = SecretKey(keynum=keynum, seed=secret[:32])
    if key.public.key != secret[32:]:
        raise SigningKeyError(f"{source} is damaged (its two halves do not belong together)")
    return key


def sign(message: bytes, key: SecretKey, trusted_comment: str | None = None, file_name: str = "") -> str:
    """The text of a .minisig file for `message` (prehashed mode, as minisign signs by default)."""
    if trusted_comment is None:
        trusted_comment = f"timestamp:{int(time.time())}\tfile:{file_name}"
    if "\n" in trusted_comment or "\r" in trusted_comment:
        raise ValueError("a trusted comment is one line")
    signature = key.sign_raw(hashlib.blake2b(message).digest())
    global_signature = key.sign_raw(signature + trusted_comment.encode("utf-8"))
    encoded = base64.b64encode(ALG_PREHASHED + key.keynum + signature).decode("ascii")
    return (f"{UNTRUSTED_PREFIX}signature from minisign secret key {key_id(key.keynum)}\n{encoded}\n"
            f"{TRUSTED_PREFIX}{trusted_comment}\n{base64.b64encode(global_signature).decode('ascii')}\n")


def write_private(path: Path, text: str) -> None:
    """Write a secret file readable by its owner only; never replace an existing one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)


def main(argv: list[str]) -> int:
    if len(argv) != 4 or argv[1] != "generate":
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    secret_path, public_path = Path(argv[2]), Path(argv[3])
    if secret_path.exists():
        print(f"{secret_path} exists already; not replacing a key", file=sys.stderr)
        return 1
    key = generate_key()
    write_private(secret_path, secret_key_text(key))
    public_path.parent.mkdir(parents=True, exist_ok=True)
    public_path.write_text(public_key_text(key.public), encoding="utf-8")
    print(f"Secret key: {secret_path} (keep it outside the repository)\nPublic key: {public_path}\n"
          f"Key id {key.public.key_id}: {key.public.base64()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
