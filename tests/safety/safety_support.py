"""Small sites for the safety tests: a few entries, a snapshot of any folder."""

from __future__ import annotations

from pathlib import Path

from shared_support import write_files


def entry(number: int, title: str = "Entry", extra: str = "") -> str:
    return (
        f'---\ntitle: "{title} {number}"\nslug: entry-{number:04d}\n'
        f"date: 2024-03-{1 + number % 28:02d}T09:00:00Z\n"
        f"summary: Summary of entry {number}.\ntags: [Russia, Topic {number % 7}]\n{extra}---\n\n"
        f"Body of entry {number}, about air defence.\n"
    )


def small_site(root: Path, count: int = 3, title: str = "Entry", config: str = "") -> Path:
    files: dict[str, str | bytes] = {f"content/entry-{n:04d}.md": entry(n, title) for n in range(count)}
    if config:
        files["briefing.toml"] = config
    return write_files(root, files)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (symlinks followed at the top only) by relative path."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def one_error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("error: ") and "Traceback" not in err and "internal error" not in err, err
    return lines[0]
