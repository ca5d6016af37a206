"""The small sites the analyst tests build, with what a reader must find on them.

DESK: an analyst's desk following the S-400. Its briefings fall in months chosen so
the timeline has quiet months between busy ones and crosses a year; one day
(2024-04-02) has briefings of every main entity type for the edition digest.

RELATED: one target briefing and candidates that each share something different
with it, at chosen distances in time, so the ranking is known in advance.
"""

from __future__ import annotations

from analyst_support import entry_md

BASE_URL = "https://desk.example/digest/"
CONFIG = f'''title = "Analyst Desk"
description = "Test desk."
base_url = "{BASE_URL}"
language = "en"
page_size = 3
feed_size = 20
related_count = 10
timezone = "UTC"
'''
# A site's own alias for an existing entity must show beside the shipped ones.
ENTITIES = "aliases:\n  S-400: [Triumf system]\n"

TR, RU, ERDOGAN, PUTIN = "Turkey", "Russia", "Recep Tayyip Erdoğan", "Vladimir Putin"
S400 = "S-400"

# slug, date, groups
DESK_ENTRIES: list[tuple[str, str, dict]] = [
    (
        "first-s-400-regiment-for-turkey",
        "2023-12-15T10:00:00Z",
        {"weapon_systems": [S400], "countries": [TR, RU]},
    ),
    (
        "erdogan-defends-s-400-purchase",
        "2024-01-10T10:00:00Z",
        {"weapon_systems": [S400], "countries": [TR], "people": [ERDOGAN], "topics": ["Air defence"]},
    ),
    (
        "india-gets-second-s-400-squadron",
        "2024-01-22T10:00:00Z",
        {"weapon_systems": [S400], "countries": ["India", RU]},
    ),
    (
        "s-400-exercise-near-ankara",
        "2024-03-05T10:00:00Z",
        {"weapon_systems": [S400], "countries": [TR], "topics": ["Air defence"]},
    ),
    # 2024-04-02: the digest day, one briefing an hour from 08:00.
    (
        "russia-ships-s-400-spares",
        "2024-04-02T08:00:00Z",
        {"weapon_systems": [S400], "countries": [RU], "people": [PUTIN]},
    ),
    (
        "turkey-s-400-activation-talks",
        "2024-04-02T09:00:00Z",
        {"weapon_systems": [S400], "countries": [TR], "people": [ERDOGAN], "organisations": ["NATO"]},
    ),
    (
        "germany-orders-patriot",
        "2024-04-02T10:00:00Z",
        {"weapon_systems": ["Patriot"], "countries": ["Germany"]},
    ),
    ("nato-ministers-meet", "2024-04-02T11:00:00Z", {"organisations": ["NATO"], "countries": ["Belgium"]}),
    ("poland-raises-budget", "2024-04-02T12:00:00Z", {"countries": ["Poland"]}),
    (
        "scholz-visits-kyiv",
        "2024-04-02T13:00:00Z",
        {"people": ["Olaf Scholz"], "countries": ["Germany", "Ukraine"]},
    ),
    ("research-spending-report", "2024-04-02T14:00:00Z", {"other": ["R&D <labs>"]}),
    ("china-s-400-upgrade", "2024-04-19T10:00:00Z", {"weapon_systems": [S400], "countries": ["China", RU]}),
    (
        "s-400-sanctions-waiver",
        "2024-07-30T10:00:00Z",
        {"weapon_systems": [S400], "countries": [TR, "United States"], "other": ["CAATSA"]},
    ),
]

# What the S-400 page must show.
S400_MONTHS = [
    ("2023-12", 1),
    ("2024-01", 2),
    ("2024-02", 0),
    ("2024-03", 1),
    ("2024-04", 3),
    ("2024-05", 0),
    ("2024-06", 0),
    ("2024-07", 1),
]
S400_FIRST, S400_LAST = "2023-12-15", "2024-07-30"
# Counted by hand from DESK_ENTRIES: most first, then by name.
S400_COMPANIONS = [
    (TR, 5),
    (RU, 4),
    ("Air defence", 2),
    (ERDOGAN, 2),
    ("CAATSA", 1),
    ("China", 1),
    ("India", 1),
    ("NATO", 1),
    ("United States", 1),
    (PUTIN, 1),
]

DIGEST_DAY = "2024-04-02"
EDITION_DAYS = sorted({date[:10] for _slug, date, _groups in DESK_ENTRIES})


def title_of(slug: str) -> str:
    return slug.replace("-", " ").capitalize()


def desk_files() -> dict[str, str]:
    files = {"briefing.toml": CONFIG, "entities.yml": ENTITIES}
    for slug, date, groups in DESK_ENTRIES:
        files[f"content/{slug}.md"] = entry_md(slug, title_of(slug), date, **groups)
    return files


def desk_tagged(name: str) -> list[str]:
    """Slugs of the desk briefings tagged `name`, newest first."""
    tagged = sorted(
        (date, slug) for slug, date, groups in DESK_ENTRIES if any(name in names for names in groups.values())
    )
    tagged.sort(key=lambda t: t[1])
    tagged.sort(key=lambda t: t[0], reverse=True)  # stable: same time, by slug
    return [slug for _date, slug in tagged]


# -- related ------------------------------------------------------------------------

TARGET = "target"
# file name, slug, date, groups. File names deliberately do not sort like slugs.
RELATED_ENTRIES = [
    (
        "m.md",
        TARGET,
        "2024-06-01T12:00:00Z",
        {"weapon_systems": [S400], "countries": [TR], "people": [ERDOGAN]},
    ),
    # Same shares, same distance (12 days either side): only the slug can order them.
    ("z.md", "tie-a", "2024-05-20T12:00:00Z", {"weapon_systems": [S400], "countries": [TR]}),
    ("a.md", "tie-b", "2024-06-13T12:00:00Z", {"weapon_systems": [S400], "countries": [TR]}),
    # A weapon system, a person, a country, each alone and two days away.
    ("b.md", "weapon-share", "2024-06-03T12:00:00Z", {"weapon_systems": [S400], "countries": ["India"]}),
    ("c.md", "person-share", "2024-05-30T12:00:00Z", {"people": [ERDOGAN], "countries": ["Qatar"]}),
    ("d.md", "country-share", "2024-06-03T12:00:00Z", {"countries": [TR], "topics": ["Wheat"]}),
    # The same weapon system, nine days and four years away.
    ("e.md", "near-weapon", "2024-06-10T12:00:00Z", {"weapon_systems": [S400]}),
    ("f.md", "far-weapon", "2020-06-01T12:00:00Z", {"weapon_systems": [S400]}),
    # Nothing in common with anyone.
    ("g.md", "loner", "2024-06-01T12:00:00Z", {"countries": ["Iceland"], "topics": ["Fisheries"]}),
]
RELATED_TO_TARGET = [
    ("tie-a", [S400, TR]),
    ("tie-b", [S400, TR]),
    ("weapon-share", [S400]),
    ("near-weapon", [S400]),
    ("person-share", [ERDOGAN]),
    ("country-share", [TR]),
    ("far-weapon", [S400]),
]


def related_files() -> dict[str, str]:
    files = {"briefing.toml": CONFIG.replace("Analyst Desk", "Related Desk")}
    for name, slug, date, groups in RELATED_ENTRIES:
        files[f"content/{name}"] = entry_md(slug, title_of(slug), date, **groups)
    return files
