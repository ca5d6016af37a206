"""Every collision is reported in one run, one line each; --strict makes warnings fail."""

from __future__ import annotations

from shared_support import run_cli
from sitecheck import entry_md, write_files

GOOD = {"content/good.md": entry_md("good", "Good", "2024-03-01", tags=["Russia"])}


def test_every_slug_collision_is_named_in_one_run(tmp_path):
    root = write_files(
        tmp_path / "site",
        {
            **GOOD,
            "content/a.md": entry_md("twin", "A", "2024-03-02"),
            "content/b.md": entry_md("twin", "B", "2024-03-03"),
            "content/c.md": entry_md("other", "C", "2024-03-04"),
            "content/d.md": entry_md("other", "D", "2024-03-05"),
        },
    )
    run = run_cli("build", "--site", str(root))
    assert run.code == 1
    lines = run.err_lines
    assert len(lines) == 2, lines
    assert all(line.startswith("error: ") for line in lines), lines
    assert any("b.md:" in line and "'twin'" in line and "a.md" in line for line in lines), lines
    assert any("d.md:" in line and "'other'" in line and "c.md" in line for line in lines), lines
    assert not (root / "public").exists()


def test_every_output_path_collision_is_named_in_one_run(tmp_path):
    """A theme's static files that land where pages go: each clash is its own line."""
    root = write_files(
        tmp_path / "site",
        {
            **GOOD,
            "briefing.toml": 'title = "Clash"\ntheme = "mine"\n',
            "themes/mine/static/index.html": "<p>not the front page</p>",
            "themes/mine/static/tags/index.html": "<p>not the tag index</p>",
        },
    )
    run = run_cli("build", "--site", str(root))
    assert run.code == 1
    lines = run.err_lines
    assert len(lines) == 2, lines
    assert any("public/index.html" in line for line in lines), lines
    assert any("public/tags/index.html" in line for line in lines), lines
    assert all("two outputs would be written" in line for line in lines), lines


def test_strict_turns_a_warning_into_exit_status_1(tmp_path):
    """An entry whose seed is gone is a warning: fine normally, a failure with --strict."""
    root = write_files(
        tmp_path / "site",
        {
            "content/orphan.md": entry_md("orphan", "Orphan", "2024-03-01", source="gone.txt"),
            "seeds/.keep": "",
            # A local base_url is a warning of its own (issue 17): this site is published.
            "briefing.toml": 'base_url = "https://example.org/"\n',
        },
    )
    relaxed = run_cli("ingest", "--site", str(root))
    assert relaxed.code == 0, relaxed.err
    assert any(line.startswith("warning: ") for line in relaxed.err_lines), relaxed.err

    strict = run_cli("ingest", "--strict", "--site", str(root))
    assert strict.code == 1
    assert strict.err_lines[-1].startswith("error: ") and "--strict" in strict.err_lines[-1]

    clean = run_cli("build", "--strict", "--site", str(root))
    assert clean.code == 0, clean.err
