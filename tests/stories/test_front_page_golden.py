"""The front page of a site with a story of three reports, a busy day and quiet ones, byte for byte."""

from __future__ import annotations

import os
from pathlib import Path

from sitecheck import build_in_process, write_files
from story_sites import busy_day_files

GOLDEN = Path(__file__).resolve().parent / "golden" / "front.html"


def test_front_page_matches_the_golden_file(tmp_path):
    root = write_files(tmp_path, busy_day_files())
    build_in_process(root)
    built = (root / "public/index.html").read_text(encoding="utf-8")
    if os.environ.get("BRIEFING_UPDATE_GOLDEN"):
        GOLDEN.write_text(built, encoding="utf-8")
    assert built == GOLDEN.read_text(encoding="utf-8"), (
        "the front page changed; if on purpose, run with BRIEFING_UPDATE_GOLDEN=1 and review the diff"
    )
