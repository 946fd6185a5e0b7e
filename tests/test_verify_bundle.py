"""scripts/verify_bundle.py and scripts/minisign.py on small signed folders, with throwaway keys.

Interoperability: Debian's `minisign` must accept our signatures and keys, and we must accept its signatures.
"""
from __future__ import annotations

import base64
import shutil
import subprocess
from pathlib import Path

import pytest

from scripts import minisign, verify_bundle
from scripts.edition import Edition
from scripts.usb_bundle import sign_bundle

MINISIGN = shutil.which("minisign") or "/usr/bin/minisign"
EDITION = Edition(name="2026-11-22", commit="abc1234")


def run_verify(folder: Path, key_file: Path, capsys) -> tuple[int, str]:
    code = verify_bundle.main([str(folder), "--key", str(key_file)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.fixture
def key() -> minisign.SecretKey:
    return minisign.generate_key()


@pytest.fixture
def bundle(tmp_path, key) -> tuple[Path, Path]:
    """A small signed folder (the same signing code as the real bundle) and its public key file."""
    folder = tmp_path / "usb"
    (folder / "site" / "fr").mkdir(parents=True)
    (folder / "site" / "index.html").write_text("<h1>Hub</h1>", encoding="utf-8")
    (folder / "site" / "fr" / "index.html").write_text("<h1>Centre</h1>", encoding="utf-8")
    (folder / "kiwix").mkdir()
    (folder / "kiwix" / "hub_en_2026-11.zim").write_bytes(bytes(range(256)) * 40)
    (folder / "START-HERE.html").write_text("<a href='site/index.html'>Open</a>", encoding="utf-8")
    sign_bundle(folder, key, EDITION)
    key_file = tmp_path / "test.pub"
    key_file.write_text(minisign.public_key_text(key.public), encoding="utf-8")
    return folder, key_file


def test_intact_copy_passes(bundle, capsys):
    folder, key_file = bundle
    code, out = run_verify(folder, key_file, capsys)
    assert code == 0, out
    assert "Signature: good" in out and "all 4 files match" in out
    assert "edition 2026-11-22 (commit abc1234)" in out
    assert "is an intact copy" in out


def test_modified_byte_is_named(bundle, capsys):
    folder, key_file = bundle
    zim = folder / "kiwix" / "hub_en_2026-11.zim"
    data = bytearray(zim.read_bytes())
    data[1000] ^= 0x01
    zim.write_bytes(bytes(data))
    code, out = run_verify(folder, key_file, capsys)
    assert code == 1
    assert "modified: kiwix/hub_en_2026-11.zim" in out
    assert "NOT an intact copy" in out
    assert "Signature: good" in out  # the list itself is still the signed one


def test_added_file_is_named(bundle, capsys):
    folder, key_file = bundle
    (folder / "site" / "extra.html").write_text("<script>steal()</script>", encoding="utf-8")
    code, out = run_verify(folder, key_file, capsys)
    assert code == 1
    assert "added:    site/extra.html" in out


def test_removed_file_is_named(bundle, capsys):
    folder, key_file = bundle
    (folder / "site" / "fr" / "index.html").unlink()
    code, out = run_verify(folder, key_file, capsys)
    assert code == 1
    assert "missing:  site/fr/index.html" in out


def test_every_problem_is_named_at_once(bundle, capsys):
    folder, key_file = bundle
    (folder / "START-HERE.html").write_text("changed", encoding="utf-8")
    (folder / "new.txt").write_text("new", encoding="utf-8")
    (folder / "site" / "index.html").unlink()
    code, out = run_verify(folder, key_file, capsys)
    assert code == 1
    assert "modified: START-HERE.html" in out
    assert "added:    new.txt" in out
    assert "missing:  site/index.html" in out


def test_list_changed_to_match_a_changed_file_is_a_bad_signature(bundle, capsys):
    folder, key_file = bundle
    page = folder / "site" / "index.html"
    page.write_text("<h1>Changed</h1>", encoding="utf-8")
    sums = folder / "SHA256SUMS"
    lines = [f"{verify_bundle.sha256_of(page)}  site/index.html" if line.endswith("  site/index.html") else line
             for line in sums.read_text(encoding="utf-8").splitlines()]
    sums.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out = run_verify(folder, key_file, capsys)
    assert code == 1
    assert "BAD SIGNATURE: the signature does not match SHA256SUMS" in out


def test_damaged_signature_is_a_bad_signature(bundle, capsys):
    folder, key_file = bundle
    signature_file = folder / "SHA256SUMS.minisig"
    lines = signature_file.read_text(encoding="utf-8").splitlines()
    raw = bytearray(base64.b64decode(lines[1]))
    raw[20] ^= 0xFF
    lines[1] = base64.b64encode(bytes(raw)).decode()
    signature_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out = run_verify(folder, key_file, capsys)
    assert code == 1
    assert "BAD SIGNATURE" in out


def test_signature_by_another_key_names_both_keys(bundle, tmp_path, capsys):
    folder, key_file = bundle
    other = minisign.generate_key()
    sign_bundle(folder, other, EDITION)
    code, out = run_verify(folder, key_file, capsys)
    assert code == 1
    assert f"signed with another key (key id {other.public.key_id})" in out
    hub_key = verify_bundle.parse_public_key(key_file.read_text(encoding="utf-8"))
    assert f"not with the hub's key (key id {hub_key.key_id})" in out


def test_changed_trusted_comment_is_a_bad_signature(bundle, capsys):
    folder, key_file = bundle
    signature_file = folder / "SHA256SUMS.minisig"
    text = signature_file.read_text(encoding="utf-8").replace("2026-11-22", "2027-01-01")
    signature_file.write_text(text, encoding="utf-8")
    code, out = run_verify(folder, key_file, capsys)
    assert code == 1
    assert "trusted comment of the signature was changed" in out


def test_missing_signature_is_a_bad_signature(bundle, capsys):
    folder, key_file = bundle
    (folder / "SHA256SUMS.minisig").unlink()
    code, out = run_verify(folder, key_file, capsys)
    assert code == 1
    assert "BAD SIGNATURE: the signature file SHA256SUMS.minisig is missing" in out


def test_not_a_signed_folder_cannot_be_checked(tmp_path, key, capsys):
    key_file = tmp_path / "k.pub"
    key_file.write_text(minisign.public_key_text(key.public), encoding="utf-8")
    (tmp_path / "plain").mkdir()
    code, out = run_verify(tmp_path / "plain", key_file, capsys)
    assert code == 2
    assert "has no SHA256SUMS file" in out


def test_files_that_computers_add_are_ignored(bundle, capsys):
    folder, key_file = bundle
    (folder / ".DS_Store").write_bytes(b"\0")
    (folder / "System Volume Information").mkdir()
    (folder / "System Volume Information" / "IndexerVolumeGuid").write_bytes(b"\0")
    code, out = run_verify(folder, key_file, capsys)
    assert code == 0, out
    assert "Ignored 2 file(s)" in out


def test_default_key_on_the_copy_comes_with_a_caution(bundle, key, capsys, monkeypatch):
    folder, _ = bundle
    (folder / "keys").mkdir()
    (folder / "keys" / "hub-edition.pub").write_text(minisign.public_key_text(key.public), encoding="utf-8")
    sign_bundle(folder, key, EDITION)
    monkeypatch.setattr(verify_bundle, "__file__", str(folder / "tools" / "verify_bundle.py"))
    code = verify_bundle.main([str(folder)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "the key used is the one stored on this copy" in out


def test_sums_lines_must_be_well_formed():
    digest = "a" * 64
    assert verify_bundle.parse_sums(f"{digest}  site/index.html\n{digest} *b.bin\n") == {
        "site/index.html": digest, "b.bin": digest}
    for bad in ["nothex  file", f"{digest}  ../outside", f"{digest}  /etc/passwd", f"{digest}file"]:
        with pytest.raises(verify_bundle.CheckError):
            verify_bundle.parse_sums(bad)


def test_readable_trusted_comment():
    text = verify_bundle.readable_comment("timestamp:1795337794\tfile:SHA256SUMS\tHub edition 2026-11-22")
    assert text == "signed 2026-11-22 08:56 UTC; file:SHA256SUMS; Hub edition 2026-11-22"


# --- keys and signatures -----------------------------------------------------------------------------------------

def test_key_files_round_trip(key):
    loaded = minisign.load_secret_key(minisign.secret_key_text(key))
    assert loaded == key
    public = verify_bundle.parse_public_key(minisign.public_key_text(key.public))
    assert public == key.public
    assert verify_bundle.parse_public_key(key.public.base64()) == key.public
    comment = f"untrusted comment: minisign public key {key.public.key_id}\n"
    assert minisign.public_key_text(key.public).startswith(comment)


def test_damaged_or_encrypted_secret_keys_are_refused(key):
    text = minisign.secret_key_text(key)
    raw = bytearray(base64.b64decode(text.splitlines()[1]))
    encrypted = bytearray(raw)
    encrypted[2:4] = b"Sc"
    with pytest.raises(minisign.SigningKeyError, match="password"):
        minisign.load_secret_key(base64.b64encode(bytes(encrypted)).decode())
    raw[100] ^= 1
    with pytest.raises(minisign.SigningKeyError, match="damaged"):
        minisign.load_secret_key(base64.b64encode(bytes(raw)).decode())
    with pytest.raises(minisign.SigningKeyError, match="not a minisign secret key"):
        minisign.load_secret_key("untrusted comment: x\nnot base64!")


def test_trusted_comment_is_one_line(key):
    with pytest.raises(ValueError):
        minisign.sign(b"data", key, "two\nlines")


def test_generate_refuses_to_replace_a_key(tmp_path, capsys):
    secret, public = tmp_path / "k.key", tmp_path / "k.pub"
    assert minisign.main(["minisign", "generate", str(secret), str(public)]) == 0
    assert secret.stat().st_mode & 0o777 == 0o600
    before = secret.read_text()
    assert minisign.main(["minisign", "generate", str(secret), str(public)]) == 1
    assert secret.read_text() == before
    assert minisign.load_secret_key(before).public == verify_bundle.parse_public_key(public.read_text())


# --- interoperability with Debian's minisign ------------------------------------------------------------------------

@pytest.fixture
def minisign_tool() -> str:
    if not Path(MINISIGN).exists():
        pytest.fail(f"{MINISIGN} not found: run `make test-deps` (installs Debian's minisign)")
    return MINISIGN


def test_debian_minisign_verifies_our_signature(bundle, minisign_tool):
    folder, key_file = bundle
    result = subprocess.run([minisign_tool, "-Vm", "SHA256SUMS", "-p", str(key_file)], cwd=folder,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Signature and comment signature verified" in result.stdout
    assert "Child Online Safety Hub edition 2026-11-22 (commit abc1234)" in result.stdout
    key = verify_bundle.parse_public_key(key_file.read_text(encoding="utf-8"))
    by_string = subprocess.run([minisign_tool, "-Vm", "SHA256SUMS", "-P", key.base64()], cwd=folder,
                               capture_output=True, text=True)
    assert by_string.returncode == 0, by_string.stderr


def test_debian_minisign_rejects_a_changed_list(bundle, minisign_tool):
    folder, key_file = bundle
    with open(folder / "SHA256SUMS", "a", encoding="utf-8") as sums:
        sums.write(f"{'0' * 64}  site/extra.html\n")
    result = subprocess.run([minisign_tool, "-Vm", "SHA256SUMS", "-p", str(key_file)], cwd=folder,
                            capture_output=True, text=True)
    assert result.returncode != 0


def test_we_verify_a_signature_made_by_debian_minisign_with_our_key(tmp_path, key, minisign_tool):
    secret = tmp_path / "our.key"
    secret.write_text(minisign.secret_key_text(key), encoding="utf-8")
    message = tmp_path / "SHA256SUMS"
    message.write_text(f"{'a' * 64}  file\n", encoding="utf-8")
    result = subprocess.run([minisign_tool, "-S", "-s", str(secret), "-m", str(message), "-t", "made by minisign"],
                            capture_output=True, text=True, input="")
    assert result.returncode == 0, result.stdout + result.stderr
    signature = verify_bundle.parse_signature((tmp_path / "SHA256SUMS.minisig").read_text(encoding="utf-8"))
    assert signature.trusted_comment == "made by minisign"
    verify_bundle.verify_signature(message.read_bytes(), signature, key.public)


def test_we_read_a_key_made_by_debian_minisign(tmp_path, minisign_tool):
    secret, public = tmp_path / "m.key", tmp_path / "m.pub"
    result = subprocess.run([minisign_tool, "-G", "-W", "-s", str(secret), "-p", str(public)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    key = minisign.load_secret_key(secret.read_text(encoding="utf-8"))
    assert key.public == verify_bundle.parse_public_key(public.read_text(encoding="utf-8"))
