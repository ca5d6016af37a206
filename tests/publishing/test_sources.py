"""Sources (issue 17, point 6): a seed's `Source:` line becomes `source: {name, url}`, the seed
file `seed:`, and entry pages show the outlet (linked), never a seed's file name, also for
entries written before `seed:` existed."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
import yaml
from publishing_support import NEW_YEAR, broken_links, build_at, entry, fail_at, run_cli, write_files

from briefing.ingest.parse import parse_seed
from briefing.ingest.source_line import source_of
from briefing.model import Source

BODY = (
    "The Polish Army ordered 180 more K2 tanks from Hyundai Rotem, the ministry said in Warsaw.\n\n"
    "Deliveries start next year, officials added.\n"
)
ARMY = "https://www.armyrecognition.com/news/k2-poland"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Source: Army Recognition", Source("Army Recognition")),
        (f"Source: Army Recognition {ARMY}", Source("Army Recognition", ARMY)),
        (f"SOURCE - Army Recognition - {ARMY}", Source("Army Recognition", ARMY)),
        (f"Source: Army Recognition ({ARMY})", Source("Army Recognition", ARMY)),
        (f"Source: Army Recognition <{ARMY}>", Source("Army Recognition", ARMY)),
        (f"Source: Army Recognition | {ARMY}", Source("Army Recognition", ARMY)),
        (f"Source: {ARMY} (Army Recognition)", Source("Army Recognition", ARMY)),
        (f"Source: {ARMY}.", Source("armyrecognition.com", ARMY)),
        (
            "Source: www.navalnews.com/x?a=1&b=2",
            Source("navalnews.com", "https://www.navalnews.com/x?a=1&b=2"),
        ),
    ],
)
def test_the_documented_source_line_forms(line: str, expected: Source) -> None:
    assert source_of(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Source: a senior official at the ministry said the deal would go ahead next year.",
        "Source: javascript:alert(1)",
        "Source: <script>alert(1)</script>",
        "Source: ftp://example.org/file",
        "Source:",
        "Sources say the deal is close.",
        f"Source: {ARMY} {ARMY}",
    ],
)
def test_lines_that_are_not_source_lines_stay_text(line: str) -> None:
    assert source_of(line) is None


@pytest.mark.parametrize(
    "seed",
    [
        f"Poland orders K2 tanks\nSource: Army Recognition {ARMY}\n\n{BODY}",
        f"Poland orders K2 tanks\n\nSource: Army Recognition {ARMY}\n\n12 March 2024\n\n{BODY}",
        f"Poland orders K2 tanks\n\n12 March 2024\nSource: Army Recognition {ARMY}\n\n{BODY}",
        f"Poland orders K2 tanks\n\n{BODY}\nSource: Army Recognition {ARMY}\n",
        f"Poland orders K2 tanks\n\n{BODY}Source: Army Recognition {ARMY}",
    ],
)
def test_a_source_line_under_the_title_or_last_is_taken_out_of_the_body(seed: str) -> None:
    article = parse_seed(seed)
    assert article.source == Source("Army Recognition", ARMY)
    assert article.paragraphs[0].startswith("The Polish Army") and len(article.paragraphs) == 2
    assert all("Source" not in paragraph for paragraph in article.paragraphs)


def test_a_source_line_in_the_middle_is_body_text() -> None:
    article = parse_seed(f"Poland orders K2 tanks\n\nLede.\n\nSource: Army Recognition\n\n{BODY}")
    assert article.source is None
    assert "Source: Army Recognition" in article.paragraphs


def _front(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def test_ingest_records_source_and_seed_and_pages_show_the_outlet_linked(tmp_path: Path) -> None:
    root = write_files(
        tmp_path,
        {
            "briefing.toml": 'base_url = "https://example.org/desk/"\n',
            "seeds/001_a4ed0c902d0feb98.txt": f"Poland orders K2 tanks\nSource: Army Recognition {ARMY}\n2024-12-30\n\n{BODY}",
            "seeds/002_77aa0c902d0feb98.txt": f"Norway buys frigates\n2024-12-30\n\n{BODY}\nSource: Naval News\n",
            "seeds/003_5bcd0c902d0feb98.txt": f"Japan tests a radar\n2024-12-30\n\n{BODY}",
        },
    )
    assert run_cli("ingest", "--site", str(root)).code == 0
    fronts = {path.stem: _front(path) for path in (root / "content").glob("*.md")}
    assert fronts["poland-orders-k2-tanks"]["source"] == {"name": "Army Recognition", "url": ARMY}
    assert fronts["poland-orders-k2-tanks"]["seed"] == "001_a4ed0c902d0feb98.txt"
    assert fronts["norway-buys-frigates"]["source"] == {"name": "Naval News"}
    assert "source" not in fronts["japan-tests-a-radar"]
    assert fronts["japan-tests-a-radar"]["seed"] == "003_5bcd0c902d0feb98.txt"

    build_at(root, NEW_YEAR)
    public = root / "public"
    page = lxml.html.fromstring((public / "briefings/poland-orders-k2-tanks/index.html").read_bytes())
    (link,) = page.xpath("//p[@class='source']/a")
    assert link.get("href") == ARMY and link.text == "Army Recognition"
    page = lxml.html.fromstring((public / "briefings/norway-buys-frigates/index.html").read_bytes())
    assert page.xpath("//p[@class='source']")[0].text_content() == "Source: Naval News"
    page = lxml.html.fromstring((public / "briefings/japan-tests-a-radar/index.html").read_bytes())
    assert not page.xpath("//p[@class='source']")
    assert not [p for p in public.rglob("*") if p.is_file() and b"0c902d0feb98" in p.read_bytes()]
    assert broken_links(public, "https://example.org/desk/") == []


def test_an_entry_written_before_seed_existed_keeps_working_and_hides_its_file_name(tmp_path: Path) -> None:
    root = write_files(
        tmp_path,
        {
            "content/old.md": entry("old", "Old entry", "2024-12-30T10:00:00Z", source="my seed 001.txt"),
            "content/named.md": entry("named", "Named", "2024-12-30T11:00:00Z", source="Defense News"),
            "content/linked.md": entry("linked", "Linked", "2024-12-30T12:00:00Z", source={"url": ARMY}),
        },
    )
    build_at(root, NEW_YEAR)
    public = root / "public"
    assert not [p for p in public.rglob("*") if p.is_file() and b"my seed 001" in p.read_bytes()]
    page = lxml.html.fromstring((public / "briefings/named/index.html").read_bytes())
    assert page.xpath("//p[@class='source']")[0].text_content() == "Source: Defense News"
    page = lxml.html.fromstring((public / "briefings/linked/index.html").read_bytes())
    assert page.xpath("//p[@class='source']/a/text()") == ["armyrecognition.com"]


@pytest.mark.parametrize(
    ("source", "words"),
    [
        ({"name": "X", "url": "javascript:alert(1)"}, "not an http(s) address"),
        ({"name": "X", "link": ARMY}, "unknown key 'link'"),
        (["Reuters"], "outlet's name or {name, url}"),
    ],
)
def test_a_bad_source_is_one_line_naming_file_and_line(tmp_path: Path, source: object, words: str) -> None:
    root = write_files(tmp_path, {"content/a.md": entry("a", "A", "2024-12-30T10:00:00Z")})
    build_at(root, NEW_YEAR)
    before = (root / "public/briefings/a/index.html").read_bytes()
    (root / "content/a.md").write_text(
        entry("a", "A", "2024-12-30T10:00:00Z", source=source), encoding="utf-8"
    )
    run = fail_at(root, NEW_YEAR)
    assert "content/a.md:" in run.err and words in run.err
    assert (root / "public/briefings/a/index.html").read_bytes() == before
