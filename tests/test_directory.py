"""Directory data: schema, libphonenumber cross-checks, coverage, and the catalogue of broken fixtures."""
from __future__ import annotations

import datetime as dt
import json
import re
import time
from pathlib import Path

import jsonschema
import phonenumbers as pn
import pytest
from phonenumbers import shortnumberinfo as sni

from scripts import directory, directory_seed
from scripts.directory_data import (LANGUAGES, WORLD, check_directory, digits_of, external_urls, has_national_help,
                                    iso_codes, load_directory, load_ui, schema_path)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "directory"
TODAY = dt.date(2026, 11, 22)

# Each broken fixture folder and a phrase its `file:line: problem` message must contain.
BROKEN = {
    "bad_yaml": "YAML syntax error",
    "unknown_kind": "'hotline' is not allowed",
    "invalid_number": "is not a valid phone number",
    "fake_e164": "remove the fake E.164",
    "free_premium": "cannot be marked free",
    "free_standard_short": "cannot be marked free",
    "missing_source": "'sources' is a required property",
    "future_last_checked": "is in the future",
    "unknown_country": "is not an ISO 3166-1 alpha-2 country code",
    "duplicate_id": "duplicate id 'ke-emergency'",
    "script_in_name": "HTML markup is not allowed",
    "http_url": "must be an https:// address",
    "missing_emergency": "missing emergency entry",
    "short_code_unknown": "add `libphonenumber_gap:`",
    "not_an_emergency_number": "is not an emergency number for KE",
    "abroad_not_dialable": "cannot be dialled from abroad",
    "long_number_without_e164": "add `e164: \"+448001111\"`",
}


@pytest.fixture(scope="module")
def directory_data():
    return load_directory(ROOT, today=TODAY)


def all_contacts(by_code):
    for country_file in by_code.values():
        for service in country_file.services:
            for contact in service["contacts"]:
                yield country_file.code, service, contact


def test_real_data_passes_every_check_quickly():
    start = time.perf_counter()
    _, problems = check_directory(ROOT, today=TODAY)
    assert time.perf_counter() - start < 10
    assert problems == [], "\n".join(str(p) for p in problems)


def test_cli_check_succeeds_and_lists_urls(capsys):
    assert directory.main(["check"]) == 0
    assert directory.main(["urls"]) == 0
    urls = capsys.readouterr().out.splitlines()[1:]
    assert urls and all(u.startswith("https://") for u in urls)


def test_cli_report_is_markdown(capsys):
    assert directory.main(["report"]) == 0
    out = capsys.readouterr().out
    assert "| Evidence level | Entries |" in out


def test_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(json.loads(schema_path(ROOT).read_text(encoding="utf-8")))


def test_every_iso_country_and_world_has_a_file():
    names = {p.stem for p in (ROOT / "data" / "directory").glob("*.yaml")}
    assert names == {c.lower() for c in iso_codes()} | {WORLD}
    assert len(iso_codes()) == 249


def test_every_country_has_an_emergency_entry_or_a_reason(directory_data):
    for code, country_file in directory_data.items():
        if code == WORLD:
            continue
        kinds = {s["kind"] for s in country_file.services}
        assert "emergency" in kinds or "no_emergency_number" in country_file.data, code


def test_at_least_sixty_countries_have_sourced_national_services(directory_data):
    countries = [c for c, f in directory_data.items() if c != WORLD and has_national_help(f)]
    assert len(countries) >= 60, sorted(countries)


def test_worldwide_routes_apply_everywhere(directory_data):
    ids = {s["id"] for s in directory_data[WORLD].services}
    assert {"001-ncmec-take-it-down", "001-ncmec-cybertipline", "001-inhope", "001-chi"} <= ids
    kinds = {s["kind"] for s in directory_data[WORLD].services}
    assert "csam_hotline" in kinds  # a way to report from any country page
    assert "emergency" not in kinds


def test_short_codes_never_carry_an_e164_and_long_numbers_always_do(directory_data):
    for code, service, contact in all_contacts(directory_data):
        if "number" not in contact:
            continue
        region = contact.get("region", code)
        digits = digits_of(contact["number"])
        if "e164" in contact:
            full = pn.parse(contact["e164"], None)
            assert pn.is_valid_number_for_region(full, region), (service["id"], contact)
        else:
            short = pn.parse(digits, region)
            assert not pn.is_valid_number(short), (service["id"], contact)
            assert len(digits) <= 6, (service["id"], contact)


def test_flagged_gaps_are_real_gaps(directory_data):
    """Every libphonenumber_gap flag names a number the pinned metadata really does not know."""
    for code, service, contact in all_contacts(directory_data):
        if "libphonenumber_gap" in contact:
            region = contact.get("region", code)
            number = pn.parse(digits_of(contact["number"]), region)
            assert not sni.is_valid_short_number_for_region(number, region), (service["id"], contact)


def test_known_gaps_from_the_research_are_flagged(directory_data):
    flagged = {(code, digits_of(c["number"])) for code, _, c in all_contacts(directory_data)
               if "libphonenumber_gap" in c}
    assert {("ZA", "116"), ("UG", "116"), ("PH", "1383")} <= flagged


def test_free_claims_match_libphonenumber(directory_data):
    for code, service, contact in all_contacts(directory_data):
        if contact.get("cost") != "free" or "number" not in contact:
            continue
        region = contact.get("region", code)
        if "e164" in contact:
            kind = pn.number_type(pn.parse(contact["e164"], None))
            assert kind not in (pn.PhoneNumberType.PREMIUM_RATE, pn.PhoneNumberType.SHARED_COST,
                                pn.PhoneNumberType.UAN), service["id"]
        else:
            cost = sni.expected_cost_for_region(pn.parse(digits_of(contact["number"]), region), region)
            assert cost not in (sni.ShortNumberCost.PREMIUM_RATE, sni.ShortNumberCost.STANDARD_RATE), service["id"]


def test_emergency_numbers_are_emergency_numbers_unless_flagged(directory_data):
    for code, service, contact in all_contacts(directory_data):
        if service["kind"] == "emergency" and contact["channel"] == "phone":
            known = sni.is_emergency_number(digits_of(contact["number"]), code)
            assert known or contact.get("not_emergency_in_libphonenumber"), (service["id"], contact)


def test_abroad_only_where_dialable(directory_data):
    for _, service, contact in all_contacts(directory_data):
        if contact.get("abroad"):
            assert pn.can_be_internationally_dialled(pn.parse(contact["e164"], None)), service["id"]


def test_ids_are_unique_and_urls_https(directory_data):
    ids = [s["id"] for f in directory_data.values() for s in f.services]
    assert len(ids) == len(set(ids))
    assert all(u.startswith("https://") for u in external_urls(directory_data))


def test_memory_entries_are_labelled_unverified(directory_data):
    services = {s["id"]: s for f in directory_data.values() for s in f.services}
    assert services["in-cybercrime"]["evidence"] == "unverified"
    assert services["in-cybercrime"]["sources"] == []
    ceop = services["gb-ceop"]["contacts"][0]
    assert ceop.get("evidence") == "unverified"


def test_ui_strings_exist_in_all_six_languages():
    ui = load_ui(ROOT)
    for key, texts in ui.items():
        for lang in LANGUAGES:
            assert lang in texts, (key, lang)
            placeholders = set(re.findall(r"{(\w+)}", texts["en"]))
            # A translation may leave a placeholder out (French prepositions vary) but never invent one.
            assert set(re.findall(r"{(\w+)}", texts[lang])) <= placeholders, (key, lang)


def test_every_directory_text_is_translated_and_current():
    """Descriptions, labels and notes of every service, in every language, made from the current English."""
    from scripts import i18n

    english = i18n.directory_strings(ROOT)
    assert english
    for lang in LANGUAGES[1:]:
        current = i18n.directory_texts(ROOT, lang)
        assert set(current) == set(english), (lang, sorted(set(english) - set(current))[:5])


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_fixture_fails_with_file_line_problem(case):
    _, problems = check_directory(ROOT, folder=FIXTURES / case, today=TODAY, require_all_countries=False)
    assert problems, f"{case} should fail"
    messages = [str(p) for p in problems]
    assert any(BROKEN[case] in m for m in messages), messages
    for message in messages:
        assert re.match(r"^.+\.yaml:\d+: \S", message), message


def test_fixture_catalogue_is_complete():
    assert len(BROKEN) >= 12
    assert {p.name for p in FIXTURES.iterdir() if p.is_dir()} == set(BROKEN)


def test_seed_drafts_keep_a_few_numbers_and_record_the_rest():
    shown, left_out = directory_seed.choose("CZ")
    assert shown == ["112"] and "155" in left_out
    shown, left_out = directory_seed.choose("KE")
    assert shown == ["112", "114", "999"] and left_out == []
    assert directory_seed.draft_file("GN") is None  # no emergency metadata for Guinea
    assert 'country: "NO"' in directory_seed.draft_file("NO")  # YAML would read a bare NO as false
