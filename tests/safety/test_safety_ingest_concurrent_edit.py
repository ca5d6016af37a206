"""Finding 4: an edit saved while ingest runs is never lost, even with a stale ingest memory."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from shared_support import write_files

SEEDS = {f"seeds/story-{n}.txt": f"Story number {n} on radars\n\nFirst paragraph {n}.\n" for n in range(5)}


def test_edits_saved_while_ingest_runs_are_kept(tmp_path, monkeypatch):
    from briefing.config import load_config
    from briefing.ingest import ingest_site, writer

    root = write_files(tmp_path / "site", SEEDS)
    assert ingest_site(load_config(root)).ok
    shutil.rmtree(root / ".briefing-cache")  # a clone: no ingest memory
    for n in range(5):
        (root / f"seeds/story-{n}.txt").write_text(f"Story number {n} on radars\n\nChanged paragraph {n}.\n")

    edited: dict[Path, str] = {}
    real_mkstemp = tempfile.mkstemp

    def editor_saves_now(*args, **kwargs):
        # The worst moment: ingest has read the entry and is writing its replacement.
        folder = Path(kwargs["dir"])
        name = kwargs["prefix"][1:-1]
        target = folder / name
        if target.suffix == ".md" and target.exists() and target not in edited:
            text = target.read_text().replace("First paragraph", "EDITOR'S paragraph")
            target.write_text(text)
            edited[target] = text
        return real_mkstemp(*args, **kwargs)

    monkeypatch.setattr(writer.tempfile, "mkstemp", editor_saves_now)
    report = ingest_site(load_config(root))
    assert len(edited) == 5
    for path, text in edited.items():
        assert path.read_text() == text, f"{path.name}: the editor's save was overwritten"
    assert len(report.kept) == 5
