"""Markdown pages for modules, audience indexes, the glossary and workshop plans.

Content text is escaped twice over before any markup is added: HTML-escaped (so `<script>` shows as text) and
Markdown-escaped (so `*`, `[` or `#` typed by an author stay literal). Only our own markup is then added:
[[term]] -> glossary link, [@source] -> "(Publisher, Year)" citation link, **bold** -> <strong>.
Links to other pages are relative Markdown links to .md files, so MkDocs checks them.
"""
from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

AUDIENCES = ("parents", "teachers", "social-workers")
DEFAULT_LANGUAGE = "en"
# Option letters shown before each knowledge-check answer.
OPTION_LETTERS = {"ar": ["أ", "ب", "ج", "د", "هـ"]}
LATIN_LETTERS = ["A", "B", "C", "D", "E"]
RTL_LANGUAGES = frozenset({"ar"})
# Characters Python-Markdown treats as markup and accepts a backslash before (tables add "|"). ">" is not here:
# HTML escaping turns it into &gt;, which starts no blockquote.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
_INLINE_MARKUP = re.compile(r"\[\[([^\]|]*)(?:\|([^\]]*))?\]\]|\[@([^\]]*)\]|\*\*(.+?)\*\*")


# --- text helpers -----------------------------------------------------------------------------------------------


def escape_html(text: str) -> str:
    """For raw HTML (attributes and elements Markdown does not process)."""
    return html.escape(str(text), quote=True)


def escape_markdown(text: str) -> str:
    """For text Markdown processes: HTML-escaped, Markdown specials backslash-escaped, lines joined."""
    return _escape_run(" ".join(str(text).split()))


def _escape_run(text: str) -> str:
    return html.escape(_MARKDOWN_SPECIALS.sub(r"\\\1", text), quote=False)


@dataclass
class Inline:
    """How inline markup renders on one page."""

    glossary_href: str = "../glossary.md"        # "" on the glossary page itself
    sources: dict = field(default_factory=dict)  # source id -> module.yaml source entry
    source_page: str = ""                        # page holding the sources list ("" = this page)

    def __call__(self, text: str) -> str:
        out, position = [], 0
        text = " ".join(str(text).split())
        for match in _INLINE_MARKUP.finditer(text):
            out.append(_escape_run(text[position:match.start()]))
            out.append(self._markup(match))
            position = match.end()
        out.append(_escape_run(text[position:]))
        return "".join(out)

    def _markup(self, match: re.Match) -> str:
        term, label, cited, bold = match.groups()
        if bold is not None:
            return f"<strong>{self(bold)}</strong>"
        if cited is not None:
            return self._citation(cited)
        term = term.strip()
        words = (label or term.replace("-", " ")).strip()
        return f"[{escape_markdown(words)}]({self.glossary_href}#{term})"

    def _citation(self, inside: str) -> str:
        links = []
        for source_id in [p.strip().lstrip("@").strip() for p in inside.split(";") if p.strip()]:
            source = self.sources.get(source_id, {})
            words = f"{source.get('publisher', source_id)}, {source.get('year', '')}".strip(", ")
            links.append(f"[{escape_markdown(words)}]({self.source_page}#source-{source_id})")
        return "\\(" + "; ".join(links) + "\\)"

    def paragraphs(self, text: str) -> list[str]:
        """Blank lines in a text field separate paragraphs."""
        return [self(block) for block in re.split(r"\n\s*\n", str(text)) if block.strip()]


class UI:
    """Interface words (modules/ui.yaml) in one language, escaped for Markdown."""

    def __init__(self, strings: dict, lang: str):
        self.strings, self.lang = strings, lang

    def raw(self, key: str, **values) -> str:
        entry = self.strings.get(key) or {}
        text = entry.get(self.lang) or entry.get(DEFAULT_LANGUAGE) or key
        return text.format(**values) if values else text

    def __call__(self, key: str, **values) -> str:
        return escape_markdown(self.raw(key, **values))

    def attr(self, key: str, **values) -> str:
        return escape_html(self.raw(key, **values))


def clock(minutes: int) -> str:
    """Minutes from the start of a session as h:mm."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def bullet_list(items: Sequence[str], ordered: bool = False) -> list[str]:
    marker = "1." if ordered else "-"
    return [f"{marker} {item}" for item in items] + [""]


def in_language(text: str, text_lang: str, page_lang: str, ui: UI, say_so: bool = True) -> str:
    """Mark text that is not in the page's language (e.g. an untranslated English title)."""
    if text_lang == page_lang:
        return text
    direction = "rtl" if text_lang in RTL_LANGUAGES else "ltr"
    marked = f'<span lang="{text_lang}" dir="{direction}">{text}</span>'
    return f"{marked} \\({ui('in_english')}\\)" if say_so else marked


def language_paragraph(text: str, text_lang: str, page_lang: str) -> str:
    """A paragraph, marked with its language (and direction) when that differs from the page's."""
    if text_lang == page_lang:
        return text
    direction = "rtl" if text_lang in RTL_LANGUAGES else "ltr"
    return f'<p lang="{text_lang}" dir="{direction}" markdown="span">{text}</p>'


def best_text(texts: dict, lang: str) -> tuple[dict, str]:
    """The text in `lang`, else English; with the language actually used."""
    if lang in texts:
        return texts[lang], lang
    return texts.get(DEFAULT_LANGUAGE, {}), DEFAULT_LANGUAGE


def sources_of(module) -> dict:
    return {source["id"]: source for source in module.data.get("sources", [])}


# --- module page ------------------------------------------------------------------------------------------------


def module_page(module, lang: str, ui_strings: dict) -> str:
    text, data = module.texts[lang], module.data
    ui = UI(ui_strings, lang)
    inline = Inline("../glossary.md", sources_of(module))
    lines = [f"# {escape_markdown(text['title'])}", ""]
    lines += module_facts(module, ui)
    if data.get("content_warning"):
        lines += content_warning(ui)
    lines += [*inline.paragraphs(text["summary"]), ""]
    lines += module_kit_links(module, lang, ui)
    lines += section(ui("section_objectives"), "objectives")
    lines += [ui("objectives_intro"), "", *bullet_list([inline(o) for o in text["objectives"]])]
    lines += section(ui("section_key_messages"), "key-messages")
    lines += bullet_list([inline(m) for m in text["key_messages"]])
    lines += activities_section(module, text, ui, inline)
    lines += scenarios_section(text, ui, inline)
    lines += knowledge_check_section(module, text, lang, ui, inline)
    lines += section(ui("section_facilitator_notes"), "facilitator-notes")
    lines += bullet_list([inline(n) for n in text["facilitator_notes"]])
    lines += handout_section(text, ui, inline)
    lines += sources_section(data.get("sources", []), ui)
    lines += get_help_section(ui, "..")
    return "\n".join(lines).rstrip() + "\n"


def kit_block(ui: UI, page: str, links: list[tuple[str, str, str]]) -> list[str]:
    """The workshop kit's files for this page (scripts/kit.py makes them): raw HTML links, since MkDocs does not
    know these files (they are written after the pages are built); linkchecker checks them in the built site."""
    from scripts.kit_common import relative_href

    items = "".join(f'<li><a href="{escape_html(relative_href(page, target))}"{kind}>{label}</a></li>'
                    for label, target, kind in links)
    return [f'<div class="module-kit"><p><strong>{ui.attr("kit_heading")}</strong></p><ul>{items}</ul></div>', ""]


def site_page(docs_path: str) -> str:
    """"en/parents/x.md" -> "parents/x.html"; "fr/parents/x.md" -> "fr/parents/x.html" (the built site's layout)."""
    lang, rest = docs_path.split("/", 1)
    return ("" if lang == DEFAULT_LANGUAGE else lang + "/") + rest[:-3] + ".html"


def module_kit_links(module, lang: str, ui: UI) -> list[str]:
    from scripts import kit_common as kc

    pdf = ' type="application/pdf"'
    links = [(ui.attr("kit_handout"), kc.handout_path(module.id, lang), pdf),
             (ui.attr("kit_slides"), kc.slides_path(module.id, lang), ""),
             (ui.attr("kit_guide", audience=ui.raw("audience_" + module.audience)), kc.guide_path(module.audience, lang), pdf),
             (ui.attr("kit_certificate"), kc.certificate_path(module.audience, lang), pdf)]
    return kit_block(ui, site_page(module.page_path(lang)), links)


def audience_kit_links(audience: str, lang: str, ui: UI, page: str) -> list[str]:
    from scripts import kit_common as kc

    pdf = ' type="application/pdf"'
    links = [(ui.attr("kit_guide", audience=ui.raw("audience_" + audience)), kc.guide_path(audience, lang), pdf),
             (ui.attr("kit_certificate"), kc.certificate_path(audience, lang), pdf)]
    return kit_block(ui, site_page(page), links)


def section(title: str, anchor: str, level: int = 2) -> list[str]:
    return [f"{'#' * level} {title} {{#{anchor}}}", ""]


def age_bands(bands: Sequence[str], ui: UI) -> str:
    return ui("age_years", bands=ui.raw("list_separator").join(band.replace("-", "–") for band in bands))


def review_status(review: dict, ui: UI) -> str:
    # Only a review with a named reviewer and a date is shown as done; everything else is a draft.
    if review.get("status") == "reviewed" and review.get("reviewed_by") and review.get("reviewed_on"):
        return ui("review_reviewed", name=review["reviewed_by"], date=review["reviewed_on"])
    return ui("review_draft")


def module_facts(module, ui: UI) -> list[str]:
    data = module.data
    review = data.get("review") or {}
    state = "reviewed" if review.get("status") == "reviewed" else "draft"
    return [
        '<div class="module-facts" markdown="1">', "",
        f"- <strong>{ui('label_audience')}:</strong> {ui('audience_' + module.audience)}",
        f"- <strong>{ui('label_duration')}:</strong> {ui('minutes', n=module.duration)}",
        f"- <strong>{ui('label_age_bands')}:</strong> {age_bands(data.get('age_bands', []), ui)}",
        f"- <strong>{ui('label_review')}:</strong> "
        f'<span class="module-review module-review--{state}">{review_status(review, ui)}</span>',
        "", "</div>", "",
    ]


def content_warning(ui: UI) -> list[str]:
    return [
        '<div class="admonition warning module-content-warning" role="note" markdown="1">',
        f'<p class="admonition-title">{ui.attr("content_warning_title")}</p>', "",
        f"{ui('content_warning_text')} [{ui('content_warning_link')}](../get-help.md)", "",
        "</div>", "",
    ]


def timing_rows(activities: Sequence[dict]) -> list[dict]:
    """Start offset and running total of each activity, from its minutes."""
    rows, start = [], 0
    for activity in activities:
        minutes = int(activity["minutes"])
        rows.append({"id": activity["id"], "minutes": minutes, "start": start, "total": start + minutes})
        start += minutes
    return rows


def activities_section(module, text: dict, ui: UI, inline: Inline) -> list[str]:
    rows = timing_rows(module.data.get("activities", []))
    lines = section(ui("section_activities"), "activities")
    lines += [f'<p class="module-timing-caption">{ui.attr("timing_caption")}</p>', ""]
    lines += [f"| {ui('col_start')} | {ui('col_activity')} | {ui('col_minutes')} | {ui('col_running_total')} |",
              "| --- | --- | ---: | ---: |"]
    for row in rows:
        title = escape_markdown(text["activities"][row["id"]]["title"])
        lines.append(f"| {clock(row['start'])} | [{title}](#activity-{row['id']}) | {row['minutes']} | "
                     f"{row['total']} |")
    total = rows[-1]["total"] if rows else 0
    lines += [f"| | <strong>{ui('total')}</strong> | <strong>{total}</strong> | |", ""]
    for row in rows:
        activity = text["activities"][row["id"]]
        lines += section(escape_markdown(activity["title"]), f"activity-{row['id']}", level=3)
        lines += [f'<p class="module-activity-time">{ui.attr("minutes", n=row["minutes"])} · '
                  f'{clock(row["start"])}–{clock(row["total"])}</p>', ""]
        materials = ", ".join(inline(m) for m in activity.get("materials") or []) or ui("materials_none")
        lines += [f"<strong>{ui('label_materials')}:</strong> {materials}", ""]
        lines += [f"<strong>{ui('label_steps')}:</strong>", ""]
        lines += bullet_list([inline(step) for step in activity["steps"]], ordered=True)
        if activity.get("debrief"):
            lines += [f"<strong>{ui('label_debrief')}:</strong> {inline(activity['debrief'])}", ""]
    return lines


def scenarios_section(text: dict, ui: UI, inline: Inline) -> list[str]:
    lines = section(ui("section_scenarios"), "scenarios")
    for scenario in text.get("scenarios", []):
        lines += section(escape_markdown(scenario["title"]), f"scenario-{scenario['id']}", level=3)
        lines += [*inline.paragraphs(scenario["story"]), ""]
        lines += [f"<strong>{ui('scenario_questions')}</strong>", ""]
        lines += bullet_list([inline(q) for q in scenario["questions"]])
    return lines


def knowledge_check_section(module, text: dict, lang: str, ui: UI, inline: Inline) -> list[str]:
    """Radio buttons in a fieldset per question. Without JavaScript each answer's feedback sits in a <details>
    that says whether it is right; knowledge-check.js turns this into instant feedback and a score."""
    letters = OPTION_LETTERS.get(lang, LATIN_LETTERS)
    lines = section(ui("section_knowledge_check"), "knowledge-check")
    lines += [
        f'<div class="kc" data-kc data-kc-correct="{ui.attr("kc_correct")}" '
        f'data-kc-incorrect="{ui.attr("kc_incorrect")}" data-kc-score="{ui.attr("kc_score")}" '
        f'data-kc-reset="{ui.attr("kc_reset")}" data-kc-intro="{ui.attr("kc_intro_interactive")}" markdown="1">',
        f'<p class="kc-intro">{ui.attr("kc_intro_static")}</p>', "",
    ]
    for number, question in enumerate(module.data.get("knowledge_check", []), start=1):
        qid, answer = question["id"], question["answer"]
        entry = text["knowledge_check"][qid]
        lines += [f'<fieldset class="kc-question" id="kc-{qid}" markdown="1">',
                  f'<legend markdown="span"><span class="kc-number">{ui("kc_question", n=number)}.</span> '
                  f'{inline(entry["question"])}</legend>', ""]
        for index, option in enumerate(entry["options"]):
            correct = "true" if index == answer else "false"
            letter = letters[index] if index < len(letters) else str(index + 1)
            verdict_key = "kc_correct" if index == answer else "kc_incorrect"
            verdict = ui.attr(verdict_key)
            input_id = f"kc-{qid}-{index}"
            lines += [
                '<div class="kc-option" markdown="1">', "",
                f'<input type="radio" name="kc-{qid}" id="{input_id}" value="{index}" data-correct="{correct}" '
                f'autocomplete="off">'
                f'<label for="{input_id}"><span class="kc-letter">{escape_html(letter)}.</span> '
                f'{inline(option["text"])}</label>', "",
                '<details class="kc-feedback" markdown="1">',
                f'<summary>{ui.attr("kc_feedback_summary", letter=letter)}</summary>',
                f'<p class="kc-verdict kc-verdict--{correct}"><strong>{verdict}</strong></p>',
                '<div class="kc-feedback-text" markdown="1">', "",
                *inline.paragraphs(without_verdict(option["feedback"], ui.raw(verdict_key))), "",
                "</div>", "</details>", "", "</div>", "",
            ]
        lines += ['<p class="kc-live" aria-live="polite"></p>', "</fieldset>", ""]
    lines += ['<p class="kc-score" aria-live="polite"></p>', "", "</div>", ""]
    return lines


def without_verdict(feedback: str, verdict: str) -> str:
    """Feedback that starts with our own verdict ("Not quite. Not quite. ...") would say it twice."""
    text = str(feedback).strip()
    if verdict and text.casefold().startswith(verdict.casefold()):
        return text[len(verdict):].strip() or text
    return text


def handout_section(text: dict, ui: UI, inline: Inline) -> list[str]:
    handout = text["handout"]
    lines = section(ui("section_handout"), "handout")
    lines += ['<div class="module-handout" markdown="1">', ""]
    lines += [*inline.paragraphs(handout["summary"]), ""]
    lines += [f"<strong>{ui('handout_actions')}</strong>", ""]
    lines += bullet_list([inline(a) for a in handout["actions"]])
    lines += ["</div>", ""]
    return lines


def sources_section(sources: Sequence[dict], ui: UI) -> list[str]:
    lines = section(ui("section_sources"), "sources")
    items = []
    for source in sources:
        items.append(f'<span id="source-{source["id"]}"></span>{escape_markdown(source["publisher"])} '
                     f'\\({source["year"]}\\). <cite>{escape_markdown(source["title"])}</cite>. '
                     f'<{source["url"]}>')
    return lines + bullet_list(items, ordered=True)


def get_help_section(ui: UI, up: str) -> list[str]:
    lines = section(ui("section_get_help"), "get-help")
    lines += [ui("get_help_text"), ""]
    lines += bullet_list([f"[{ui('get_help_link')}]({up}/get-help.md)",
                          f"[{ui('directory_link')}]({up}/directory/index.md)"])
    return lines


# --- audience index ---------------------------------------------------------------------------------------------


def audience_index(project, audience: str, lang: str, agenda_minutes) -> str:
    ui = UI(project.ui, lang)
    lines = [f"# {ui('audience_' + audience)}", "", ui(f"intro_{audience}"), ""]
    lines += audience_kit_links(audience, lang, ui, f"{lang}/{audience}/index.md")
    lines += section(ui("section_modules"), "modules")
    modules = project.modules_for(audience)
    if not modules:
        lines += [ui("no_modules_yet"), ""]
    for module in modules:
        text, text_lang = best_text(module.texts, lang)
        title = in_language(escape_markdown(text.get("title", module.id)), text_lang, lang, ui)
        facts = " · ".join([ui("minutes", n=module.duration), f"{ui('label_age_bands')}: "
                            f"{age_bands(module.data.get('age_bands', []), ui)}",
                            review_status(module.data.get("review") or {}, ui)])
        cite = Inline("../glossary.md", sources_of(module), f"{module.slug}.md")
        lines += [f"### [{title}]({module.slug}.md) {{#{module.id}}}", "",
                  language_paragraph(cite(text.get("summary", "")), text_lang, lang), "",
                  f'<span class="module-list-facts">{facts}</span>', ""]
    lines += section(ui("section_workshops"), "workshops")
    workshops = project.workshops_for(audience)
    if not workshops:
        lines += [ui("no_workshops_yet"), ""]
    lines += workshop_list(workshops, lang, ui, "../workshops/", agenda_minutes)
    return "\n".join(lines).rstrip() + "\n"


def workshop_list(workshops, lang: str, ui: UI, prefix: str, agenda_minutes) -> list[str]:
    items = []
    for workshop in workshops:
        text, text_lang = best_text(workshop.texts, lang)
        title = in_language(escape_markdown(text.get("title", workshop.id)), text_lang, lang, ui)
        summary = in_language(Inline("../glossary.md")(text.get("summary", "")), text_lang, lang, ui, say_so=False)
        length = ui("length_" + str(workshop.data.get("length")))
        items.append(f"[{title}]({prefix}{workshop.id}.md) — {length}{ui.raw('list_separator')}"
                     f"{ui('minutes', n=agenda_minutes(workshop))}. {summary}")
    return bullet_list(items) if items else []


# --- glossary ---------------------------------------------------------------------------------------------------


def glossary_page(glossary, lang: str, ui_strings: dict) -> str:
    ui = UI(ui_strings, lang)
    text = glossary.texts[lang]
    inline = Inline("")
    terms = text.get("terms", {})
    lines = [f"# {ui('glossary_title')}", "", ui("glossary_intro"), ""]
    lines += section(ui("section_terms"), "terms")
    entries = [t for t in glossary.data.get("terms", []) if t.get("id") in terms]
    for entry in sorted(entries, key=lambda t: terms[t["id"]]["term"].casefold()):
        term = terms[entry["id"]]
        lines += section(escape_markdown(term["term"]), entry["id"], level=3)
        lines += [*inline.paragraphs(term["definition"]), ""]
        see_also = [f"[{escape_markdown(terms[o]['term'])}](#{o})" for o in entry.get("see_also", []) if o in terms]
        if see_also:
            lines += [f"<strong>{ui('label_see_also')}:</strong> " + ", ".join(see_also), ""]
    lines += section(ui("section_avoid"), "terms-to-avoid")
    lines += [ui("avoid_intro"), ""]
    avoid_text = text.get("avoid", {})
    for entry in glossary.data.get("avoid", []):
        avoid = avoid_text.get(entry.get("id"))
        if not avoid:
            continue
        lines += section(escape_markdown(avoid["term"]), f"avoid-{entry['id']}", level=3)
        lines += [f"<strong>{ui('label_why')}:</strong> {inline(avoid['reason'])}", ""]
        better = terms.get(entry.get("use_instead"))
        if better:
            lines += [f"<strong>{ui('label_use_instead')}:</strong> "
                      f"[{escape_markdown(better['term'])}](#{entry['use_instead']})", ""]
    return "\n".join(lines).rstrip() + "\n"


# --- workshops --------------------------------------------------------------------------------------------------


def workshops_index(project, lang: str, agenda_minutes) -> str:
    ui = UI(project.ui, lang)
    lines = [f"# {ui('section_workshops')}", "", ui("workshops_intro"), ""]
    for audience in AUDIENCES:
        workshops = project.workshops_for(audience)
        lines += section(ui("audience_" + audience), audience)
        lines += workshop_list(workshops, lang, ui, "", agenda_minutes) or [ui("no_workshops_yet"), ""]
    return "\n".join(lines).rstrip() + "\n"


def workshop_page(workshop, lang: str, project, rows: list[dict]) -> str:
    ui = UI(project.ui, lang)
    text = workshop.texts[lang]
    inline = Inline("../glossary.md")
    audience = workshop.data.get("audience")
    total = sum(row["minutes"] for row in rows)
    lines = [f"# {escape_markdown(text['title'])}", ""]
    lines += ['<div class="module-facts" markdown="1">', "",
              f"- <strong>{ui('label_audience')}:</strong> {ui('audience_' + audience)}",
              f"- <strong>{ui('label_duration')}:</strong> {ui('minutes', n=total)} "
              f"({ui('length_' + workshop.data.get('length'))})", "", "</div>", ""]
    modules_in_plan = [project.module(row["id"]) for row in rows if row["kind"] == "module"]
    if any(m is not None and m.data.get("content_warning") for m in modules_in_plan):
        lines += content_warning(ui)
    lines += [*inline.paragraphs(text["summary"]), ""]
    lines += audience_kit_links(audience, lang, ui, workshop.page_path(lang))
    lines += section(ui("section_agenda"), "agenda")
    lines += [f'<p class="module-timing-caption">{ui.attr("timing_caption")}</p>', ""]
    lines += [f"| {ui('col_start')} | {ui('col_item')} | {ui('col_minutes')} |", "| --- | --- | ---: |"]
    for row in rows:
        lines.append(f"| {clock(row['start'])} | {agenda_item(row, text, lang, project, ui)} | {row['minutes']} |")
    lines += [f"| | <strong>{ui('total')}</strong> | <strong>{total}</strong> |", ""]
    for row in rows:
        if row["kind"] == "segment":
            segment = text["segments"][row["id"]]
            lines += section(escape_markdown(segment["title"]), f"segment-{row['id']}", level=3)
            lines += [*inline.paragraphs(segment["description"]), ""]
    lines += section(ui("section_preparation"), "preparation")
    lines += bullet_list([inline(item) for item in text["preparation"]])
    lines += section(ui("section_ground_rules"), "ground-rules")
    lines += bullet_list([inline(item) for item in text["ground_rules"]])
    lines += section(ui("section_disclosure"), "disclosure")
    lines += bullet_list([inline(item) for item in text["disclosure"]])
    lines += get_help_section(ui, "..")
    return "\n".join(lines).rstrip() + "\n"


def agenda_item(row: dict, text: dict, lang: str, project, ui: UI) -> str:
    if row["kind"] == "segment":
        return f"[{escape_markdown(text['segments'][row['id']]['title'])}](#segment-{row['id']})"
    module = project.module(row["id"])
    module_text, text_lang = best_text(module.texts, lang)
    title = in_language(escape_markdown(module_text.get("title", module.id)), text_lang, lang, ui)
    return f"[{title}](../{module.audience}/{module.slug}.md)"


# --- all pages --------------------------------------------------------------------------------------------------


def render_pages(project, languages: Sequence[str]) -> dict[str, str]:
    """{docs path: Markdown}; module, glossary and workshop pages only where their text exists in a language."""
    from scripts.modules import agenda, workshop_minutes

    def minutes(workshop):
        return workshop_minutes(workshop, project)

    pages: dict[str, str] = {}
    for lang in languages:
        for module in project.modules:
            if lang in module.texts:
                pages[module.page_path(lang)] = module_page(module, lang, project.ui)
        for audience in AUDIENCES:
            pages[f"{lang}/{audience}/index.md"] = audience_index(project, audience, lang, minutes)
        if project.glossary is not None and lang in project.glossary.texts:
            pages[f"{lang}/glossary.md"] = glossary_page(project.glossary, lang, project.ui)
        pages[f"{lang}/workshops/index.md"] = workshops_index(project, lang, minutes)
        for workshop in project.workshops:
            if lang in workshop.texts:
                pages[workshop.page_path(lang)] = workshop_page(workshop, lang, project, agenda(workshop, project))
    return pages
