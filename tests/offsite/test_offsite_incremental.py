"""An edit of one briefing redoes its day's email, its briefing book and the feeds that list
it, and nothing else that is read away from the site; the result equals a clean build."""

from __future__ import annotations

import shutil
from pathlib import Path

from offsite_sites import SUB_URL, offsite_files, write_site
from sitecheck import build


def tree(public: Path) -> dict[str, bytes]:
    return {
        p.relative_to(public).as_posix(): p.read_bytes() for p in sorted(public.rglob("*")) if p.is_file()
    }


def test_editing_a_body_changes_its_days_email_book_and_feeds_and_equals_a_clean_build(tmp_path):
    site = write_site(tmp_path / "site", offsite_files())
    build(site, "--base-url", SUB_URL)
    before = tree(site / "public")
    entry = site / "content/charlie.md"
    entry.write_text(
        entry.read_text(encoding="utf-8").replace(
            "Troops exercised for three days.", "Troops exercised all week."
        ),
        encoding="utf-8",
    )
    build(site, "--base-url", SUB_URL)
    after = tree(site / "public")

    clean = tmp_path / "clean"
    shutil.copytree(site / "content", clean / "content")
    shutil.copy(site / "briefing.toml", clean / "briefing.toml")
    build(clean, "--base-url", SUB_URL)
    assert tree(clean / "public") == after, "the incremental build differs from a clean one"

    changed = {name for name in after if before.get(name) != after[name]}
    offsite = {n for n in changed if not n.startswith(("search/", "briefings/charlie/"))}
    assert offsite == {
        "2024/03/02/email.html",
        "2024/03/02/email.txt",
        "2024/03/02/print/index.html",
        "atom.xml",
        "rss.xml",
        "feed.json",
        "editions.xml",
        "tags/russia/atom.xml",
        "tags/russia/rss.xml",
        "tags/russia/feed.json",
    }, sorted(offsite)
    assert "briefings/charlie/index.html" in changed
    assert "Troops exercised all week." in after["2024/03/02/email.txt"].decode()
    assert b"Troops exercised all week." in after["tags/russia/atom.xml"]
