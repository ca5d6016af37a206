"""serve's file watcher: system events run the right task once per save, reading runs none."""

from __future__ import annotations

import asyncio
import os
import threading
import time
from pathlib import Path

import pytest
from tornado import ioloop

import briefing.watch
from briefing.watch import EventWatcher


class Harness:
    """An EventWatcher on `root` with one recording task per watched path, on its own loop."""

    def __init__(self, root: Path, paths: list[str]) -> None:
        self.root = root
        self.runs: list[str] = []
        self.watcher = EventWatcher(root)
        for name in paths:
            self.watcher.watch(str(root / name), lambda name=name: self.runs.append(name))
        asyncio.set_event_loop(asyncio.new_event_loop())
        self.loop = ioloop.IOLoop.current()
        self.watcher._changes.append(("__livereload__", 0))  # as livereload queues at start
        self.watcher.start(self.watcher.examine)

    def run(self, action, seconds: float = 0.6) -> list[str]:
        """Do `action` from another thread while the loop runs; the tasks run meanwhile."""
        self.runs.clear()
        worker = threading.Thread(target=lambda: (time.sleep(0.15), action()))
        self.loop.call_later(seconds, self.loop.stop)
        worker.start()
        self.loop.start()
        worker.join()
        return list(self.runs)

    def close(self) -> None:
        self.watcher.stop()
        self.loop.close(all_fds=True)


@pytest.fixture
def harness(tmp_path):
    made: list[Harness] = []

    def make(paths: list[str]) -> Harness:
        made.append(Harness(tmp_path, paths))
        return made[-1]

    yield make
    for one in made:
        one.close()


def save(path: Path, text: str) -> None:
    """An editor's save: a temporary file, written, then renamed over the old one."""
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def test_a_save_runs_its_folder_task_once(tmp_path, harness):
    (tmp_path / "content").mkdir()
    (tmp_path / "seeds").mkdir()
    (tmp_path / "content/a.md").write_text("one")
    watched = harness(["content", "seeds"])
    assert watched.run(lambda: save(tmp_path / "content/a.md", "two")) == ["content"]
    assert watched.run(lambda: (tmp_path / "seeds/new.txt").write_text("x")) == ["seeds"]
    assert watched.run(lambda: (tmp_path / "content/a.md").unlink()) == ["content"]


def test_reading_files_runs_nothing(tmp_path, harness):
    (tmp_path / "content").mkdir()
    (tmp_path / "content/a.md").write_text("one")
    watched = harness(["content"])
    assert watched.run(lambda: (tmp_path / "content/a.md").read_text()) == []


def test_a_touch_counts_as_a_change(tmp_path, harness):
    (tmp_path / "content").mkdir()
    (tmp_path / "content/a.md").write_text("one")
    watched = harness(["content"])
    ahead = time.time_ns() + 10**9
    assert watched.run(lambda: os.utime(tmp_path / "content/a.md", ns=(ahead, ahead))) == ["content"]


def test_files_and_folders_made_after_the_start_are_watched(tmp_path, harness):
    watched = harness(["themes", "briefing.toml"])
    assert watched.run(lambda: (tmp_path / "themes/mine/templates").mkdir(parents=True)) == ["themes"]
    assert watched.run(lambda: (tmp_path / "themes/mine/templates/entry.html").write_text("x")) == ["themes"]
    assert watched.run(lambda: (tmp_path / "briefing.toml").write_text('title = "x"\n')) == ["briefing.toml"]


def test_output_cache_and_version_control_folders_run_nothing(tmp_path, harness):
    (tmp_path / "content/.git").mkdir(parents=True)
    watched = harness(["content"])

    def busy() -> None:
        (tmp_path / "public/briefings/x").mkdir(parents=True)
        (tmp_path / "public/briefings/x/index.html").write_text("x")
        (tmp_path / ".briefing-cache").mkdir()
        (tmp_path / ".briefing-cache/state.marshal").write_text("x")
        (tmp_path / "content/.git/index").write_text("x")

    assert watched.run(busy) == []


def test_without_system_events_it_polls(tmp_path, harness, monkeypatch):
    def refuse():
        raise OSError(28, "inotify watch limit reached")

    monkeypatch.setattr(briefing.watch, "Observer", refuse)
    (tmp_path / "content").mkdir()
    (tmp_path / "content/a.md").write_text("one")
    watched = harness(["content"])
    watched.run(lambda: None, seconds=0.4)  # the poller's first look records what is there
    assert watched.run(lambda: save(tmp_path / "content/a.md", "two")) == ["content"]


def test_a_save_made_before_the_start_is_not_lost(tmp_path):
    """serve creates its watcher, then builds (seconds on a big site), then starts watching:
    a save made meanwhile must still be rebuilt."""
    (tmp_path / "content").mkdir()
    (tmp_path / "content/a.md").write_text("one")
    runs: list[str] = []
    watcher = EventWatcher(tmp_path)
    watcher.watch(str(tmp_path / "content"), lambda: runs.append("content"))
    time.sleep(0.05)
    save(tmp_path / "content/a.md", "two")  # during the "first build"
    asyncio.set_event_loop(asyncio.new_event_loop())
    loop = ioloop.IOLoop.current()
    watcher.start(watcher.examine)
    loop.call_later(0.5, loop.stop)
    loop.start()
    watcher.stop()
    loop.close(all_fds=True)
    assert runs == ["content"]
