"""Editor-safe: hand edits survive, untouched entries follow their seeds, nothing is deleted."""

from __future__ import annotations

import os
import stat

import pytest
from ingest_support import (
    ARTICLE,
    counts,
    entries,
    ingest,
    ingest_direct,
    only_entry,
    report_counts,
    seed_time,
)

OTHER = "Army buys trucks\n\nThe army bought 200 trucks on Friday.\n"


def _edit(path, old: str, new: str) -> bytes:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path.read_bytes()


def test_edited_entry_survives_reingest(seeds):
    root = seeds({"a.txt": ARTICLE})
    assert ingest(root).code == 0
    path, _metadata, _body = only_entry(root)
    edited = _edit(path, "Officials said", "Officials (an editor checked) said")
    seed = root / "seeds" / "a.txt"
    seed.write_text(ARTICLE.replace("six", "eight"))  # the seed changes too

    run = ingest(root)

    assert run.code == 0, run.err
    assert path.read_bytes() == edited
    assert counts(run) == {"new": 0, "updated": 0, "unchanged": 0, "kept": 1, "failed": 0}
    said = run.out + run.err
    assert "kept" in said and path.name in said, said


def test_entry_with_edited_front_matter_only_is_kept(seeds, registry):
    root = seeds({"a.txt": ARTICLE})
    assert not ingest_direct(root, registry).failed
    path, _metadata, _body = only_entry(root)
    edited = _edit(path, "title: Navy orders new frigates", "title: Navy orders six new frigates")
    (root / "seeds" / "a.txt").write_text(ARTICLE + "\nLate news.\n")

    report = ingest_direct(root, registry)

    assert path.read_bytes() == edited
    assert report_counts(report)["kept"] == 1


def test_edited_entry_is_kept_on_every_later_run(seeds, registry):
    root = seeds({"a.txt": ARTICLE})
    assert not ingest_direct(root, registry).failed
    path, _metadata, _body = only_entry(root)
    edited = _edit(path, "worth about", "worth roughly")

    for _ in range(2):
        report = ingest_direct(root, registry)
        assert report_counts(report)["kept"] == 1
        assert path.read_bytes() == edited


def test_unchanged_entry_whose_seed_changed_is_updated(seeds, registry):
    root = seeds({"a.txt": ARTICLE})
    assert not ingest_direct(root, registry).failed
    path, before, _body = only_entry(root)
    seed = root / "seeds" / "a.txt"
    seed.write_text(ARTICLE.replace("two billion", "three billion"))

    report = ingest_direct(root, registry)

    assert not report.failed, report.failed
    assert report_counts(report) == {"new": 0, "updated": 1, "unchanged": 0, "kept": 0, "failed": 0}
    same_path, after, body = only_entry(root)
    assert same_path == path
    assert "three billion" in body and "two billion" not in body
    assert after["date"] == before["date"] and after["slug"] == before["slug"]

    # The updated entry is again ingest's own: the next change to the seed updates it too.
    seed.write_text(ARTICLE.replace("two billion", "four billion"))
    assert report_counts(ingest_direct(root, registry))["updated"] == 1
    assert "four billion" in only_entry(root)[2]


def test_deleted_seed_leaves_its_entry_and_says_so(seeds):
    root = seeds({"a.txt": ARTICLE, "b.txt": OTHER})
    assert ingest(root).code == 0
    before = entries(root)
    (root / "seeds" / "b.txt").unlink()

    run = ingest(root)

    assert run.code == 0, run.err
    assert entries(root) == before
    said = run.out + run.err
    assert "army-buys-trucks.md" in said and "b.txt" in said, said
    assert "gone" in said
    assert counts(run) == {"new": 0, "updated": 0, "unchanged": 1, "kept": 0, "failed": 0}


def test_all_seeds_gone_deletes_nothing(seeds, registry):
    root = seeds({"a.txt": ARTICLE})
    assert not ingest_direct(root, registry).failed
    before = entries(root)
    (root / "seeds" / "a.txt").unlink()

    report = ingest_direct(root, registry)

    assert not report.failed
    assert entries(root) == before


def test_ingest_twice_changes_nothing_byte_for_byte(seeds):
    cp1252 = "Minister’s “plan”\r\n\r\nThe minister’s café deal – done.\r\n".encode("cp1252")
    root = seeds(
        {
            "a.txt": ARTICLE,
            "b.txt": OTHER,
            "c.txt": cp1252,
            "same.txt": ARTICLE,
            "d.txt": "Tanks\n\nLede.\n\nTanks 1 2\nA tank (Picture source: Army)\n\nMore.\n",
        }
    )
    assert counts(ingest(root))["new"] == 5
    first = entries(root)
    stamps = {p: p.stat().st_mtime_ns for p in (root / "content").iterdir()}

    run = ingest(root)

    assert counts(run) == {"new": 0, "updated": 0, "unchanged": 5, "kept": 0, "failed": 0}
    assert entries(root) == first
    assert {p: p.stat().st_mtime_ns for p in (root / "content").iterdir()} == stamps  # not rewritten


def test_ingest_writes_nothing_outside_content(seeds):
    root = seeds({"a.txt": ARTICLE, "b.txt": OTHER})
    seeds_before = {p.name: p.read_bytes() for p in (root / "seeds").iterdir()}
    listing_before = sorted(p.name for p in root.iterdir())

    assert ingest(root).code == 0

    # content/, and the site's own cache (what ingest saw, so the next run skips it).
    assert sorted(p.name for p in root.iterdir()) == sorted({*listing_before, "content", ".briefing-cache"})
    assert sorted(p.name for p in (root / ".briefing-cache").iterdir()) == [
        "entities-site.marshal",
        "ingest.marshal",
        "stories.marshal",
    ]
    assert {p.name: p.read_bytes() for p in (root / "seeds").iterdir()} == seeds_before
    assert not [p for p in (root / "content").iterdir() if not p.name.endswith(".md")]


def test_entry_deleted_by_an_editor_is_ingested_again_as_new(seeds, registry):
    root = seeds({"a.txt": ARTICLE})
    assert not ingest_direct(root, registry).failed
    path, _metadata, _body = only_entry(root)
    original = path.read_bytes()
    path.unlink()

    report = ingest_direct(root, registry)

    assert report_counts(report)["new"] == 1
    assert path.read_bytes() == original


def test_renamed_entry_keeps_following_its_seed(seeds, registry):
    root = seeds({"a.txt": ARTICLE})
    assert not ingest_direct(root, registry).failed
    path, _metadata, _body = only_entry(root)
    moved = path.with_name("frigates.md")
    path.rename(moved)
    seed = root / "seeds" / "a.txt"
    seed.write_text(ARTICLE.replace("six", "nine"))
    seed_time(seed)

    report = ingest_direct(root, registry)

    assert report_counts(report)["updated"] == 1
    assert sorted(p.name for p in (root / "content").iterdir()) == ["frigates.md"]
    assert "nine frigates" in moved.read_text(encoding="utf-8")


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_new_entries_get_ordinary_file_permissions_and_updates_keep_them(seeds):
    umask = os.umask(0o022)
    try:
        root = seeds({"a.txt": ARTICLE})
        assert ingest(root).code == 0
        path, _metadata, _body = only_entry(root)
        assert stat.S_IMODE(path.stat().st_mode) == 0o644  # not mkstemp's private 0600
        path.chmod(0o664)
        (root / "seeds" / "a.txt").write_text(ARTICLE.replace("six", "five"))

        assert counts(ingest(root))["updated"] == 1

        assert stat.S_IMODE(path.stat().st_mode) == 0o664
    finally:
        os.umask(umask)
