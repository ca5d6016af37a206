"""The site the offsite tests build: three day editions, a 600-word briefing with a photo,
links of every kind in a body, and a title with characters mail and XML must escape. Data only."""

from __future__ import annotations

import io
from pathlib import Path

from sitecheck import entry_md

SUB_URL = "https://example.org/digest/"

# 600 words of plain prose in six paragraphs: what a long briefing is.
_SENTENCE = (
    "Officials said the new battery would be deployed near the border within weeks, "
    "while analysts warned that the move could prompt a response from neighbouring states. "
)  # 26 words
_PARAGRAPH = (_SENTENCE * 4).strip()  # 104 words


def long_body() -> str:
    paragraphs = [_PARAGRAPH] * 5
    paragraphs.insert(1, "## Background")
    paragraphs.append(
        "See [the ministry's statement](https://example.com/statement), the [bravo briefing](../bravo/), "
        "the [day's edition](../../2024/03/01/) and a note.[^1] "
        + " ".join(["More context follows here today."] * 13)
    )
    paragraphs.append("[^1]: The note, with its own [source](https://example.com/note).")
    return "\n\n".join(paragraphs) + "\n"


def word_count(markdown: str) -> int:
    return len(markdown.split())


def photo_bytes(width: int = 1200, height: int = 800) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), (120, 140, 160)).save(out, "JPEG", quality=70)
    return out.getvalue()


HEADLINES = {
    "alpha": "Alpha: S-400 deliveries begin",
    "bravo": "Bravo: second battery follows",
    "charlie": "Charlie: Russian exercise near the border",
    "delta": "Delta: NATO summit opens",
    "echo": 'Echo: "Tom & Jerry" <b>not bold</b> talks',
}
DAYS = {"2024-03-01": ["alpha", "bravo"], "2024-03-02": ["charlie", "delta"], "2024-03-05": ["echo"]}


def offsite_files() -> dict[str, str | bytes]:
    ru = {"countries": ["Russia", "Turkey"], "weapon_systems": ["S-400"]}
    return {
        "briefing.toml": 'title = "Offsite Digest"\ndescription = "Briefings for paper, mail and feeds."\n',
        "content/images/alpha.jpg": photo_bytes(),
        "content/alpha.md": entry_md(
            "alpha",
            HEADLINES["alpha"],
            "2024-03-01T09:00:00Z",
            summary="Russia starts delivering S-400 batteries to Turkey.",
            tags=["Russia", "S-400", "Turkey"],
            entities=ru,
            image={
                "alt": "A launcher on parade",
                "caption": "A 5P85T2 launcher",
                "credit": "Vitaly Kuzmin",
                "file": "images/alpha.jpg",
            },
            body=long_body(),
        ),
        "content/bravo.md": entry_md(
            "bravo",
            HEADLINES["bravo"],
            "2024-03-01T15:00:00Z",
            summary="A second battery follows.",
            tags=["Russia", "S-400"],
            entities={"countries": ["Russia"], "weapon_systems": ["S-400"]},
            body="The second battery arrived by sea.\n",
        ),
        "content/charlie.md": entry_md(
            "charlie",
            HEADLINES["charlie"],
            "2024-03-02T08:00:00Z",
            summary="An exercise near the border.",
            tags=["Russia"],
            entities={"countries": ["Russia"]},
            body="Troops exercised for three days.\n",
        ),
        "content/delta.md": entry_md(
            "delta",
            HEADLINES["delta"],
            "2024-03-02T12:00:00Z",
            summary="Allies meet in Brussels.",
            tags=["NATO"],
            entities={"organisations": ["NATO"]},
            image={"alt": "", "caption": "", "credit": "NATO Photo"},
            body="The summit opened with a minute of silence.\n",
        ),
        "content/echo.md": entry_md(
            "echo",
            HEADLINES["echo"],
            "2024-03-05T10:00:00Z",
            summary="Talks & more talks.",
            tags=["NATO", "Turkey"],
            entities={"organisations": ["NATO"], "countries": ["Turkey"]},
            body="Talks went on & on.\n\n> The minister said talks would go on.\n",
        ),
    }


def write_site(root: Path, files: dict[str, str | bytes]) -> Path:
    for relative, data in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return root
