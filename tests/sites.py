"""Every small site the tests build, as data: a dict of files per site, and what a reader
must find on it. One module, so a site is written once and any test folder can use it.

- small, paged, hostile: the build tests' sites (four entries, 25 entries, hostile text).
- DESK and RELATED: the analyst's sites (entity pages, editions, feeds, related ranking).
- the validator outputs: the sample and a hostile site, each at the root of a host and
  under a sub-path, laid out as a static host serves them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import yaml
from sitecheck import entry_md

GROUPS = ("countries", "people", "organisations", "weapon_systems", "topics")


ROOT_URL = "http://localhost:8000/"
SUB_URL = "https://example.org/digest/"

# Hostile text from the issues: each must reach readers as text, never as markup.
SCRIPT = "<script>alert(1)</script>"
BREAKOUT = '"><img src=x onerror=alert(1)>'
AMP = "Tom & Jerry"


def small_files() -> dict[str, str]:
    """Four entries over two months; alpha shares all three tags with bravo, one with charlie.

    Newest first: delta (10 April), bravo (2 March 10:00), charlie (2 March 08:00), alpha (1 March).
    """
    ru_tr = {"countries": ["Russia", "Turkey"], "weapon_systems": ["S-400"]}
    return {
        "briefing.toml": 'title = "Small Digest"\ndescription = "Four briefings."\n',
        "content/alpha.md": entry_md(
            "alpha",
            "Alpha: S-400 deliveries begin",
            "2024-03-01T09:00:00Z",
            summary="Russia starts delivering S-400 batteries to Turkey.",
            tags=["Russia", "S-400", "Turkey"],
            entities=ru_tr,
            source={"name": "Alpha Wire", "url": "https://example.com/alpha?x=1&y=2"},
            image={"alt": "A launcher", "caption": "A 5P85T2 launcher on parade", "credit": "Vitaly Kuzmin"},
            body="The first battery arrived in Ankara.\n\n## Background\n\n"
            "Talks began in *2017*; see [the archive](https://example.com/a).\n",
        ),
        "content/bravo.md": entry_md(
            "bravo",
            "Bravo: second S-400 battery",
            "2024-03-02T10:00:00Z",
            summary="A second battery follows.",
            tags=["Russia", "S-400", "Turkey"],
            entities=ru_tr,
            source="bravo.txt",
            body="The second battery arrived.\n",
        ),
        "content/charlie.md": entry_md(
            "charlie",
            "Charlie: Russian exercise",
            "2024-03-02T08:00:00Z",
            summary="An exercise near the border.",
            tags=["Russia"],
            entities={"countries": ["Russia"]},
            body="Troops exercised.\n",
        ),
        "content/delta.md": entry_md(
            "delta",
            "Delta: NATO summit",
            "2024-04-10T12:00:00Z",
            summary="Allies meet.",
            tags=["NATO"],
            entities={"organisations": ["NATO"]},
            image={"alt": "", "caption": "", "credit": "NATO Photo"},
            body="The summit opened.\n",
        ),
    }


PAGED_COUNT = 25


def paged_title(i: int) -> str:
    return f"Briefing number {i:02d}"


def paged_files() -> dict[str, str]:
    """25 entries, 13 hours apart from 25 February 2024 (so over two months); page size 10.

    Entry i has tag Russia (all), S-400 (even i), Vladimir Putin (i divisible by 3),
    NATO (by 5), Air defence (by 4); odd entries have a photo credit.
    """
    files = {"briefing.toml": 'title = "Paged Digest"\npage_size = 10\n'}
    start = datetime(2024, 2, 25, 8, tzinfo=UTC)
    for i in range(1, PAGED_COUNT + 1):
        tags, entities = ["Russia"], {"countries": ["Russia"]}
        if i % 2 == 0:
            tags.append("S-400")
            entities["weapon_systems"] = ["S-400"]
        if i % 3 == 0:
            tags.append("Vladimir Putin")
            entities["people"] = ["Vladimir Putin"]
        if i % 5 == 0:
            tags.append("NATO")
            entities["organisations"] = ["NATO"]
        if i % 4 == 0:
            tags.append("Air defence")
            entities["topics"] = ["Air defence"]
        when = start + timedelta(hours=13 * i)
        image = (
            {"alt": "photo", "caption": f"Caption {i:02d}", "credit": f"Agency {i:02d}"} if i % 2 else None
        )
        files[f"content/b{i:02d}.md"] = entry_md(
            f"b{i:02d}",
            paged_title(i),
            when.strftime("%Y-%m-%dT%H:%M:%SZ"),
            summary=f"Summary of briefing {i:02d}.",
            tags=tags,
            entities=entities,
            image=image,
            body=f"Body of briefing {i:02d}.\n",
        )
    return files


def hostile_files(allow_html: bool = False) -> dict[str, str]:
    """Hostile text in every field a reader sees, and a body with a script link and raw HTML."""
    config = 'title = "Hostile"\n' + ("allow_html = true\n" if allow_html else "")
    return {
        "briefing.toml": config,
        "content/evil.md": entry_md(
            "evil",
            f"Evil {SCRIPT} {BREAKOUT} {AMP}",
            "2024-05-01T10:00:00Z",
            summary=f"Summary {SCRIPT} {BREAKOUT} {AMP}",
            tags=[SCRIPT, BREAKOUT, AMP],
            entities={"countries": [SCRIPT], "people": [BREAKOUT]},
            source=f"src {BREAKOUT}",
            image={
                "alt": f"alt {BREAKOUT}",
                "caption": f"Caption {SCRIPT} {BREAKOUT}",
                "credit": f"Credit {SCRIPT} {AMP}",
            },
            body=f"Click [x](javascript:alert(1)) or [y]( JaVaScRiPt:alert(1)).\n\n"
            f"Raw <b>bold</b> and <img src=x onerror=alert(1)> inline.\n\n"
            f"<script>alert(1)</script>\n\n{AMP} and a [safe link](https://example.com/).\n",
        ),
        "content/calm.md": entry_md(
            "calm",
            f"Calm neighbour {AMP}",
            "2024-05-02T10:00:00Z",
            summary="Nothing to see.",
            tags=[SCRIPT, "Calm"],
            body="Calm body.\n",
        ),
    }


# == The analyst's sites ============================================================
# The small sites the analyst tests build, with what a reader must find on them.
#
# DESK: an analyst's desk following the S-400. Its briefings fall in months chosen so
# the timeline has quiet months between busy ones and crosses a year; one day
# (2024-04-02) has briefings of every main entity type for the edition digest.
#
# RELATED: one target briefing and candidates that each share something different
# with it, at chosen distances in time, so the ranking is known in advance.


def tagged_entry_md(
    slug: str,
    title: str,
    date: str,
    *,
    source: str | None = None,
    image: dict | None = None,
    body: str | None = None,
    **groups: list[str],
) -> str:
    """An entry file as ingest writes it. `groups` are entity lists by type
    (weapon_systems=[...], countries=[...]); `other=[...]` are tags with no type.
    Tags are every entity, in type order, then the others."""
    unknown = set(groups) - {*GROUPS, "other"}
    assert not unknown, unknown
    entities = {group: list(groups.get(group, [])) for group in GROUPS}
    tags = [name for group in GROUPS for name in entities[group]] + list(groups.get("other", []))
    meta: dict = {
        "title": title,
        "slug": slug,
        "date": date,
        "summary": f"Summary of {title}.",
        "tags": tags,
        "entities": entities,
        "source": source or f"{slug}.txt",
    }
    if image is not None:
        meta["image"] = image
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{front}---\n\n{body or f'The body of {title}.'}\n"


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
        files[f"content/{slug}.md"] = tagged_entry_md(slug, title_of(slug), date, **groups)
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
        files[f"content/{name}"] = tagged_entry_md(slug, title_of(slug), date, **groups)
    return files


# == The validator tests' outputs ====================================================
# The sites the validator tests check (issue 8): the sample site and a hostile one, each built
# at the root of https://example.org/ and under https://example.org/digest/.
#
# Each output is laid out as a static host would serve it: `host` is the document root, and the
# site is `host` itself or `host/digest/`. Checkers then resolve the site's absolute links
# (https://example.org/...) to files under `host`, and the HTTP tests serve `host`.

ORIGIN = "https://example.org/"
BASES = {"root": ORIGIN, "sub": ORIGIN + "digest/"}
SAMPLE_WORDS = ("Growler", "Triumph")
SAMPLE_SLUG = "russian-s-400-air-defense-missile-joint-production-with-turkey"

# The hostile strings of issue 8; each must reach readers as these very characters, as text.
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
JS_LINK = "javascript:alert(1)"
HOSTILE_STRINGS = (SCRIPT, IMG)

HOSTILE_SEED = f"""Drone strike {IMG} {SCRIPT} near Kharkiv
2024-03-01

The ministry said {SCRIPT} the Growler radar was hit; see [details]({JS_LINK}) and \
<a href="{JS_LINK}">this link</a> or <{JS_LINK}> for more.

Launcher at dawn {IMG}
A launcher {SCRIPT} {IMG} at dawn (Picture source: <b>Agency</b> Press)

Officials added that {JS_LINK} was not an address, and <iframe src="{JS_LINK}"></iframe> nothing more.
"""

HOSTILE_ENTRY = f"""---
title: 'Editor {IMG} {SCRIPT} note'
date: 2024-03-02
tags: ['{SCRIPT}', 'Air defence']
summary: 'Summary {IMG} {SCRIPT}'
image:
  alt: 'alt {IMG}'
  caption: 'caption {SCRIPT} {IMG}'
  credit: 'credit {SCRIPT}'
---
Raw HTML in the body, off by default: {SCRIPT} and <img src=x onerror=alert(1)> inline.

A [markdown link]({JS_LINK}), an <a href="{JS_LINK}">HTML link</a>, an autolink <{JS_LINK}>,
a [reference link][r], ![an image]({JS_LINK}) and [spaced]( javascript:alert(1) ).

<div onclick="alert(1)">a block of HTML</div>

<script>alert(1)</script>

[r]: {JS_LINK}
"""

PLAIN_ENTRY = """---
title: Air defence drills in the north
date: 2024-03-03
tags: [Air defence]
---
A plain entry that shares a tag with the hostile one, so tag pages, feeds and related
briefings list hostile titles next to ordinary ones.
"""

HOSTILE_FILES = {
    "briefing.toml": f"title = 'Hostile {IMG} Digest'\ndescription = 'Tests {SCRIPT} escaping.'\n",
    "seeds/hostile.txt": HOSTILE_SEED,
    "content/editor-entry.md": HOSTILE_ENTRY,
    "content/plain-entry.md": PLAIN_ENTRY,
}


@dataclass(frozen=True)
class Entry:
    title: str
    slug: str
    tags: tuple[str, ...]


@dataclass(frozen=True)
class Output:
    """One built site as published: `public` is what `briefing build` wrote, at its place under `host`."""

    name: str
    variant: str
    host: Path
    entries: tuple[Entry, ...]

    @property
    def base_url(self) -> str:
        return BASES[self.variant]

    @property
    def base_path(self) -> str:
        return "/" + self.base_url.removeprefix(ORIGIN)

    @property
    def public(self) -> Path:
        return self.host / self.base_path.strip("/")

    @property
    def id(self) -> str:
        return f"{self.name}-{self.variant}"

    def local(self, url: str) -> Path:
        """The file a site URL (absolute, on ORIGIN) is served from."""
        assert url.startswith(ORIGIN), url
        path = self.host / url.removeprefix(ORIGIN).split("#")[0]
        return path / "index.html" if url.split("#")[0].endswith("/") else path


OUTPUT_IDS = [f"{name}-{variant}" for name in ("sample", "hostile") for variant in BASES]


def cli(root: Path, *args: str) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [sys.executable, "-m", "briefing", *args, "--site", str(root)],
        cwd=root,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, f"briefing {' '.join(args)} failed:\n{done.stdout}{done.stderr}"
    return done


def read_entries(root: Path) -> tuple[Entry, ...]:
    """What content/ holds, read the plain way (YAML front matter), to know what to expect."""
    entries = []
    for path in sorted((root / "content").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        front = yaml.safe_load(text.split("---", 2)[1])
        entries.append(
            Entry(
                str(front["title"]),
                str(front.get("slug") or path.stem),
                tuple(str(tag) for tag in front.get("tags") or ()),
            )
        )
    return tuple(entries)


def build_outputs(root: Path, name: str, into: Path) -> dict[str, Output]:
    """Ingest, then build once per base URL, keeping each build's public/ where a host would have it."""
    cli(root, "ingest")
    entries = read_entries(root)
    outputs = {}
    for variant, base_url in BASES.items():
        cli(root, "build", "--base-url", base_url)
        output = Output(name, variant, into / f"{name}-{variant}", entries)
        shutil.copytree(root / "public", output.public)
        outputs[output.id] = output
    return outputs
