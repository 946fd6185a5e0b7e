"""The one MkDocs hook: a thin layer that calls the project's plain functions in scripts/.

Moving to another static site builder means replacing this file, not the logic behind it.
"""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs loads hooks by path; make `scripts` importable as a package
    sys.path.insert(0, str(ROOT))

from scripts import edition, i18n, site_build  # noqa: E402
from scripts.errors import ContentError  # noqa: E402

STAGING = ROOT / "build" / "docs"
_english_templates: dict[str, str] = {}


@event_priority(100)  # before mkdocs-static-i18n, which reads the docs folder we point to
def on_config(config, **_):
    # mkdocs-static-i18n runs a nested build per language with the same config: stage only once.
    if Path(config.docs_dir) == STAGING:
        return config
    source = Path(config.docs_dir)
    try:
        pages = site_build.generated_pages(ROOT, site_build.LANGUAGES)
        site_build.stage_docs(source, STAGING, pages, i18n.notice_transform(ROOT))
        config.extra["edition"] = edition.edition_config(ROOT)  # page footers show the edition and commit
    except ContentError as exc:
        raise PluginError(f"The sources have problems; nothing was built:\n{exc}") from None
    config.docs_dir = str(STAGING)
    return config


def on_serve(server, config, builder, **_):
    # Live preview: rebuild when a source changes. MkDocs watches docs_dir, which is now the staging folder that
    # every build rewrites: unwatch it, or each build would trigger the next.
    server.unwatch(str(STAGING))
    for folder in ("docs", "modules", "data", "overrides", "scripts"):
        server.watch(str(ROOT / folder))
    return server


def on_post_page(output, page, config, **_):
    return site_build.finish_page(output, page.file.dest_uri)


def on_post_template(output, template_name, config, **_):
    # Static templates (404.html) are written at the site root by every language's build; keep the English one.
    if template_name.endswith(".html") and config.theme["language"] == site_build.DEFAULT_LANGUAGE:
        _english_templates[template_name] = site_build.finish_page(output, template_name)
    return output


@event_priority(-200)  # after mkdocs-static-i18n has merged the search entries of every language
def on_post_build(config, **_):
    site_dir = Path(config.site_dir)
    if not (site_dir / "search" / "search_index.json").exists():
        return
    # mkdocs-static-i18n calls on_post_build once per language; act once all languages are written.
    i18n_plugin = config.plugins.get("i18n")
    if i18n_plugin is not None and getattr(i18n_plugin, "building", False):
        return
    site_build.write_search_indexes(site_dir)
    for template_name, output in _english_templates.items():
        (site_dir / template_name).write_text(output, encoding="utf-8")
    try:
        files = site_build.generated_site_files(ROOT)
    except ContentError as exc:
        raise PluginError(f"The sources have problems; nothing was built:\n{exc}") from None
    for relative, content in files.items():
        target = site_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
