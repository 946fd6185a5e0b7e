"""Editions: data/editions.yaml, the changelog pages, the edition in every page footer, the About page's key."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from scripts import edition
from scripts.errors import ContentError
from scripts.verify_bundle import parse_public_key
from tests.conftest import LANGUAGES, ROOT, lang_root


def write_editions(root: Path, text: str) -> Path:
    (root / "data").mkdir(parents=True, exist_ok=True)
    path = root / "data" / "editions.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_real_editions_are_valid_and_start_on_2026_11_22():
    entries = edition.load_editions(ROOT)
    assert entries[-1].edition == "2026-11-22", "the first edition is 2026-11-22"
    for entry in entries:
        assert set(entry.changes) == set(LANGUAGES) or "en" in entry.changes


def test_problems_name_file_and_line(tmp_path):
    path = write_editions(tmp_path, """\
- edition: 2026-11-22
  changes:
    en: [First.]
- edition: 2027-01-05
  changes:
    en: [Newer, but listed below an older one.]
- edition: 2026-13-40
  changes:
    fr: [Pas d'anglais.]
""")
    with pytest.raises(ContentError) as error:
        edition.load_editions(tmp_path)
    text = str(error.value)
    assert f"{path}:7:" in text and "2026-13-40" in text
    assert "en" in text and "add it" in text


def test_editions_must_be_newest_first(tmp_path):
    path = write_editions(tmp_path, "- edition: 2026-11-22\n  changes: {en: [a]}\n"
                                    "- edition: 2027-01-05\n  changes: {en: [b]}\n")
    with pytest.raises(ContentError, match=rf"{re.escape(str(path))}:3: edition 2027-01-05 is not older"):
        edition.load_editions(tmp_path)


def test_changelog_escapes_text_and_falls_back_to_english(tmp_path):
    write_editions(tmp_path, """\
- edition: 2027-01-05
  changes:
    en: ["Fixed <script>alert(1)</script> and *stars* [links](x.md)"]
- edition: 2026-11-22
  changes:
    en: [First.]
    fr: [Première.]
""")
    pages = edition.generate_pages(tmp_path, LANGUAGES)
    assert set(pages) == {f"{lang}/changelog.md" for lang in LANGUAGES}
    french = pages["fr/changelog.md"]
    assert "&lt;script&gt;" in french and "<script>" not in french
    assert r"\*stars\*" in french and r"\[links\](x.md)" in french
    newest, older = french.split("## 2027-01-05")[1].split("## 2026-11-22")
    assert '<div lang="en" dir="ltr" markdown>' in newest, "untranslated notes are marked as English"
    assert "Première." in older and 'lang="en"' not in older
    assert "(cette édition)" in newest.splitlines()[0]


def test_commit_is_unknown_outside_git(tmp_path):
    assert edition.git_commit(tmp_path) == edition.UNKNOWN_COMMIT


def test_commit_of_this_repository():
    commit = edition.git_commit(ROOT)
    head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short=7", "HEAD"], capture_output=True,
                          text=True).stdout.strip()
    assert commit.startswith(head)


def test_labels_exist_in_every_language():
    for lang in LANGUAGES:
        assert set(edition.LABELS[lang]) == set(edition.LABELS["en"]), lang


def test_every_page_footer_shows_the_edition(site_dir):
    current = edition.current_edition(ROOT)
    stamp = re.compile(r'<div class="hub-edition"[^>]*>.*?<bdi dir="ltr">(\d{4}-\d{2}-\d{2})</bdi>'
                       r'.*?<code>([^<]+)</code>', re.S)
    # Site pages; the kit's slide decks are standalone and carry the edition on every slide (tests/test_kit.py).
    pages = [p for p in site_dir.rglob("*.html") if p.name != "neutral.html" and "kit" not in p.relative_to(site_dir).parts]
    assert len(pages) > 100
    missing = []
    for page in pages:
        match = stamp.search(page.read_text(encoding="utf-8"))
        if not match or match.group(1) != current.name:
            missing.append(str(page.relative_to(site_dir)))
    assert not missing, f"pages without the edition {current.name} in the footer: {missing[:10]}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_changelog_and_about_pages_are_reachable_from_the_footer(site_dir, lang):
    home = (lang_root(site_dir, lang) / "index.html").read_text(encoding="utf-8")
    footer = home[home.index('<div class="hub-edition"'):]
    links = re.findall(r'href="([^"]+)"', footer[:footer.index("</div>")])
    assert len(links) == 2
    targets = {(lang_root(site_dir, lang) / link).resolve() for link in links}
    assert (lang_root(site_dir, lang) / "changelog.html").resolve() in targets
    assert (lang_root(site_dir, lang) / "about.html").resolve() in targets
    changelog = (lang_root(site_dir, lang) / "changelog.html").read_text(encoding="utf-8")
    assert 'id="edition-2026-11-22"' in changelog
    assert edition.LABELS[lang]["changelog"] in changelog


def test_about_page_and_readme_show_the_committed_public_key():
    key = parse_public_key((ROOT / "keys" / "hub-edition.pub").read_text(encoding="utf-8"))
    about = (ROOT / "docs" / "en" / "about.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for text, name in ((about, "docs/en/about.md"), (readme, "README.md")):
        assert key.base64() in text, f"{name} does not show the key of keys/hub-edition.pub"
        assert key.key_id in text, f"{name} does not show the key id {key.key_id}"
    assert "{#verify}" in about, "the changelog links to about.md#verify"


def test_about_page_is_built_with_the_key(site_dir):
    key = parse_public_key((ROOT / "keys" / "hub-edition.pub").read_text(encoding="utf-8"))
    assert key.base64() in (site_dir / "about.html").read_text(encoding="utf-8")


def test_bundle_reads_the_edition_stamped_on_the_site(site_dir):
    from scripts.usb_bundle import site_edition

    stamped = site_edition(site_dir)
    assert stamped is not None and stamped[0] == edition.current_edition(ROOT).name and stamped[1]
