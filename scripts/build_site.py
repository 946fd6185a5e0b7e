"""Build the site into a temporary folder and swap it in only when the build succeeded.

A failed build (bad content, a broken link in strict mode) leaves the previous `site/` untouched: never a
half-written site. Usage: python -m scripts.build_site [SITE_DIR]
"""
from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_world_readable(folder: Path) -> None:
    # linkchecker run as root drops to user `nobody`, which must be able to read the site.
    for dirpath, dirnames, filenames in os.walk(folder):
        os.chmod(dirpath, 0o755)
        for name in filenames:
            os.chmod(os.path.join(dirpath, name), 0o644)


def build(site_dir: Path, config_file: Path = ROOT / "mkdocs.yml") -> float:
    """Build with --strict into a sibling temp folder, then replace `site_dir`. Returns seconds taken."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    site_dir = Path(site_dir).resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.", dir=site_dir.parent))
    try:
        config = load_config(str(config_file), strict=True, site_dir=str(staging))
        mkdocs_build(config)
        make_world_readable(staging)
        old = site_dir.with_name(site_dir.name + ".old")
        if old.exists():
            shutil.rmtree(old)
        if site_dir.exists():
            site_dir.rename(old)
        staging.rename(site_dir)
        if old.exists():
            shutil.rmtree(old)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return time.monotonic() - started


def main(argv: list[str]) -> int:
    from mkdocs.exceptions import MkDocsException

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    target = Path(argv[1]) if len(argv) > 1 else ROOT / "site"
    try:
        seconds = build(target)
    except MkDocsException as exc:
        print(f"Build failed; {target} was left as it was.\n{exc}", file=sys.stderr)
        return 1
    print(f"Built {target} in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
