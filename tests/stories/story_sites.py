"""Sites for the story page tests, as entry files: written by hand, no ingest needed."""

from __future__ import annotations

from sitecheck import entry_md

COUNTRIES = ["Germany", "Turkey", "Israel", "Japan", "Nigeria", "Brazil", "Poland", "India", "Egypt", "Chile"]


def report(slug: str, title: str, when: str, *, story: str | None = None, **fields) -> tuple[str, str]:
    extra = dict(fields.pop("extra", {}))
    if story is not None:
        extra["story"] = story
    return f"content/{slug}.md", entry_md(slug, title, when, extra=extra, **fields)


def busy_day_files() -> dict[str, str]:
    """A day of nine stories (one told by three reports, one updated), a day of three, and
    a day of one; plus a story with no country, whose brief group is its topic."""
    files = dict(
        [
            report(
                "s400-first",
                "Russia delivers S-400 battery to Turkey",
                "2024-03-05T08:00:00Z",
                summary="The first S-400 battery of a new batch reached Turkey.",
                tags=["S-400", "Turkey", "Russia", "Recep Tayyip Erdoğan", "Air defence"],
                entities={
                    "countries": ["Turkey", "Russia"],
                    "people": ["Recep Tayyip Erdoğan"],
                    "weapon_systems": ["S-400"],
                    "topics": ["Air defence"],
                },
                source="Army Recognition",
                body="A long first report. " * 40 + "\n",
            ),
            report(
                "s400-copy",
                "Turkey takes delivery of S-400 parts",
                "2024-03-05T09:00:00Z",
                story="s400-first",
                summary="Another outlet's report of the delivery.",
                tags=["S-400", "Turkey"],
                entities={"countries": ["Turkey"], "weapon_systems": ["S-400"]},
                source={"name": "Defense News", "url": "https://www.defensenews.com/s400"},
                body="A shorter report. " * 10 + "\n",
            ),
            report(
                "s400-update",
                "UPDATE: Russia delivers S-400 battery to Turkey",
                "2024-03-05T15:30:00Z",
                story="s400-first",
                summary="The first S-400 battery of a new batch reached Turkey, officials confirmed.",
                tags=["S-400", "Turkey", "Russia"],
                entities={"countries": ["Turkey", "Russia"], "weapon_systems": ["S-400"]},
                source="c.txt",
                image={"alt": "", "caption": "A launcher", "credit": "Vitaly Kuzmin"},
                body="A long first report, updated. " * 40 + "\n",
            ),
            report(
                "cyber-wave",
                "Ransomware wave hits defence suppliers",
                "2024-03-05T07:00:00Z",
                summary="Several suppliers were hit; no country is named.",
                tags=["Cyber warfare"],
                entities={"topics": ["Cyber warfare"]},
            ),
        ]
    )
    for i, country in enumerate(COUNTRIES[:7]):
        files.update(
            dict(
                [
                    report(
                        f"day-story-{i}",
                        f"{country} news of the day number {i}",
                        f"2024-03-05T{10 + i:02d}:00:00Z",
                        summary=f"Something happened in {country}.",
                        tags=[country],
                        entities={"countries": [country]},
                    )
                ]
            )
        )
    for i, country in enumerate(COUNTRIES[7:]):
        files.update(
            dict(
                [
                    report(
                        f"quiet-{i}",
                        f"{country} quiet day story {i}",
                        f"2024-03-04T{10 + i:02d}:00:00Z",
                        tags=[country],
                        entities={"countries": [country]},
                    )
                ]
            )
        )
    files.update(
        dict(
            [
                report(
                    "lone",
                    "A lone story",
                    "2024-03-03T10:00:00Z",
                    tags=["Chile"],
                    entities={"countries": ["Chile"]},
                )
            ]
        )
    )
    files["briefing.toml"] = 'title = "Stories"\npage_size = 10\n'
    return files
