"""Drafts, embargoes and expiry (issue 17, points 1-2): held back from every output at "now",
shown with --drafts / --future, "now" from SOURCE_DATE_EPOCH, and an embargo lifting by itself."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from publishing_support import (
    DAY,
    NEW_YEAR,
    broken_links,
    build_at,
    entry,
    fail_at,
    files_mentioning,
    page,
    run_cli,
    text_of,
    tree_differences,
    write_files,
)

# Each hidden entry has a word of its own in its body, so search's term shards can be checked too.
HIDDEN = {
    "draft-one": ("qxdraftword", {"draft": True}, "2024-12-30T09:00:00Z"),
    "embargoed-one": ("qxembargoword", {}, "2025-01-01T12:00:00Z"),  # noon on New Year's Day
    "expired-one": ("qxexpiredword", {"expires": "2024-12-31T00:00:00Z"}, "2024-12-20T09:00:00Z"),
}


def site_files() -> dict[str, str]:
    files = {
        "briefing.toml": 'title = "Newsroom"\nbase_url = "https://example.org/news/"\n',
        "content/live-one.md": entry("live-one", "Live one", "2024-12-30T08:00:00Z"),
        "content/live-two.md": entry("live-two", "Live two", "2024-12-29T08:00:00Z", expires="2026-01-01"),
    }
    for slug, (word, front, when) in HIDDEN.items():
        files[f"content/{slug}.md"] = entry(slug, f"Hidden {slug}", when, f"About {word} here.", **front)
    return files


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    return write_files(tmp_path / "site", site_files())


def needles(slug: str) -> tuple[str, ...]:
    return (slug, f"Hidden {slug}", HIDDEN[slug][0])


def test_draft_embargoed_and_expired_entries_are_in_no_output(newsroom: Path) -> None:
    run = build_at(newsroom, NEW_YEAR)
    public = newsroom / "public"
    for slug in HIDDEN:
        assert files_mentioning(public, *needles(slug)) == [], slug
        assert not (public / "briefings" / slug).exists()
    # The live ones are everywhere they should be: their page, the front page, feeds, search.
    assert "live-one" in (public / "atom.xml").read_text()
    assert "live-one" in (public / "sitemap.xml").read_text()
    assert "search/docs/0.json" in files_mentioning(public, "live-one")
    assert text_of(page(public, "briefings/live-one/").xpath("//h1")[0]) == "Live one"
    # Related briefings of a live entry never lead to a hidden one.
    related = page(public, "briefings/live-one/").xpath("//section[@class='related']//a/@href")
    assert related == ["../../briefings/live-two/"]
    assert broken_links(public, "https://example.org/news/") == []
    held = [line for line in run.out.splitlines() if "held back" in line]
    assert held == [
        "build: held back 3 entries: 1 draft (--drafts includes them), "
        "1 dated after 2025-01-01 00:00 UTC (--future includes them), 1 expired"
    ]


def test_flags_publish_drafts_and_future_entries_with_a_draft_mark(newsroom: Path) -> None:
    build_at(newsroom, NEW_YEAR, "--drafts", "--future")
    public = newsroom / "public"
    for slug in ("draft-one", "embargoed-one"):
        assert (public / "briefings" / slug / "index.html").is_file()
        assert "atom.xml" in files_mentioning(public, f"Hidden {slug}")
        assert any(p.startswith("search/terms/") for p in files_mentioning(public, HIDDEN[slug][0]))
    draft = page(public, "briefings/draft-one/")
    assert [text_of(m) for m in draft.xpath("//*[@class='draft-mark']")] == ["Draft"]
    assert draft.xpath("//meta[@name='robots']/@content") == ["noindex"]
    front = page(public, "")
    assert len(front.xpath("//*[@class='draft-mark']")) == 1  # the draft's card only
    assert page(public, "briefings/embargoed-one/").xpath("//*[@class='draft-mark']") == []
    # Expiry still holds: --future is about embargoes, not about entries taken down.
    assert files_mentioning(public, *needles("expired-one")) == []
    assert broken_links(public, "https://example.org/news/") == []


def test_a_fixed_source_date_epoch_gives_byte_identical_output(newsroom: Path, tmp_path: Path) -> None:
    other = shutil.copytree(newsroom, tmp_path / "other")
    build_at(newsroom, NEW_YEAR)
    build_at(other, NEW_YEAR)
    assert tree_differences(newsroom / "public", other / "public") == []


def test_an_embargo_passing_publishes_the_entry_on_the_next_build_with_no_file_changed(
    newsroom: Path, tmp_path: Path
) -> None:
    build_at(newsroom, NEW_YEAR)
    assert not (newsroom / "public/briefings/embargoed-one").exists()
    later = NEW_YEAR + DAY  # noon has passed
    run = build_at(newsroom, later)
    public = newsroom / "public"
    assert (public / "briefings/embargoed-one/index.html").is_file()
    assert "embargoed-one" in (public / "atom.xml").read_text()
    assert "embargoed-one" in page(public, "").xpath("//h3/a/@href")[0]  # the newest on the front page
    assert "held back 2 entries: 1 draft (--drafts includes them), 1 expired" in run.out
    # The incremental build equals a clean build at that time, byte for byte.
    clean = shutil.copytree(
        newsroom, tmp_path / "clean", ignore=shutil.ignore_patterns("public", ".briefing-*")
    )
    build_at(clean, later)
    assert tree_differences(public, clean / "public") == []


def test_an_entry_expiring_leaves_every_output_on_the_next_build(newsroom: Path) -> None:
    build_at(newsroom, NEW_YEAR)
    assert (newsroom / "public/briefings/live-two/index.html").is_file()
    build_at(newsroom, 1767225600 + 60)  # 2026-01-01T00:01Z: live-two has expired
    public = newsroom / "public"
    assert not (public / "briefings/live-two").exists()
    assert files_mentioning(public, "live-two", "Live two") == []


@pytest.mark.parametrize(
    ("key", "value", "said"),
    [
        ("draft", '"yes please"', "draft must be true or false"),
        ("expires", "next tuesday", "expires 'next tuesday' is not a date"),
        ("expires", "2024-13-45", "not valid YAML"),
    ],
)
def test_bad_publishing_fields_are_one_line_naming_file_and_line(
    newsroom: Path, key: str, value: str, said: str
) -> None:
    build_at(newsroom, NEW_YEAR)
    before = {p: p.read_bytes() for p in (newsroom / "public").rglob("*") if p.is_file()}
    text = (newsroom / "content/live-one.md").read_text()
    lines = text.split("\n")
    lines.insert(3, f"{key}: {value}")
    (newsroom / "content/live-one.md").write_text("\n".join(lines))
    run = fail_at(newsroom, NEW_YEAR)
    assert "content/live-one.md:4:" in run.err and said in run.err, run.err
    after = {p: p.read_bytes() for p in (newsroom / "public").rglob("*") if p.is_file()}
    assert after == before  # the last good public/ is intact


def test_a_bad_source_date_epoch_is_one_line(newsroom: Path) -> None:
    done = run_cli("build", "--site", str(newsroom), env={"SOURCE_DATE_EPOCH": "soon"})
    assert done.code == 1 and len(done.err_lines) == 1, done.err
    assert "SOURCE_DATE_EPOCH" in done.err and "Traceback" not in done.err
