"""Shared fixtures: tiny sites built from a dict of files, and the CLI run as a user runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLE_SEEDS = REPO / "seeds"
SAMPLE_SEED = next(iter(sorted(SAMPLE_SEEDS.glob("*.txt"))))


@dataclass
class Run:
    code: int
    out: str
    err: str


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None, timeout: float = 120) -> Run:
    """`python -m briefing ARGS` in a subprocess: exit code, stdout and stderr as a user sees them."""
    environment = {**os.environ, "PYTHONWARNINGS": "ignore", **(env or {})}
    done = subprocess.run([sys.executable, "-m", "briefing", *args], cwd=cwd, env=environment,
                          capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    return Run(done.returncode, done.stdout, done.stderr)


def write_files(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return root


@pytest.fixture
def site(tmp_path: Path):
    """A factory: site({"seeds/a.txt": "..."}) -> the site's root folder."""
    def make(files: dict[str, str | bytes] | None = None) -> Path:
        root = tmp_path / "site"
        root.mkdir(exist_ok=True)
        return write_files(root, files or {})
    return make


@pytest.fixture
def sample_site(tmp_path: Path) -> Path:
    """A copy of the repo's sample site (seeds, content, config) outside the repo."""
    root = tmp_path / "sample"
    root.mkdir()
    for name in ("seeds", "content"):
        source = REPO / name
        if source.is_dir():
            for path in source.rglob("*"):
                if path.is_file():
                    target = root / path.relative_to(REPO)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(path.read_bytes())
    if (REPO / "briefing.toml").exists():
        (root / "briefing.toml").write_bytes((REPO / "briefing.toml").read_bytes())
    return root
