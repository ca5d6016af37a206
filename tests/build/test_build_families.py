"""Output that fits a host: max_files warns in one line; day_editions and list_pages leave pages out."""

from __future__ import annotations

from pathlib import Path

from shared_support import write_files
from sitecheck import broken_links, build, build_fails, clean_copy, tree_differences
from sites import ROOT_URL, paged_files

LIMITED = 'title = "Paged Digest"\npage_size = 10\nday_editions = 3\nlist_pages = 2\n'


def _site(tmp_path: Path, config: str, name: str = "site") -> Path:
    return write_files(tmp_path / name, {**paged_files(), "briefing.toml": config})


def _day_pages(public: Path) -> list[str]:
    return sorted(
        p.parent.relative_to(public).as_posix()
        for p in public.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/index.html")
    )


def test_max_files_warns_in_one_line_and_still_publishes(tmp_path: Path) -> None:
    root = _site(tmp_path, 'title = "Paged Digest"\nmax_files = 20\n')
    run = build(root)
    warnings = [line for line in (run.out + run.err).splitlines() if "max_files" in line]
    assert len(warnings) == 1, run.out + run.err
    assert "max_files = 20" in warnings[0] and "day_editions" in warnings[0]
    files = sum(1 for p in (root / "public").rglob("*") if p.is_file())
    assert f"{files:,} files" in warnings[0]
    # Nothing is left out by a warning: every entry is published.
    assert len(list((root / "public" / "briefings").glob("*/index.html"))) == 25


def test_no_warning_under_the_limit(tmp_path: Path) -> None:
    run = build(_site(tmp_path, 'title = "Paged Digest"\nmax_files = 100000\n'))
    assert "max_files" not in run.out + run.err


def test_day_editions_and_list_pages_leave_pages_out_and_no_link_breaks(tmp_path: Path) -> None:
    full, limited = _site(tmp_path, paged_files()["briefing.toml"], "full"), _site(tmp_path, LIMITED)
    build(full)
    build(limited)
    all_days, kept = _day_pages(full / "public"), _day_pages(limited / "public")
    # The newest entry is on 9 March 2024: the three days up to it keep their editions.
    assert kept == [d for d in all_days if d >= "2024/03/07"] and len(kept) < len(all_days)
    # 25 entries, 10 a page, at most 2 pages: no page 3 of the front page.
    assert (full / "public/page/3/index.html").exists()
    assert not (limited / "public/page/3/index.html").exists()
    assert (limited / "public/page/2/index.html").exists()
    # Every briefing and month edition is still there; every link resolves (fragments too).
    assert len(list((limited / "public/briefings").glob("*/index.html"))) == 25
    assert (limited / "public/2024/02/index.html").exists()
    assert broken_links(limited / "public", ROOT_URL) == []
    # A left-out day links to its section of the month edition.
    entry = (limited / "public/briefings/b01/index.html").read_text(encoding="utf-8")
    assert "2024/02/#day-2024-02-25" in entry
    sitemap = (limited / "public/sitemap.xml").read_text(encoding="utf-8")
    assert "2024/02/25/" not in sitemap and "page/3/" not in sitemap


def test_incremental_build_with_families_equals_a_clean_one(tmp_path: Path) -> None:
    root = _site(tmp_path, LIMITED)
    build(root)
    entry = root / "content" / "b25.md"
    entry.write_text(entry.read_text(encoding="utf-8").replace("Summary of", "Summary, edited, of"), "utf-8")
    (root / "content" / "b01.md").unlink()  # the oldest day loses its entry
    build(root)
    clean = clean_copy(root, tmp_path / "clean")
    build(clean)
    assert tree_differences(root / "public", clean / "public") == []


def test_negative_limit_is_an_error_naming_its_line(tmp_path: Path) -> None:
    root = _site(tmp_path, 'title = "Paged Digest"\n\nday_editions = -1\n')
    run = build_fails(root)
    assert "briefing.toml:3" in run.err and "day_editions" in run.err
