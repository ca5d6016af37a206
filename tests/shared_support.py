"""What every test folder shares: the repo's paths, the CLI run as a user runs it, site files.

A plain module (tests/ is on sys.path through tests/conftest.py), so the helper
modules of each folder import it rather than loading the conftest by path.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE_SEEDS = REPO / "seeds"
SAMPLE_SEED = next(iter(sorted(SAMPLE_SEEDS.glob("*.txt"))))


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip()]


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None, timeout: float = 120) -> Run:
    """`python -m briefing ARGS` in a subprocess: exit code, stdout and stderr as a user sees them."""
    environment = {**os.environ, "PYTHONWARNINGS": "ignore", **(env or {})}
    done = subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )
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


def json_strings(value: object) -> list[str]:
    """Every string in parsed JSON, keys included, in document order."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in (*json_strings(key), *json_strings(item))]
    if isinstance(value, list):
        return [s for item in value for s in json_strings(item)]
    return []
