"""File changes for `briefing serve`: the operating system's events, in livereload's shape.

livereload's own watcher polls: each time it walks every watched folder and
stats every file. On a site of 10,000 entries and their seeds one pass took
0.14 s, and serve ran one every 0.15 s: a core kept busy while nobody typed,
and up to 0.3 s between a save and its rebuild. This watcher is told of
changes by the system instead (inotify, FSEvents, ReadDirectoryChangesW, by
way of watchdog), and polls only if those cannot be had, for example when the
site has more folders than the inotify limit allows.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path

from livereload.watcher import Watcher
from tornado import ioloop
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver

log = logging.getLogger("briefing")

POLL_MS = 150  # only when system events are not available
# An editor's save is several events (a temporary file, its write, a rename): act on them
# together, a moment after the first.
SETTLE_S = 0.03
# What changes a file; reading one (open, close without writing) must not, or each build
# would set off the next.
_CHANGES = frozenset({"created", "modified", "deleted", "moved", "closed", "attrib"})


class EventWatcher(Watcher):
    """livereload's Watcher interface (watch, start, examine), fed by watchdog."""

    def __init__(self, root: Path) -> None:
        super().__init__()
        self.root = str(root)
        self._lock = threading.Lock()
        self._changed: set[str] = set()
        self._queued = False
        self._observer: BaseObserver | None = None
        self._handler: _Forward | None = None
        self._watched: set[str] = set()
        self._polling = False
        self._callback: Callable[[], None] = lambda: None

    def start(self, callback: Callable[[], None]) -> bool:
        """Start watching; livereload calls `callback` (its poll_tasks) for no other reason."""
        loop = ioloop.IOLoop.current()
        self._callback = callback
        # As a poller's first look would: take livereload's start-up "reload" (queued in
        # _changes) now, not with the first save, which it would hide.
        loop.add_callback(callback)
        try:
            self._observer = Observer()
            self._handler = _Forward(self, loop, callback)
            # The site folder itself, not below it: a folder made later (themes/) is seen,
            # and public/ with its thousands of folders is not watched.
            self._observer.schedule(self._handler, self.root, recursive=False)
            self._watch_folders()
            self._observer.start()
        except OSError as exc:
            log.warning(
                "cannot watch the site for changes (%s); checking every %d ms instead",
                exc.strerror or exc,
                POLL_MS,
            )
            self._polling = True
            ioloop.PeriodicCallback(callback, POLL_MS).start()
            return True
        # Saves made between this watcher's creation and now (during serve's first build,
        # which takes seconds on a big site) came before any event could: look for them once.
        if self.noted(self._saved_since_creation()):
            loop.add_callback(callback)
        return True

    def _saved_since_creation(self) -> list[str]:
        saved = []
        for path in self._tasks:
            if os.path.isfile(path):
                files = [path]
            else:
                files = [
                    os.path.join(folder, name) for folder, _dirs, names in os.walk(path) for name in names
                ]
            for file in files:
                try:
                    if os.stat(file).st_mtime > self._start:
                        saved.append(file)
                except OSError:
                    continue  # gone since it was listed
        return saved

    def stop(self) -> None:
        if self._observer is not None:
            self._observer.stop()

    def examine(self) -> tuple[str | None, float | None]:
        """Run the tasks whose paths changed; (a changed path, delay) as livereload expects."""
        if self._changes:
            with self._lock:
                pending = bool(self._changed)
            if pending and not self._polling:
                ioloop.IOLoop.current().add_callback(self._callback)  # their turn next
            return self._changes.pop()
        if self._polling:
            return super().examine()
        with self._lock:
            changed, self._changed, self._queued = sorted(self._changed), set(), False
        self._watch_folders()
        self.filepath = None
        delays = set()
        for path, task in self._tasks.items():
            ignore = task["ignore"]
            hits = [
                c
                for c in changed
                if (c == path or c.startswith(path + os.sep))
                and not self._in_ignored_folder(c)
                and not self.ignore(c)
                and not (ignore and ignore(c))
            ]
            if not hits:
                continue
            self.filepath = hits[0]
            if isinstance(task["delay"], float):
                delays.add(task["delay"])
            if task["func"] is not None:
                task["func"]()
        return self.filepath, max(delays) if delays else None

    def _watch_folders(self) -> None:
        """Watch each task's folder, recursively, once it exists."""
        assert self._observer is not None and self._handler is not None
        for path in self._tasks:
            if path not in self._watched and os.path.isdir(path):
                self._observer.schedule(self._handler, path, recursive=True)
                self._watched.add(path)

    def _in_ignored_folder(self, path: str) -> bool:
        return any(part in self.ignored_dirs for part in Path(path).parts)

    def noted(self, paths: list[str]) -> bool:
        """Record changed paths; True if a call to examine is not yet queued."""
        if not paths:
            return False
        with self._lock:
            self._changed.update(paths)
            queue, self._queued = not self._queued, True
        return queue


class _Forward(FileSystemEventHandler):
    """Runs in watchdog's thread: notes the paths, and asks the IOLoop to look soon."""

    def __init__(self, watcher: EventWatcher, loop: ioloop.IOLoop, callback: Callable[[], None]) -> None:
        super().__init__()
        self.watcher, self.loop, self.callback = watcher, loop, callback

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type not in _CHANGES:
            return
        paths = [os.fsdecode(event.src_path)]
        if event.event_type == "moved":
            paths.append(os.fsdecode(event.dest_path))
        if self.watcher.noted(paths):
            # add_callback is the one IOLoop method that is safe from another thread.
            self.loop.add_callback(self.loop.call_later, SETTLE_S, self.callback)
