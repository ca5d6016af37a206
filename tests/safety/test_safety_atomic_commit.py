"""Finding 7: public/ is at every instant the complete old site or the complete new one.

A warm build that rewrites every page is killed (SIGKILL) at 20 moments spread over
its run, the commit included, then interrupted (Ctrl-C) and starved of disk; public/
is checked each time, and the next build must finish the job.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

from safety_support import one_error_line, small_site, snapshot
from shared_support import run_cli

COUNT = 100


def _start(root: Path, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "briefing", "build", "--site", str(root)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        **kwargs,
    )


def _sites(tmp_path: Path) -> tuple[Path, dict[str, bytes], dict[str, bytes]]:
    """A built site whose content now asks for a full rewrite, with both snapshots."""
    root = small_site(tmp_path / "site", COUNT)
    assert run_cli("build", "--site", str(root)).code == 0
    old = snapshot(root / "public")
    wanted = small_site(tmp_path / "wanted", COUNT, title="Retitled")
    assert run_cli("build", "--site", str(wanted)).code == 0
    new = snapshot(wanted / "public")
    small_site(root, COUNT, title="Retitled")
    assert old != new and len(old) > 150
    return root, old, new


def _duration(root: Path, tmp_path: Path) -> float:
    """How long the full rewrite takes here, measured on a copy."""
    import shutil

    probe = tmp_path / "probe"
    shutil.copytree(root, probe, symlinks=True)
    began = time.perf_counter()
    done = _start(probe)
    done.wait(timeout=300)
    assert done.returncode == 0
    return time.perf_counter() - began


def test_a_full_rewrite_killed_at_twenty_moments_leaves_old_or_new(tmp_path):
    root, old, new = _sites(tmp_path)
    duration = _duration(root, tmp_path)
    seen: list[str] = []
    for step in range(20):
        build = _start(root)
        # From just after start to past the usual end: the commit comes last, its time varies.
        time.sleep(duration * (0.05 + 1.15 * step / 19))
        build.send_signal(signal.SIGKILL)
        build.wait(timeout=60)
        now = snapshot(root / "public")
        assert now in (old, new), f"public/ mixed after a kill at step {step}"
        seen.append("old" if now == old else "new")
        if now == new:  # the kill came after the commit: start again from the old site
            small_site(root, COUNT)
            assert run_cli("build", "--site", str(root)).code == 0
            small_site(root, COUNT, title="Retitled")
    assert set(seen) == {"old", "new"}, f"the kills never straddled the commit: {seen}"
    assert run_cli("build", "--site", str(root)).code == 0
    assert snapshot(root / "public") == new


def test_ctrl_c_during_a_build_leaves_the_old_site(tmp_path):
    root, old, new = _sites(tmp_path)
    duration = _duration(root, tmp_path)
    for fraction in (0.3, 0.6, 0.9):
        build = _start(root)
        time.sleep(duration * fraction)
        build.send_signal(signal.SIGINT)
        build.wait(timeout=60)
        assert snapshot(root / "public") in (old, new)
        assert "Traceback" not in build.stderr.read()
    assert run_cli("build", "--site", str(root)).code == 0
    assert snapshot(root / "public") == new


def _small_disk() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))


def test_a_write_error_leaves_the_old_site_whole(tmp_path):
    root, old, _new = _sites(tmp_path)
    build = _start(root, preexec_fn=_small_disk)
    build.wait(timeout=300)
    assert build.returncode == 1
    one_error_line(build.stderr.read())
    assert snapshot(root / "public") == old


def test_a_symlinked_public_keeps_pointing_where_it_pointed(tmp_path):
    deploy = tmp_path / "deploy" / "site"
    deploy.mkdir(parents=True)
    root = small_site(tmp_path / "site", 3, config="output_outside_site = true\n")
    (root / "public").symlink_to(deploy)
    for title in ("Entry", "Retitled"):
        small_site(root, 3, title=title)
        done = run_cli("build", "--site", str(root))
        assert done.code == 0, done.err
        assert (root / "public").is_symlink()
        assert os.readlink(root / "public") == str(deploy)
        assert title in (deploy / "index.html").read_text()
    leftovers = [p.name for p in deploy.parent.iterdir() if p.name != "site"]
    assert leftovers == []


def test_a_build_killed_between_the_two_renames_of_the_fallback_swap_gets_the_old_site_back(tmp_path):
    # Where renameat2 is missing the swap is two renames; killed between them, public/ is
    # absent and the old site waits in staging.previous. The next build, even one that
    # fails on an entry, puts it back first (before issue 13 it deleted it).
    root = small_site(tmp_path / "site", 3)
    assert run_cli("build", "--site", str(root)).code == 0
    old = snapshot(root / "public")
    cache = root / ".briefing-cache"
    (root / "public").rename(cache / "staging.previous")
    (cache / "staging").mkdir()
    (cache / "staging" / "half-written.html").write_text("<p>half")
    (root / "content" / "bad.md").write_text("---\ntitle: [unclosed\n---\n\nBody.\n")
    failed = run_cli("build", "--site", str(root))
    assert failed.code == 1 and "bad.md" in one_error_line(failed.err)
    assert snapshot(root / "public") == old
    (root / "content" / "bad.md").unlink()
    assert run_cli("build", "--site", str(root)).code == 0
    assert snapshot(root / "public") == old
    assert sorted(p.name for p in cache.iterdir() if p.name.startswith("staging")) == []


def test_the_two_rename_fallback_swap_gives_the_new_site(tmp_path, monkeypatch):
    from briefing import output
    from briefing.cli import main

    root, _old, new = _sites(tmp_path)
    monkeypatch.setattr(output, "_exchange", lambda a, b: False)  # as on a system without it
    assert main(["build", "--site", str(root)]) == 0
    assert snapshot(root / "public") == new
    # The old site waits in staging, noted for the next build to bring up to date; the
    # fallback's own folder is gone.
    cache = root / ".briefing-cache"
    assert sorted(p.name for p in cache.iterdir() if p.name.startswith("staging")) == [
        "staging",
        "staging.retired.json",
    ]


def test_a_read_only_subfolder_of_public_leaves_old_or_new_and_the_next_build_works(tmp_path):
    from permissions import run_bound_by_modes

    root, old, new = _sites(tmp_path)
    locked = root / "public" / "briefings"
    locked.chmod(0o555)
    try:
        done = run_bound_by_modes("build", "--site", str(root))  # as root too: modes bind it
        assert "Traceback" not in done.err and done.code in (0, 1), done.err
        assert snapshot(root / "public") == (new if done.code == 0 else old)
    finally:
        for folder in [
            root / "public",
            *(root / "public").rglob("*"),
            *(root / ".briefing-cache").rglob("*"),
        ]:
            if folder.is_dir() and not folder.is_symlink():
                folder.chmod(0o755)
    assert run_cli("build", "--site", str(root)).code == 0
    assert snapshot(root / "public") == new
