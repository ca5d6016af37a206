"""The command line: the summary line, the site root (here or --site), `python -m briefing`."""

from __future__ import annotations

from ingest_support import (
    ARTICLE,
    SUMMARY_LINE,
    assert_no_traceback,
    counts,
    entries,
    error_lines,
    ingest,
    only_entry,
    run_cli,
    seed_time,
    write_files,
)

ARMY = "Army buys trucks\n\nThe army bought 200 trucks on Friday.\n"
AIR = "Air force buys jets\n\nThe air force bought 12 jets.\n"
SEA = "Coast guard buys boats\n\nThe coast guard bought 30 boats.\n"


def test_summary_line_counts_every_outcome(seeds):
    root = seeds({"a.txt": ARTICLE, "b.txt": ARMY, "c.txt": AIR, "d.txt": SEA})
    assert counts(ingest(root)) == {"new": 4, "updated": 0, "unchanged": 0, "kept": 0, "failed": 0}
    # b: edited by hand; c: its seed changed; a, d: untouched; e: new; f: bad.
    b_entry = root / "content" / "army-buys-trucks.md"
    b_entry.write_text(b_entry.read_text(encoding="utf-8").replace("200", "two hundred"), encoding="utf-8")
    (root / "seeds" / "b.txt").write_text(ARMY.replace("Friday", "Thursday"))
    (root / "seeds" / "c.txt").write_text(AIR.replace("12", "14"))
    (root / "seeds" / "e.txt").write_text("Navy tests drone\n\nThe navy tested a drone.\n")
    (root / "seeds" / "f.txt").write_bytes(b"")

    run = ingest(root)

    assert run.code == 1
    assert run.out.strip().splitlines()[-1] == (
        "ingest: 1 new, 1 updated, 2 unchanged, 1 kept (edited by hand), 1 failed"
    )
    assert len(error_lines(run)) == 1


def test_summary_line_is_printed_once_and_last_on_success(seeds):
    title, rest = ARTICLE.split("\n", 1)
    root = seeds({"a.txt": f"{title}\n2024-03-01\n{rest}"})  # dated: an undated seed warns
    run = ingest(root)
    assert run.code == 0
    assert run.out.strip().splitlines() == [
        "ingest: 1 new, 0 updated, 0 unchanged, 0 kept (edited by hand), 0 failed"
    ]
    assert SUMMARY_LINE.match(run.out.strip())
    assert run.err == ""


def test_current_directory_is_the_site_root(tmp_path):
    files = {"seeds/a.txt": ARTICLE, "seeds/b.txt": ARMY}
    here, there, elsewhere = (tmp_path / name for name in ("here", "there", "elsewhere"))
    for root in (here, there):
        write_files(root, files)
        for name in files:
            seed_time(root / name)
    elsewhere.mkdir()

    by_cwd = run_cli("ingest", cwd=here)
    by_flag = run_cli("ingest", "--site", str(there), cwd=elsewhere)

    for run in (by_cwd, by_flag):
        assert_no_traceback(run)
        assert run.code == 0, run.err
        assert counts(run)["new"] == 2
    assert entries(here) == entries(there)
    assert len(entries(here)) == 2
    assert list(elsewhere.iterdir()) == []


def test_site_flag_with_relative_path(seeds, tmp_path):
    root = seeds({"a.txt": ARTICLE})
    run = run_cli("ingest", "--site", root.name, cwd=root.parent)
    assert run.code == 0, run.err
    assert only_entry(root)[1]["seed"] == "a.txt"


def test_site_flag_before_the_subcommand_works_too(seeds, tmp_path):
    root = seeds({"a.txt": ARTICLE})
    empty = tmp_path / "empty"
    empty.mkdir()
    run = run_cli("--site", str(root), "ingest", cwd=empty)
    assert not (empty / "content").exists(), "ingested the working folder instead of --site"
    assert run.code == 0, run.err
    assert counts(run)["new"] == 1


def test_missing_site_folder_is_one_line_and_status_1(tmp_path):
    run = run_cli("ingest", "--site", str(tmp_path / "nowhere"))
    assert_no_traceback(run)
    assert run.code == 1
    assert len(run.err.strip().splitlines()) == 1
    assert "nowhere" in run.err and "--site" in run.err
    assert not (tmp_path / "nowhere").exists()


def test_python_dash_m_briefing_lists_ingest():
    run = run_cli("--help")
    assert run.code == 0
    assert "ingest" in run.out
    run = run_cli("ingest", "--help")
    assert run.code == 0
    assert "--site" in run.out


def test_config_saved_with_a_bom_by_a_windows_editor_is_read(seeds):
    root = seeds({"a.txt": ARTICLE})
    (root / "briefing.toml").write_bytes(b'\xef\xbb\xbftitle = "Defence Briefing"\r\npage_size = 5\r\n')
    run = ingest(root)
    assert run.code == 0, run.err
    assert counts(run)["new"] == 1


def test_bad_config_is_one_line_naming_the_file_and_nothing_is_written(seeds):
    root = seeds({"a.txt": ARTICLE})
    (root / "briefing.toml").write_text('title = "Unclosed\n')
    run = ingest(root)
    assert run.code == 1
    assert len(run.err.strip().splitlines()) == 1
    assert "briefing.toml:1" in run.err
    assert entries(root) == {}
