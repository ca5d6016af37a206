"""The old site the swap leaves in staging is brought up to date by the next build, not deleted
and linked again: only the files the last build changed are relinked, and whatever goes wrong
in between (a damaged note, a failed or killed build) ends in a clean staging folder."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from safety_support import entry, small_site, snapshot
from shared_support import run_cli

NOTE = ".briefing-cache/staging.retired.json"


def _build(root: Path) -> None:
    done = run_cli("build", "--site", str(root))
    assert done.code == 0, done.err


def _site_with_a_retired_copy(tmp_path: Path) -> Path:
    """A site built, edited and built again: its staging folder holds the old site, noted."""
    root = small_site(tmp_path / "site", 5)
    _build(root)
    (root / "content" / "entry-0001.md").write_text(entry(1, "Edited"))
    _build(root)
    assert (root / NOTE).exists()
    return root


def _clean_build_of(root: Path, tmp_path: Path) -> dict[str, bytes]:
    """What a first build of the same content gives."""
    clean = tmp_path / f"clean-{len(list(tmp_path.iterdir()))}"
    shutil.copytree(root / "content", clean / "content")
    _build(clean)
    return snapshot(clean / "public")


def test_builds_in_a_row_reuse_the_retired_site_and_equal_a_clean_build(tmp_path):
    root = small_site(tmp_path / "site", 12)
    _build(root)
    _build(root.parent / "site")  # nothing changed: nothing swapped
    untouched = root / "public" / "briefings" / "entry-0003" / "index.html"
    inode = untouched.stat().st_ino
    for step in range(4):  # both folders take turns as the published one
        (root / "content" / "entry-0007.md").write_text(entry(7, f"Edited {step}"))
        if step == 2:
            (root / "content" / "entry-0011.md").unlink()  # its pages leave, and their folders
        _build(root)
        assert (root / NOTE).exists()
        assert snapshot(root / "public") == _clean_build_of(root, tmp_path)
        assert not (root / "public" / "briefings" / "entry-0011").exists() or step < 2
    # An unchanged page was carried by a hard link every time, never rewritten.
    assert untouched.stat().st_ino == inode


def test_a_note_that_reaches_outside_its_folder_is_ignored(tmp_path):
    root = _site_with_a_retired_copy(tmp_path)
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me")
    note = json.loads((root / NOTE).read_text())
    note["differs"] = ["../../../outside.txt", *note["differs"]]
    (root / NOTE).write_text(json.dumps(note))
    (root / "content" / "entry-0002.md").write_text(entry(2, "Edited"))
    _build(root)
    assert outside.read_text() == "keep me"
    assert snapshot(root / "public") == _clean_build_of(root, tmp_path)


def test_a_site_changed_behind_the_builds_back_is_not_taken_for_the_retired_one(tmp_path):
    root = _site_with_a_retired_copy(tmp_path)
    # public/ replaced by a copy (a deploy script, a restore): the note is about another folder.
    shutil.copytree(root / "public", tmp_path / "copy")
    shutil.rmtree(root / "public")
    os.rename(tmp_path / "copy", root / "public")
    (root / "content" / "entry-0002.md").write_text(entry(2, "Edited"))
    _build(root)
    assert snapshot(root / "public") == _clean_build_of(root, tmp_path)


def test_a_build_that_fails_while_rendering_leaves_public_alone_and_the_next_one_right(tmp_path):
    root = _site_with_a_retired_copy(tmp_path)
    published = snapshot(root / "public")
    template = root / "themes" / "default" / "templates" / "entry.html"
    template.parent.mkdir(parents=True)
    template.write_text("{{ page.title }} {{ 1 / 0 }}")  # fails on every entry page
    (root / "content" / "entry-0002.md").write_text(entry(2, "Edited again"))
    assert run_cli("build", "--site", str(root)).code == 1
    assert snapshot(root / "public") == published
    assert (root / NOTE).exists()  # what the failed build may have touched is noted, not lost
    template.unlink()
    _build(root)
    assert snapshot(root / "public") == _clean_build_of(root, tmp_path)
