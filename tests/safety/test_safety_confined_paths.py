"""Finding 5: nothing a damaged cache or an edited slug says can reach outside its folder."""

from __future__ import annotations

import json
from pathlib import Path

from photo_support import jpeg_bytes
from safety_support import small_site, snapshot
from shared_support import run_cli, write_files


def test_a_damaged_commit_journal_cannot_delete_an_entry(tmp_path):
    root = small_site(tmp_path / "site", count=3)
    assert run_cli("build", "--site", str(root)).code == 0
    staging = root / ".briefing-cache" / "staging"
    staging.mkdir(parents=True, exist_ok=True)
    victim = "../../content/entry-0001.md"
    (staging / ".briefing-commit.json").write_text(
        json.dumps({"moves": ["../../content/entry-0000.md"], "removes": [victim, "/etc/hostname"]})
    )
    before = snapshot(root / "content")
    done = run_cli("build", "--site", str(root))
    assert done.code == 0, done.err
    assert snapshot(root / "content") == before
    assert (root / "public" / "briefings" / "entry-0001" / "index.html").is_file()


def test_bad_journal_json_is_discarded_and_the_build_goes_on(tmp_path):
    root = small_site(tmp_path / "site", count=2)
    assert run_cli("build", "--site", str(root)).code == 0
    staging = root / ".briefing-cache" / "staging"
    staging.mkdir(parents=True, exist_ok=True)
    (staging / ".briefing-commit.json").write_text("{not json")
    for _ in range(2):
        done = run_cli("build", "--site", str(root))
        assert done.code == 0, done.err
        assert "Traceback" not in done.err


def test_an_entry_slug_that_climbs_out_cannot_place_a_photo_outside(tmp_path):
    root = write_files(
        tmp_path / "site",
        {
            "seeds/story.txt": "A story about radars\n\nParagraph one about radars.\n",
            "seeds/story.jpg": jpeg_bytes(),
        },
    )
    assert run_cli("ingest", "--site", str(root)).code == 0
    [entry] = (root / "content").glob("*.md")
    text = entry.read_text()
    slug_line = next(line for line in text.splitlines() if line.startswith("slug:"))
    entry.write_text(text.replace(slug_line, "slug: ../../../../OUTSIDE"))
    (root / "seeds" / "story.txt").write_text("A story about radars\n\nParagraph two, changed.\n")
    done = run_cli("ingest", "--site", str(root))
    assert done.code == 1
    assert "slug" in done.err and "Traceback" not in done.err
    assert not list(tmp_path.rglob("OUTSIDE*"))
    assert not list(Path(tmp_path.anchor).glob("OUTSIDE*"))
