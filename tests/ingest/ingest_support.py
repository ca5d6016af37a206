"""Helpers for the ingest tests: running ingest as a user does and reading what it wrote.

Plain functions, no fixtures (those live in this folder's conftest.py). The shared
tests/conftest.py is a conftest, not an importable module, so it is loaded by path.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import lxml.html
import yaml

# Re-exported for this folder's tests.
from shared_support import REPO, SAMPLE_SEED, Run, run_cli, write_files  # noqa: F401

GOLDEN = Path(__file__).resolve().parent / "golden"
ENTITY_GROUPS = ("countries", "people", "organisations", "weapon_systems", "topics")
SUMMARY_LINE = re.compile(
    r"^ingest: (?P<new>\d+) new, (?P<updated>\d+) updated, (?P<unchanged>\d+) unchanged, "
    r"(?P<kept>\d+) kept \(edited by hand\), (?P<failed>\d+) failed$"
)
# A fixed, whole-second seed time: 1 March 2024 09:30:00 UTC.
FIXED_TIME = datetime(2024, 3, 1, 9, 30, tzinfo=UTC)

ARTICLE = (
    "Navy orders new frigates\n"
    "\n"
    "The navy ordered six frigates on Monday. The first ship is due in 2028.\n"
    "\n"
    "Officials said the deal was worth about two billion.\n"
)


def ingest(root: Path, *args: str, env: dict | None = None) -> Run:
    """`python -m briefing ingest --site ROOT`, asserting what every run must satisfy.

    It runs from an empty folder beside the site, never from the repo: if --site were
    ignored, ingest would write the repo's content/ instead of failing the test.
    """
    elsewhere = root.parent / "elsewhere"
    elsewhere.mkdir(exist_ok=True)
    run = run_cli("ingest", "--site", str(root), *args, cwd=elsewhere, env=env)
    assert not (elsewhere / "content").exists(), "ingest wrote to the working folder, not --site"
    assert_no_traceback(run)
    return run


def ingest_direct(root: Path, registry):
    """ingest_site in this process: for checks of what is written, where the CLI is not the point."""
    from briefing.config import load_config
    from briefing.ingest import ingest_site

    return ingest_site(load_config(root), registry=registry)


def report_counts(report) -> dict[str, int]:
    """An IngestReport's numbers, keyed like counts() reads them from the summary line."""
    return {
        "new": len(report.new),
        "updated": len(report.updated),
        "unchanged": len(report.unchanged),
        "kept": len(report.kept),
        "failed": len(report.failed),
    }


def assert_no_traceback(run: Run) -> None:
    for stream in (run.out, run.err):
        assert "Traceback" not in stream, stream
        assert "internal error" not in stream, stream
    assert run.code in (0, 1), (run.code, run.err)


def counts(run: Run) -> dict[str, int]:
    """The numbers in the summary line, which must be the last line of stdout."""
    lines = run.out.strip().splitlines()
    assert lines, f"no summary line; stderr: {run.err}"
    match = SUMMARY_LINE.match(lines[-1])
    assert match, f"last stdout line is not the summary line: {lines[-1]!r}"
    return {key: int(value) for key, value in match.groupdict().items()}


def error_lines(run: Run) -> list[str]:
    return [line for line in run.err.splitlines() if line.startswith("error:")]


def seed_time(path: Path, when: datetime = FIXED_TIME) -> None:
    stamp = when.timestamp()
    os.utime(path, (stamp, stamp))


def entries(root: Path) -> dict[str, bytes]:
    """Every file under content/ by its relative path, with its bytes."""
    content = root / "content"
    if not content.is_dir():
        return {}
    return {
        p.relative_to(content).as_posix(): p.read_bytes() for p in sorted(content.rglob("*")) if p.is_file()
    }


def tree(root: Path) -> dict[str, bytes]:
    """Every file under root, by relative path, with its bytes."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def read(path: Path) -> tuple[dict[str, Any], str]:
    """An entry's front matter (loaded safely) and its body, without using briefing's own reader."""
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), text[:80]
    end = text.index("\n---\n", 3)
    metadata = yaml.safe_load(text[4:end])
    assert isinstance(metadata, dict)
    return metadata, text[end + len("\n---\n") :]


def only_entry(root: Path) -> tuple[Path, dict[str, Any], str]:
    paths = sorted((root / "content").glob("*.md"))
    assert len(paths) == 1, [p.name for p in paths]
    metadata, body = read(paths[0])
    return paths[0], metadata, body


def entry_by_source(root: Path, source: str) -> tuple[Path, dict[str, Any], str]:
    found = []
    for path in sorted((root / "content").glob("*.md")):
        metadata, body = read(path)
        if metadata.get("seed") == source:
            found.append((path, metadata, body))
    assert len(found) == 1, f"{len(found)} entries come from {source}"
    return found[0]


def iso(value: object) -> str:
    """A front matter date as ISO 8601 text, whether YAML loaded it as text or as a date."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, date):
        return value.isoformat()
    assert isinstance(value, str), repr(value)
    return value


def rendered_paragraphs(body: str) -> list[str]:
    """The body rendered as the built site renders it, as the visible text of each <p>.

    Fails if the HTML has any element other than <p>: seed text must never become markup.
    """
    from briefing.render.markdown import MarkdownRenderer

    html = MarkdownRenderer().render(body)
    root = lxml.html.fragment_fromstring(f"<div>{html}</div>")
    tags = {element.tag for element in root.iter()} - {"div"}
    assert tags <= {"p"}, f"markup in the body: {sorted(tags)} in {html!r}"
    return [p.text_content() for p in root.iter("p")]


def check_tag_shape(metadata: dict[str, Any]) -> None:
    """tags: a flat list of names; entities: the same names grouped under the five types."""
    tags = metadata["tags"]
    entities = metadata["entities"]
    assert isinstance(tags, list) and all(isinstance(t, str) and t for t in tags), tags
    assert len(set(tags)) == len(tags), tags
    assert isinstance(entities, dict) and set(entities) == set(ENTITY_GROUPS), entities
    grouped = []
    for group in ENTITY_GROUPS:
        names = entities[group]
        assert isinstance(names, list) and all(isinstance(n, str) for n in names), (group, names)
        grouped += names
    assert sorted(set(grouped)) == sorted(tags), (tags, entities)
