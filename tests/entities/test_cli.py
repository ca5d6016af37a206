"""`briefing entities` end to end: ingest seeds, then list entities and candidates."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SAMPLE_SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_0b3f5aec0e586adc.txt"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """`python -m briefing ARGS` as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )


SEEDS = {
    "seeds/b.txt": (
        "Orvane Marine wins Harbour Lantern patrol boat order\n\n"
        "Finland ordered patrol boats from Orvane Marine for Harbour Lantern, "
        "the NATO mission, Defence Minister Antti Häkkänen said.\n"
    ),
    "seeds/c.txt": (
        "Estonia joins Harbour Lantern\n\n"
        "Estonia sent a ship to Harbour Lantern. Orvane Marine will maintain it.\n"
    ),
}


def test_entities_command_lists_counts_and_candidates(site):
    root = site({**SEEDS, "seeds/a.txt": SAMPLE_SEED.read_bytes(), "briefing.toml": 'title = "Test"\n'})
    ingest = run_cli("--site", str(root), "ingest")
    assert ingest.returncode == 0, ingest.stderr
    run = run_cli("--site", str(root), "entities")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == "Entities across 3 entries"
    assert "  1  S-400" in lines and "  1  Vladimir Putin" in lines
    assert "  1  Finland" in lines and "  1  NATO" in lines
    candidates = lines[next(i for i, line in enumerate(lines) if line.startswith("Candidates")) :]
    assert "  2  Harbour Lantern" in candidates
    assert "  2  Orvane Marine" in candidates


def test_entities_command_uses_the_site_registry(site):
    root = site(
        {
            **SEEDS,
            "briefing.toml": 'title = "Test"\n',
            "entities.yml": "add:\n  - {name: Harbour Lantern, type: organisations}\n",
        }
    )
    assert run_cli("--site", str(root), "ingest").returncode == 0
    out = run_cli("--site", str(root), "entities").stdout
    assert "Organisations" in out and "  2  Harbour Lantern" in out.split("Candidates")[0]
    assert "Harbour Lantern" not in out.split("Candidates")[1]


def test_entities_command_on_an_empty_site(site):
    root = site({"briefing.toml": 'title = "Test"\n'})
    Path(root, "content").mkdir(exist_ok=True)
    run = run_cli("--site", str(root), "entities")
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("Entities across 0 entries")
