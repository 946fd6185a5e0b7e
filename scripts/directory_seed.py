"""Draft emergency entries from libphonenumber's short-number metadata, for countries nobody has curated yet.

    python -m scripts.directory_seed            # write data/directory/<cc>.yaml for every ISO code that has none
    python -m scripts.directory_seed --print KE # show the draft entry for one country

Drafts are marked `evidence: derived`; a curator replaces them with sourced numbers. The metadata marks
numbers as emergency numbers without saying which service answers, and some regions list old or unusual
codes, so a draft keeps at most six numbers of two to five digits and records the rest in
`libphonenumber_also_lists` (the page says how many were left out). It never overwrites an existing file.
"""
from __future__ import annotations

import argparse
import itertools
import re
import sys
from pathlib import Path

import phonenumbers
from phonenumbers.phonemetadata import PhoneMetadata

from scripts.directory_data import data_dir, iso_codes

ROOT = Path(__file__).resolve().parent.parent
CHECKED = "2026-11-22"
METADATA_URL = ("https://github.com/google/libphonenumber/blob/f7e3e88c92b905c8d6edb81f336dbe25edc05b52/"
                "resources/ShortNumberMetadata.xml")
WELL_KNOWN = ("112", "911", "999", "000")
MAX_SHOWN = 6


def emergency_numbers(region: str) -> list[str]:
    """Every 2- to 5-digit string the region's <emergency> pattern matches, shortest first."""
    metadata = PhoneMetadata.short_metadata_for_region(region)
    if metadata is None or metadata.emergency is None or not metadata.emergency.national_number_pattern:
        return []
    pattern = re.compile(metadata.emergency.national_number_pattern)
    found = []
    for length in range(2, 6):
        found += ["".join(d) for d in itertools.product("0123456789", repeat=length)
                  if pattern.fullmatch("".join(d))]
    return found


def example_number(region: str) -> str | None:
    metadata = PhoneMetadata.short_metadata_for_region(region)
    return metadata.emergency.example_number if metadata and metadata.emergency else None


def choose(region: str) -> tuple[list[str], list[str]]:
    """(numbers to show, numbers left out)."""
    numbers = emergency_numbers(region)
    if len(numbers) <= MAX_SHOWN:
        return numbers, []
    keep = [n for n in numbers if n == example_number(region) or n in WELL_KNOWN]
    return keep, [n for n in numbers if n not in keep]


def draft_service_yaml(region: str) -> str | None:
    shown, left_out = choose(region)
    if not shown:
        return None
    lines = [f"  - id: {region.lower()}-emergency", "    kind: emergency", "    contacts:"]
    lines += [f'      - {{channel: phone, number: "{n}"}}' for n in shown]
    if left_out:
        lines.append("    libphonenumber_also_lists: [" + ", ".join(f'"{n}"' for n in left_out) + "]")
    lines += ["    evidence: derived",
              "    sources:",
              f"      - {{url: \"{METADATA_URL}\", publisher: \"Google libphonenumber (phonenumbers "
              f"{phonenumbers.__version__}), ShortNumberMetadata.xml\", date: \"2025\"}}",
              f"    last_checked: \"{CHECKED}\""]
    return "\n".join(lines) + "\n"


def draft_file(region: str) -> str | None:
    service = draft_service_yaml(region)
    if service is None:
        return None
    return (f"# Draft: emergency numbers derived from libphonenumber metadata; replace with a sourced entry.\n"
            f"country: \"{region}\"\nservices:\n{service}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--print", dest="show", metavar="CC")
    args = parser.parse_args(argv)
    if args.show:
        print(draft_file(args.show.upper()) or f"libphonenumber has no emergency numbers for {args.show}")
        return 0
    folder = data_dir(ROOT)
    written, skipped = 0, []
    for code in iso_codes():
        path = folder / f"{code.lower()}.yaml"
        if path.exists():
            continue
        text = draft_file(code)
        if text is None:
            skipped.append(code)
            continue
        path.write_text(text, encoding="utf-8")
        written += 1
    print(f"wrote {written} draft files; no emergency metadata for: {' '.join(skipped) or '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
