"""Render the directory as Markdown pages: an index, one page per country (and 001 worldwide), a report.

Cards are raw HTML inside the Markdown so the layout survives on any theme; every value from the data is
escaped. Links between site pages stay Markdown links to `.md` files so `mkdocs build --strict` checks them.
Phone numbers, codes and web addresses are wrapped in <bdi dir="ltr"> so they read left to right in Arabic.
"""
from __future__ import annotations

import datetime as dt
import html
import unicodedata
from urllib.parse import urlsplit

import phonenumbers as pn
import pycountry
from babel import Locale
from babel.dates import format_date, get_day_names, get_timezone_location

from scripts.directory_data import (WORLD, CountryFile, contact_evidence, digits_of, has_national_help, is_stale,
                                    parse_date)

KIND_ORDER = ("emergency", "csam_hotline", "police_report", "child_helpline", "takedown_tool", "adult_helpline",
              "missing_children", "directory")
_DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")

# UN M49 regions (the UN Statistics Division's "Standard country or area codes"), used to group the index.
REGIONS = {
    "002": "DZ EG LY MA SD TN EH IO TF BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO SS UG TZ ZM ZW AO CM CF TD CG CD "
           "GQ GA ST BW SZ LS NA ZA BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG",
    "019": "AI AG AR AW BS BB BZ BM BQ BO BV BR VG CA KY CL CO CR CU CW DM DO EC SV FK GF GL GD GP GT GY HT HN JM MQ "
           "MX MS NI PA PY PE PR BL KN LC MF PM VC SX GS SR TT TC US UM VI UY VE",
    "142": "AF AM AZ BH BD BT BN KH CN CY GE HK IN ID IR IQ IL JP JO KZ KW KG LA LB MO MY MV MN MM NP KP OM PK PS PH "
           "QA SA SG KR LK SY TW TJ TH TL TR TM AE UZ VN YE",
    "150": "AX AL AD AT BY BE BA BG HR CZ DK EE FO FI FR DE GI GR GG VA HU IS IE IM IT JE LV LI LT LU MT MD MC ME NL "
           "MK NO PL PT RO RU SM RS SK SI ES SJ SE CH UA GB",
    "009": "AS AU CX CC CK FJ PF GU HM KI MH FM NR NC NZ NU NF MP PW PG PN WS SB TK TO TV VU WF",
    "AQ": "AQ",
}
REGION_OF = {code: region for region, codes in REGIONS.items() for code in codes.split()}


def esc(text) -> str:
    return html.escape(str(text), quote=True)


def ltr(text: str) -> str:
    return f'<bdi dir="ltr">{esc(text)}</bdi>'


class Page:
    """Interface words for one language."""

    def __init__(self, ui: dict, lang: str, today: dt.date):
        self.ui, self.lang, self.today = ui, lang, today
        self.locale = Locale.parse(lang)

    def t(self, key: str, **values) -> str:
        text = self.ui[key].get(self.lang) or self.ui[key]["en"]
        return text.format(**values) if values else text

    def country(self, code: str) -> str:
        name = self.locale.territories.get(code)
        if name:
            return name
        found = pycountry.countries.get(alpha_2=code)
        return found.name if found else code

    def date(self, text: str) -> str:
        when = parse_date(text)
        return format_date(when, format="long", locale=self.locale) if when else text

    def language_name(self, code: str) -> str:
        base = code.split("-")[0]
        return self.locale.languages.get(base, code)


def sort_key(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


def ordered_services(country_file: CountryFile) -> list[dict]:
    """Services in display order, each remembering the country its number is dialled in (None for 001)."""
    country = None if country_file.code == WORLD else country_file.code
    return [{**s, "_country": country} for s in sorted(country_file.services, key=lambda s: KIND_ORDER.index(s["kind"]))]


# ---------------------------------------------------------------- pieces of a card

def hours_text(page: Page, contact: dict) -> str:
    hours = contact["hours"]
    if hours == "24/7":
        return esc(page.t("hours_247"))
    names = get_day_names("abbreviated", locale=page.locale)
    rules = []
    for rule in hours.split("; "):
        days, times = rule.split(" ")
        day_parts = []
        for part in days.split(","):
            ends = [names[_DAYS.index(d)] for d in part.split("-")]
            day_parts.append("–".join(ends))
        rules.append(f"{esc(', '.join(day_parts))} {ltr(times.replace('-', '–'))}")
    zone = contact["tz"]
    try:
        zone_name = get_timezone_location(zone, locale=page.locale)
    except (LookupError, ValueError):
        zone_name = zone
    return "; ".join(rules) + " (" + esc(page.t("time_zone", zone=zone_name)) + ")"


def badges(page: Page, contact: dict) -> str:
    found = []
    cost = contact.get("cost")
    if cost == "free":
        found.append(("free", page.t("badge_free")))
    elif cost == "free_some_networks":
        found.append(("free-some", page.t("badge_free_some")))
    elif cost == "paid":
        found.append(("paid", page.t("badge_paid")))
    if contact.get("anonymous"):
        found.append(("anonymous", page.t("badge_anonymous")))
    if contact.get("hours") == "24/7":
        found.append(("247", page.t("badge_247")))
    if contact.get("not_on_bill"):
        found.append(("not-on-bill", page.t("badge_not_on_bill")))
    return "".join(f' <span class="dir-badge dir-badge-{name}">{esc(text)}</span>' for name, text in found)


def international(e164: str) -> str:
    """+18008435678 -> +1 800-843-5678 (libphonenumber's grouping; readable on paper)."""
    return pn.format_number(pn.parse(e164, None), pn.PhoneNumberFormat.INTERNATIONAL)


def url_label(url: str) -> str:
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    return parts.netloc.removeprefix("www.") + path


def contact_html(page: Page, service: dict, contact: dict, home: str | None) -> str:
    """One contact line. `home` is the country of the page; numbers of another country are shown only in
    their international form, and only when they can be dialled from abroad."""
    channel = contact["channel"]
    bits = [f'<span class="dir-channel">{esc(page.t("channel_" + channel))}</span>']
    region = contact.get("region", service.get("_country"))
    if channel in ("phone", "sms") and region != home:
        if not (contact.get("abroad") and channel == "phone"):
            return ""
        full = contact["e164"]
        bits.append(f'<a class="dir-number" href="tel:{esc(full)}">{ltr(international(full))}</a>')
        bits.append(f'<span class="dir-region">({esc(page.country(region))})</span>')
    elif channel in ("phone", "sms", "whatsapp"):
        number = contact["number"]
        if channel == "whatsapp":
            href = "https://wa.me/" + contact["e164"].lstrip("+")
        elif channel == "sms":
            href = "sms:" + digits_of(number)
        else:
            href = "tel:" + digits_of(number)
        bits.append(f'<a class="dir-number" href="{esc(href)}">{ltr(number)}</a>')
        if contact.get("keyword"):
            bits.append(f'({esc(page.t("sms_keyword", keyword=""))}{ltr(contact["keyword"])})')
        if contact.get("abroad") and channel == "phone":
            full = contact["e164"]
            bits.append(f'<span class="dir-abroad">{esc(page.t("from_abroad"))}: '
                        f'<a class="dir-number" href="tel:{esc(full)}">{ltr(international(full))}</a></span>')
    else:
        bits.append(f'<a class="dir-link" href="{esc(contact["url"])}">{ltr(url_label(contact["url"]))}</a>')
    if contact.get("purpose"):
        bits.append(f'<span class="dir-purpose">({esc(page.t("purpose_" + contact["purpose"]))})</span>')
    if contact.get("label"):
        bits.append(text_html(page, contact["label"], "span", "dir-label"))
    text = " ".join(bits) + badges(page, contact)
    if contact.get("hours") and contact["hours"] != "24/7":
        text += f' <span class="dir-hours">{esc(page.t("hours_label"))}: {hours_text(page, contact)}</span>'
    if contact.get("languages"):
        names = ", ".join(page.language_name(code) for code in contact["languages"])
        text += f' <span class="dir-languages">{esc(page.t("languages_label"))}: {esc(names)}</span>'
    if contact_evidence(service, contact) == "unverified" and service["evidence"] != "unverified":
        text += f' <span class="dir-unverified">{esc(page.t("contact_unverified"))}</span>'
    return f"<li>{text}</li>"


def text_html(page: Page, texts: dict, tag: str, css: str) -> str:
    """A translated text, or the English one marked lang="en" until a translation exists."""
    if page.lang in texts:
        return f'<{tag} class="{css}">{esc(texts[page.lang])}</{tag}>'
    marker = page.t("english_only")
    extra = f' <span class="dir-en-only">{esc(marker)}</span>' if marker else ""
    return f'<{tag} class="{css}"><span lang="en" dir="ltr">{esc(texts["en"])}</span>{extra}</{tag}>'


def ages_text(page: Page, ages: dict) -> str:
    if "under" in ages:
        return page.t("ages_under", limit=ages["under"])
    if "min" in ages and "max" in ages:
        return page.t("ages_range", min=ages["min"], max=ages["max"])
    if "max" in ages:
        return page.t("ages_max", max=ages["max"])
    return page.t("ages_min", min=ages["min"])


def service_title(page: Page, service: dict) -> str:
    if service.get("name"):
        lang = service.get("name_lang", "en")
        return f'<span lang="{esc(lang)}" dir="auto">{esc(service["name"])}</span>'
    return esc(page.t("kind_" + service["kind"]))


def card_html(page: Page, service: dict, home: str | None) -> str:
    kind = service["kind"]
    lines = [f'<article class="dir-card dir-kind-{kind} dir-evidence-{service["evidence"]}" id="{esc(service["id"])}">',
             f'<h3 class="dir-card-title">{service_title(page, service)}</h3>']
    if service.get("name"):
        lines.append(f'<p class="dir-kind">{esc(page.t("kind_" + kind))}</p>')
    if service.get("description"):
        lines.append(text_html(page, service["description"], "p", "dir-desc"))
    elif kind == "emergency":
        lines.append(f'<p class="dir-desc">{esc(page.t("emergency_description"))}</p>')
    if service.get("not_for"):
        label = f'<strong>{esc(page.t("not_for_label"))}</strong> '
        lines.append(text_html(page, service["not_for"], "p", "dir-notfor").replace('">', '">' + label, 1))
    if kind == "csam_hotline":
        lines.append(f'<p class="dir-safety">{esc(page.t("report_url_only"))}</p>')
    if service.get("ages"):
        lines.append(f'<p class="dir-ages">{esc(ages_text(page, service["ages"]))}</p>')
    lines.append('<ul class="dir-contacts">')
    lines += [line for contact in service["contacts"] if (line := contact_html(page, service, contact, home))]
    lines.append("</ul>")
    if kind == "emergency" and service["evidence"] == "derived":
        lines.append(f'<p class="dir-note">{esc(page.t("derived_emergency_note"))}</p>')
        omitted = service.get("libphonenumber_also_lists", [])
        if omitted:
            lines.append(f'<p class="dir-note">{esc(page.t("derived_emergency_omitted", count=len(omitted)))}</p>')
    if service.get("note"):
        lines.append(text_html(page, service["note"], "p", "dir-note"))
    if service.get("unsourced"):
        lines.append(f'<p class="dir-note dir-unsourced"><span lang="en" dir="ltr">{esc(service["unsourced"])}</span></p>')
    lines.append(f'<p class="dir-evidence">{esc(page.t("evidence_" + service["evidence"]))}</p>')
    if is_stale(service, page.today):
        lines.append(f'<p class="dir-stale" role="note">{esc(page.t("stale"))}</p>')
    if service["sources"]:
        items = []
        for source in service["sources"]:
            date = esc(page.t("undated")) if source["date"] == "undated" else ltr(source["date"])
            items.append(f'<li><a href="{esc(source["url"])}">{esc(source["publisher"])}</a> ({date})</li>')
        lines.append(f'<details class="dir-sources"><summary>{esc(page.t("sources_label"))}</summary>'
                     f'<ul>{"".join(items)}</ul></details>')
    lines.append(f'<p class="dir-checked">{esc(page.t("last_checked", date=page.date(service["last_checked"])))}</p>')
    lines.append("</article>")
    return "\n".join(lines)


def danger_html(page: Page, country_file: CountryFile | None) -> str:
    numbers = []
    if country_file is not None:
        for service in ordered_services(country_file):
            if service["kind"] != "emergency":
                continue
            for contact in service["contacts"]:
                if contact["channel"] != "phone":
                    continue
                link = f'<a class="dir-number" href="tel:{esc(digits_of(contact["number"]))}">{ltr(contact["number"])}</a>'
                if contact.get("purpose"):
                    link += f' ({esc(page.t("purpose_" + contact["purpose"]))})'
                numbers.append(link)
    if country_file is None:
        body = esc(page.t("world_danger"))
    elif numbers:
        body = f'<strong>{esc(page.t("danger_lead"))}</strong> ' + f" {esc(page.t('danger_or'))} ".join(numbers)
    else:
        body = esc(page.t("danger_none"))
    return f'<div class="dir-danger" role="note"><p>{body}</p></div>'


# ---------------------------------------------------------------- pages

def front_matter(title: str) -> str:
    safe = title.replace('"', "'")
    return f'---\ntitle: "{safe}"\n---\n\n'


def country_page(page: Page, code: str, by_code: dict[str, CountryFile]) -> str:
    world = by_code.get(WORLD)
    own = by_code.get(code)
    if code == WORLD:
        title = page.t("world_title")
    else:
        title = page.t("country_title", country=page.country(code))
    out = [front_matter(title), f"# {esc(title)}\n",
           danger_html(page, None if code == WORLD else own) + "\n",
           f"[{page.t('get_help_link')}](../get-help.md) · [{page.t('all_countries')}](index.md) · "
           f'<a href="../kit/help-cards/{code.lower()}.pdf" type="application/pdf">{esc(page.t("help_card_link"))}</a>\n'
           "{: .dir-page-links }\n"]
    if code == WORLD:
        out += [card_html(page, s, None) + "\n" for s in ordered_services(world)]
    else:
        name = page.country(code)
        out.append(f"## {esc(page.t('national_heading', country=name))} {{#national}}\n")
        if own and own.data.get("note"):
            out.append(text_html(page, own.data["note"], "p", "dir-country-note") + "\n")
        if own and not has_national_help(own):
            out.append(f'<p class="dir-none">{esc(page.t("no_national"))}</p>\n')
        if own:
            out += [card_html(page, s, code) + "\n" for s in ordered_services(own)]
        if world:
            out.append(f"## {esc(page.t('worldwide_heading', country=name))} {{#worldwide}}\n")
            out += [card_html(page, s, code) + "\n" for s in ordered_services(world)]
    out.append(f"## {esc(page.t('about_heading'))} {{#about}}\n")
    out.append(f"{esc(page.t('numbers_change'))}\n")
    if code != WORLD:
        out.append(f"[{page.t('worldwide_link')}](001.md)\n")
    return "\n".join(out)


def index_page(page: Page, codes: list[str]) -> str:
    title = page.t("index_title")
    out = [front_matter(title), f"# {esc(title)}\n", f"{esc(page.t('index_intro'))}\n",
           f"[{page.t('worldwide_link')}](001.md) · [{page.t('get_help_link')}](../get-help.md) · "
           f'<a href="../kit/help-cards/blank.pdf" type="application/pdf">{esc(page.t("help_card_blank_title"))} '
           "(PDF)</a>\n",
           '<p class="dir-filter" hidden><label for="dir-filter-input">' + esc(page.t("filter_label")) +
           '</label> <input type="search" id="dir-filter-input" autocomplete="off"></p>\n'
           f'<p class="dir-filter-none" hidden>{esc(page.t("filter_none"))}</p>\n']
    english = Page(page.ui, "en", page.today)
    for region in REGIONS:
        members = [c for c in codes if REGION_OF.get(c) == region]
        if not members:
            continue
        out.append(f"## {esc(page.t('region_' + region))} {{#region-{region.lower()} .dir-region}}\n")
        items = []
        for code in sorted(members, key=lambda c: sort_key(page.country(c))):
            terms = " ".join(sorted({code.lower(), sort_key(page.country(code)), sort_key(english.country(code))}))
            label = page.country(code).replace("[", "(").replace("]", ")")
            items.append(f'- [{label}]({code.lower()}.md){{: data-terms="{esc(terms)}" }}')
        out.append("\n".join(items) + "\n")
    return "\n".join(out)


def age_bucket(service: dict, today: dt.date) -> str:
    checked = parse_date(service["last_checked"])
    days = (today - checked).days
    if days > 365:
        return "old"
    return "mid" if days > 182 else "fresh"


def report_page(page: Page, by_code: dict[str, CountryFile], codes: list[str]) -> str:
    services = [(f.code, s) for f in by_code.values() for s in f.services]
    title = page.t("report_title")
    out = [front_matter(title), f"# {esc(title)}\n", f"{esc(page.t('report_intro'))}\n",
           f"## {esc(page.t('report_coverage'))}\n"]
    national = sorted(c for c, f in by_code.items() if c != WORLD and has_national_help(f))
    no_emergency = sorted(c for c, f in by_code.items() if c != WORLD and "no_emergency_number" in f.data)
    out.append(f"- {esc(page.t('report_pages'))}: {len([c for c in codes if c != WORLD])} + 001")
    out.append(f"- {esc(page.t('report_national'))}: {len(national)} ({', '.join(national)})")
    out.append(f"- {esc(page.t('report_no_emergency'))}: {len(no_emergency)} ({', '.join(no_emergency) or '-'})\n")
    out.append(f"## {esc(page.t('report_by_evidence'))}\n")
    out.append(f"| {esc(page.t('report_level'))} | {esc(page.t('report_entries'))} |\n|---|---|")
    for level in ("sourced", "derived", "unverified"):
        count = sum(1 for _, s in services if s["evidence"] == level)
        out.append(f"| {esc(page.t('evidence_' + level))} | {count} |")
    out.append("")
    out.append(f"## {esc(page.t('report_by_age'))}\n")
    out.append(f"| {esc(page.t('report_age'))} | {esc(page.t('report_entries'))} |\n|---|---|")
    for bucket in ("fresh", "mid", "old"):
        count = sum(1 for _, s in services if age_bucket(s, page.today) == bucket)
        out.append(f"| {esc(page.t('report_age_' + bucket))} | {count} |")
    out.append("")
    out.append(f"## {esc(page.t('report_unverified_list'))}\n")
    first = []
    for code, service in sorted(services, key=lambda item: (item[1]["last_checked"], item[1]["id"])):
        weak = service["evidence"] == "unverified" or any(contact_evidence(service, c) == "unverified"
                                                          for c in service["contacts"])
        if weak or is_stale(service, page.today):
            first.append(f"- `{service['id']}` ({service['evidence']}, {service['last_checked']})")
    out.append("\n".join(first) + "\n" if first else "-\n")
    return "\n".join(out)
