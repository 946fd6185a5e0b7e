"""Unit tests of the build steps in scripts/site_build.py and scripts/build_site.py."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from scripts import build_site, site_build
from scripts.errors import ContentError, Problem


def test_split_search_index_keeps_each_language_apart():
    merged = {"config": {"lang": ["en", "fr"], "pipeline": ["stopWordFilter"]}, "docs": [
        {"location": "index.html", "title": "Home", "text": "x"},
        {"location": "fr/index.html", "title": "Accueil", "text": "x"},
        {"location": "fr/get-help.html#report", "title": "Signaler", "text": "x"},
        {"location": "sw/index.html", "title": "Nyumbani", "text": "x"},
        {"location": "directory/fr.html", "title": "France", "text": "x"},  # English page about France
    ]}
    split = site_build.split_search_index(merged)
    assert [d["location"] for d in split["en"]["docs"]] == ["index.html", "directory/fr.html"]
    assert [d["location"] for d in split["fr"]["docs"]] == ["index.html", "get-help.html#report"]
    assert split["fr"]["config"]["lang"] == ["fr"]
    assert split["sw"]["config"] == {"lang": ["en"], "pipeline": []}  # no Swahili stemmer in lunr
    assert split["ar"]["docs"] == []


def test_isolate_ltr_runs_wraps_numbers_in_text_only():
    html = ('<p>اتصل بالرقم 116 111 أو +254 20 123</p><a href="tel:+25420123">+254 20 123</a>'
            '<script>var a = 123;</script><code>999</code><span>&#8217;H2O</span>')
    out = site_build.isolate_ltr_runs(html)
    assert '<bdi dir="ltr">116 111</bdi>' in out
    assert '<bdi dir="ltr">+254 20 123</bdi></p>' in out
    assert 'href="tel:+25420123"' in out  # attributes untouched
    assert "var a = 123;" in out and "<code>999</code>" in out
    assert "&#8217;H2O" in out


def test_document_direction_is_set_on_html():
    assert site_build.set_document_direction('<html lang="ar" class="no-js">', "ar") == \
        '<html lang="ar" class="no-js" dir="rtl">'
    assert site_build.set_document_direction('<html lang="en">', "en") == '<html lang="en" dir="ltr">'
    assert site_build.set_document_direction('<html dir="ltr">', "ar") == '<html dir="ltr">'


def test_page_language_from_destination():
    assert site_build.page_language("ar/get-help.html") == "ar"
    assert site_build.page_language("get-help.html") == "en"
    assert site_build.page_language("directory/ar.html") == "en"


def test_stage_docs_copies_and_adds_generated_pages(tmp_path):
    source = tmp_path / "docs"
    (source / "en").mkdir(parents=True)
    (source / "en" / "index.md").write_text("# Home")
    staging = tmp_path / "build"
    site_build.stage_docs(source, staging, {"en/parents/index.md": "# Parents"})
    assert (staging / "en" / "index.md").read_text() == "# Home"
    assert (staging / "en" / "parents" / "index.md").read_text() == "# Parents"


def test_stage_docs_refuses_a_generated_page_that_hides_a_written_one(tmp_path):
    source = tmp_path / "docs"
    (source / "en").mkdir(parents=True)
    (source / "en" / "glossary.md").write_text("# Glossary")
    with pytest.raises(ContentError) as caught:
        site_build.stage_docs(source, tmp_path / "build", {"en/glossary.md": "# Generated"})
    assert "en/glossary.md: is also generated from data" in str(caught.value)


def test_generated_pages_collects_problems_of_every_generator():
    def broken(name, message):
        def generate_pages(root, languages):
            raise ContentError([Problem(Path(f"{name}.yaml"), 3, message)])
        return SimpleNamespace(__name__=name, generate_pages=generate_pages)

    with pytest.raises(ContentError) as caught:
        site_build.generated_pages(Path("."), ["en"], [broken("a", "first"), broken("b", "second")])
    assert str(caught.value) == "a.yaml:3: first\nb.yaml:3: second"


def test_failed_build_leaves_previous_site_untouched(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous edition")
    bad_config = tmp_path / "mkdocs.yml"
    bad_config.write_text("site_name: x\ndocs_dir: missing-folder\n")
    with pytest.raises(Exception):
        build_site.build(site, bad_config)
    assert (site / "index.html").read_text() == "previous edition"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mkdocs.yml", "site"]  # no temp folder left behind


def test_search_entries_are_compacted_for_the_first_view_budget():
    long_text = "<p>" + " ".join(f"word{i}" for i in range(100)) + "</p>"
    entry = site_build.compact_search_entry({"location": "parents/grooming.html#signs", "title": "Signs",
                                             "text": long_text})
    assert entry["title"] == "Signs"
    assert entry["text"].split()[:2] == ["word0", "word1"] and entry["text"].endswith("word39 …")
    assert "<p>" not in entry["text"]
    # Country pages are found by their name; their sections are not indexed.
    assert site_build.compact_search_entry({"location": "directory/ke.html#services", "title": "x", "text": "y"}) is None
    assert site_build.compact_search_entry({"location": "directory/ke.html", "title": "Kenya", "text": "y"})["text"] == ""
    assert site_build.compact_search_entry({"location": "directory/index.html", "title": "All", "text": "Kenya"})["text"] == "Kenya"
