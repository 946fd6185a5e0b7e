"""Shared pieces of the workshop kit (handouts, guides, help cards, certificates, slides): where each file goes in
the site, and content text turned into plain HTML (no Markdown: these documents are not built by MkDocs)."""
from __future__ import annotations

import html
import re

from scripts.modules_render import _INLINE_MARKUP, UI

DEFAULT_LANGUAGE = "en"
RTL_LANGUAGES = frozenset({"ar"})


class Words(UI):
    """Interface words (modules/ui.yaml) in one language, HTML-escaped: kit documents are HTML, not Markdown."""

    __call__ = UI.attr

    def has(self, key: str) -> bool:
        return isinstance(self.strings.get(key), dict)


def site_chrome(root=None) -> dict[str, dict]:
    """{lang: {"quick_exit": ..., "get_help": ..., "quick_exit_hint": ...}}: the words of the site's safety bar, read
    from mkdocs.yml (where the theme takes them) so standalone kit pages say exactly the same."""
    from pathlib import Path

    import yaml

    root = Path(root) if root else Path(__file__).resolve().parent.parent
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    chrome = {DEFAULT_LANGUAGE: dict(config["extra"]["ui"])}
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            for language in plugin["i18n"]["languages"]:
                ui = (language.get("extra") or {}).get("ui")
                if ui:
                    chrome[language["locale"]] = dict(ui)
    return chrome


def lang_prefix(lang: str) -> str:
    """English sits at the site root; other languages in their folder."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def handout_path(module_id: str, lang: str) -> str:
    return f"{lang_prefix(lang)}kit/handouts/{module_id}.pdf"


def slides_path(module_id: str, lang: str) -> str:
    return f"{lang_prefix(lang)}kit/slides/{module_id}.html"


def guide_path(audience: str, lang: str) -> str:
    return f"{lang_prefix(lang)}kit/guides/{audience}.pdf"


def certificate_path(audience: str, lang: str) -> str:
    return f"{lang_prefix(lang)}kit/certificates/{audience}.pdf"


def help_card_path(code: str, lang: str) -> str:
    """`code` is an ISO 3166-1 alpha-2 code, "001" (worldwide) or "blank" (the template for trainers)."""
    return f"{lang_prefix(lang)}kit/help-cards/{code.lower()}.pdf"


def relative_href(from_page: str, to_file: str) -> str:
    """Link between two site files given as site-root-relative paths ("fr/parents/x.html" -> "fr/kit/a.pdf")."""
    up = from_page.count("/")
    return "../" * up + to_file


def direction(lang: str) -> str:
    return "rtl" if lang in RTL_LANGUAGES else "ltr"


def esc(text) -> str:
    return html.escape(str(text), quote=True)


def plain_html(text: str, sources: dict | None = None) -> str:
    """Content text as HTML: [[id|words]] -> words, [@id] -> (Publisher, Year), **x** -> <strong>; the rest escaped."""
    sources = sources or {}
    out, position = [], 0
    text = " ".join(str(text).split())
    for match in _INLINE_MARKUP.finditer(text):
        out.append(esc(text[position:match.start()]))
        term, label, cited, bold = match.groups()
        if bold is not None:
            out.append(f"<strong>{esc(bold)}</strong>")
        elif cited is not None:
            parts = []
            for source_id in (p.strip().lstrip("@").strip() for p in cited.split(";") if p.strip()):
                source = sources.get(source_id) or {}
                parts.append(f"{source.get('publisher', source_id)}, {source.get('year', '')}".strip(", "))
            # First-strong isolate: a Latin publisher name inside Arabic keeps its brackets and order.
            out.append(f'<span class="cite">\u2068({esc("; ".join(parts))})\u2069</span>')
        else:
            out.append(esc((label or term.replace("-", " ")).strip()))
        position = match.end()
    out.append(esc(text[position:]))
    return "".join(out)


def paragraphs_html(text: str, sources: dict | None = None) -> str:
    """Text with blank-line paragraphs (workshop descriptions) as <p> elements."""
    return "".join(f"<p>{plain_html(part, sources)}</p>" for part in re.split(r"\n\s*\n", str(text)) if part.strip())
