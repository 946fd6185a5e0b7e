"""Slide decks for the projector: one self-contained HTML file per module and language.

`slide_deck(module, lang, ui, edition)` returns the whole document as a string (scripts/kit.py writes it to
`kit/slides/<module-id>.html`). Everything is generated from the module data and modules/ui.yaml; nothing is typed
twice. The file loads nothing else (no fonts, images, scripts or styles from anywhere), sets no cookies and stores
nothing, so it works from a USB stick over file:// with no internet.

- Without JavaScript the slides are one readable page, one after another.
- With JavaScript one slide fills the screen; arrow keys, Page Up/Down, Space, Home/End and two on-screen buttons
  move between slides (in right-to-left languages ArrowLeft is "next"). The slide number is kept in the address
  (`#3`), so a reload keeps the place.
- Printing (with or without JavaScript) gives one slide per A4 landscape page.

Long activities are split over continuation slides before they reach the browser (`_pack`, with a character budget
measured at 1280x720); a slide that is still too full is shrunk a little by the script (`fit`), never cut.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache

from scripts.kit_common import Words, direction, esc, plain_html

DEFAULT_LANGUAGE = "en"
LATIN_LETTERS = ["A", "B", "C", "D", "E"]
OPTION_LETTERS = {"ar": ["أ", "ب", "ج", "د", "هـ"]}   # the same letters as the module pages and the guide
KEY_MESSAGES_PER_SLIDE = 4

# How much fits on one slide, in characters of plain text, measured in Chromium at 1280x720 (28px text) over every
# activity slide of every deck, with a residual of about 25 characters (the same in all six languages):
# the body of a slide holds CAPACITY characters; a list item also costs ITEM_COST (its number, the gap and its
# part-empty last line), the kicker line KICKER_COST, each line of a slide heading HEADING_LINE_COST (a line holds
# HEADING_LINE_CHARS), the "Discussion" box BOX_COST. Slides are filled to FILL so that wrapping never overflows;
# the script's `fit` shrinks the text of the rare slide that is still too full (one very long step).
CAPACITY = 1370
FILL = 0.9
ITEM_COST = 62
KICKER_COST = 96
HEADING_LINE_COST = 110
HEADING_LINE_CHARS = 50
BOX_COST = 225


@dataclass
class Slide:
    kind: str           # CSS modifier: title, objectives, messages, activity, scenario, question, help
    label: str          # plain-text name for aria-label
    body: str           # HTML inside .slide-body


_TAG = re.compile(r"<[^>]*>")


def _plain(text, sources: dict) -> str:
    """Content text as plain text (for aria-label, <title> and measuring)."""
    return html.unescape(_TAG.sub("", plain_html(str(text or ""), sources)))


def _heading_cost(heading: str) -> int:
    return HEADING_LINE_COST * max(1, -(-len(heading) // HEADING_LINE_CHARS))


def _items_cost(items, sources: dict) -> int:
    return sum(len(_plain(item, sources)) + ITEM_COST for item in items)


def _pack(costs: list[int], budget: float) -> list[list[int]]:
    """Indexes of items (by cost) grouped into slides, in order, each group within `budget` when it can be.

    The last two groups are balanced: 7 steps that need two slides become 4 + 3, not 6 + 1."""
    groups: list[list[int]] = []
    for index, cost in enumerate(costs):
        if groups and sum(costs[i] for i in groups[-1]) + cost <= budget:
            groups[-1].append(index)
        else:
            groups.append([index])
    while len(groups) > 1 and len(groups[-2]) > 1:
        moved = groups[-2][-1]
        before = sum(costs[i] for i in groups[-2][:-1])
        after = sum(costs[i] for i in groups[-1]) + costs[moved]
        if after > before or after > budget:
            break
        groups[-2].pop()
        groups[-1].insert(0, moved)
    return groups


# Where a step too long for one slide may be cut: after a sentence, else after a semicolon, else after a comma.
_CUTS = (re.compile(r"[.!?؟…]['\"’”»)]*\s+"), re.compile(r"[;؛]\s+"), re.compile(r"[,،]\s+"))


def _balanced(text: str) -> bool:
    """True when a piece of content text does not cut through [[a link]], [@a citation] or **bold**."""
    return text.count("[") == text.count("]") and text.count("**") % 2 == 0


def _pieces(text: str, limit: float, sources: dict, level: int = 0) -> list[str]:
    """`text` cut at the first kind of boundary in _CUTS that exists, recursing into pieces still over `limit`."""
    if level >= len(_CUTS) or len(_plain(text, sources)) <= limit:
        return [text]
    pieces, start = [], 0
    for match in [*_CUTS[level].finditer(text), None]:
        end = match.end() if match else len(text)
        piece = text[start:end].strip()
        start = end
        if not piece:
            continue
        if pieces and not _balanced(pieces[-1]):
            pieces[-1] += " " + piece
        else:
            pieces.append(piece)
    return [small for piece in pieces for small in _pieces(piece, limit, sources, level + 1)]


def _split_long(text: str, budget: float, sources: dict) -> list[str]:
    """A step too long for one slide, cut into parts that each fit, as evenly as possible."""
    pieces = _pieces(" ".join(str(text).split()), budget - ITEM_COST, sources)
    costs = [len(_plain(piece, sources)) + 1 for piece in pieces]
    parts = max(1, -(-int(sum(costs) + ITEM_COST) // int(budget)))
    target = min(budget, (sum(costs) + ITEM_COST) / parts * 1.1)
    return [" ".join(pieces[i] for i in group) for group in _pack(costs, target - ITEM_COST)]


def _items(items, sources: dict, tag: str = "ul") -> str:
    rows = "".join(f"<li>{plain_html(item, sources)}</li>" for item in items)
    return f"<{tag}>{rows}</{tag}>"


def _review_line(review: dict, words: Words) -> tuple[str, str]:
    if review.get("status") == "reviewed" and review.get("reviewed_by") and review.get("reviewed_on"):
        return "reviewed", words("review_reviewed", name=review["reviewed_by"], date=review["reviewed_on"])
    return "draft", words("review_draft")


# --- the slides -------------------------------------------------------------------------------------------------


def _title_slide(module, text: dict, words: Words, sources: dict) -> Slide:
    state, review = _review_line(module.data.get("review") or {}, words)
    audience = words(f"audience_{module.audience}")
    parts = [
        f'<p class="kicker">{audience}</p>',
        f'<h1>{plain_html(text.get("title", module.id), sources)}</h1>',
        f'<p class="meta">{words("minutes", n=module.duration)}</p>',
        f'<p class="review review--{state}">{review}</p>',
    ]
    if module.data.get("content_warning"):
        parts.append(f'<p class="note"><strong>{words("content_warning_title")}</strong> '
                     f'{words("content_warning_text")}</p>')
    parts.append(f'<p class="hint">{words("slides_hint")}</p>')
    return Slide("title", _plain(text.get("title", module.id), sources), "".join(parts))


def _objectives_slide(text: dict, words: Words, sources: dict) -> Slide:
    heading = words("section_objectives")
    body = (f"<h2>{heading}</h2><p class=\"lead\">{words('objectives_intro')}</p>"
            f"{_items(text.get('objectives') or [], sources)}")
    return Slide("objectives", words.raw("section_objectives"), body)


def _message_slides(text: dict, words: Words, sources: dict) -> list[Slide]:
    messages = list(text.get("key_messages") or [])
    parts = [messages]
    if len(messages) > KEY_MESSAGES_PER_SLIDE:
        half = (len(messages) + 1) // 2
        parts = [messages[:half], messages[half:]]
    slides = []
    for number, part in enumerate(parts):
        heading = words.raw("section_key_messages")
        if number:
            heading = words.raw("slides_continued", title=heading)
        slides.append(Slide("messages", heading, f"<h2>{esc(heading)}</h2>{_items(part, sources)}"))
    return slides


def _step_list(units: list[tuple[int, str, bool]], sources: dict) -> str:
    """Numbered steps; a step continued from the previous slide keeps its number and starts with "…"."""
    rows: list[tuple[int, list[str]]] = []
    for step, part, first in units:
        if rows and rows[-1][0] == step:
            rows[-1][1].append(plain_html(part, sources))
        else:
            rows.append((step, [("" if first else "… ") + plain_html(part, sources)]))
    return "<ol>" + "".join(f'<li value="{step}">{" ".join(parts)}</li>' for step, parts in rows) + "</ol>"


def _activity_slides(module, text: dict, words: Words, sources: dict) -> list[Slide]:
    """One slide per activity: its steps (continued over more slides when they do not fit) and its debrief."""
    metas = [a for a in module.data.get("activities") or [] if isinstance(a, dict)]
    texts = text.get("activities") or {}
    slides = []
    for number, meta in enumerate(metas, 1):
        activity = texts.get(meta.get("id")) or {}
        title = _plain(activity.get("title", meta.get("id", "")), sources)
        continued = words.raw("slides_continued", title=title)
        debrief = activity.get("debrief")
        kicker = (f'<p class="kicker">{words("slides_activity", n=number, total=len(metas))} · '
                  f'{words("minutes", n=meta.get("minutes", 0))}</p>')
        budget = CAPACITY * FILL - KICKER_COST - _heading_cost(continued)
        units: list[tuple[int, str, bool]] = []   # (step number, text, is the start of the step)
        for step, step_text in enumerate(activity.get("steps") or [], 1):
            if _items_cost([step_text], sources) <= budget:
                units.append((step, step_text, True))
            else:
                units += [(step, part, i == 0) for i, part in enumerate(_split_long(step_text, budget, sources))]
        costs = [_items_cost([unit[1]], sources) for unit in units]
        groups = _pack(costs, budget) or [[]]
        box = ""
        if debrief:
            box = (f'<div class="discussion"><h3>{words("slides_discussion")}</h3>'
                   f"<p>{plain_html(debrief, sources)}</p></div>")
            if groups[-1] and sum(costs[i] for i in groups[-1]) + BOX_COST + len(_plain(debrief, sources)) > budget:
                groups.append([])  # the discussion gets a slide of its own
        for part, indexes in enumerate(groups):
            heading = continued if part else title
            body = [kicker, f"<h2>{esc(heading)}</h2>"]
            if indexes:
                body.append(_step_list([units[i] for i in indexes], sources))
            if part == len(groups) - 1:
                body.append(box)
            slides.append(Slide("activity", heading, "".join(body)))
    return slides


def _scenario_slides(text: dict, words: Words, sources: dict) -> list[Slide]:
    """One slide per scenario; when the story and its questions do not fit together, the questions follow it."""
    scenarios = [s for s in text.get("scenarios") or [] if isinstance(s, dict)]
    slides = []
    for number, scenario in enumerate(scenarios, 1):
        title = _plain(scenario.get("title", ""), sources)
        story = scenario.get("story", "")
        questions = list(scenario.get("questions") or [])
        kicker = f'<p class="kicker">{words("slides_scenario", n=number, total=len(scenarios))}</p>'
        story_html = f'<p class="story">{plain_html(story, sources)}</p>'
        box = ""
        if questions:
            box = (f'<div class="discussion"><h3>{words("scenario_questions")}</h3>'
                   f"{_items(questions, sources, 'ol')}</div>")
        cost = (KICKER_COST + _heading_cost(title) + len(_plain(story, sources)) + ITEM_COST
                + (BOX_COST + _items_cost(questions, sources) if questions else 0))
        if not questions or cost <= CAPACITY:
            slides.append(Slide("scenario", title, f"{kicker}<h2>{esc(title)}</h2>{story_html}{box}"))
        else:
            continued = words.raw("slides_continued", title=title)
            slides.append(Slide("scenario", title, f"{kicker}<h2>{esc(title)}</h2>{story_html}"))
            slides.append(Slide("scenario", continued, f"{kicker}<h2>{esc(continued)}</h2>{box}"))
    return slides


def _question_slides(module, text: dict, lang: str, words: Words, sources: dict) -> list[Slide]:
    """One slide per question, options lettered; which one is right is in the facilitator guide, not here."""
    letters = OPTION_LETTERS.get(lang, LATIN_LETTERS)
    questions = text.get("knowledge_check") or {}
    slides = []
    for number, meta in enumerate((q for q in module.data.get("knowledge_check") or [] if isinstance(q, dict)), 1):
        question = questions.get(meta.get("id")) or {}
        options = [o for o in question.get("options") or [] if isinstance(o, dict)]
        rows = "".join(
            f'<li><span class="letter" aria-hidden="true">{esc(letters[i] if i < len(letters) else i + 1)}</span>'
            f'<span class="visually-hidden">{esc(letters[i] if i < len(letters) else i + 1)}. </span>'
            f'<span class="option">{plain_html(option.get("text", ""), sources)}</span></li>'
            for i, option in enumerate(options))
        kicker = f'{words("section_knowledge_check")} · {words("kc_question", n=number)}'
        body = (f'<p class="kicker">{kicker}</p>'
                f'<h2 class="question">{plain_html(question.get("question", ""), sources)}</h2>'
                f'<ol class="options">{rows}</ol>')
        slides.append(Slide("question", f'{words.raw("kc_question", n=number)}: '
                                        f'{_plain(question.get("question", ""), sources)}', body))
    return slides


def _help_slide(words: Words) -> Slide:
    body = f'<h2>{words("section_get_help")}</h2><p class="lead">{words("get_help_text")}</p>'
    if words.has("handout_get_help_text"):
        body += f'<p>{words("handout_get_help_text")}</p>'
    return Slide("help", words.raw("section_get_help"), body)


# --- the document -----------------------------------------------------------------------------------------------


def slide_deck(module, lang: str, ui: dict, edition: str = "") -> str:
    """The slide deck of `module` in `lang` as one self-contained HTML document.

    A language the module has no text for gets the English deck (as the site shows the English page)."""
    if lang not in module.texts:
        lang = DEFAULT_LANGUAGE
    text = module.texts.get(lang) or {}
    words = Words(ui, lang)
    sources = {s.get("id"): s for s in module.data.get("sources") or [] if isinstance(s, dict)}
    title = _plain(text.get("title", module.id), sources)

    slides = [_title_slide(module, text, words, sources), _objectives_slide(text, words, sources),
              *_message_slides(text, words, sources), *_activity_slides(module, text, words, sources),
              *_scenario_slides(text, words, sources), *_question_slides(module, text, lang, words, sources),
              _help_slide(words)]

    total = len(slides)
    separator = '<span class="sep" aria-hidden="true">·</span>'
    stamp = ""
    if edition:  # the edition (a date) stays left-to-right inside right-to-left text
        stamp = (separator + '<span class="foot-edition">'
                 + words("kit_footer", edition="\0").replace("\0", f'<bdi dir="ltr">{esc(edition)}</bdi>')
                 + "</span>")
    sections = []
    for number, slide in enumerate(slides, 1):
        count = words("slide_number", n=number, total=total)
        sections.append(
            f'<section class="slide slide--{slide.kind}" id="slide-{number}" '
            f'aria-label="{count}: {esc(slide.label)}">\n'
            f'<div class="slide-body">{slide.body}</div>\n'
            f'<footer class="slide-foot"><span class="foot-title">{esc(title)}</span>{separator}'
            f'<span class="foot-count">{count}</span>{stamp}</footer>\n</section>')

    # The site's safety bar: quick exit to the language's neutral page (replacing this page in the history when
    # JavaScript runs) and "Get help now"; decks sit in <lang root>/kit/slides/.
    chrome = _chrome().get(lang) or _chrome()[DEFAULT_LANGUAGE]
    safety = (f'<nav class="deck-safety" aria-label="{esc(chrome["quick_exit"])} / {esc(chrome["get_help"])}">'
              f'<a id="quick-exit" href="../../neutral.html" rel="noreferrer" title="{esc(chrome["quick_exit_hint"])}">'
              f'{esc(chrome["quick_exit"])}</a> '
              f'<a id="get-help-now" href="../../get-help.html">{esc(chrome["get_help"])}</a></nav>')
    rtl = direction(lang) == "rtl"
    previous_arrow, next_arrow = ("→", "←") if rtl else ("←", "→")
    nav = (f'<nav class="deck-nav" hidden>'
           f'<button type="button" class="deck-prev" aria-label="{words("slide_previous")}" '
           f'title="{words("slide_previous")}"><span aria-hidden="true">{previous_arrow}</span></button>'
           f'<button type="button" class="deck-next" aria-label="{words("slide_next")}" '
           f'title="{words("slide_next")}"><span aria-hidden="true">{next_arrow}</span></button></nav>')
    return (
        f'<!doctype html>\n<html lang="{esc(lang)}" dir="{direction(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        f"<title>{esc(title)}</title>\n"
        f"<script>document.documentElement.className += ' js';</script>\n"
        f"<style>\n{CSS}</style>\n</head>\n<body>\n{safety}\n<main class=\"deck\">\n" + "\n".join(sections) +
        f'\n</main>\n{nav}\n<p class="visually-hidden" id="deck-status" aria-live="polite"></p>\n'
        f"<script>\n{SCRIPT}</script>\n</body>\n</html>\n"
    )


@cache
def _chrome() -> dict:
    from scripts.kit_common import site_chrome

    return site_chrome()


# The browser itself refuses to load anything: only this file's own style and script may run.
CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

# Colours are the site's (docs/assets/stylesheets/hub.css): text #111 on white 18.9:1, teal #0b5563 on white 8.4:1,
# on the pale box #e7f2f4 7.5:1; brown #8f3a00 on white 7.9:1. System fonts only: nothing is downloaded.
CSS = """\
:root { color-scheme: light; --ink: #111111; --paper: #ffffff; --teal: #0b5563; --brown: #8f3a00;
  --box: #e7f2f4; --rule: #767676;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, "Liberation Sans",
    sans-serif;
  --arabic: "Noto Sans Arabic", "Segoe UI", Tahoma, "Geeza Pro", "Noto Naskh Arabic", "DejaVu Sans", Arial,
    sans-serif; }
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
html { background: var(--paper); color: var(--ink); font-family: var(--sans); }
html:lang(ar) { font-family: var(--arabic); }
body { margin: 0; font-size: 1.25rem; line-height: 1.45; }
html:lang(ar) body { line-height: 1.6; }
h1, h2, h3 { color: var(--teal); line-height: 1.2; margin: 0 0 0.45em; }
h1 { font-size: 2em; }
h2 { font-size: 1.55em; }
h3 { font-size: 1em; margin-bottom: 0.25em; }
p { margin: 0 0 0.6em; }
ul, ol { margin: 0 0 0.6em; padding-inline-start: 1.6em; }
li { margin-bottom: 0.35em; }
li::marker { color: var(--teal); font-weight: 700; }
strong { font-weight: 700; }
.cite { unicode-bidi: isolate; font-size: 0.8em; color: #333333; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap; }

/* Without JavaScript: one readable page, slide after slide. */
.slide { display: flex; flex-direction: column; max-width: 62em; margin: 0 auto; padding: 1.5em 1.5em 1em;
  border-bottom: 3px solid var(--rule); }
.slide-body { flex: 1 1 auto; }
.kicker { color: var(--brown); font-weight: 700; font-size: 0.8em; margin-bottom: 0.3em;
  letter-spacing: 0.01em; }
.lead { font-size: 1.05em; }
.meta { font-size: 1.15em; font-weight: 700; margin-bottom: 0.3em; }
.review { font-size: 0.85em; }
.review--draft { color: var(--brown); }
.note { margin-top: 1em; padding: 0.5em 0.8em; border-inline-start: 0.25em solid var(--brown);
  background: #fbf1e9; font-size: 0.8em; }
.hint { display: none; }
.discussion { margin-top: 0.6em; padding: 0.45em 0.8em 0.3em; background: var(--box);
  border-inline-start: 0.3em solid var(--teal); border-radius: 0.2em; }
.discussion ol, .discussion p { margin-bottom: 0.3em; }
.discussion li { margin-bottom: 0.15em; }
.options { list-style: none; padding: 0; }
.options li { display: flex; gap: 0.6em; align-items: baseline; margin-bottom: 0.5em; }
.letter { flex: none; display: inline-block; min-width: 1.7em; padding: 0.05em 0.3em; text-align: center;
  border: 0.1em solid var(--teal); border-radius: 0.3em; color: var(--teal); font-weight: 700; }
h2.question { color: var(--ink); font-size: 1.35em; }
.slide--title .slide-body { display: flex; flex-direction: column; justify-content: center; }
.slide--help h2 { color: var(--brown); }
.slide-foot { margin-top: 0.8em; font-size: 0.6em; color: #3b3b3b; border-top: 1px solid var(--rule);
  padding-top: 0.3em; display: flex; flex-wrap: wrap; }
.slide-foot > span { flex: none; }
.slide-foot > .foot-title { flex: 0 1 auto; min-width: 4em; overflow: hidden; text-overflow: ellipsis;
  white-space: nowrap; }
.sep { margin-inline: 0.45em; }
.deck-nav { display: none; }

/* With JavaScript, on a screen: one slide fills the window; sizes follow the window (28px text at 1280x720). */
@media screen {
  .js body { overflow: hidden; }
  .js .slide { display: none; }
  .js .slide.is-current { display: flex; position: fixed; inset: 0; max-width: none; margin: 0;
    padding: 0.7em 1.4em 0.35em; border: 0; font-size: max(16px, min(2.1875vw, 3.889vh)); }
  .js .slide-body { min-height: 0; overflow: auto; font-size: calc(var(--fit, 1) * 1em); }
  .js .slide--title .slide-body { padding-block: 0.5em; }
  .js .hint { display: block; margin-top: 1.2em; font-size: 0.7em; color: #3b3b3b; }
  .js .slide-foot { flex: none; margin-top: 0.3em; margin-inline-end: 7.5em; flex-wrap: nowrap;
    white-space: nowrap; overflow: hidden; }
  .js .deck-nav { display: flex; gap: 0.4em; position: fixed; bottom: 0.35em; inset-inline-end: 0.6em;
    font-size: max(16px, min(2.1875vw, 3.889vh)); }
  .deck-nav button { font: inherit; font-size: 1em; font-weight: 700; line-height: 1; min-width: 2.2em;
    min-height: 1.6em; padding: 0.1em 0.4em; color: var(--paper); background: var(--teal);
    border: 0.08em solid var(--teal); border-radius: 0.3em; cursor: pointer; }
  .deck-nav button:disabled { color: #5f5f5f; background: #e8e8e8; border-color: #949494; cursor: default; }
  .deck-nav button:focus-visible { outline: 0.12em solid var(--brown); outline-offset: 0.1em; }
}

/* Printing, with or without JavaScript: every slide, one per A4 landscape page. */
@page { size: A4 landscape; margin: 12mm; }
@media print {
  html, body { background: #ffffff; }
  body { font-size: 15pt; overflow: visible; }
  .slide, .js .slide, .js .slide.is-current { display: flex; position: static; max-width: none; margin: 0;
    padding: 0; border: 0; font-size: 15pt; min-height: 180mm; break-after: page; page-break-after: always;
    break-inside: avoid; }
  .slide:last-child { break-after: auto; page-break-after: auto; }
  .slide-body { overflow: visible; font-size: 1em; }
  .deck-nav, .hint, #deck-status, .deck-safety { display: none !important; }
}
.deck-safety { display: flex; justify-content: flex-end; gap: 0.5em; padding: 0.3em 0.6em; font-size: 16px;
  font-weight: 700; }
.js .deck-safety { position: fixed; top: 0; inset-inline-end: 0; z-index: 5; }
.deck-safety a { padding: 0.2em 0.6em; border-radius: 0.25em; text-decoration: none; color: var(--teal);
  background: var(--paper); border: 0.1em solid var(--teal); }
.deck-safety #quick-exit { color: var(--paper); background: var(--brown); border-color: var(--brown); }
.deck-safety a:focus-visible { outline: 0.15em solid var(--ink); outline-offset: 0.1em; }
"""

SCRIPT = """\
(function () {
  "use strict";
  var root = document.documentElement;
  var exit = document.getElementById("quick-exit");
  if (exit) {  // as on the site: replace this page, so Back does not return to it
    exit.addEventListener("click", function (event) { event.preventDefault(); location.replace(exit.href); });
  }
  var slides = Array.prototype.slice.call(document.querySelectorAll("section.slide"));
  var total = slides.length;
  if (!total) { return; }
  var rtl = (root.getAttribute("dir") || "").toLowerCase() === "rtl";
  var nav = document.querySelector(".deck-nav");
  var previous = document.querySelector(".deck-prev");
  var next = document.querySelector(".deck-next");
  var status = document.getElementById("deck-status");
  var current = 0;

  function number(hash) {
    var match = /^#(?:slide-)?(\\d+)$/.exec(hash || "");
    return match ? Math.min(Math.max(parseInt(match[1], 10), 1), total) : 1;
  }

  // Shrink the text of a slide that is still too full for the window (the generator already splits long
  // activities; this is the safety net). Never below 62% of the projector size nor below 18px: a slide that still
  // does not fit scrolls instead (a phone held upright).
  function fit(slide) {
    var body = slide.querySelector(".slide-body");
    if (!body) { return; }
    var scale = 1;
    var smallest = Math.max(0.62, 18 / (parseFloat(getComputedStyle(slide).fontSize) || 18));
    body.style.setProperty("--fit", "1");
    while (body.scrollHeight > body.clientHeight + 1 && scale - 0.04 >= smallest) {
      scale -= 0.04;
      body.style.setProperty("--fit", scale.toFixed(2));
    }
  }

  function show(n, writeHash) {
    n = Math.min(Math.max(n, 1), total);
    if (n !== current) {
      slides.forEach(function (slide, index) { slide.classList.toggle("is-current", index === n - 1); });
      current = n;
      if (status) { status.textContent = slides[n - 1].getAttribute("aria-label") || ""; }
    }
    fit(slides[n - 1]);
    previous.disabled = n === 1;
    next.disabled = n === total;
    if (writeHash && location.hash !== "#" + n) {
      try { location.replace("#" + n); } catch (error) { location.hash = "#" + n; }
    }
  }

  function go(n) { show(n, true); }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) { return; }
    var target = event.target || {};
    var tag = target.tagName || "";
    if (/^(INPUT|TEXTAREA|SELECT)$/.test(tag) || target.isContentEditable) { return; }
    if ((event.key === " " || event.key === "Enter") && /^(BUTTON|A)$/.test(tag)) { return; }
    var step = 0;
    switch (event.key) {
      case "ArrowRight": step = rtl ? -1 : 1; break;
      case "ArrowLeft": step = rtl ? 1 : -1; break;
      case "ArrowDown": case "PageDown": step = 1; break;
      case "ArrowUp": case "PageUp": step = -1; break;
      case " ": case "Spacebar": step = event.shiftKey ? -1 : 1; break;
      case "Home": event.preventDefault(); go(1); return;
      case "End": event.preventDefault(); go(total); return;
      default:
        if (event.code === "KeyF" || event.key === "f" || event.key === "F") {
          event.preventDefault();
          if (document.fullscreenElement) { document.exitFullscreen(); }
          else if (root.requestFullscreen) { root.requestFullscreen().catch(function () {}); }
        }
        return;
    }
    event.preventDefault();
    go(current + step);
  });
  previous.addEventListener("click", function () { go(current - 1); });
  next.addEventListener("click", function () { go(current + 1); });
  window.addEventListener("hashchange", function () { show(number(location.hash), false); });
  window.addEventListener("resize", function () { if (current) { fit(slides[current - 1]); } });
  nav.hidden = false;
  show(number(location.hash), location.hash !== "");
})();
"""
