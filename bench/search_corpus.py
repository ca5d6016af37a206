"""A labelled search corpus: 30 briefings and the queries an analyst types, with the answers.

Used by tests/search (asserting each class) and bench/search.py (printing recall@10 and
MRR per class). The briefings are written the way ingest writes entries: tags and
entities are canonical registry names, so "SA-21" or "Growler" can only find the S-400
briefings that never spell those through the registry's aliases.

Each query is (class, query, relevant slugs, first): `first`, when set, is the slug that
must rank first (title-rank); otherwise recall@10 counts every relevant slug.
"""

from __future__ import annotations

from typing import NamedTuple

import yaml


class Doc(NamedTuple):
    slug: str
    title: str
    date: str
    summary: str
    body: str
    groups: dict[str, list[str]]


class Query(NamedTuple):
    kind: str
    text: str
    relevant: frozenset[str]
    first: str | None = None


S400, PATRIOT, ERDOGAN, ZELENSKY = "S-400", "Patriot", "Recep Tayyip Erdoğan", "Volodymyr Zelensky"
TR, RU, UA, IN, US, PL, DE = "Turkey", "Russia", "Ukraine", "India", "United States", "Poland", "Germany"
FILLER = (
    "Officials gave no timetable for the next steps. Analysts said the decision would be "
    "watched closely by neighbours and by suppliers competing for later orders."
)

DOCS: list[Doc] = [
    # S-400: four briefings tagged with it; one says S-400 in its headline, the others only
    # in the body or by a NATO name, one not at all (the tag came from the editor).
    Doc(
        "s-400-batteries-reach-ankara",
        "S-400 batteries reach Ankara",
        "2024-01-05",
        "The second regiment of Russian-made air defence systems arrived.",
        "Turkish officials confirmed the delivery near the capital.",
        {"weapon_systems": [S400], "countries": [TR, RU], "topics": ["Air defence"]},
    ),
    Doc(
        "india-inducts-third-squadron",
        "India inducts third squadron of Russian long-range system",
        "2024-02-10",
        "The Sudarshan Chakra squadron is deployed in the north.",
        "The SA-21 Growler squadrons are India's answer to ballistic threats.",
        {"weapon_systems": [S400], "countries": [IN, RU], "topics": ["Air defence"]},
    ),
    Doc(
        "moscow-offers-triumf-upgrade",
        "Moscow offers an upgrade to buyers of its Triumf system",
        "2024-03-12",
        "Rosoboronexport pitched new interceptors.",
        "The S-400 Triumf offer includes longer-range missiles.",
        {"weapon_systems": [S400], "countries": [RU]},
    ),
    Doc(
        "sanctions-threat-over-air-defence-deal",
        "Washington repeats sanctions threat over a Russian air defence deal",
        "2024-04-02",
        "CAATSA could apply again, officials warned.",
        "The State Department named the system bought from Moscow.",
        {"weapon_systems": [S400], "countries": [US, TR, RU], "topics": ["Air defence"]},
    ),
    # Patriot: tagged, in plural, and as MIM-104.
    Doc(
        "germany-sends-more-patriots",
        "Germany sends more Patriots to Ukraine",
        "2024-04-20",
        "Two further batteries will be delivered by summer.",
        "The Patriot systems protect Kyiv from ballistic missiles.",
        {"weapon_systems": [PATRIOT], "countries": [DE, UA], "topics": ["Air defence", "Missiles"]},
    ),
    Doc(
        "poland-signs-mim-104-contract",
        "Poland signs MIM-104 follow-on contract",
        "2024-05-03",
        "Warsaw adds interceptors to the Wisła programme.",
        "The MIM-104 order covers launchers and radars.",
        {"weapon_systems": [PATRIOT], "countries": [PL, US]},
    ),
    # Erdoğan: accents and typos.
    Doc(
        "erdogan-defends-purchase",
        "Erdoğan defends the purchase at a party congress",
        "2024-05-15",
        "The president said Turkey's sovereignty was not negotiable.",
        "Recep Tayyip Erdoğan spoke for an hour.",
        {"people": [ERDOGAN], "countries": [TR]},
    ),
    Doc(
        "ankara-talks-on-grain",
        "Ankara hosts talks on Black Sea grain",
        "2024-06-01",
        "Turkey’s mediators met both delegations.",
        "Erdoğan's envoy opened the talks on Monday.",
        {"people": [ERDOGAN], "countries": [TR, RU, UA]},
    ),
    # Zelenskyy: three spellings, all tagged with the canonical name.
    Doc(
        "zelensky-visits-front",
        "Zelensky visits front-line brigades",
        "2024-06-10",
        "The president met commanders near Kharkiv.",
        "He handed out awards.",
        {"people": [ZELENSKY], "countries": [UA]},
    ),
    Doc(
        "zelenskyy-asks-for-jets",
        "Zelenskyy asks partners for more jets",
        "2024-06-18",
        "The request came at a summit in Brussels.",
        "Volodymyr Zelenskyy named the F-16 as the priority.",
        {"people": [ZELENSKY], "countries": [UA]},
    ),
    Doc(
        "kyiv-reshuffles-command",
        "Kyiv reshuffles its military command",
        "2024-07-01",
        "The president replaced two generals.",
        "Zelenskiy's office published the decree at night.",
        {"people": [ZELENSKY], "countries": [UA]},
    ),
    # Spelling: air defense / defence, armor / armour.
    Doc(
        "pentagon-air-defense-review",
        "Pentagon orders an air defense review",
        "2024-07-10",
        "The study covers homeland missile defense.",
        "Air defense units will report by autumn.",
        {"countries": [US], "topics": ["Air defence"]},
    ),
    Doc(
        "baltic-air-defence-plan",
        "Baltic states agree a joint air defence plan",
        "2024-07-20",
        "Estonia, Latvia and Lithuania will buy together.",
        "The air defence plan includes medium-range systems.",
        {"countries": ["Estonia", "Latvia", "Lithuania"], "topics": ["Air defence"]},
    ),
    Doc(
        "us-army-armor-modernization",
        "US Army speeds up armor modernization",
        "2024-08-01",
        "New armored brigades will get upgraded vehicles.",
        "The armor program was criticized for delays.",
        {"countries": [US], "topics": ["Armour"]},
    ),
    Doc(
        "british-armour-programme",
        "British Army armour programme slips again",
        "2024-08-12",
        "The armoured vehicle fleet is ageing.",
        "The armour programme was criticised by MPs.",
        {"countries": ["United Kingdom"], "topics": ["Armour"]},
    ),
    # Inflection: missile / missiles.
    Doc(
        "north-korea-missile-launch",
        "North Korea launches a missile over the sea",
        "2024-08-20",
        "The launch was tracked by Japan.",
        "A single missile flew for ten minutes.",
        {"countries": ["North Korea", "Japan"], "topics": ["Missiles"]},
    ),
    Doc(
        "iran-missiles-displayed",
        "Iran displays new missiles at a parade",
        "2024-09-01",
        "The missiles included a hypersonic design.",
        "Tehran showed its missiles in the capital.",
        {"countries": ["Iran"], "topics": ["Missiles"]},
    ),
    # Title rank: "howitzer" in one title, in other briefings' bodies only.
    Doc(
        "howitzer-production-doubles",
        "Howitzer production doubles in Europe",
        "2024-01-15",
        "Factories expand.",
        "Shell output rises too.",
        {"topics": ["Artillery"]},
    ),
    Doc(
        "artillery-shells-shortage",
        "Artillery shell shortage eases",
        "2024-09-10",
        "Deliveries to the front improve.",
        "A new howitzer battalion was also seen in training.",
        {"topics": ["Artillery"]},
    ),
    Doc(
        "gun-crews-training",
        "Gun crews finish training abroad",
        "2024-09-20",
        "Crews trained for six weeks.",
        "They practised on a towed howitzer.",
        {"topics": ["Artillery"]},
    ),
    # Phrases: "black sea fleet" vs the words apart.
    Doc(
        "black-sea-fleet-moves",
        "Black Sea Fleet moves ships to Novorossiysk",
        "2024-10-01",
        "Satellite images show the move.",
        "The Black Sea Fleet lost several vessels this year.",
        {"countries": [RU]},
    ),
    Doc(
        "fleet-of-drones",
        "A fleet of sea drones for the navy",
        "2024-10-10",
        "The black paint hides them at night.",
        "The fleet patrols the sea lanes.",
        {"countries": [UA]},
    ),
    # Hyphens and apostrophes in other forms.
    Doc(
        "f-16-deliveries",
        "First F‑16 jets delivered",
        "2024-10-20",
        "The jets arrived with Dutch and Danish crews.",
        "The F16 fleet will grow next year.",
        {"countries": [UA, "Netherlands", "Denmark"]},
    ),
    Doc(
        "turkeys-drone-exports",
        "Turkey's drone exports hit a record",
        "2024-11-01",
        "Baykar led the sales.",
        "Turkey's industry sold drones to thirty countries.",
        {"countries": [TR], "organisations": ["Baykar"]},
    ),
    # Background briefings that must not turn up for the queries above.
    *[
        Doc(
            f"background-{n}",
            title,
            f"2024-11-{10 + n:02d}",
            summary,
            FILLER,
            {"countries": [country]},
        )
        for n, (title, summary, country) in enumerate(
            [
                ("Japan raises its defence budget", "The cabinet approved a record sum.", "Japan"),
                ("Australia picks a new frigate", "The navy chose a Japanese design.", "Australia"),
                ("Brazil buys transport aircraft", "The order covers six aircraft.", "Brazil"),
                ("Sweden joins a space alliance", "The agreement covers satellites.", "Sweden"),
                ("Egypt opens a naval base", "The base faces the Red Sea.", "Egypt"),
                ("Finland extends its border fence", "Construction resumes in spring.", "Finland"),
            ]
        )
    ],
]


def _q(kind: str, text: str, *relevant: str, first: str | None = None) -> Query:
    return Query(kind, text, frozenset(relevant), first)


_S400 = [d.slug for d in DOCS if S400 in d.groups.get("weapon_systems", [])]
_PATRIOT = [d.slug for d in DOCS if PATRIOT in d.groups.get("weapon_systems", [])]
_ZEL = [d.slug for d in DOCS if ZELENSKY in d.groups.get("people", [])]
_ERD = [d.slug for d in DOCS if ERDOGAN in d.groups.get("people", [])]
_DEFENCE = [
    "s-400-batteries-reach-ankara",
    "pentagon-air-defense-review",
    "baltic-air-defence-plan",
    "sanctions-threat-over-air-defence-deal",
]
_ARMOR = ["us-army-armor-modernization", "british-armour-programme"]
_MISSILE = ["north-korea-missile-launch", "iran-missiles-displayed"]

QUERIES: list[Query] = [
    _q("alias", "SA-21", *_S400),
    _q("alias", "Growler", *_S400),
    _q("alias", "S 400", *_S400),
    _q("alias", "Triumf", *_S400),
    _q("alias", "Zelenskyy", *_ZEL),
    _q("alias", "Zelensky", *_ZEL),
    _q("alias", "MIM-104", *_PATRIOT),
    _q("alias", "Erdogan", *_ERD),
    _q("alias", "big umbrella", *_S400),  # from the site's entities.yml
    _q("alias", "Reis", *_ERD),
    _q("spelling", "air defense", *_DEFENCE),
    _q("spelling", "air defence", *_DEFENCE),
    _q("spelling", "armor", *_ARMOR),
    _q("spelling", "armour", *_ARMOR),
    _q("spelling", "armoured", *_ARMOR),
    _q("spelling", "programme", "us-army-armor-modernization", "british-armour-programme"),
    _q("plural", "missiles", *_MISSILE),
    _q("plural", "missile", *_MISSILE),
    _q("plural", "Patriots", *_PATRIOT),
    _q(
        "plural",
        "howitzers",
        "howitzer-production-doubles",
        "artillery-shells-shortage",
        "gun-crews-training",
    ),
    _q("apostrophe", "Turkey's drone", "turkeys-drone-exports"),
    _q("apostrophe", "Turkey’s drone", "turkeys-drone-exports"),
    _q("apostrophe", "Erdoğan's envoy", "ankara-talks-on-grain"),
    _q("apostrophe", "F-16", "f-16-deliveries", "zelenskyy-asks-for-jets"),
    _q("apostrophe", "F16", "f-16-deliveries", "zelenskyy-asks-for-jets"),
    _q("apostrophe", "F‑16", "f-16-deliveries", "zelenskyy-asks-for-jets"),
    _q("typo", "Erdgoan", *_ERD),
    _q("typo", "Erdogn", *_ERD),
    _q("typo", "howitzre", "howitzer-production-doubles", "artillery-shells-shortage", "gun-crews-training"),
    _q("typo", "Zelenksy", *_ZEL),
    _q("typo", "missle", *_MISSILE),
    # A first or second letter wrong, missing or doubled: found through the typo lists.
    _q("typo", "Xelensky", *_ZEL),
    _q("typo", "Eedogan", *_ERD),
    _q("typo", "owitzer", "howitzer-production-doubles", "artillery-shells-shortage", "gun-crews-training"),
    _q("typo", "Tiumf", *_S400),
    _q("title-rank", "howitzer", "howitzer-production-doubles", first="howitzer-production-doubles"),
    _q("title-rank", "S-400", *_S400, first="s-400-batteries-reach-ankara"),
    _q("title-rank", "grain", "ankara-talks-on-grain", first="ankara-talks-on-grain"),
    _q("phrase", '"black sea fleet"', "black-sea-fleet-moves"),
    _q("phrase", '"air defense review"', "pentagon-air-defense-review"),
    _q("phrase", '"sea drones"', "fleet-of-drones"),
]
# A phrase query must not match briefings that only have its words apart.
PHRASE_EXCLUDED = {'"black sea fleet"': "fleet-of-drones"}


def entry_file(doc: Doc) -> str:
    """The entry as ingest writes it (canonical tags, entities by group)."""
    tags = [name for group in doc.groups.values() for name in group]
    meta = {
        "title": doc.title,
        "slug": doc.slug,
        "date": f"{doc.date}T09:00:00Z",
        "summary": doc.summary,
        "tags": tags,
        "entities": doc.groups,
    }
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{front}---\n{doc.summary}\n\n{doc.body}\n\n{FILLER}\n"


CONFIG = 'title = "Search desk"\nbase_url = "https://desk.example/digest/"\nlanguage = "en-GB"\n'


# The site's own registry additions must be searchable like the shipped aliases.
ENTITIES = "aliases:\n  S-400: [Big Umbrella]\n  Recep Tayyip Erdoğan: [Reis]\n"


def site_files() -> dict[str, str]:
    files = {f"content/{doc.slug}.md": entry_file(doc) for doc in DOCS}
    files["briefing.toml"] = CONFIG
    files["entities.yml"] = ENTITIES
    return files


def scores(ranked: dict[str, list[str]]) -> dict[str, tuple[float, float, int]]:
    """class -> (mean recall@10, MRR, queries) from each query's ranked slugs."""
    by_kind: dict[str, list[tuple[float, float]]] = {}
    for query in QUERIES:
        found = ranked[query.text]
        wanted = {query.first} if query.first else query.relevant
        recall = len(wanted & set(found[:10])) / len(wanted)
        rank = next((i + 1 for i, slug in enumerate(found) if slug in wanted), None)
        if query.first:
            rank = (
                1
                if found[:1] == [query.first]
                else (found.index(query.first) + 1 if query.first in found else None)
            )
        by_kind.setdefault(query.kind, []).append((recall, 1 / rank if rank else 0.0))
    return {
        kind: (sum(r for r, _ in rows) / len(rows), sum(m for _, m in rows) / len(rows), len(rows))
        for kind, rows in by_kind.items()
    }
