"""The build cache: never reused by other code, and its records survive the trip to disk."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from shared_support import REPO, write_files
from sites import small_files

from briefing.cache import (
    BuildState,
    EntryRecord,
    FileStamp,
    ImageRecord,
    KnownEntry,
    OutputRecord,
    PhotoStamp,
    code_fingerprint,
    fresh_state,
    load_state,
    save_state,
)


def _build_with(package_root: Path, site: Path) -> str:
    """`briefing build` run from the package copy under `package_root`; its summary line."""
    done = subprocess.run(
        [sys.executable, "-m", "briefing", "build", "--debug", "--site", str(site)],
        env={**os.environ, "PYTHONPATH": str(package_root), "PYTHONWARNINGS": "ignore"},
        cwd=package_root,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_editing_a_rendering_function_changes_the_next_builds_pages(tmp_path):
    """A filter changed in render/templates.py (not a file the cache named before) must not
    leave the old pages in public/: any change to the package is a new cache."""
    code = tmp_path / "checkout"
    shutil.copytree(REPO / "briefing", code / "briefing", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "themes" / "default", code / "themes" / "default")
    site = write_files(tmp_path / "site", small_files())
    _build_with(code, site)
    page = site / "public" / "briefings" / "alpha" / "index.html"
    before = page.read_text(encoding="utf-8")
    assert "1 March 2024" in before

    templates = code / "briefing" / "render" / "templates.py"
    source = templates.read_text(encoding="utf-8")
    marker = "def long_date(value: date | str) -> str:\n"
    assert marker in source
    edited = (
        marker + '    return "Edited " + _long_date(value)\n\n\n' + marker.replace("long_date", "_long_date")
    )
    templates.write_text(source.replace(marker, edited, 1), encoding="utf-8")
    summary = _build_with(code, site)

    after = page.read_text(encoding="utf-8")
    assert "Edited 1 March 2024" in after and "Edited" not in before
    assert " 0 written" not in summary


def test_the_code_fingerprint_covers_every_module_and_the_markdown_and_jinja_versions(tmp_path):
    package = tmp_path / "briefing"
    shutil.copytree(REPO / "briefing", package, ignore=shutil.ignore_patterns("__pycache__"))
    first = code_fingerprint(package)
    assert code_fingerprint(package) == first
    for module in sorted(package.rglob("*.py")):
        original = module.read_bytes()
        module.write_bytes(original + b"\n# edited\n")
        assert code_fingerprint(package) != first, f"{module.relative_to(package)} is not in the cache key"
        module.write_bytes(original)
    assert code_fingerprint(package) == first


def _state_with_records(folder: Path) -> BuildState:
    image = ImageRecord("A launcher", "On parade", "Vitaly Kuzmin", "images/alpha.jpg", 1200, 800)
    record = EntryRecord(
        slug="alpha",
        title="Alpha",
        published="2024-03-01T09:00:00+00:00",
        summary="Deliveries begin.",
        tags=("Russia", "S-400"),
        entities={"countries": ("Russia",), "weapon_systems": ("S-400",)},
        source=("Alpha Wire", "https://example.com/alpha"),
        image=image,
        body_key="b" * 24,
        digest="d" * 20,
        draft=False,
        expires=None,
        aliases=("old-alpha",),
        story="alpha",
        priority=2,
    )
    plain = record._replace(slug="bravo", image=None, aliases=())
    return replace(
        fresh_state(folder),
        entries={
            "alpha.md": KnownEntry(FileStamp(1, 2, 3, 4, "UTC", False), record, PhotoStamp(5, 6, 7)),
            "bravo.md": KnownEntry(FileStamp(8, 9, 10, 11, "Europe/Paris", True), plain, None),
        },
        outputs={"index.html": OutputRecord("k" * 24, 1234, 99)},
        inputs="inputs",
        structure="structure",
        cards={"alpha": "card"},
        digests={"alpha": "d" * 20},
    )


def test_cache_records_come_back_typed_and_equal(tmp_path):
    state = _state_with_records(tmp_path)
    save_state(state)
    again = load_state(tmp_path)
    assert again.entries == state.entries
    assert again.outputs == state.outputs
    assert (again.inputs, again.structure, again.cards, again.digests) == (
        "inputs",
        "structure",
        {"alpha": "card"},
        {"alpha": "d" * 20},
    )
    known = again.entries["alpha.md"]
    assert isinstance(known, KnownEntry) and isinstance(known.record, EntryRecord)
    assert isinstance(known.record.image, ImageRecord) and known.record.image.width == 1200
    assert isinstance(known.stamp, FileStamp) and isinstance(known.photo, PhotoStamp)
    assert again.entries["bravo.md"].photo is None and again.entries["bravo.md"].record.image is None
    assert isinstance(again.outputs["index.html"], OutputRecord)


def test_a_build_leaves_the_state_it_was_given_as_it_was(tmp_path):
    """Bucket stores layer changes: the previous state reads as before after the next is made."""
    state = fresh_state(tmp_path)
    first = state.bodies.with_changes(put={"aa": "<p>one</p>"}, keep={"aa"})
    second = first.with_changes(put={"aa": "<p>two</p>", "ab": "<p>three</p>"}, keep={"aa", "ab"})
    assert first.get("aa") == "<p>one</p>" and first.get("ab") is None
    assert second.get("aa") == "<p>two</p>"
    saved = second.saved()
    assert saved.get("ab") == "<p>three</p>"
    assert load_state(tmp_path).bodies.get("aa") is None  # no state.marshal: a fresh state
