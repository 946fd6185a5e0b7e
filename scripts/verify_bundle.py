#!/usr/bin/env python3
"""Check that a copy of the Child Online Safety Hub's USB edition is exactly the edition that was signed.

Usage:  python3 verify_bundle.py FOLDER [--key PUBLIC_KEY_FILE | --pubkey KEY]

Two checks, both needed:
1. SHA256SUMS.minisig is a good signature of SHA256SUMS by the hub's edition key (minisign format, Ed25519).
   The standard tool does the same: `minisign -Vm SHA256SUMS -P KEY`.
2. Every file listed in SHA256SUMS is there with that SHA-256 fingerprint, and no other file was added.

Exit status: 0 when the copy is intact; 1 when it is not (every modified, added or missing file is named, or the
signature is bad); 2 when the check could not be run (no such folder, no key...).

This file is copied onto every USB stick, so it needs only Python 3.9+ and the `cryptography` package.
"""
from __future__ import annotations

import argparse
import base64
import datetime
import hashlib
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

SUMS_NAME = "SHA256SUMS"
SIGNATURE_NAME = "SHA256SUMS.minisig"
KEY_PATH = "keys/hub-edition.pub"  # same place in the repository and on the stick
UNTRUSTED_PREFIX = "untrusted comment: "
TRUSTED_PREFIX = "trusted comment: "
ALG_LEGACY = b"Ed"  # signature over the file itself
ALG_PREHASHED = b"ED"  # signature over the file's BLAKE2b-512 hash
# Files that computers add by themselves when they open a stick; they are neither signed nor a sign of tampering.
SYSTEM_NAMES = frozenset({".DS_Store", "Thumbs.db", "desktop.ini", ".directory"})
SYSTEM_FOLDERS = frozenset({".Spotlight-V100", ".fseventsd", ".Trashes", ".TemporaryItems",
                            "System Volume Information", "$RECYCLE.BIN"})


class CheckError(Exception):
    """The check could not be run or the signature is bad; the message is for a person."""


# --- minisign keys and signatures -------------------------------------------------------------------------------

@dataclass(frozen=True)
class PublicKey:
    keynum: bytes  # 8 bytes, names the key
    key: bytes  # 32-byte Ed25519 public key

    @property
    def key_id(self) -> str:
        return key_id(self.keynum)

    def base64(self) -> str:
        return base64.b64encode(ALG_LEGACY + self.keynum + self.key).decode("ascii")


@dataclass(frozen=True)
class Signature:
    algorithm: bytes
    keynum: bytes
    signature: bytes
    trusted_comment: str
    global_signature: bytes
    untrusted_comment: str = ""


def key_id(keynum: bytes) -> str:
    """The key id as minisign prints it (the 8 bytes read as a little-endian number, in hex)."""
    return keynum[::-1].hex().upper()


def _b64(text: str, size: int, what: str) -> bytes:
    try:
        raw = base64.b64decode(text.strip(), validate=True)
    except ValueError:
        raise CheckError(f"{what} is not valid base64 text") from None
    if len(raw) != size:
        raise CheckError(f"{what} has {len(raw)} bytes instead of {size}")
    return raw


def parse_public_key(text: str) -> PublicKey:
    """A minisign public key: the file (comment line + key line) or the key line alone (`RW...`)."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if lines and lines[0].startswith(UNTRUSTED_PREFIX):
        lines = lines[1:]
    if len(lines) != 1:
        raise CheckError("the public key should be one line of base64 text (it starts with RW)")
    raw = _b64(lines[0], 42, "the public key")
    if raw[:2] != ALG_LEGACY:
        raise CheckError("the public key is not an Ed25519 minisign key")
    return PublicKey(keynum=raw[2:10], key=raw[10:])


def parse_signature(text: str) -> Signature:
    """A .minisig file: untrusted comment, signature, trusted comment, global signature."""
    lines = text.splitlines()
    if len(lines) < 4 or not lines[0].startswith(UNTRUSTED_PREFIX) or not lines[2].startswith(TRUSTED_PREFIX):
        raise CheckError(f"{SIGNATURE_NAME} is not a minisign signature file (it should have four lines)")
    raw = _b64(lines[1], 74, "the signature")
    if raw[:2] not in (ALG_LEGACY, ALG_PREHASHED):
        raise CheckError("the signature uses an algorithm this check does not know")
    return Signature(
        algorithm=raw[:2],
        keynum=raw[2:10],
        signature=raw[10:],
        trusted_comment=lines[2][len(TRUSTED_PREFIX):].strip(),
        global_signature=_b64(lines[3], 64, "the signature of the trusted comment"),
        untrusted_comment=lines[0][len(UNTRUSTED_PREFIX):].strip(),
    )


def _ed25519_valid(public_key: bytes, signature: bytes, message: bytes) -> bool:
    try:
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    except ImportError:
        raise CheckError("this check needs the Python package `cryptography`: install it with "
                         "`python3 -m pip install cryptography`, or check the signature with minisign "
                         f"(`minisign -Vm {SUMS_NAME} -P KEY`)") from None
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
    except InvalidSignature:
        return False
    return True


def verify_signature(message: bytes, signature: Signature, public_key: PublicKey) -> None:
    """Raises CheckError with a plain explanation unless the signature and its trusted comment are good."""
    if signature.keynum != public_key.keynum:
        raise CheckError(f"{SUMS_NAME} was signed with another key (key id {key_id(signature.keynum)}), "
                         f"not with the hub's key (key id {public_key.key_id})")
    signed = hashlib.blake2b(message).digest() if signature.algorithm == ALG_PREHASHED else message
    if not _ed25519_valid(public_key.key, signature.signature, signed):
        raise CheckError(f"the signature does not match {SUMS_NAME}: the list of files was changed after it "
                         "was signed, or the signature is damaged")
    comment = signature.signature + signature.trusted_comment.encode("utf-8")
    if not _ed25519_valid(public_key.key, signature.global_signature, comment):
        raise CheckError("the trusted comment of the signature was changed after signing")


# --- the list of files ---------------------------------------------------------------------------------------------

def parse_sums(text: str) -> dict[str, str]:
    """`sha256sum` output ("<64 hex>  <path>") as {path: hex}."""
    sums: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        digest, sep, name = line.partition("  ")
        if not sep:
            digest, sep, name = line.partition(" *")  # binary-mode marker of sha256sum
        digest = digest.strip().lower()
        if not sep or len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest) or not name:
            raise CheckError(f"{SUMS_NAME} line {number} is not '<SHA-256>  <file>': {line[:80]!r}")
        if name.startswith("/") or ".." in name.split("/"):
            raise CheckError(f"{SUMS_NAME} line {number} names a file outside the folder: {name!r}")
        sums[name] = digest
    return sums


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def is_system_file(relative: str) -> bool:
    parts = relative.split("/")
    return parts[-1] in SYSTEM_NAMES or parts[-1].startswith("._") or any(p in SYSTEM_FOLDERS for p in parts[:-1])


def bundle_files(folder: Path) -> list[str]:
    """Every file under `folder` (relative, with /), except the list and its signature."""
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames.sort()
        for name in sorted(filenames):
            relative = (Path(dirpath) / name).relative_to(folder).as_posix()
            if relative not in (SUMS_NAME, SIGNATURE_NAME):
                found.append(relative)
    return found


@dataclass
class FileReport:
    modified: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    checked: int = 0

    @property
    def intact(self) -> bool:
        return not (self.modified or self.added or self.missing)


def compare_files(folder: Path, sums: dict[str, str]) -> FileReport:
    report = FileReport()
    present = set()
    for relative in bundle_files(folder):
        if relative not in sums:
            (report.ignored if is_system_file(relative) else report.added).append(relative)
            continue
        present.add(relative)
        report.checked += 1
        if sha256_of(folder / relative) != sums[relative]:
            report.modified.append(relative)
    report.missing = sorted(set(sums) - present)
    return report


# --- the whole check -----------------------------------------------------------------------------------------------

@dataclass
class Result:
    files: FileReport | None = None
    signature_problem: str | None = None
    trusted_comment: str = ""
    key: PublicKey | None = None
    key_on_the_copy: bool = False

    @property
    def ok(self) -> bool:
        return self.signature_problem is None and self.files is not None and self.files.intact


def default_key_file(folder: Path) -> Path:
    """The repository's key when this script runs from the repository, else the copy's own key."""
    beside = Path(__file__).resolve().parent.parent / KEY_PATH
    return beside if beside.is_file() else folder / KEY_PATH


def verify(folder: Path, public_key: PublicKey) -> Result:
    folder = Path(folder)
    if not folder.is_dir():
        raise CheckError(f"{folder} is not a folder")
    sums_path, signature_path = folder / SUMS_NAME, folder / SIGNATURE_NAME
    if not sums_path.is_file():
        raise CheckError(f"{folder} has no {SUMS_NAME} file: it is not a signed copy of the hub, or that file "
                         "was deleted")
    result = Result(key=public_key)
    message = sums_path.read_bytes()
    try:
        if not signature_path.is_file():
            raise CheckError(f"the signature file {SIGNATURE_NAME} is missing")
        signature = parse_signature(signature_path.read_text(encoding="utf-8", errors="replace"))
        result.trusted_comment = signature.trusted_comment
        verify_signature(message, signature, public_key)
    except CheckError as problem:
        result.signature_problem = str(problem)
    try:
        sums = parse_sums(message.decode("utf-8", errors="replace"))
    except CheckError:
        if result.signature_problem:  # a damaged list that is not signed either: the signature says it all
            return result
        raise
    result.files = compare_files(folder, sums)
    return result


def readable_comment(comment: str) -> str:
    """minisign's "timestamp:<seconds>\tfile:<name>\t..." as words: the date in UTC, then the rest."""
    parts = []
    for part in comment.split("\t"):
        if part.startswith("timestamp:") and part[len("timestamp:"):].isdigit():
            signed = datetime.datetime.fromtimestamp(int(part[len("timestamp:"):]), datetime.timezone.utc)
            part = f"signed {signed:%Y-%m-%d %H:%M} UTC"
        parts.append(part)
    return "; ".join(parts)


def describe(result: Result, folder: Path) -> str:
    """The report a person reads."""
    lines = []
    files = result.files
    key = result.key
    if result.signature_problem:
        lines.append(f"BAD SIGNATURE: {result.signature_problem}.")
    else:
        lines.append(f"Signature: good (key id {key.key_id}).")
        if result.trusted_comment:
            lines.append(f"Signed note: {readable_comment(result.trusted_comment)}")
    if files is not None:
        if files.intact:
            lines.append(f"Files: all {files.checked} files match the signed list; none missing, none added.")
        else:
            lines.append(f"Files: {files.checked - len(files.modified)} of {files.checked + len(files.missing)} "
                         "listed files match; these do not:")
            for name in files.modified:
                lines.append(f"  modified: {name}  (its content differs from the signed edition)")
            for name in files.added:
                lines.append(f"  added:    {name}  (not part of the signed edition)")
            for name in files.missing:
                lines.append(f"  missing:  {name}  (part of the signed edition, not on this copy)")
        if files.ignored:
            lines.append(f"Ignored {len(files.ignored)} file(s) that computers add by themselves "
                         f"(such as {files.ignored[0]}).")
    if result.key_on_the_copy:
        lines.append(f"Note: the key used is the one stored on this copy ({KEY_PATH}, key id {key.key_id}). "
                     "Whoever changed a copy could change its key too: make sure this key id is the one the hub "
                     "publishes (see the About this edition page of a copy you trust, or ask who gave you this one).")
    if result.ok:
        lines.append(f"RESULT: {folder} is an intact copy of the signed edition.")
    else:
        lines.append(f"RESULT: {folder} is NOT an intact copy of the signed edition. Do not hand it on; "
                     "make a new copy from a source you trust.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check that a USB copy of the hub is the signed edition.")
    parser.add_argument("folder", type=Path, help="the copy's top folder (where SHA256SUMS is)")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--key", type=Path, help=f"public key file (default: {KEY_PATH})")
    group.add_argument("--pubkey", help="public key as one line of base64 (RW...)")
    args = parser.parse_args(argv)
    folder = args.folder
    try:
        if args.pubkey:
            public_key, key_file = parse_public_key(args.pubkey), None
        else:
            key_file = args.key or default_key_file(folder)
            if not key_file.is_file():
                raise CheckError(f"no public key at {key_file}; give one with --key FILE or --pubkey RW...")
            public_key = parse_public_key(key_file.read_text(encoding="utf-8"))
        print(f"Checking {folder} ...", flush=True)
        result = verify(folder, public_key)
    except CheckError as problem:
        print(f"Cannot check {folder}: {problem}.", file=sys.stderr)
        return 2
    if key_file is not None and args.key is None:
        result.key_on_the_copy = key_file.resolve().is_relative_to(folder.resolve())
    print(describe(result, folder))
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
