"""Load and check the reporting-and-helpline directory (data/directory/<cc>.yaml).

Every problem is a `Problem(path, line, message)`. `check_directory()` collects them all; `load_directory()`
returns the data and raises one ContentError when anything is wrong, so the site never shows a bad number.

Phone numbers are cross-checked with the pinned `phonenumbers` (libphonenumber) metadata, always with the
`_for_region` functions: the region-less ones return the worst cost across regions that share a calling code.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import zoneinfo
from dataclasses import dataclass, field
from pathlib import Path

import phonenumbers as pn
import pycountry
from babel import Locale
from phonenumbers import shortnumberinfo as sni
from phonenumbers.shortnumberinfo import ShortNumberCost

from scripts.errors import ContentError, Problem
from scripts.yamlsource import line_for, load, schema_problems

WORLD = "001"
LANGUAGES = ("en", "fr", "es", "pt", "ar", "sw")
NUMBER_CHANNELS = ("phone", "sms", "whatsapp")
REPORTING_KINDS = ("csam_hotline", "police_report", "takedown_tool")
# Kinds that count as "a national child helpline or reporting hotline" for the coverage target.
NATIONAL_HELP_KINDS = ("child_helpline", "csam_hotline", "police_report")
STALE_AFTER_DAYS = 365
_HTML = re.compile(r"<\s*[A-Za-z/!?]")
_PAID_LONG_TYPES = (pn.PhoneNumberType.PREMIUM_RATE, pn.PhoneNumberType.SHARED_COST, pn.PhoneNumberType.UAN)
_PAID_SHORT_COSTS = (ShortNumberCost.PREMIUM_RATE, ShortNumberCost.STANDARD_RATE)


def schema_path(root: Path) -> Path:
    return Path(root) / "scripts" / "schemas" / "directory.json"


def data_dir(root: Path) -> Path:
    return Path(root) / "data" / "directory"


@dataclass
class CountryFile:
    code: str  # "KE" or "001"
    path: Path
    data: dict
    services: list = field(default_factory=list)


def iso_codes() -> list[str]:
    """Every ISO 3166-1 alpha-2 code pycountry knows (249 with the pinned version)."""
    return sorted(c.alpha_2 for c in pycountry.countries)


def digits_of(number: str) -> str:
    return re.sub(r"\D", "", number)


def parse_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        return None


def is_stale(service: dict, today: dt.date) -> bool:
    checked = parse_date(service.get("last_checked"))
    return checked is not None and (today - checked).days > STALE_AFTER_DAYS


def contact_evidence(service: dict, contact: dict) -> str:
    return contact.get("evidence", service["evidence"])


def _number_problems(path: Path, data: dict, trail: list, contact: dict, region: str, kind: str) -> list[Problem]:
    """libphonenumber cross-checks for one phone, SMS or WhatsApp contact."""
    problems: list[Problem] = []

    def add(key: str, message: str) -> None:
        problems.append(Problem(path, line_for(data, [*trail, key]), message))

    number = contact.get("number", "")
    digits = digits_of(number)
    region = contact.get("region", region)
    try:
        as_short = pn.parse(digits, region)
    except pn.NumberParseException as exc:
        add("number", f"number {number!r} cannot be read for {region}: {exc}")
        return problems
    short_ok = sni.is_valid_short_number_for_region(as_short, region) or sni.is_emergency_number(digits, region)
    e164 = contact.get("e164")

    if e164:
        try:
            full = pn.parse(e164, None)
        except pn.NumberParseException as exc:
            add("e164", f"e164 {e164!r} cannot be read: {exc}")
            return problems
        if not pn.is_valid_number(full):
            if short_ok and len(digits) <= 6:
                add("e164", f"{number!r} is a short code dialled inside {region}; it has no international form, "
                            f"so remove the fake E.164 {e164!r}")
            else:
                add("e164", f"{e164!r} is not a valid phone number (libphonenumber); check the digits")
            return problems
        if not pn.is_valid_number_for_region(full, region):
            add("e164", f"{e164!r} is not a number of {region}; set `region:` if the service is abroad")
        try:
            shown = pn.parse(number, region)
        except pn.NumberParseException:
            shown = None
        if shown is None or shown.national_number != full.national_number or shown.country_code != full.country_code:
            add("number", f"the shown number {number!r} and e164 {e164!r} are not the same number")
        if contact.get("cost") == "free" and pn.number_type(full) in _PAID_LONG_TYPES:
            add("cost", f"{number!r} is a premium, shared-cost or standard-rate number in libphonenumber; "
                        "it cannot be marked free")
        if contact.get("abroad") and not pn.can_be_internationally_dialled(full):
            add("abroad", f"{e164!r} cannot be dialled from abroad (libphonenumber); remove `abroad: true`")
    else:
        if pn.is_valid_number(as_short):
            suggested = pn.format_number(as_short, pn.PhoneNumberFormat.E164)
            add("number", f"{number!r} is a full phone number, not a short code; add `e164: \"{suggested}\"`")
            return problems
        gap = contact.get("libphonenumber_gap")
        if not short_ok and not gap:
            add("number", f"{number!r} is not a valid short number for {region} in libphonenumber; if a source "
                          "shows it is in use, add `libphonenumber_gap:` with the reason")
        if short_ok and gap:
            add("libphonenumber_gap", f"libphonenumber now knows {number!r} for {region}; remove libphonenumber_gap")
        if contact.get("cost") == "free" and sni.expected_cost_for_region(as_short, region) in _PAID_SHORT_COSTS:
            add("cost", f"libphonenumber says {number!r} is charged (premium or standard rate) in {region}; "
                        "it cannot be marked free")
        if contact.get("abroad"):
            add("abroad", f"short code {number!r} cannot be dialled from abroad; remove `abroad: true`")

    if kind == "emergency" and contact["channel"] == "phone":
        flagged = contact.get("not_emergency_in_libphonenumber")
        known = sni.is_emergency_number(digits, region)
        if not known and not flagged:
            add("number", f"{number!r} is not an emergency number for {region} in libphonenumber; if a source "
                          "shows it is, add `not_emergency_in_libphonenumber:` with the reason")
        if known and flagged:
            add("not_emergency_in_libphonenumber",
                f"libphonenumber now lists {number!r} as an emergency number for {region}; remove the flag")
    return problems


def _text_problems(path: Path, data: dict, trail: list, value) -> list[Problem]:
    """Names and texts are plain text: markup would be escaped on the page and look broken."""
    texts = value.items() if isinstance(value, dict) else [(None, value)]
    problems = []
    for key, text in texts:
        if isinstance(text, str) and _HTML.search(text):
            where = [*trail, key] if key is not None else trail
            problems.append(Problem(path, line_for(data, where),
                                    f"{'.'.join(str(t) for t in where)}: HTML markup is not allowed; write plain text"))
    return problems


def _service_problems(path: Path, data: dict, index: int, service: dict, stem: str, today: dt.date) -> list[Problem]:
    trail = ["services", index]
    problems: list[Problem] = []

    def add(key, message: str) -> None:
        problems.append(Problem(path, line_for(data, [*trail, key] if key is not None else trail), message))

    if not service["id"].startswith(stem + "-"):
        add("id", f"id {service['id']!r} must start with {stem + '-'!r}")
    checked = parse_date(service["last_checked"])
    if checked is None:
        add("last_checked", f"last_checked {service['last_checked']!r} is not a real date (YYYY-MM-DD)")
    elif checked > today:
        add("last_checked", f"last_checked {service['last_checked']} is in the future (today is {today})")
    if service["evidence"] in ("sourced", "derived") and not service["sources"]:
        add("sources", f"evidence is {service['evidence']!r} but no source is listed; add the page you read")
    for key in ("name", "description", "not_for", "note"):
        if key in service:
            problems += _text_problems(path, data, [*trail, key], service[key])
    if "name_lang" in service:
        problems += _language_problems(path, data, [*trail, "name_lang"], [service["name_lang"]])
    if service["kind"] == "emergency" and stem == WORLD.lower():
        add("kind", "the worldwide file (001) cannot hold an emergency number; emergency numbers are national")
    region = data["country"] if pycountry.countries.get(alpha_2=data["country"]) else None
    for j, contact in enumerate(service["contacts"]):
        ctrail = [*trail, "contacts", j]
        if "label" in contact:
            problems += _text_problems(path, data, [*ctrail, "label"], contact["label"])
        if "languages" in contact:
            problems += _language_problems(path, data, [*ctrail, "languages"], contact["languages"])
        if "tz" in contact:
            try:
                zoneinfo.ZoneInfo(contact["tz"])
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                problems.append(Problem(path, line_for(data, [*ctrail, "tz"]), f"unknown time zone {contact['tz']!r}"))
        if contact["channel"] in NUMBER_CHANNELS:
            contact_region = contact.get("region", region)
            if contact_region is None:
                if data["country"] == WORLD:
                    problems.append(Problem(path, line_for(data, ctrail),
                                            "a phone number in the worldwide file needs `region:` (where it is dialled)"))
                continue
            problems += _number_problems(path, data, ctrail, contact, contact_region, service["kind"])
    for number in service.get("libphonenumber_also_lists", []):
        if region is None or not sni.is_emergency_number(number, region):
            add("libphonenumber_also_lists", f"{number!r} is not an emergency number for {region} in libphonenumber")
    return problems


def _language_problems(path: Path, data: dict, trail: list, codes) -> list[Problem]:
    known = Locale.parse("en").languages
    problems = []
    for code in codes:
        if code.split("-")[0] not in known:
            problems.append(Problem(path, line_for(data, trail), f"unknown language code {code!r}"))
    return problems


def _file_problems(path: Path, data, schema: dict, today: dt.date) -> list[Problem]:
    problems = schema_problems(data, schema, path)
    if problems or not isinstance(data, dict):
        return problems or [Problem(path, 1, "the file must be a mapping with `country:` and `services:`")]
    country = data["country"]
    stem = path.stem
    if country != WORLD and pycountry.countries.get(alpha_2=country) is None:
        problems.append(Problem(path, line_for(data, ["country"]),
                                f"{country!r} is not an ISO 3166-1 alpha-2 country code"))
    if stem != country.lower():
        problems.append(Problem(path, line_for(data, ["country"]),
                                f"country {country!r} does not match the file name; name the file {country.lower()}.yaml"))
    if "note" in data:
        problems += _text_problems(path, data, ["note"], data["note"])
    for index, service in enumerate(data["services"]):
        problems += _service_problems(path, data, index, service, stem, today)
    has_emergency = any(s["kind"] == "emergency" for s in data["services"])
    if country != WORLD and not has_emergency and "no_emergency_number" not in data:
        problems.append(Problem(path, line_for(data, ["services"]),
                                "missing emergency entry: every country file needs a service with kind: emergency "
                                "(or `no_emergency_number:` explaining why none exists)"))
    return problems


def read_files(folder: Path, schema: dict, today: dt.date) -> tuple[list[CountryFile], list[Problem]]:
    files: list[CountryFile] = []
    problems: list[Problem] = []
    for path in sorted(Path(folder).glob("*.yaml")):
        try:
            data = load(path)
        except ContentError as exc:
            problems += exc.problems
            continue
        found = _file_problems(path, data, schema, today)
        problems += found
        if not found:
            files.append(CountryFile(data["country"], path, data, list(data["services"])))
    seen: dict[str, Path] = {}
    for country_file in files:
        for index, service in enumerate(country_file.services):
            other = seen.get(service["id"])
            if other is not None:
                problems.append(Problem(country_file.path, line_for(country_file.data, ["services", index, "id"]),
                                        f"duplicate id {service['id']!r} (also in {other.name})"))
            seen[service["id"]] = country_file.path
    return files, problems


def check_directory(root: Path, folder: Path | None = None, today: dt.date | None = None,
                    require_all_countries: bool = True) -> tuple[dict[str, CountryFile], list[Problem]]:
    """Every problem in the directory data, plus the files that passed."""
    root = Path(root)
    folder = Path(folder) if folder else data_dir(root)
    today = today or dt.date.today()
    schema = json.loads(schema_path(root).read_text(encoding="utf-8"))
    files, problems = read_files(folder, schema, today)
    by_code = {f.code: f for f in files}
    if require_all_countries:
        present = {p.stem.upper() for p in folder.glob("*.yaml")}
        for code in [*iso_codes(), WORLD]:
            if code not in present:
                problems.append(Problem(folder / f"{code.lower()}.yaml", None,
                                        f"missing file: every ISO 3166-1 country needs a page ({code})"))
    return by_code, problems


def load_directory(root: Path, today: dt.date | None = None) -> dict[str, CountryFile]:
    by_code, problems = check_directory(root, today=today)
    if problems:
        raise ContentError(problems)
    return by_code


def load_ui(root: Path) -> dict:
    path = Path(root) / "data" / "directory-ui.yaml"
    data = load(path)
    problems = []
    for key, texts in data.items():
        missing = [lang for lang in LANGUAGES if lang not in texts]
        if missing:
            problems.append(Problem(path, line_for(data, [key]), f"{key}: missing languages {', '.join(missing)}"))
    if problems:
        raise ContentError(problems)
    return data


def external_urls(by_code: dict[str, CountryFile]) -> list[str]:
    """Every external address in the directory: service links and sources."""
    urls = set()
    for country_file in by_code.values():
        for service in country_file.services:
            urls.update(c["url"] for c in service["contacts"] if "url" in c)
            urls.update(s["url"] for s in service["sources"])
    return sorted(urls)


def has_national_help(country_file: CountryFile) -> bool:
    """A sourced national child helpline or reporting hotline (the issue's coverage target)."""
    return any(s["kind"] in NATIONAL_HELP_KINDS and s["evidence"] == "sourced" for s in country_file.services)
