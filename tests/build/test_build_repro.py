"""Same input, same bytes: clean builds agree, and an incremental build equals a clean one."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from sitecheck import (
    build,
    build_in_process,
    clean_copy,
    copy_built,
    entry_md,
    snapshot,
    tree_differences,
    write_files,
)
from sites import hostile_files, small_files


def written(run) -> int:
    match = re.search(r"\((\d+) written", run.out)
    assert match, f"no summary line with a written count: {run.out!r}"
    return int(match.group(1))


def rich_files() -> dict[str, str]:
    """The small site and the hostile one together: tags, photos, two months, odd characters."""
    return {**small_files(), **{k: v for k, v in hostile_files().items() if k.startswith("content/")}}


def test_two_clean_builds_in_different_folders_give_identical_bytes(tmp_path):
    first = write_files(tmp_path / "one", rich_files())
    second = write_files(tmp_path / "elsewhere" / "two", rich_files())
    build(first)
    build(second)
    assert (first / "public/search").is_dir()
    assert tree_differences(first / "public", second / "public") == []


def test_rebuilding_from_scratch_gives_identical_bytes(site, tmp_path):
    root = site(rich_files())
    build(root)
    before = snapshot(root / "public")
    shutil.rmtree(root / "public")
    shutil.rmtree(root / ".briefing-cache")
    build(root)
    after = snapshot(root / "public")
    assert sorted(after) == sorted(before)
    assert [name for name in before if before[name] != after[name]] == []


def test_sample_site_builds_are_identical_across_copies(built_sample, tmp_path):
    other = clean_copy(built_sample.root, tmp_path / "other-sample")
    build(other, "--base-url", built_sample.base_url)
    assert tree_differences(built_sample.public, other / "public") == []


def test_the_tree_comparison_notices_one_changed_byte(small, tmp_path):
    copy = shutil.copytree(small.public, tmp_path / "copy")
    css = copy / "robots.txt"
    css.write_bytes(css.read_bytes()[:-1] + b"!")
    (copy / "extra.txt").write_text("x")
    assert tree_differences(small.public, copy) == ["only in copy: extra.txt", "differs: robots.txt"]


def test_a_build_with_nothing_changed_writes_nothing(site):
    root = site(small_files())
    first = build(root)
    assert written(first) > 0
    again = build(root)
    assert written(again) == 0, again.out
    assert "0 removed" in again.out


# -- incremental builds ----------------------------------------------------------------------

ENTRY_OVERRIDE = (
    '{% extends "base.html" %}\n{% block main %}<article><h1>{{ entry.title }}</h1>'
    "{{ entry.body_html | safe }}</article>{% endblock %}\n"
)


def edit(path: str, old: str, new: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        file = root / path
        text = file.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {path}"
        file.write_text(text.replace(old, new), encoding="utf-8")

    return change


def add(files: dict[str, str]) -> Callable[[Path], None]:
    return lambda root: write_files(root, files)


def delete(path: str) -> Callable[[Path], None]:
    return lambda root: (root / path).unlink()


CHANGES: dict[str, list[Callable[[Path], None]]] = {
    "edit-an-entry-title": [edit("content/alpha.md", "Alpha: S-400 deliveries begin", "Alpha: slips")],
    "edit-an-entry-title-to-hostile-text": [
        edit("content/bravo.md", "'Bravo: second S-400 battery'", "'Bravo <script>x</script> & \"co\"'")
    ],
    "edit-an-entry-summary": [edit("content/alpha.md", "Russia starts delivering", "Russia begins sending")],
    "edit-an-entry-photo-credit": [edit("content/alpha.md", "credit: Vitaly Kuzmin", "credit: Someone Else")],
    "edit-an-entry-caption-and-source": [
        edit("content/alpha.md", "caption: A 5P85T2", "caption: The"),
        edit("content/alpha.md", "name: Alpha Wire", "name: Alpha Newswire"),
    ],
    "edit-an-entry-tag-order": [
        edit(
            "content/alpha.md",
            "- Russia\n- S-400\n- Turkey\nentities:",
            "- Turkey\n- Russia\n- S-400\nentities:",
        )
    ],
    "edit-an-entry-so-its-tag-changes-type": [
        edit("content/delta.md", "  organisations:\n  - NATO", "  topics:\n  - NATO")
    ],
    "edit-an-entry-time-within-its-day": [
        edit("content/charlie.md", "2024-03-02T08:00:00Z", "2024-03-02T11:00:00Z")
    ],
    "edit-an-entry-slug": [edit("content/alpha.md", "slug: alpha", "slug: alpha-renamed")],
    "edit-an-entry-tags": [edit("content/alpha.md", "- Turkey\nentities:", "- NATO\n- Greece\nentities:")],
    "edit-an-entry-body": [edit("content/bravo.md", "The second battery arrived.", "It arrived late.")],
    "edit-an-entry-date-to-another-month": [
        edit("content/charlie.md", "2024-03-02T08:00:00Z", "2024-05-20T08:00:00Z")
    ],
    "add-an-entry": [
        add(
            {
                "content/echo.md": entry_md(
                    "echo",
                    "Echo: new tag",
                    "2024-04-11T09:00:00Z",
                    summary="New.",
                    tags=["Russia", "Iran"],
                    entities={"countries": ["Russia", "Iran"]},
                )
            }
        )
    ],
    "add-then-delete-an-entry": [
        add({"content/echo.md": entry_md("echo", "Echo", "2024-06-01", tags=["Iran"])}),
        delete("content/echo.md"),
    ],
    "delete-an-entry-and-its-only-tag-and-month": [delete("content/delta.md")],
    "delete-every-entry": [
        delete("content/alpha.md"),
        delete("content/bravo.md"),
        delete("content/charlie.md"),
        delete("content/delta.md"),
    ],
    "rename-an-entry-file": [lambda root: (root / "content/alpha.md").rename(root / "content/a-new-name.md")],
    "add-edit-remove-a-template-override": [
        add({"themes/default/templates/entry.html": ENTRY_OVERRIDE}),
        edit("themes/default/templates/entry.html", "<h1>", '<h1 class="changed">'),
        delete("themes/default/templates/entry.html"),
    ],
    "override-a-static-asset": [
        add({"themes/default/static/assets/briefing.css": "body{}\n"}),
        delete("themes/default/static/assets/briefing.css"),
    ],
    "change-the-config-title": [edit("briefing.toml", 'title = "Small Digest"', 'title = "Renamed"')],
    "change-the-config-page-size": [
        add({"briefing.toml": "page_size = 1\n"}),
        add({"briefing.toml": "page_size = 10\n"}),
    ],
    "change-the-config-time-zone": [add({"briefing.toml": 'timezone = "Pacific/Kiritimati"\n'})],
    "change-the-config-feed-and-related-sizes": [
        add({"briefing.toml": "feed_size = 1\nrelated_count = 1\n"})
    ],
    "allow-html": [
        add(
            {
                "content/raw.md": entry_md("raw", "Raw", "2024-06-01", body="A <b>bold</b> move.\n"),
                "briefing.toml": "allow_html = true\n",
            }
        )
    ],
    "switch-to-a-custom-theme": [
        add({"themes/mine/templates/entry.html": ENTRY_OVERRIDE, "briefing.toml": 'theme = "mine"\n'})
    ],
}


@pytest.fixture
def built_base(small) -> Path:
    """The small site as built once for the session; tests copy it, never change it."""
    return small.root


def test_a_copied_built_site_needs_no_rebuild(built_base, tmp_path):
    root = copy_built(built_base, tmp_path / "copy")
    assert written(build(root)) == 0


@pytest.mark.parametrize("change", list(CHANGES))
def test_an_incremental_build_equals_a_clean_build(built_base, tmp_path, change):
    root = copy_built(built_base, tmp_path / "site")
    for number, step in enumerate(CHANGES[change]):
        step(root)
        build(root)
        clean = clean_copy(root, tmp_path / f"clean-{number}")
        build_in_process(clean)
        assert tree_differences(root / "public", clean / "public") == [], f"after step {number + 1}"
    assert written(build_in_process(root)) == 0, "a second build after the change still wrote files"


def test_an_incremental_build_under_a_new_base_url_equals_a_clean_one(built_base, tmp_path):
    root = copy_built(built_base, tmp_path / "site")
    build(root, "--base-url", "https://example.org/digest/")
    clean = clean_copy(root, tmp_path / "clean")
    build_in_process(clean, "--base-url", "https://example.org/digest/")
    assert tree_differences(root / "public", clean / "public") == []


def test_a_file_edited_in_public_is_restored_by_the_next_build(built_base, tmp_path):
    root = copy_built(built_base, tmp_path / "site")
    page = root / "public/briefings/alpha/index.html"
    good = page.read_bytes()
    page.write_bytes(b"vandalised")
    (root / "public/tags/index.html").unlink()
    build(root)
    assert page.read_bytes() == good
    assert (root / "public/tags/index.html").is_file()


def test_an_edit_that_keeps_the_size_and_time_stamp_is_still_seen(built_base, tmp_path):
    """Tools that restore time stamps (cp -p, rsync -t, tar, an edit within one clock tick on a
    coarse file system) must not leave the old entry in public/."""
    root = copy_built(built_base, tmp_path / "site")
    entry = root / "content/bravo.md"
    stat = entry.stat()
    text = entry.read_text(encoding="utf-8")
    entry.write_text(text.replace("battery arrived", "battery departs"), encoding="utf-8")
    assert entry.stat().st_size == stat.st_size
    os.utime(entry, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    build(root)
    clean = clean_copy(root, tmp_path / "clean")
    build_in_process(clean)
    assert tree_differences(root / "public", clean / "public") == []


def test_a_missing_or_stale_related_cache_file_still_gives_a_clean_build(built_base, tmp_path):
    """The related briefings live in their own cache file, read only when needed: one
    left from another state of the site, or deleted, must not leak into pages."""
    root = copy_built(built_base, tmp_path / "site")
    related = root / ".briefing-cache" / "related.marshal"
    old = related.read_bytes()
    add(
        {
            "content/echo.md": entry_md(
                "echo",
                "Echo: new tag",
                "2024-03-02T09:00:00Z",
                tags=["Russia", "S-400"],
                entities={"countries": ["Russia"]},
            )
        }
    )(root)
    build(root)
    related.write_bytes(old)  # stale: made before echo.md existed
    edit("content/alpha.md", "Alpha: S-400 deliveries begin", "Alpha: slips")(root)
    build(root)
    clean = clean_copy(root, tmp_path / "clean")
    build_in_process(clean)
    assert tree_differences(root / "public", clean / "public") == []
    related.unlink()
    edit("content/alpha.md", "Alpha: slips", "Alpha: slips again")(root)
    run = build(root)
    assert run.code == 0 and "Traceback" not in run.err
    clean = clean_copy(root, tmp_path / "clean-2")
    build_in_process(clean)
    assert tree_differences(root / "public", clean / "public") == []
