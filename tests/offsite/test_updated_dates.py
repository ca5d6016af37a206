"""`updated` (Atom), date_modified (JSON Feed) and the entry view's `modified` come from the
entry itself: an `updated:` line, or the text of an entry edited since ingest wrote it;
never the clock, so the same files give the same feeds."""

from __future__ import annotations

import json
import os
import shutil
from datetime import datetime
from pathlib import Path

from lxml import etree
from offsite_sites import SUB_URL
from sitecheck import build, run_cli

from briefing.ingest.writer import render_entry

ATOM = "{http://www.w3.org/2005/Atom}"
PUBLISHED = "2024-03-01T09:00:00+00:00"


def ingested(slug: str, title: str, date: str, body: str) -> str:
    """An entry file as ingest writes it, with its ingest_hash."""
    meta = {"title": title, "slug": slug, "date": date, "summary": f"About {slug}.", "tags": ["Russia"]}
    meta["entities"] = {"countries": ["Russia"]}
    return render_entry(meta, body)


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def site_files() -> dict[str, str]:
    return {
        "briefing.toml": 'title = "Dates"\n',
        "content/alpha.md": ingested("alpha", "Alpha", "2024-03-01T09:00:00Z", "The first text.\n"),
        "content/bravo.md": ingested("bravo", "Bravo", "2024-03-02T09:00:00Z", "Bravo's text.\n"),
    }


def atom_dates(public: Path) -> dict[str, tuple[str, str]]:
    tree = etree.fromstring((public / "atom.xml").read_bytes())
    return {
        e.findtext(f"{ATOM}title"): (e.findtext(f"{ATOM}published"), e.findtext(f"{ATOM}updated"))
        for e in tree.iter(f"{ATOM}entry")
    }


def json_modified(public: Path) -> dict[str, str]:
    feed = json.loads((public / "feed.json").read_text(encoding="utf-8"))
    return {item["title"]: item["date_modified"] for item in feed["items"]}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_an_unedited_entry_is_updated_when_published(tmp_path):
    root = write(tmp_path / "s", site_files())
    build(root, "--base-url", SUB_URL)
    published, updated = atom_dates(root / "public")["Alpha"]
    assert published == updated == PUBLISHED


def test_a_body_edit_moves_updated_and_date_modified_the_same_on_every_build(tmp_path):
    root = write(tmp_path / "s", site_files())
    build(root, "--base-url", SUB_URL)
    edit(root / "content/alpha.md", "The first text.", "The first text, revised.")
    build(root, "--base-url", SUB_URL)
    published, updated = atom_dates(root / "public")["Alpha"]
    assert published == PUBLISHED
    assert updated > published, "a hand edit must move <updated>"
    assert json_modified(root / "public")["Alpha"] == datetime.fromisoformat(updated).isoformat()
    assert atom_dates(root / "public")["Bravo"][0] == atom_dates(root / "public")["Bravo"][1]
    # Reproducible: a clean build of the same files, at another time and with other mtimes.
    again = tmp_path / "again"
    shutil.copytree(root / "content", again / "content")
    shutil.copy(root / "briefing.toml", again / "briefing.toml")
    os.utime(again / "content/alpha.md", (0, 0))
    build(again, "--base-url", SUB_URL)
    assert (again / "public/atom.xml").read_bytes() == (root / "public/atom.xml").read_bytes()
    assert (again / "public/feed.json").read_bytes() == (root / "public/feed.json").read_bytes()
    # A second edit moves it again; undoing the edit brings back the first stamp.
    edit(root / "content/alpha.md", "The first text, revised.", "The first text, revised twice.")
    build(root, "--base-url", SUB_URL)
    second = atom_dates(root / "public")["Alpha"][1]
    assert second != updated
    edit(root / "content/alpha.md", "The first text, revised twice.", "The first text, revised.")
    build(root, "--base-url", SUB_URL)
    assert atom_dates(root / "public")["Alpha"][1] == updated


def test_an_updated_line_is_the_editors_word(tmp_path):
    files = site_files()
    files["content/alpha.md"] = files["content/alpha.md"].replace(
        "summary:", "updated: 2024-05-06T07:08:09Z\nsummary:"
    )
    root = write(tmp_path / "s", files)
    build(root, "--base-url", SUB_URL)
    assert atom_dates(root / "public")["Alpha"][1] == "2024-05-06T07:08:09+00:00"
    assert json_modified(root / "public")["Alpha"] == "2024-05-06T07:08:09+00:00"
    # Hugo's name for it works too.
    edit(root / "content/alpha.md", "updated:", "lastmod:")
    build(root, "--base-url", SUB_URL)
    assert atom_dates(root / "public")["Alpha"][1] == "2024-05-06T07:08:09+00:00"


def test_an_updated_line_before_the_date_is_an_error_naming_the_file_and_line(tmp_path):
    files = site_files()
    files["content/alpha.md"] = files["content/alpha.md"].replace("summary:", "updated: 2020-01-01\nsummary:")
    root = write(tmp_path / "s", files)
    run = run_cli("build", "--site", str(root))
    assert run.code != 0
    assert "Traceback" not in run.err
    number = (root / "content/alpha.md").read_text(encoding="utf-8").splitlines().index(
        "updated: 2020-01-01"
    ) + 1
    line = [ln for ln in run.err.splitlines() if "alpha.md" in ln]
    assert line and "updated" in line[0] and f":{number}" in line[0], run.err
