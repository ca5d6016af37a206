"""Generate the country registry (and the capitals list) from pycountry and countryinfo.

The libraries give every country, but not the names English news uses: pycountry calls
Turkey "Türkiye", countryinfo gives one demonym per territory (so "American" would also
tag American Samoa) and lists native spellings nobody writes in English. The review of
that output is encoded below (canonical names, demonym owners, kept and dropped aliases,
weak aliases), so regenerating reproduces the reviewed file instead of undoing it:

    python tools/gen_countries.py > briefing/entities/data/countries.yml
    python tools/gen_countries.py --places > briefing/entities/data/places.yml
"""

from __future__ import annotations

import sys
import unicodedata

import pycountry
import yaml
from countryinfo import CountryInfo

# Names an English news reader expects, where the libraries' names differ.
CANONICAL = {
    "BN": "Brunei",
    "BO": "Bolivia",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "CI": "Ivory Coast",
    "CZ": "Czech Republic",
    "FM": "Micronesia",
    "GB": "United Kingdom",
    "IR": "Iran",
    "KP": "North Korea",
    "KR": "South Korea",
    "LA": "Laos",
    "MD": "Moldova",
    "MK": "North Macedonia",
    "PS": "Palestine",
    "RU": "Russia",
    "SY": "Syria",
    "SZ": "Eswatini",
    "TR": "Turkey",
    "TW": "Taiwan",
    "TZ": "Tanzania",
    "US": "United States",
    "VA": "Vatican City",
    "VE": "Venezuela",
    "VN": "Vietnam",
    "NL": "Netherlands",
    "GM": "Gambia",
    "CV": "Cape Verde",
    "TL": "East Timor",
    "VG": "British Virgin Islands",
    "VI": "United States Virgin Islands",
    "MF": "Saint Martin",
    "SX": "Sint Maarten",
    "BQ": "Caribbean Netherlands",
    "CC": "Cocos Islands",
    "BS": "Bahamas",
    "SH": "Saint Helena",
    "GS": "South Georgia and the South Sandwich Islands",
}

# Territories whose countryinfo demonym belongs to a bigger neighbour in a reader's mind
# ("Indian" is India, not the British Indian Ocean Territory): they get none.
NO_DEMONYM = {"IO", "DM", "CG", "GG", "JE", "UM", "AS", "VI", "VG", "GF", "MF", "SX", "BQ"}

# Demonyms the libraries miss or spell unusually, and other names English copy uses.
EXTRA = {
    "US": ["United States of America", "US", "U.S.", "USA", "U.S.A.", "America", "American", "Americans"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "British", "Briton", "Britons"],
    "TR": ["Türkiye", "Turkiye", "Turkish", "Turks", "Republic of Turkey"],
    "RU": ["Russian", "Russians"],
    "CN": ["Chinese", "PRC", "Mainland China"],
    "KR": ["Republic of Korea", "ROK", "South Korean", "South Koreans", "Korea", "Korean"],
    "KP": ["DPRK", "North Korean", "North Koreans"],
    "IL": ["Israeli", "Israelis"],
    "UA": ["Ukrainian", "Ukrainians"],
    "IR": ["Iranian", "Iranians", "Persia"],
    "CD": ["DRC", "DR Congo", "Congo-Kinshasa", "Congolese", "Democratic Republic of Congo"],
    "CG": ["Congo-Brazzaville"],
    "CI": ["Côte d'Ivoire", "Ivorian"],
    "AE": ["UAE", "Emirati"],
    "SA": ["Saudi", "Saudis", "KSA"],
    "PH": ["Philippine", "Filipino"],
    "NL": ["Holland", "Dutch"],
    "MM": ["Burma", "Burmese"],
    "CZ": ["Czechia", "Czech"],
    "SZ": ["Swaziland", "Swazi"],
    "AR": ["Argentine", "Argentinian"],
    "EC": ["Ecuadorian"],
    "SI": ["Slovenian"],
    "KG": ["Kyrgyz"],
    "TJ": ["Tajik"],
    "UZ": ["Uzbek"],
    "KZ": ["Kazakh"],
    "AZ": ["Azeri"],
    "BY": ["Belarussian", "Byelorussian"],
    "HR": ["Croat"],
    "RS": ["Serb"],
    "BA": ["Bosnia", "Bosnia-Herzegovina", "Bosnian"],
    "AG": ["Antiguan"],
    "PS": ["Palestinian", "Palestinian territories"],
    "TW": ["Chinese Taipei"],
    "GR": ["Hellenic"],
    "CV": ["Cabo Verde"],
    "TL": ["Timor-Leste"],
    "VN": ["Viet Nam"],
    "FR": ["French"],
    "DK": ["Danish"],
    "NO": ["Norwegian"],
    "AU": ["Australian"],
    "FI": ["Finnish"],
    "ES": ["Spanish"],
    "PT": ["Portuguese"],
    "IT": ["Italian"],
    "DO": ["Dominican"],
    "VA": ["Holy See", "Vatican"],
    "MO": ["Macao"],
    "HK": ["Hong Konger"],
    "NZ": ["New Zealander"],
    "LA": ["Lao", "Laotian"],
}

# Aliases the libraries give that are ordinary English words, other things, or native
# spellings English copy never uses.
DROP = {
    "Island",
    "Mann",
    "Mannin",
    "Prathet",
    "Guiana",
    "Nippon",
    "Nihon",
    "Bharat",
    "Rossiya",
    "Mexicanos",
    "Zhonghua",
    "Zhongguo",
    "Channel Islander",
    "Pleasant Island",
    "Viti",
    "Kiwi",
    "Dominique",
    "Portuguesa",
    "Congo",
}

# Aliases that are also people's names or US states: they count only in context.
WEAK = {"JO": ["Jordan"], "TD": ["Chad"], "GE": ["Georgia"], "JE": ["Jersey"]}


def ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def english(alias: str) -> bool:
    """A name English copy could use: Latin letters, no inversion, not an ISO code."""
    if not alias or "," in alias or "(" in alias or alias in DROP:
        return False
    if alias.isupper() and len(alias) <= 3:
        return False
    return ascii_fold(alias) == alias or alias in {"Türkiye", "Côte d'Ivoire"}


def info(alpha2: str) -> dict:
    try:
        return CountryInfo(alpha2).info()
    except Exception:  # countryinfo lacks some territories
        return {}


def claimed(code: str) -> set[str]:
    """Names EXTRA gives to other countries: their owner wins over a territory's demonym."""
    return {alias for other, names in EXTRA.items() if other != code for alias in names}


def record(country) -> dict:
    code = country.alpha_2
    data = info(code)
    names = [
        data.get("name", ""),
        getattr(country, "common_name", ""),
        country.name,
        getattr(country, "official_name", ""),
    ]
    plain = [n for n in names[:3] if english(n)]
    name = CANONICAL.get(code) or (plain[0] if plain else country.name)
    aliases = [n.removeprefix("The ").removeprefix("the ") for n in names if english(n)]
    demonym = (data.get("demonym") or "").split(",")[0].strip()
    if demonym and code not in NO_DEMONYM and english(demonym) and demonym not in claimed(code):
        aliases.append(demonym)
    aliases += EXTRA.get(code, [])
    weak = WEAK.get(code, [])
    seen = {name.casefold(), *(w.casefold() for w in weak)}
    unique = []
    for alias in aliases:
        if alias not in DROP and alias.casefold() not in seen:
            seen.add(alias.casefold())
            unique.append(alias)
    entry: dict = {"name": name, "aliases": unique}
    if weak:
        entry["weak"] = weak
    return entry


def demonym_owners(records: list[dict]) -> None:
    """Fail loudly if two countries still share an alias: a reader means only one."""
    owner: dict[str, str] = {}
    for entry in records:
        for alias in (entry["name"], *entry["aliases"]):
            key = ascii_fold(alias).casefold()
            if key in owner and owner[key] != entry["name"]:
                raise SystemExit(f"alias {alias!r} of {entry['name']} is also {owner[key]}'s")
            owner[key] = entry["name"]


def countries() -> None:
    records = [record(c) for c in pycountry.countries]
    records.append({"name": "Kosovo", "aliases": ["Republic of Kosovo", "Kosovar"]})
    records.sort(key=lambda r: r["name"])
    demonym_owners(records)
    sys.stdout.write(
        "# Countries and territories. Generated by tools/gen_countries.py, which\n"
        "# holds the review (canonical names, demonym owners, dropped aliases):\n"
        "# change the script and regenerate rather than editing by hand.\n"
    )
    yaml.safe_dump(
        records, sys.stdout, allow_unicode=True, sort_keys=False, width=100, default_flow_style=None
    )


def places() -> None:
    """Capital cities: places, never their country, and never a candidate name."""
    names = {r["name"] for r in map(record, pycountry.countries)}
    capitals = set()
    for country in pycountry.countries:
        data = info(country.alpha_2)
        capital = data.get("capital") or ""
        # Tiny territories' capitals are mostly common names (Victoria, Douglas, Stanley).
        if english(capital) and capital not in names and data.get("population", 0) >= 500_000:
            capitals.add(capital)
    sys.stdout.write(
        "# Capital cities, generated by tools/gen_countries.py --places. A place is\n"
        "# never its country: matching one stops its words tagging anything.\n"
    )
    yaml.safe_dump(sorted(capitals), sys.stdout, allow_unicode=True, width=100)


if __name__ == "__main__":
    places() if "--places" in sys.argv[1:] else countries()
