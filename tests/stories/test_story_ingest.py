"""Ingest gives every entry its `story:`, keeps an editor's choice, and says what is wrong."""

from __future__ import annotations

from pathlib import Path

import yaml
from shared_support import run_cli, write_files
from story_texts import K2, PATRIOT, PATRIOT_REWORDED, seed


def front(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def stories(root: Path) -> dict[str, str]:
    return {p.stem: front(p).get("story") for p in sorted((root / "content").glob("*.md"))}


def ingest(root: Path) -> str:
    run = run_cli("ingest", "--site", str(root))
    assert run.code == 0, run.err
    return run.out


SLUG_A = "germany-to-send-two-more-patriot-systems-to-ukraine-as-russian-strikes-intensify"
SLUG_B = "berlin-pledges-another-pair-of-patriot-batteries-for-kyiv"
SLUG_K2 = "poland-signs-second-k2-tank-contract-with-hyundai-rotem"


def patriot_site(tmp_path: Path) -> Path:
    return write_files(
        tmp_path,
        {
            "seeds/a.txt": seed(*PATRIOT, "2026-03-01"),
            "seeds/b.txt": seed(*PATRIOT_REWORDED, "2026-03-02"),
            "seeds/k.txt": seed(*K2, "2026-03-01"),
        },
    )


def test_reports_of_one_event_share_the_earliest_reports_slug_as_story(tmp_path):
    root = patriot_site(tmp_path)
    out = ingest(root)
    assert "3 new" in out
    assert stories(root) == {SLUG_A: SLUG_A, SLUG_B: SLUG_A, SLUG_K2: SLUG_K2}
    # Written once more by the story pass, the entries are still ingest's own: a re-run changes nothing.
    assert "0 new, 0 updated, 3 unchanged" in ingest(root)


def test_an_earlier_report_arriving_later_renames_the_story_after_itself(tmp_path):
    root = write_files(tmp_path, {"seeds/b.txt": seed(*PATRIOT_REWORDED, "2026-03-02")})
    ingest(root)
    assert stories(root) == {SLUG_B: SLUG_B}
    write_files(root, {"seeds/a.txt": seed(*PATRIOT, "2026-03-01")})
    out = ingest(root)
    assert "1 new, 1 updated" in out
    assert stories(root) == {SLUG_A: SLUG_A, SLUG_B: SLUG_A}


def test_an_editors_story_is_kept_set_or_cleared(tmp_path):
    root = patriot_site(tmp_path)
    ingest(root)
    k2 = root / "content" / f"{SLUG_K2}.md"
    k2.write_text(k2.read_text().replace(f"story: {SLUG_K2}", f"story: {SLUG_A}"))
    b = root / "content" / f"{SLUG_B}.md"
    b.write_text(b.read_text().replace(f"story: {SLUG_A}\n", ""))
    out = ingest(root)
    assert "2 kept" in out
    found = stories(root)
    assert found[SLUG_K2] == SLUG_A and found[SLUG_B] is None and found[SLUG_A] == SLUG_A


def test_the_threshold_is_a_setting(tmp_path):
    root = patriot_site(tmp_path)
    write_files(root, {"briefing.toml": "story_threshold = 0.95\n"})
    ingest(root)
    assert stories(root)[SLUG_B] == SLUG_B


def test_a_wrong_threshold_is_one_line_naming_the_config_line(tmp_path):
    root = patriot_site(tmp_path)
    write_files(root, {"briefing.toml": 'title = "x"\nstory_threshold = "high"\n'})
    run = run_cli("ingest", "--site", str(root))
    assert run.code == 1
    assert len(run.err_lines) == 1 and "briefing.toml:2" in run.err and "story_threshold" in run.err
    assert "Traceback" not in run.err


def test_new_story_rules_find_the_stories_again_though_no_entry_changed(tmp_path):
    import marshal

    from briefing.stories import RULES

    root = patriot_site(tmp_path)
    ingest(root)
    quiet = run_cli("ingest", "--verbose", "--site", str(root))
    assert "ingest: stories of" not in quiet.err  # nothing changed: no detection
    cache = root / ".briefing-cache" / "stories.marshal"
    data = marshal.loads(cache.read_bytes())
    assert data["settings"][-1] == RULES
    data["settings"] = (*data["settings"][:-1], RULES - 1)  # as an older release left it
    cache.write_bytes(marshal.dumps(data, 2))
    again = run_cli("ingest", "--verbose", "--site", str(root))
    assert again.code == 0 and "ingest: stories of 3 entries" in again.err
    assert stories(root) == {SLUG_A: SLUG_A, SLUG_B: SLUG_A, SLUG_K2: SLUG_K2}
