"""`make usb`: the USB edition in dist/usb/, and dist/<name>-<edition>.zip to share it.

    START-HERE.html       double-click, choose a language (no script needed, nothing fetched)
    README.txt            how to open, copy and check the stick, in the six languages
    site/                 the offline site as built by `make site` (with its PDFs when it has any)
    kiwix/                one ZIM per language for the Kiwix app: <name>_<lang>_<YYYY-MM>.zim
    keys/hub-edition.pub  the public key that signed this edition
    tools/verify_bundle.py  the checker (python3 tools/verify_bundle.py .)
    SHA256SUMS            SHA-256 of every other file; SHA256SUMS.minisig: its minisign signature

Everything is written into a temporary folder beside dist/usb and swapped in only once the bundle is complete and
checks as intact: a failed run leaves the previous dist/usb and zip as they were.

The signing key (minisign format, never in the repository) comes from HUB_SIGNING_KEY=path, or
HUB_SIGNING_KEY_TEXT=<the key file's text>, or ~/.config/hub/minisign.key.
Usage: python -m scripts.usb_bundle [--site site] [--dist dist]
"""
from __future__ import annotations

import argparse
import html
import os
import re
import shutil
import sys
import tempfile
import textwrap
import time
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from scripts import verify_bundle
from scripts.build_site import make_world_readable
from scripts.edition import Edition, current_edition
from scripts.errors import ContentError
from scripts.minisign import SecretKey, SigningKeyError, load_secret_key, public_key_text, sign
from scripts.usb_text import RTL, TEXT
from scripts.usb_zim import logo_png, write_zim

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "fr", "es", "pt", "ar", "sw")
NAME = "child-online-safety-hub"
PUBLISHER = "Child Online Safety Hub"
KEY_ENV, KEY_TEXT_ENV = "HUB_SIGNING_KEY", "HUB_SIGNING_KEY_TEXT"
DEFAULT_KEY_FILE = Path("~/.config/hub/minisign.key")
PUBLISHED_KEY = ROOT / verify_bundle.KEY_PATH
SUMS, SIGNATURE = verify_bundle.SUMS_NAME, verify_bundle.SIGNATURE_NAME
ALREADY_COMPRESSED = (".zim", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".woff2", ".woff", ".gz", ".zip", ".pdf")


class BundleError(Exception):
    """The bundle cannot be made; the message says what to do."""


@dataclass(frozen=True)
class Bundle:
    folder: Path
    zip_path: Path
    edition: Edition


# --- signing key ---------------------------------------------------------------------------------------------------

def load_signing_key(environ: Mapping[str, str] = os.environ, root: Path = ROOT) -> SecretKey:
    """The secret key from the environment or the maintainer's config folder; never from inside the repository."""
    if environ.get(KEY_TEXT_ENV):
        source, text = KEY_TEXT_ENV, environ[KEY_TEXT_ENV]
    else:
        path = Path(environ.get(KEY_ENV) or DEFAULT_KEY_FILE).expanduser()
        if not path.is_file():
            raise BundleError(f"no signing key at {path}: set {KEY_ENV}=/path/to/minisign.key (a file outside the "
                              "repository; see README, USB edition)")
        if path.resolve().is_relative_to(Path(root).resolve()):
            raise BundleError(f"the signing key {path} is inside the repository; move it outside (for example "
                              f"to {DEFAULT_KEY_FILE}) so it is never committed")
        source, text = str(path), path.read_text(encoding="utf-8")
    try:
        return load_secret_key(text, source)
    except SigningKeyError as exc:
        raise BundleError(str(exc)) from None


def published_key_differs(key: SecretKey, published: Path = PUBLISHED_KEY) -> bool:
    if not published.is_file():
        return True
    return verify_bundle.parse_public_key(published.read_text(encoding="utf-8")) != key.public


# --- the files at the top of the stick -----------------------------------------------------------------------------

def zim_name(lang: str, edition: Edition) -> str:
    return f"{NAME}_{lang}_{edition.month}.zim"


def home_link(lang: str) -> str:
    return "site/index.html" if lang == "en" else f"site/{lang}/index.html"


START_STYLE = """
:root{color-scheme:light dark;--ink:#1b1f23;--paper:#fff;--brand:#0b5563;--card:#f3f7f8;--line:#c9d6da}
@media (prefers-color-scheme:dark){:root{--ink:#e8eef0;--paper:#161b1d;--brand:#7fd0de;--card:#20282b;--line:#3a4a4f}}
*{box-sizing:border-box}
body{margin:0;font:1.05rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",Tahoma,sans-serif;
color:var(--ink);background:var(--paper)}
header,main,footer{max-width:60rem;margin:0 auto;padding:1rem 1.25rem}
header{display:flex;align-items:center;gap:1rem;border-bottom:.25rem solid var(--brand)}
header svg{width:3.5rem;height:3.5rem;flex:none;color:var(--brand)}
h1{font-size:1.6rem;margin:0}
.choose{margin:.25rem 0 0}
ul{list-style:none;margin:0;padding:0;display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(17rem,1fr))}
li{background:var(--card);border:1px solid var(--line);border-radius:.5rem;padding:1rem}
li.suggested{border:.2rem solid var(--brand)}
h2{font-size:1.3rem;margin:0 0 .25rem}
a{color:var(--brand)}
a.open{display:block;margin:.75rem 0;padding:.8rem 1rem;border-radius:.4rem;background:var(--brand);color:var(--paper);
font-weight:700;text-decoration:none;text-align:center;font-size:1.1rem}
a.open:hover{text-decoration:underline}
a:focus-visible{outline:.2rem solid var(--ink);outline-offset:.2rem}
p{margin:.25rem 0}
small{display:block;margin-top:.5rem}
code{font-family:ui-monospace,Consolas,monospace;overflow-wrap:anywhere}
footer{border-top:1px solid var(--line);font-size:.9rem}
"""

# Progressive enhancement only: outline the card of the device's language.
START_SCRIPT = """
(function(){var want=(navigator.languages||[navigator.language||""]).map(function(l){return (l||"").slice(0,2)});
var cards=document.querySelectorAll("li[data-lang]");for(var i=0;i<want.length;i++){for(var j=0;j<cards.length;j++){
if(cards[j].getAttribute("data-lang")===want[i]){cards[j].className+=" suggested";return}}}})();
"""


def logo_svg(root: Path = ROOT) -> str:
    """The hub's logo, inline, decorative (the heading next to it names the hub)."""
    svg = (root / "docs" / "assets" / "images" / "logo.svg").read_text(encoding="utf-8").strip()
    svg = svg.replace(' role="img"', "").replace('aria-label="Child Online Safety Hub"', 'aria-hidden="true" '
                                                                                          'focusable="false"')
    return svg


def direction(lang: str) -> str:
    return "rtl" if lang in RTL else "ltr"


def start_here_html(edition: Edition, languages: Sequence[str] = LANGUAGES, root: Path = ROOT) -> str:
    esc = html.escape
    choose = " · ".join(f'<span lang="{lang}" dir="{direction(lang)}">{esc(TEXT[lang]["choose"])}</span>'
                        for lang in languages)
    cards = []
    for lang in languages:
        words = TEXT[lang]
        edition_note = esc(words["edition"]).replace("{edition}", f'<bdi dir="ltr">{esc(edition.name)}</bdi>')
        edition_note = edition_note.replace("README.txt", '<a href="README.txt">README.txt</a>')
        kiwix = esc(words["kiwix"]).replace(
            "kiwix/{zim}", f'<bdi dir="ltr"><code>kiwix/{esc(zim_name(lang, edition))}</code></bdi>')
        cards.append(f"""  <li lang="{lang}" dir="{direction(lang)}" data-lang="{lang}">
    <h2>{esc(words["language"])}</h2>
    <p>{esc(words["hub"])}: {esc(words["tagline"])}.</p>
    <a class="open" href="{home_link(lang)}" hreflang="{lang}">{esc(words["open"])}</a>
    <p>{esc(words["offline"])}</p>
    <small>{edition_note}<br>{kiwix}</small>
  </li>""")
    return f"""<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{esc(TEXT["en"]["hub"])} · Start here</title>
<style>{START_STYLE}</style>
</head>
<body>
<header>
{logo_svg(root)}
<div>
<h1>{esc(TEXT["en"]["hub"])}</h1>
<p class="choose">{choose}</p>
</div>
</header>
<main>
<ul>
{chr(10).join(cards)}
</ul>
</main>
<footer>
<p>Edition <bdi dir="ltr">{esc(edition.name)}</bdi> (source version <code>{esc(edition.commit)}</code>) ·
<a href="README.txt">README.txt</a></p>
</footer>
<script>{START_SCRIPT}</script>
</body>
</html>
"""


def wrap_readme(text: str, width: int = 78) -> list[str]:
    """Wrap prose for narrow editors; commands (indented lines) stay whole so they can be copied."""
    lines = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("      "):
            lines.append(line.rstrip())
        elif line.startswith("- "):
            lines += textwrap.wrap(line, width, subsequent_indent="  ", break_on_hyphens=False)
        else:
            lines += textwrap.wrap(line, width, break_on_hyphens=False)
    return lines


def readme_text(edition: Edition, key: verify_bundle.PublicKey, languages: Sequence[str] = LANGUAGES) -> str:
    """README.txt: the six languages one after the other; CRLF and a BOM so every Windows Notepad shows it."""
    rule = "=" * 78
    lines = [" · ".join(TEXT[lang]["language"] for lang in languages), rule]
    for lang in languages:
        text = TEXT[lang]["readme"].format(edition=edition.name, commit=edition.commit, key=key.base64(),
                                           key_id=key.key_id, zim=zim_name(lang, edition))
        lines += ["", *wrap_readme(text), "", rule]
    return "\ufeff" + "\r\n".join(lines) + "\r\n"


def sha256sums(folder: Path) -> str:
    """`sha256sum`-compatible list of every file under `folder` but the list and its signature."""
    lines = []
    for relative in verify_bundle.bundle_files(folder):
        if "\n" in relative or "\\" in relative:
            raise BundleError(f"{relative!r}: file names with a line break or a backslash cannot be listed")
        lines.append(f"{verify_bundle.sha256_of(folder / relative)}  {relative}\n")
    return "".join(lines)


def trusted_comment(edition: Edition, now: float | None = None) -> str:
    return (f"timestamp:{int(now if now is not None else time.time())}\tfile:{SUMS}\t"
            f"{PUBLISHER} {edition.describe()}")


# --- assembling --------------------------------------------------------------------------------------------------

def check_site(site: Path, languages: Sequence[str]) -> None:
    missing = [home_link(lang)[len("site/"):] for lang in languages
               if not (site / home_link(lang)[len("site/"):]).is_file()]
    if missing:
        raise BundleError(f"{site} is not a complete built site (missing {', '.join(missing)}): run `make site` "
                          "first")


_FOOTER_STAMP = re.compile(r'class="hub-edition".*?<bdi dir="ltr">([^<]*)</bdi>.*?<code>([^<]*)</code>', re.S)


def site_edition(site: Path) -> tuple[str, str] | None:
    """(edition, commit) printed in the footer of the built site's home page, or None."""
    home = site / "index.html"
    match = _FOOTER_STAMP.search(home.read_text(encoding="utf-8")) if home.is_file() else None
    return (html.unescape(match.group(1)), html.unescape(match.group(2))) if match else None


def copy_site(site: Path, target: Path) -> None:
    # Stamps and other hidden files (site/.built) are not part of the site.
    shutil.copytree(site, target, ignore=lambda _folder, names: [n for n in names if n.startswith(".")])


def write_zims(site: Path, kiwix: Path, edition: Edition, languages: Sequence[str]) -> None:
    illustration = logo_png(48)
    for lang in languages:
        words = TEXT[lang]
        write_zim(site, lang, kiwix / zim_name(lang, edition), edition, title=words["zim_title"],
                  description=words["zim_description"], site_name=words["hub"], name=NAME, publisher=PUBLISHER,
                  illustration=illustration, languages=languages)


def sign_bundle(folder: Path, key: SecretKey, edition: Edition) -> None:
    sums = sha256sums(folder)
    (folder / SUMS).write_text(sums, encoding="utf-8", newline="\n")
    (folder / SIGNATURE).write_text(sign(sums.encode("utf-8"), key, trusted_comment(edition)), encoding="utf-8",
                                    newline="\n")


def assemble(folder: Path, site: Path, key: SecretKey, edition: Edition, languages: Sequence[str] = LANGUAGES,
             root: Path = ROOT) -> None:
    """Write the whole bundle into the empty `folder`, sign it, and check it as a reader would."""
    check_site(site, languages)
    copy_site(site, folder / "site")
    write_zims(site, folder / "kiwix", edition, languages)
    (folder / "keys").mkdir()
    (folder / verify_bundle.KEY_PATH).write_text(public_key_text(key.public), encoding="utf-8", newline="\n")
    (folder / "tools").mkdir()
    shutil.copy2(Path(verify_bundle.__file__), folder / "tools" / "verify_bundle.py")
    (folder / "START-HERE.html").write_text(start_here_html(edition, languages, root), encoding="utf-8",
                                            newline="\n")
    (folder / "README.txt").write_text(readme_text(edition, key.public, languages), encoding="utf-8", newline="")
    make_world_readable(folder)
    sign_bundle(folder, key, edition)
    result = verify_bundle.verify(folder, key.public)
    if not result.ok:
        raise BundleError("the bundle does not verify right after signing:\n" + verify_bundle.describe(result, folder))


def write_zip(folder: Path, zip_path: Path, top: str, date: tuple[int, int, int]) -> None:
    """A zip of `folder` under one top folder, with fixed dates; already-compressed files are stored as they are."""
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for relative in [*verify_bundle.bundle_files(folder), SUMS, SIGNATURE]:
            info = zipfile.ZipInfo(f"{top}/{relative}", date_time=(*date, 0, 0, 0))
            info.external_attr = 0o644 << 16
            stored = relative.lower().endswith(ALREADY_COMPRESSED)
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            with open(folder / relative, "rb") as source, archive.open(info, "w") as target:
                shutil.copyfileobj(source, target, 1 << 20)


def swap_in(staging: Path, target: Path) -> None:
    old = target.with_name(f".{target.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def build_bundle(site: Path, dist: Path, key: SecretKey, edition: Edition | None = None,
                 languages: Sequence[str] = LANGUAGES, root: Path = ROOT) -> Bundle:
    """Make dist/usb and dist/<name>-<edition>.zip; on any failure both stay as they were."""
    edition = edition or current_edition(root)
    dist = Path(dist)
    dist.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".usb.", dir=dist))
    zip_path = dist / f"{NAME}-{edition.name}.zip"
    zip_staging = dist / f".{zip_path.name}.part"
    try:
        assemble(staging, Path(site), key, edition, languages, root)
        year, month, day = (int(part) for part in edition.name.split("-"))
        write_zip(staging, zip_staging, f"{NAME}-{edition.name}", (year, month, day))
        os.chmod(staging, 0o755)
        swap_in(staging, dist / "usb")
        os.replace(zip_staging, zip_path)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
        zip_staging.unlink(missing_ok=True)
    return Bundle(dist / "usb", zip_path, edition)


def build_site(site: Path, root: Path) -> float | None:
    """Rebuild the site (strict, swapped in only on success) and mark it built for make; None when it failed."""
    from mkdocs.exceptions import MkDocsException

    from scripts.build_site import build

    try:
        seconds = build(site, root / "mkdocs.yml")
    except MkDocsException as exc:
        print(exc, file=sys.stderr)
        return None
    (site / ".built").touch()
    return seconds


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the signed USB edition into DIST/usb and a zip of it.")
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (default: site)")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where to write (default: dist)")
    args = parser.parse_args(argv)
    try:
        key = load_signing_key()
        if published_key_differs(key):
            print(f"warning: the signing key (key id {key.public.key_id}) is not the one in "
                  f"{verify_bundle.KEY_PATH}; copies will not verify against the published key", file=sys.stderr)
        edition = current_edition(ROOT)
        stamped = site_edition(args.site)
        if stamped != (edition.name, edition.commit):
            # e.g. a commit since `make site`: the pages would name another commit than the bundle does
            shown = f"edition {stamped[0]} (commit {stamped[1]})" if stamped else "no edition"
            print(f"{args.site} shows {shown}, the sources are {edition.describe()}: rebuilding the site",
                  file=sys.stderr)
            if build_site(args.site, ROOT) is None:
                raise BundleError("the site build failed; see above")
        bundle = build_bundle(args.site, args.dist, key, edition)
    except (BundleError, ContentError, OSError) as exc:
        print(f"USB bundle not built; {args.dist / 'usb'} was left as it was.\n{exc}", file=sys.stderr)
        return 1
    size = sum(f.stat().st_size for f in bundle.folder.rglob("*") if f.is_file())
    print(f"Built {bundle.folder} ({size / 1e6:.1f} MB), {bundle.edition.describe()}, signed with key id "
          f"{key.public.key_id}\nZip to share: {bundle.zip_path} ({bundle.zip_path.stat().st_size / 1e6:.1f} MB)\n"
          f"Check a copy: python3 scripts/verify_bundle.py {bundle.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
