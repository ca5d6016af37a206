"""Redirects (issue 17, point 3): aliases, a slug changed by hand and a renamed entity leave a
redirect page at the old URL, outside the sitemap and search, with no broken link anywhere."""

from __future__ import annotations

import shutil
from pathlib import Path

import lxml.html
import pytest
from publishing_support import NEW_YEAR, broken_links, build_at, entry, fail_at, files_mentioning, write_files

BASE = "https://example.org/digest/"


def files() -> dict[str, str]:
    return {
        "briefing.toml": f'title = "Desk"\nbase_url = "{BASE}"\n',
        "content/alpha.md": entry(
            "alpha", "Alpha", "2024-12-30T10:00:00Z", aliases=["alpha-old", "briefings/alpha-older/"]
        ),
        "content/bravo.md": entry(
            "bravo",
            "Bravo",
            "2024-12-29T10:00:00Z",
            tags=["Turkey"],
            entities={"countries": ["Turkey"]},
        ),
    }


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    return write_files(tmp_path / "site", files())


def redirect_of(public: Path, url: str) -> tuple[str, str, str]:
    """(refresh target, canonical, link) of the redirect page at `url`, checked for noindex."""
    doc = lxml.html.fromstring((public / url / "index.html").read_bytes())
    assert doc.xpath("//meta[@name='robots']/@content") == ["noindex"]
    (refresh,) = doc.xpath("//meta[@http-equiv='refresh']/@content")
    (canonical,) = doc.xpath("//link[@rel='canonical']/@href")
    (link,) = doc.xpath("//body//a/@href")
    return refresh.removeprefix("0; url="), canonical, link


def not_listed(public: Path, url: str) -> None:
    """A redirect page is in neither the sitemaps nor search."""
    assert BASE + url not in (public / "sitemap.xml").read_text()
    assert [f for f in files_mentioning(public, url) if f.startswith("search/") or "sitemap" in f] == []


def test_aliases_become_redirect_pages_outside_sitemap_and_search(desk: Path) -> None:
    build_at(desk, NEW_YEAR)
    public = desk / "public"
    for old in ("alpha-old", "alpha-older"):
        assert redirect_of(public, f"briefings/{old}") == (
            "../../briefings/alpha/",
            BASE + "briefings/alpha/",
            "../../briefings/alpha/",
        )
        not_listed(public, f"briefings/{old}/")
    assert broken_links(public, BASE) == []


def test_a_slug_changed_by_hand_leaves_a_redirect_that_a_fresh_clone_keeps(
    desk: Path, tmp_path: Path
) -> None:
    build_at(desk, NEW_YEAR)
    path = desk / "content/bravo.md"
    path.write_text(path.read_text().replace("slug: bravo", "slug: bravo-renamed"))
    build_at(desk, NEW_YEAR)
    public = desk / "public"
    assert redirect_of(public, "briefings/bravo")[1] == BASE + "briefings/bravo-renamed/"
    assert (desk / "redirects.yml").read_text().splitlines()[
        -1
    ] == "briefings/bravo/: briefings/bravo-renamed/"
    not_listed(public, "briefings/bravo/")
    assert broken_links(public, BASE) == []
    # The memory is a file of the site: a clone without public/ or the cache keeps the redirect.
    clone = shutil.copytree(desk, tmp_path / "clone", ignore=shutil.ignore_patterns("public", ".briefing-*"))
    build_at(clone, NEW_YEAR)
    assert redirect_of(clone / "public", "briefings/bravo")[1] == BASE + "briefings/bravo-renamed/"
    # A second move points the first one at the new place: no chains.
    path.write_text(path.read_text().replace("slug: bravo-renamed", "slug: bravo-final"))
    build_at(desk, NEW_YEAR)
    for old in ("bravo", "bravo-renamed"):
        assert redirect_of(public, f"briefings/{old}")[1] == BASE + "briefings/bravo-final/"
    assert broken_links(public, BASE) == []


def test_a_slug_given_back_to_a_new_entry_is_a_live_page_again(desk: Path) -> None:
    build_at(desk, NEW_YEAR)
    path = desk / "content/bravo.md"
    path.write_text(path.read_text().replace("slug: bravo", "slug: bravo-two"))
    build_at(desk, NEW_YEAR)
    write_files(desk, {"content/newer.md": entry("bravo", "A new Bravo", "2024-12-31T10:00:00Z")})
    build_at(desk, NEW_YEAR)
    doc = lxml.html.fromstring((desk / "public/briefings/bravo/index.html").read_bytes())
    assert doc.xpath("//h1/text()") == ["A new Bravo"]


def test_a_renamed_entity_leaves_a_redirect_at_its_old_tag_page(desk: Path) -> None:
    build_at(desk, NEW_YEAR)
    assert (desk / "public/tags/turkey/index.html").is_file()
    write_files(desk, {"entities.yml": "rename:\n  Turkey: Türkiye\n"})
    path = desk / "content/bravo.md"
    path.write_text(path.read_text().replace("Turkey", "Türkiye"))  # as re-ingesting would tag it
    build_at(desk, NEW_YEAR)
    public = desk / "public"
    assert redirect_of(public, "tags/turkey") == (
        "../../tags/turkiye/",
        BASE + "tags/turkiye/",
        "../../tags/turkiye/",
    )
    not_listed(public, "tags/turkey/")
    assert broken_links(public, BASE) == []


@pytest.mark.parametrize(
    ("file", "text", "line", "said"),
    [
        ("content/bravo.md", "aliases: [alpha]", 4, "alias 'alpha' is the slug of alpha.md"),
        (
            "content/bravo.md",
            "aliases:\n- first\n- alpha-old",
            6,
            "alias 'alpha-old' is also an alias of alpha.md",
        ),
        ("content/bravo.md", "aliases: [bravo]", 4, "alias 'bravo' is the entry's own slug"),
        ("content/bravo.md", "aliases: ['../up']", 4, "alias '../up' is not a slug"),
    ],
)
def test_colliding_or_bad_aliases_are_one_line_errors_and_public_stays(
    desk: Path, file: str, text: str, line: int, said: str
) -> None:
    build_at(desk, NEW_YEAR)
    before = {p: p.read_bytes() for p in (desk / "public").rglob("*") if p.is_file()}
    lines = (desk / file).read_text().split("\n")
    lines.insert(3, text)
    (desk / file).write_text("\n".join(lines))
    run = fail_at(desk, NEW_YEAR)
    assert f"{file}:{line}:" in run.err and said in run.err, run.err
    assert {p: p.read_bytes() for p in (desk / "public").rglob("*") if p.is_file()} == before


def test_a_broken_redirects_file_is_one_line_naming_it(desk: Path) -> None:
    write_files(desk, {"redirects.yml": "briefings/x/: briefings/alpha/\nold/: [1, 2]\n"})
    run = fail_at(desk, NEW_YEAR)
    assert "redirects.yml:2: 'old/': [1, 2] is not a pair of site paths" in run.err, run.err
    write_files(desk, {"redirects.yml": "briefings/x/: briefings/alpha/\n  - [1\n"})
    assert "redirects.yml:" in fail_at(desk, NEW_YEAR).err
