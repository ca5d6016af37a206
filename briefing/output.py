"""The one writer of public/: stage a complete new site, then swap it in at once.

A build renders changed files into a staging folder beside the output, on
the same file system, links in the unchanged ones from the current site
(hard links: no copy), and then exchanges the two folders in one system
call. At every instant the output folder is the complete old site or the
complete new one, whether the build is killed, interrupted or fails to
write; nothing in the output folder is ever written in place.

On Linux the swap is renameat2(RENAME_EXCHANGE) and on macOS
renamex_np(RENAME_SWAP): one atomic step. Elsewhere, or on a file system
that refuses them, it is two renames; between them (microseconds) the
output folder is absent, never mixed, and a build killed right there is
repaired by the next one, which puts the old site back before anything else.

A symlinked output folder (public/ -> /srv/www/site) keeps its link: the
swap happens at the folder it points to.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from briefing.errors import BuildError

STAGING = "staging"
PREVIOUS = "previous"  # the old site between the two renames of the fallback swap
# As open(path, "wb"): created or truncated, binary (Windows), not inherited by children.
_WRITE_FLAGS = (
    os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
)


@dataclass
class Stage:
    """The next site, written file by file, committed in one swap with `target`."""

    root: Path  # the staging folder, on the same file system as target
    target: Path  # the real output folder (symlinks resolved)
    folders: set[str] = field(default_factory=set)  # made in this process

    @property
    def public(self) -> Path:
        return self.target

    def write(self, relative: str, data: bytes) -> tuple[int, int]:
        """Stage one file; its (size, mtime), which committing it keeps."""
        target = os.path.join(self.root, relative)
        try:
            self._folder_of(target)
            # A plain descriptor: open()'s buffered file asks whether it is a terminal and
            # where it stands (two system calls per file, for 10,000s of files), and buffers
            # bytes that are written at once anyway.
            fd = os.open(target, _WRITE_FLAGS, 0o666)
            try:
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view) :]
                stat = os.fstat(fd)  # after the last write: its size and time
            finally:
                os.close(fd)
            return stat.st_size, stat.st_mtime_ns
        except OSError as exc:
            raise _write_error(exc, relative, self.root) from exc

    def _folder_of(self, path: str) -> None:
        folder = os.path.dirname(path)
        if folder not in self.folders:
            os.makedirs(folder, exist_ok=True)
            self.folders.add(folder)

    def keep(self, files: list[str]) -> None:
        """Carry files unchanged from the current site into the next one.

        Hard links cost one directory entry each and keep size and mtime, which the
        build cache compares; a file system without them gets copies (mtime kept).
        """
        source_root = str(self.target) + os.sep
        stage_root = str(self.root) + os.sep
        for relative in files:
            source, copy = source_root + relative, stage_root + relative
            try:
                self._folder_of(copy)
                try:
                    os.link(source, copy, follow_symlinks=False)
                except OSError as exc:
                    if exc.errno == errno.ENOENT:
                        raise
                    shutil.copy2(source, copy, follow_symlinks=False)
            except OSError as exc:
                raise _write_error(exc, relative, self.root) from exc

    def commit(self) -> None:
        """Make the staged folder the output folder, in one step; the old site is deleted."""
        self.root.mkdir(parents=True, exist_ok=True)  # a site of no files is still a site
        try:
            self.target.parent.mkdir(parents=True, exist_ok=True)  # a nested output_dir
            if not self.target.exists():
                os.rename(self.root, self.target)
                return
            if not _exchange(self.root, self.target):
                previous = self.root.parent / f"{self.root.name}.{PREVIOUS}"
                os.rename(self.target, previous)  # from here to the next line: no output folder
                os.rename(self.root, self.target)
                os.rename(previous, self.root)
        except OSError as exc:
            raise BuildError(
                f"cannot replace the output folder: {exc.strerror}",
                self.target,
                hint="check permissions on the folder that holds it; the published site is unchanged",
            ) from exc
        shutil.rmtree(self.root, ignore_errors=True)  # now the old site


def _write_error(exc: OSError, relative: str, where: Path) -> BuildError:
    reason = exc.strerror or str(exc)
    return BuildError(
        f"cannot write {relative}: {reason}",
        where,
        hint="check free disk space and permissions; the published site is unchanged",
    )


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders atomically; False where the system or file system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return False
    if sys.platform.startswith("linux") and hasattr(libc, "renameat2"):
        at_fdcwd, rename_exchange = -100, 2
        result = libc.renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    elif sys.platform == "darwin" and hasattr(libc, "renamex_np"):
        rename_swap = 2
        result = libc.renamex_np(os.fsencode(a), os.fsencode(b), rename_swap)
    else:
        return False
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP}:
        return False  # an old kernel or a file system without it: the two-rename fallback
    raise OSError(code, os.strerror(code), str(b))


def staging_folder(cache_dir: Path, target: Path) -> Path:
    """Where the next site is staged: the cache, if it shares the output's file system.

    Renames cannot cross file systems, so an output folder elsewhere (a symlink to a
    deploy disk) gets its staging folder beside it, under a name that says whose it is.
    """
    parent = target.parent
    parent.mkdir(parents=True, exist_ok=True)
    cache_dir.mkdir(parents=True, exist_ok=True)
    if os.stat(cache_dir).st_dev == os.stat(parent).st_dev:
        return cache_dir / STAGING
    return parent / f".{target.name}.briefing-{STAGING}"


def open_stage(cache_dir: Path, public: Path) -> Stage:
    """A fresh staging folder, after repairing or discarding what a killed build left.

    Only the staging folder (and the old site a fallback swap set aside) is removed:
    names that are ours alone, whatever a damaged cache says.
    """
    target = Path(os.path.realpath(public))
    root = staging_folder(cache_dir, target)
    previous = root.parent / f"{root.name}.{PREVIOUS}"
    if previous.is_dir() and not os.path.lexists(target):
        os.rename(previous, target)  # killed between the two renames: the old site comes back
    for leftover in (root, previous):
        if os.path.lexists(leftover):
            if leftover.is_dir() and not leftover.is_symlink():
                shutil.rmtree(leftover, ignore_errors=True)
            else:
                leftover.unlink()
        if os.path.lexists(leftover):
            raise BuildError(
                "cannot remove what an earlier build left here",
                leftover,
                hint="delete this folder, then build again",
            )
    return Stage(root=root, target=target)
