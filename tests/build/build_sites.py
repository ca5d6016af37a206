"""The small sites the build tests write: four entries, 25 entries, hostile text. Data only."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sitecheck import entry_md

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
            source="alpha.txt",
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
            source=f"src {BREAKOUT}.txt",
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
