"""`briefing entities` end to end: ingest seeds, then list entities and candidates."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SAMPLE_SEED, run_cli

SEEDS = {
    "seeds/b.txt": ("Orvane Marine wins Baltic Sentry patrol boat order\n\n"
                    "Finland ordered patrol boats from Orvane Marine for Baltic Sentry, "
                    "the NATO mission, Defence Minister Antti Häkkänen said.\n"),
    "seeds/c.txt": ("Estonia joins Baltic Sentry\n\n"
                    "Estonia sent a ship to Baltic Sentry. Orvane Marine will maintain it.\n"),
}


def test_entities_command_lists_counts_and_candidates(site):
    root = site({**SEEDS, "seeds/a.txt": SAMPLE_SEED.read_bytes(),
                 "briefing.toml": 'title = "Test"\n'})
    ingest = run_cli("--site", str(root), "ingest")
    assert ingest.code == 0, ingest.err
    run = run_cli("--site", str(root), "entities")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[0] == "Entities across 3 entries"
    assert "  1  S-400" in lines and "  1  Vladimir Putin" in lines
    assert "  1  Finland" in lines and "  1  NATO" in lines
    candidates = lines[next(i for i, line in enumerate(lines) if line.startswith("Candidates")):]
    assert "  2  Baltic Sentry" in candidates
    assert "  2  Orvane Marine" in candidates


def test_entities_command_uses_the_site_registry(site):
    root = site({**SEEDS, "briefing.toml": 'title = "Test"\n',
                 "entities.yml": "add:\n  - {name: Baltic Sentry, type: organisations}\n"})
    assert run_cli("--site", str(root), "ingest").code == 0
    out = run_cli("--site", str(root), "entities").out
    assert "Organisations" in out and "  2  Baltic Sentry" in out.split("Candidates")[0]
    assert "Baltic Sentry" not in out.split("Candidates")[1]


def test_entities_command_on_an_empty_site(site):
    root = site({"briefing.toml": 'title = "Test"\n'})
    Path(root, "content").mkdir(exist_ok=True)
    run = run_cli("--site", str(root), "entities")
    assert run.code == 0, run.err
    assert run.out.startswith("Entities across 0 entries")
