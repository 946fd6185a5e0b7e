"""The workshop kit: printable material generated from the same data as the site, in every language.

- a handout per module (PDF, 1-2 pages): summary, key messages, what to do, where to get help;
- a facilitator guide per audience (PDF): workshop plans with timings, disclosure protocol, every module's objectives,
  activities, facilitator notes and knowledge-check answers, with a table of contents and page numbers;
- a help card per country (PDF, one page): emergency numbers, helplines, where to report (with QR codes), the
  "last checked" date and the edition; and a blank card for trainers to fill in by hand;
- an attendance certificate per audience (PDF) with a blank line for the name (nothing is stored);
- a slide deck per module (one HTML file that works from a USB stick; scripts/kit_slides.py).

`site_files(root)` gives {site path: bytes} for all of them; PDFs come from scripts/kit_pdf.py (cached by content).
"""
from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from scripts import kit_pdf
from scripts.kit_common import (Words, certificate_path, direction, esc, guide_path, handout_path, help_card_path,
                                paragraphs_html, plain_html, slides_path)
from scripts.modules_render import sources_of

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "fr", "es", "pt", "ar", "sw")
AUDIENCES = ("parents", "teachers", "social-workers")
CSS_FILE = ROOT / "scripts" / "kit_print.css"


def document(lang: str, title: str, body: str, kind: str) -> str:
    return (f'<!doctype html>\n<html lang="{lang}" dir="{direction(lang)}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(title)}</title>\n</head>\n<body class=\"kit-{kind}\">\n{body}\n</body>\n</html>\n")


def ltr_run(text: str) -> str:
    """Keep a run such as "10–25′" left-to-right inside Arabic (Unicode isolates; WeasyPrint's CSS has no isolate)."""
    return f"\u2066{text}\u2069"


def footer(words: Words, edition: str) -> str:
    return f'<p class="kit-footer">{words("kit_footer", edition=edition)}</p>'


# --- handout --------------------------------------------------------------------------------------------------------


def handout_html(module, lang: str, ui: dict, edition: str) -> str:
    text, words, sources = module.texts[lang], Words(ui, lang), sources_of(module)
    inline = lambda value: plain_html(value, sources)  # noqa: E731
    body = [
        f'<p class="kit-kicker">{words("section_handout")} · {words("audience_" + module.audience)}</p>',
        f"<h1>{inline(text['title'])}</h1>",
        f'<p class="kit-summary">{inline(text["handout"]["summary"])}</p>',
        f"<h2>{words('section_key_messages')}</h2>",
        "<ul>" + "".join(f"<li>{inline(m)}</li>" for m in text["key_messages"]) + "</ul>",
        f"<h2>{words('handout_actions')}</h2>",
        '<ol class="kit-actions">' + "".join(f"<li>{inline(a)}</li>" for a in text["handout"]["actions"]) + "</ol>",
        f'<section class="kit-help"><h2>{words("section_get_help")}</h2><p>{words("handout_get_help_text")}</p></section>',
        footer(words, edition),
    ]
    return document(lang, text["title"], "\n".join(body), "handout")


# --- facilitator guide ------------------------------------------------------------------------------------------------


def option_letters(lang: str) -> list[str]:
    from scripts.modules_render import LATIN_LETTERS, OPTION_LETTERS

    return OPTION_LETTERS.get(lang, LATIN_LETTERS)


def module_section(module, lang: str, words: Words) -> str:
    text, sources = module.texts[lang], sources_of(module)
    inline = lambda value: plain_html(value, sources)  # noqa: E731
    out = [f'<section class="kit-module" id="m-{module.id}">', f"<h2>{inline(text['title'])}</h2>",
           f'<p class="kit-facts">{words("minutes", n=module.duration)} · {words("review_draft") if (module.data.get("review") or {}).get("status") != "reviewed" else words("review_reviewed", name=module.data["review"].get("reviewed_by", ""), date=module.data["review"].get("reviewed_on", ""))}</p>',
           f"<h3>{words('section_objectives')}</h3>",
           "<ul>" + "".join(f"<li>{inline(o)}</li>" for o in text["objectives"]) + "</ul>",
           f"<h3>{words('section_activities')}</h3>"]
    start = 0
    for activity in module.data.get("activities", []):
        entry = text["activities"][activity["id"]]
        minutes = activity["minutes"]
        out.append(f'<h4><span class="kit-time">{ltr_run(f"{start}–{start + minutes}′")}</span> {inline(entry["title"])}</h4>')
        if entry.get("materials"):
            out.append(f'<p class="kit-materials">{words("label_materials")}: '
                       + "; ".join(inline(m) for m in entry["materials"]) + "</p>")
        out.append("<ol>" + "".join(f"<li>{inline(step)}</li>" for step in entry["steps"]) + "</ol>")
        if entry.get("debrief"):
            out.append(f'<p class="kit-debrief"><strong>{words("guide_debrief")}:</strong> {inline(entry["debrief"])}</p>')
        start += minutes
    out.append(f"<h3>{words('section_facilitator_notes')}</h3>")
    out.append("<ul>" + "".join(f"<li>{inline(n)}</li>" for n in text["facilitator_notes"]) + "</ul>")
    out.append(f"<h3>{words('guide_answers')}</h3>")
    letters = option_letters(lang)
    for number, question in enumerate(module.data.get("knowledge_check", []), start=1):
        entry = text["knowledge_check"][question["id"]]
        answer = question["answer"]
        correct = entry["options"][answer]
        out.append(f'<div class="kit-answer"><p><strong>{number}. {inline(entry["question"])}</strong></p>'
                   f'<p>{words("guide_correct", letter=letters[answer])} — {inline(correct["text"])}</p>'
                   f'<p class="kit-feedback">{inline(correct["feedback"])}</p></div>')
    out.append("</section>")
    return "\n".join(out)


def workshop_section(workshop, project, lang: str, words: Words) -> str:
    from scripts.modules import agenda, workshop_minutes

    text = workshop.texts[lang]
    out = [f'<section class="kit-workshop" id="w-{workshop.id}">', f"<h2>{plain_html(text['title'])}</h2>",
           f'<p class="kit-facts">{words("minutes", n=workshop_minutes(workshop, project))}</p>',
           f"<p>{plain_html(text['summary'])}</p>", f"<h3>{words('section_agenda')}</h3>",
           '<table class="kit-agenda"><tbody>']
    for row in agenda(workshop, project):
        if row["kind"] == "module":
            module = project.module(row["id"])
            name = f'<a href="#m-{module.id}">{plain_html(module.texts[lang]["title"])}</a>'
        else:
            name = plain_html(text["segments"][row["id"]]["title"])
        span = ltr_run(f"{row['start']}–{row['start'] + row['minutes']}′")
        out.append(f'<tr><td class="kit-time">{span}</td><td>{name}</td></tr>')
    out.append("</tbody></table>")
    for segment_id, segment in text["segments"].items():
        out.append(f"<h4>{plain_html(segment['title'])}</h4>{paragraphs_html(segment['description'])}")
    out.append(f"<h3>{words('section_preparation')}</h3>")
    out.append("<ul>" + "".join(f"<li>{plain_html(p)}</li>" for p in text["preparation"]) + "</ul>")
    out.append(f"<h3>{words('section_ground_rules')}</h3>")
    out.append("<ul>" + "".join(f"<li>{plain_html(p)}</li>" for p in text["ground_rules"]) + "</ul>")
    out.append("</section>")
    return "\n".join(out)


def guide_html(project, audience: str, lang: str, ui: dict, edition: str) -> str:
    words = Words(ui, lang)
    audience_name = words.raw("audience_" + audience)
    title = words.raw("guide_title", audience=audience_name)
    modules = project.modules_for(audience)
    workshops = [w for w in project.workshops_for(audience)]
    disclosure = workshops[0].texts[lang]["disclosure"] if workshops else []
    toc = [f'<li><a href="#disclosure">{words("section_disclosure")}</a></li>',
           f'<li class="kit-toc-group">{words("guide_workshops")}</li>']
    toc += [f'<li><a href="#w-{w.id}">{plain_html(w.texts[lang]["title"])}</a></li>' for w in workshops]
    toc.append(f'<li class="kit-toc-group">{words("guide_modules")}</li>')
    toc += [f'<li><a href="#m-{m.id}">{plain_html(m.texts[lang]["title"])}</a></li>' for m in modules]
    body = [f'<section class="kit-cover"><h1>{esc(title)}</h1><p>{words("guide_intro")}</p>{footer(words, edition)}</section>',
            f'<nav class="kit-toc"><h2>{words("guide_contents")}</h2><ol>{"".join(toc)}</ol></nav>',
            f'<section class="kit-disclosure" id="disclosure"><h2>{words("section_disclosure")}</h2>'
            "<ol>" + "".join(f"<li>{plain_html(d)}</li>" for d in disclosure) + "</ol>"
            f'<p>{words("handout_get_help_text")}</p></section>']
    body += [workshop_section(w, project, lang, words) for w in workshops]
    body += [module_section(m, lang, words) for m in modules]
    return document(lang, title, "\n".join(body), "guide")


# --- certificate ------------------------------------------------------------------------------------------------------


def certificate_html(audience: str, lang: str, ui: dict, edition: str) -> str:
    words = Words(ui, lang)
    audience_name = words.raw("audience_" + audience)
    lower = audience_name[:1].lower() + audience_name[1:]
    title = words.raw("certificate_title")

    def line(key: str) -> str:
        return f'<div class="kit-line"><span></span><p>{words(key)}</p></div>'

    body = [f"<h1>{esc(title)}</h1>", f'<p class="kit-cert-text">{words("certificate_text")}</p>',
            line("certificate_name"),
            f'<p class="kit-cert-text">{esc(words.raw("certificate_attended", audience=audience_name, audience_lower=lower))}</p>',
            line("certificate_workshop"),
            '<div class="kit-cert-row">' + line("certificate_date") + line("certificate_place") + "</div>",
            line("certificate_facilitator"),
            f'<p class="kit-cert-note">{words("certificate_note")}</p>', footer(words, edition)]
    return document(lang, title, "\n".join(body), "certificate")


# --- help cards -----------------------------------------------------------------------------------------------------


REPORT_KINDS = ("csam_hotline", "police_report")


def qr_svg(url: str) -> str:
    import segno

    svg = segno.make(url, error="m").svg_inline(scale=2.4, border=1, dark="#000", light="#fff")
    return svg


def report_links(services: list[dict]) -> list[tuple[str, str]]:
    """(name, web address) of the reporting services with a web form or page, in display order."""
    found = []
    for service in services:
        if service["kind"] not in REPORT_KINDS:
            continue
        for contact in service["contacts"]:
            if contact["channel"] in ("web_form", "web") and contact.get("url"):
                found.append((service.get("name") or service["kind"], contact["url"]))
                break
    return found


def help_card_html(page, code: str, by_code: dict, edition: str) -> str:
    from scripts import directory_pages as dp
    from scripts.directory_data import WORLD

    world = by_code.get(WORLD)
    own = by_code.get(code)
    title = page.t("world_title") if code == WORLD else page.t("help_card_title", country=page.country(code))
    shown = dp.ordered_services(own) if own else []
    world_services = dp.ordered_services(world) if world else []
    body = [f"<h1>{esc(title)}</h1>", dp.danger_html(page, None if code == WORLD else own)]
    if code != WORLD:
        body.append('<div class="kit-cards">' + "".join(dp.card_html(page, s, code) for s in shown
                                                        if s["kind"] != "emergency") + "</div>")
        if own and not dp.has_national_help(own):
            body.append(f'<p class="dir-none">{esc(page.t("no_national"))}</p>')
        body.append(f'<h2>{esc(page.t("worldwide_heading", country=page.country(code)))}</h2>')
        world_lines = []
        for service in world_services:
            links = [c for c in service["contacts"] if c.get("url")]
            if links:
                # Isolates keep "Name: address" in order inside Arabic (WeasyPrint has no CSS isolate).
                world_lines.append(f'<li>\u2068{dp.service_title(page, service)}\u2069: '
                                   f'\u2066{dp.ltr(dp.url_label(links[0]["url"]))}\u2069</li>')
        body.append('<ul class="kit-world">' + "".join(world_lines) + "</ul>")
    else:
        body.append('<div class="kit-cards">' + "".join(dp.card_html(page, s, None) for s in world_services) + "</div>")
    reports = report_links(shown) or report_links(world_services)
    qr = "".join(f'<figure class="kit-qr">{qr_svg(url)}<figcaption>{esc(name)}<br>{dp.ltr(dp.url_label(url))}</figcaption></figure>'
                 for name, url in reports[:3])
    if qr:
        body.append(f'<div class="kit-qrs"><p>{esc(page.t("help_card_scan"))}</p>{qr}</div>')
    checked = [s["last_checked"] for s in (shown if code != WORLD else world_services)]
    oldest = min(checked) if checked else ""
    body.append(f'<p class="kit-footer">{esc(page.t("help_card_footer", date=page.date(oldest) if oldest else "—", edition=edition))}</p>')
    return document(page.lang, title, "\n".join(body), "help-card")


def blank_help_card_html(page, edition: str) -> str:
    title = page.t("help_card_blank_title")
    fields = [("danger_lead", 2), ("help_card_field_helpline", 2), ("help_card_field_report", 2),
              ("help_card_field_local", 4)]
    body = [f"<h1>{esc(title)}</h1>", f"<p>{esc(page.t('help_card_blank_intro'))}</p>"]
    for key, lines in fields:
        body.append(f'<div class="kit-field"><p>{esc(page.t(key).rstrip(":"))}</p>' + "<span></span>" * lines + "</div>")
    body.append(f'<p class="dir-safety">{esc(page.t("report_url_only"))}</p>')
    body.append(f'<p class="kit-footer">{esc(page.t("help_card_footer", date="____", edition=edition))}</p>')
    return document(page.lang, title, "\n".join(body), "help-card")


# --- the whole kit ------------------------------------------------------------------------------------------------------


def kit_documents(root: Path, languages: Sequence[str] = LANGUAGES, today: dt.date | None = None,
                  countries: Sequence[str] | None = None) -> tuple[dict[str, str], dict[str, str]]:
    """({site path: HTML} of every PDF to make, {site path: text} of the slide decks)."""
    from scripts import directory_data, edition, i18n
    from scripts.directory_pages import Page
    from scripts.kit_slides import slide_deck
    from scripts.modules import load_valid_project

    root = Path(root)
    today = today or dt.date.today()
    project = load_valid_project(root / "modules")
    edition_name = edition.load_editions(root)[0].edition
    by_code = directory_data.load_directory(root, today=today)
    i18n.apply_directory_texts(root, by_code, languages)
    directory_ui = directory_data.load_ui(root)
    codes = list(countries) if countries is not None else [*directory_data.iso_codes(), directory_data.WORLD]
    pdfs: dict[str, str] = {}
    slides: dict[str, str] = {}
    for lang in languages:
        for module in project.modules:
            if lang in module.texts:
                pdfs[handout_path(module.id, lang)] = handout_html(module, lang, project.ui, edition_name)
                slides[slides_path(module.id, lang)] = slide_deck(module, lang, project.ui, edition_name)
        for audience in AUDIENCES:
            modules = project.modules_for(audience)
            if modules and all(lang in m.texts for m in modules) and \
                    all(lang in w.texts for w in project.workshops_for(audience)):
                pdfs[guide_path(audience, lang)] = guide_html(project, audience, lang, project.ui, edition_name)
            pdfs[certificate_path(audience, lang)] = certificate_html(audience, lang, project.ui, edition_name)
        page = Page(directory_ui, lang, today)
        for code in codes:
            pdfs[help_card_path(code, lang)] = help_card_html(page, code, by_code, edition_name)
        pdfs[help_card_path("blank", lang)] = blank_help_card_html(page, edition_name)
    return pdfs, slides


def stylesheet() -> str:
    return CSS_FILE.read_text(encoding="utf-8")


def site_files(root: Path) -> dict[str, bytes]:
    documents, slides = kit_documents(root)
    css = stylesheet()
    pdfs, _ = kit_pdf.render_all(documents, dict.fromkeys(documents, css))
    kit_pdf.prune_cache(kit_pdf.cache_key(html, css) for html in documents.values())
    files: dict[str, bytes] = dict(pdfs)
    files.update({path: text.encode("utf-8") for path, text in slides.items()})
    return files


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m scripts.kit OUT [lang] [country...]`: write (some of) the kit into OUT, for a quick look."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        print("usage: python -m scripts.kit OUT_FOLDER [LANG [COUNTRY ...]]", file=sys.stderr)
        return 2
    out = Path(args[0])
    languages = args[1:2] or LANGUAGES
    countries = args[2:] or None
    documents, slides = kit_documents(ROOT, languages, countries=countries)
    css = stylesheet()
    pdfs, rendered = kit_pdf.render_all(documents, dict.fromkeys(documents, css))
    for path, data in {**pdfs, **{p: t.encode() for p, t in slides.items()}}.items():
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_bytes(data)
    print(f"{len(pdfs)} PDFs ({rendered} rendered, the rest cached) and {len(slides)} slide decks in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
