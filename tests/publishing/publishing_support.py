"""Helpers for the publishing tests (issue 17): small hand-written sites, builds at a fixed "now".

The link checker and tree comparison are the build tests' own (tests/sitecheck.py),
so every publishing feature is held to the same definition of a broken link.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from shared_support import Run, run_cli, write_files  # noqa: F401
from sitecheck import broken_links, page, snapshot, text_of, tree_differences  # noqa: F401

# 2025-01-01T00:00:00Z and a day later: "now" for the builds under test.
NEW_YEAR = 1735689600
DAY = 86400


def entry(slug: str, title: str, date: str, body: str = "", **front: object) -> str:
    """An entry file: YAML front matter (safely quoted), then a body naming the slug."""
    meta: dict = {"title": title, "slug": slug, "date": date, "tags": ["Russia", "S-400"]}
    meta["entities"] = {"countries": ["Russia"], "weapon_systems": ["S-400"]}
    meta["summary"] = f"Summary of {title}."
    meta.update(front)
    text = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{text}---\n\n{body or f'Body text of {title}.'}\n"


def build_at(root: Path, epoch: int | None, *args: str) -> Run:
    """`briefing build` with SOURCE_DATE_EPOCH (None: the clock), which must succeed."""
    env = {"SOURCE_DATE_EPOCH": str(epoch)} if epoch is not None else {}
    run = run_cli("build", "--site", str(root), *args, env=env)
    assert run.code == 0, f"build failed ({run.code}):\n{run.err}"
    assert "Traceback" not in run.err, run.err
    return run


def fail_at(root: Path, epoch: int | None, *args: str) -> Run:
    """A build that must fail as the brief says: exit 1, one line on stderr, no traceback."""
    env = {"SOURCE_DATE_EPOCH": str(epoch)} if epoch is not None else {}
    run = run_cli("build", "--site", str(root), *args, env=env)
    assert run.code == 1, f"expected exit 1, got {run.code}:\n{run.out}\n{run.err}"
    assert "Traceback" not in run.err, run.err
    assert len(run.err_lines) == 1, run.err
    return run


def files_mentioning(public: Path, *needles: str) -> list[str]:
    """Every output file (pages, feeds, sitemaps, search JSON, data exports) holding a needle."""
    found = []
    for path in sorted(public.rglob("*")):
        if path.is_file() and path.suffix in {".html", ".xml", ".json", ".txt", ".csv", ".js"}:
            data = path.read_bytes().decode("utf-8", "replace")
            if any(needle in data for needle in needles):
                found.append(path.relative_to(public).as_posix())
    return found
