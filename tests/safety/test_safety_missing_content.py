"""Finding 6: a missing or unreadable content/ is an error, and the published site stays."""

from __future__ import annotations

import shutil

import pytest
from permissions import can_bind_root, run_bound_by_modes
from safety_support import one_error_line, small_site, snapshot
from shared_support import run_cli


def test_a_missing_content_folder_is_an_error_and_keeps_public(tmp_path):
    root = small_site(tmp_path / "site", count=3)
    assert run_cli("build", "--site", str(root)).code == 0
    before = snapshot(root / "public")
    shutil.rmtree(root / "content")
    done = run_cli("build", "--site", str(root))
    assert done.code == 1
    assert "content" in one_error_line(done.err)
    assert snapshot(root / "public") == before


@pytest.mark.skipif(not can_bind_root(), reason="root ignores file modes here and cannot drop that")
def test_an_unreadable_content_folder_is_an_error_and_keeps_public(tmp_path):
    root = small_site(tmp_path / "site", count=3)
    assert run_cli("build", "--site", str(root)).code == 0
    before = snapshot(root / "public")
    (root / "content").chmod(0o000)
    try:
        done = run_bound_by_modes("build", "--site", str(root))  # as root too: modes bind it
    finally:
        (root / "content").chmod(0o755)
    assert done.code == 1
    assert "content" in one_error_line(done.err)
    assert snapshot(root / "public") == before


@pytest.mark.skipif(not can_bind_root(), reason="root ignores file modes here and cannot drop that")
def test_an_unreadable_subfolder_of_content_is_an_error(tmp_path):
    root = small_site(tmp_path / "site", count=3)
    (root / "content" / "2024").mkdir()
    (root / "content" / "2024" / "x.md").write_text((root / "content" / "entry-0000.md").read_text())
    assert run_cli("build", "--site", str(root)).code == 1  # duplicate slug: a real error first
    (root / "content" / "2024" / "x.md").unlink()
    assert run_cli("build", "--site", str(root)).code == 0
    before = snapshot(root / "public")
    (root / "content" / "2024").chmod(0o000)
    try:
        done = run_bound_by_modes("build", "--site", str(root))  # as root too: modes bind it
    finally:
        (root / "content" / "2024").chmod(0o755)
    assert done.code == 1
    assert "2024" in one_error_line(done.err)
    assert snapshot(root / "public") == before
