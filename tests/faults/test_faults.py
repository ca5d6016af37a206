"""Faults: a build or ingest killed at any moment, two builds at once, a disk that refuses writes.

In every case the last good public/ and every entry in content/ stay whole.
"""

from __future__ import annotations

import fcntl
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from permissions import can_bind_root, run_bound_by_modes
from shared_support import run_cli, write_files

BODY = "\n\n".join(f"Paragraph {n} about S-400 deliveries, talks in Ankara and prices." for n in range(12))


def entry(number: int, title: str) -> str:
    day = 1 + number % 28
    month = 1 + (number // 28) % 12
    return (
        f'---\ntitle: "{title} {number}"\nslug: entry-{number:04d}\n'
        f"date: 2024-{month:02d}-{day:02d}T{number % 24:02d}:00:00Z\n"
        f"summary: Summary of entry {number}.\ntags: [Russia, Turkey, S-400, Topic {number % 30}]\n"
        f"entities:\n  countries: [Russia, Turkey]\n  weapon_systems: [S-400]\n---\n\n{BODY}\n"
    )


def big_site(root: Path, count: int, title: str = "Entry") -> Path:
    return write_files(root, {f"content/entry-{n:04d}.md": entry(n, title) for n in range(count)})


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def start(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "briefing", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        **kwargs,
    )


def test_a_build_killed_at_any_moment_leaves_the_last_good_site_whole(tmp_path):
    root = big_site(tmp_path / "site", 400)
    assert run_cli("build", "--site", str(root)).code == 0
    good = snapshot(root / "public")
    # Retitle everything, so the next build rewrites every page, then kill it at several moments.
    big_site(root, 400, title="Retitled")
    began = time.perf_counter()
    full = start("build", "--site", str(root))
    full.wait(timeout=120)
    duration = time.perf_counter() - began
    assert full.returncode == 0
    finished = snapshot(root / "public")
    big_site(root, 400, title="Again")
    wanted = big_site(tmp_path / "wanted", 400, title="Again")
    assert run_cli("build", "--site", str(wanted)).code == 0
    new = snapshot(wanted / "public")
    for fraction in (0.05, 0.2, 0.4, 0.6, 0.8, 0.95):
        build = start("build", "--site", str(root))
        time.sleep(duration * fraction)
        build.send_signal(signal.SIGKILL)
        build.wait(timeout=30)
        now = snapshot(root / "public")
        # Killed before its commit: exactly the last good site. Killed after it: the new one.
        # The commit is one folder exchange, so there is no moment in between to allow for.
        assert now in (finished, new), f"public/ damaged by a kill at {fraction:.0%} of a build"
    assert run_cli("build", "--site", str(root)).code == 0
    assert snapshot(root / "public") == new
    assert good != finished  # the kills above were tested against a real change


def test_a_second_build_at_the_same_time_is_refused_with_a_clear_message(tmp_path):
    root = big_site(tmp_path / "site", 3)
    assert run_cli("build", "--site", str(root)).code == 0
    before = snapshot(root / "public")
    with (root / ".briefing-cache" / "lock").open("w") as held:
        fcntl.lockf(held, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a running build holds it
        second = run_cli("build", "--site", str(root))
    assert second.code == 1
    assert "another build" in second.err and "running" in second.err
    assert len(second.err.strip().splitlines()) == 1 and "Traceback" not in second.err
    assert snapshot(root / "public") == before


def _limit_file_size() -> None:
    # Writes past 2 KB fail with EFBIG, as on a full disk; the signal would kill us instead.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))


def test_a_disk_that_refuses_writes_gives_one_clear_line_and_keeps_the_site(tmp_path):
    root = big_site(tmp_path / "site", 5)
    assert run_cli("build", "--site", str(root)).code == 0
    before = snapshot(root / "public")
    big_site(root, 5, title="Retitled")
    done = subprocess.run(
        [sys.executable, "-m", "briefing", "build", "--site", str(root)],
        capture_output=True,
        text=True,
        preexec_fn=_limit_file_size,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "disk" in lines[0], lines
    assert snapshot(root / "public") == before


@pytest.mark.skipif(not can_bind_root(), reason="root ignores file modes here and cannot drop that")
def test_a_read_only_output_folder_gives_one_clear_line(tmp_path):
    root = big_site(tmp_path / "site", 3)
    assert run_cli("build", "--site", str(root)).code == 0
    before = snapshot(root / "public")
    big_site(root, 3, title="Retitled")
    (root / "public").chmod(0o555)
    try:
        done = run_bound_by_modes("build", "--site", str(root))  # as root too: modes bind it
    finally:
        (root / "public").chmod(0o755)
    assert done.code == 1 and "Traceback" not in done.err
    lines = done.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "public" in lines[0], lines
    assert snapshot(root / "public") == before


def test_ingest_killed_at_any_moment_leaves_only_whole_entries(tmp_path):
    seeds = {f"seeds/article-{n:04d}.txt": f"Title number {n}\n\n{BODY}\n" for n in range(600)}
    root = write_files(tmp_path / "site", seeds)
    for delay in (0.3, 0.8, 1.5):
        ingest = start("ingest", "--site", str(root))
        time.sleep(delay)
        ingest.send_signal(signal.SIGKILL)
        ingest.wait(timeout=30)
        for path in (root / "content").glob("*.md"):
            text = path.read_text(encoding="utf-8")
            assert text.startswith("---\n") and text.rstrip().endswith("prices."), path
    final = run_cli("ingest", "--site", str(root))
    assert final.code == 0, final.err
    entries = list((root / "content").glob("*.md"))
    assert len(entries) == 600
    leftovers = [p for p in (root / "content").iterdir() if p.name.startswith(".")]
    assert leftovers == [], "ingest left temporary files behind"
