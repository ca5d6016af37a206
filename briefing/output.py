"""The one writer of public/: stage every changed file, then commit them all at once.

A build renders into `.briefing-cache/staging/` and touches `public/` only
after every page rendered. Committing is a list of renames recorded first in
a journal, so a build killed while committing is finished by the next one,
and a build that fails before it leaves `public/` exactly as it was.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from briefing.errors import BuildError

JOURNAL = ".briefing-commit.json"


@dataclass
class Stage:
    """Files written for one build, waiting to be committed into `public`."""

    root: Path
    public: Path
    folders: set[str] = field(default_factory=set)  # made in this process

    def write(self, relative: str, data: bytes) -> tuple[int, int]:
        """Stage one file; its (size, mtime), which committing it keeps."""
        target = os.path.join(self.root, relative)
        try:
            folder = os.path.dirname(target)
            if folder not in self.folders:
                os.makedirs(folder, exist_ok=True)
                self.folders.add(folder)
            with open(target, "wb") as handle:
                handle.write(data)
                handle.flush()  # the stat must see the last write's size and time
                stat = os.fstat(handle.fileno())
            return stat.st_size, stat.st_mtime_ns
        except OSError as exc:
            raise BuildError(
                f"cannot write {relative}: {exc.strerror}",
                self.root,
                hint="check free disk space and permissions",
            ) from exc

    def commit(self, written: list[str], removed: list[str], replace_all: bool) -> None:
        """Make `public` hold the staged files; `replace_all` swaps the whole folder."""
        if replace_all:
            self._swap()
            return
        journal = {"moves": sorted(written), "removes": sorted(removed)}
        _write_journal(self.root, journal)
        apply_journal(self.root, self.public)

    def _swap(self) -> None:
        old = self.root.parent / "previous-public"
        shutil.rmtree(old, ignore_errors=True)
        try:
            if self.public.exists():
                os.replace(self.public, old)
            self.public.parent.mkdir(parents=True, exist_ok=True)  # a nested output_dir
            os.replace(self.root, self.public)
        except OSError as exc:
            if old.exists() and not self.public.exists():
                os.replace(old, self.public)
            raise BuildError(
                f"cannot replace the output folder: {exc.strerror}",
                self.public,
                hint="check permissions on the site folder",
            ) from exc
        shutil.rmtree(old, ignore_errors=True)


def _write_journal(stage: Path, journal: dict) -> None:
    tmp = stage / (JOURNAL + ".tmp")
    tmp.write_text(json.dumps(journal), encoding="utf-8")
    os.replace(tmp, stage / JOURNAL)


def apply_journal(stage: Path, public: Path) -> None:
    """Finish a commit: idempotent, so a crash half-way is repaired by running it again."""
    journal = json.loads((stage / JOURNAL).read_text(encoding="utf-8"))
    try:
        for relative in journal["moves"]:
            source = stage / relative
            if source.exists():
                (public / relative).parent.mkdir(parents=True, exist_ok=True)
                os.replace(source, public / relative)
        for relative in journal["removes"]:
            target = public / relative
            with contextlib.suppress(FileNotFoundError):
                target.unlink()
            _prune_empty(target.parent, public)
    except OSError as exc:
        raise BuildError(
            f"cannot update the output folder: {exc.strerror}",
            public,
            hint="check free disk space and permissions, then build again",
        ) from exc
    shutil.rmtree(stage, ignore_errors=True)


def _prune_empty(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def open_stage(cache_dir: Path, public: Path) -> Stage:
    """A fresh staging folder, after finishing or discarding what a killed build left."""
    root = cache_dir / "staging"
    if (root / JOURNAL).exists():
        apply_journal(root, public)
    shutil.rmtree(root, ignore_errors=True)
    shutil.rmtree(cache_dir / "previous-public", ignore_errors=True)
    root.mkdir(parents=True)
    return Stage(root=root, public=public)
