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

The swap leaves the old site in the staging folder. Rather than delete it (at
10,000 entries removing 18,000 folders took 5 s) and link every unchanged file
into an empty folder again, the next build brings that retired site up to date:
`retired.json` beside it names the files in which it differs from the output
folder (what the last build wrote or removed), and only those are relinked. The
note is removed before the folder is touched and written again only once the
folder is consistent, so a build killed in between finds no note and starts
from an empty folder, as before.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import hashlib
import json
import os
import shutil
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from briefing.errors import BuildError

STAGING = "staging"
PREVIOUS = "previous"  # the old site between the two renames of the fallback swap
RETIRED = "retired.json"  # how the old site left in the staging folder differs from the output
# As open(path, "wb"): created or truncated, binary (Windows), not inherited by children.
_WRITE_FLAGS = (
    os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
)


@dataclass(frozen=True)
class Retired:
    """The last site, left in the staging folder by the swap, and where it differs from public/."""

    differs: tuple[str, ...]  # files the last build wrote or removed
    outputs: str  # digest of the output list public/ was built with


@dataclass
class Stage:
    """The next site, written file by file, committed in one swap with `target`."""

    root: Path  # the staging folder, on the same file system as target
    target: Path  # the real output folder (symlinks resolved)
    folders: set[str] = field(default_factory=set)  # made in this process
    retired: Retired | None = None  # the old site in `root`, until `prepare` brings it up to date
    reused: bool = False  # `root` holds the current site as hard links: write replaces, keep skips

    @property
    def public(self) -> Path:
        return self.target

    def prepare(self, known: Iterable[str], removed: Iterable[str]) -> None:
        """Before the first write: make a retired site in `root` equal to public/ minus `removed`.

        `known` is what the build cache says public/ holds; a retired site made for another
        list (a discarded cache, another output folder) is cleared instead.
        """
        retired, self.retired = self.retired, None
        if retired is None:
            return
        _forget(self.root)
        if retired.outputs != outputs_digest(known):
            self._clear()
            return
        try:
            for relative in retired.differs:
                self._relink(relative)
            for relative in removed:
                self._drop(relative)
        except OSError:
            self._clear()
            return
        self.reused = True

    def abandon(self, planned: Iterable[str], removed: Iterable[str], known: Iterable[str]) -> None:
        """A build failed after `prepare`: public/ is as it was, and `root` differs from it at
        most in the files the build planned to write or remove; note that for the next one."""
        if self.reused:
            _note(self.root, self.target, {*planned, *removed}, known)

    def _relink(self, relative: str) -> None:
        self._drop(relative)
        source = os.path.join(self.target, relative)
        if os.path.lexists(source):
            copy = os.path.join(self.root, relative)
            self._folder_of(copy)
            os.link(source, copy, follow_symlinks=False)

    def _drop(self, relative: str) -> None:
        """Remove a file of the old site, and the folders it leaves empty (a clean build has none)."""
        path = os.path.join(self.root, relative)
        try:
            os.unlink(path)
        except FileNotFoundError:
            return
        folder, top = os.path.dirname(path), str(self.root)
        while folder != top and folder.startswith(top):
            try:
                os.rmdir(folder)
            except OSError:
                break
            self.folders.discard(folder)
            folder = os.path.dirname(folder)

    def _clear(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
        self.folders.clear()
        self.reused = False

    def write(self, relative: str, data: bytes) -> tuple[int, int]:
        """Stage one file; its (size, mtime), which committing it keeps."""
        target = os.path.join(self.root, relative)
        try:
            self._folder_of(target)
            if self.reused:  # a hard link to the published file: never write through it
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(target)
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
        A reused staging folder has every one of them already.
        """
        if self.reused:
            return
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

    def commit(self, changed: Iterable[str] = (), outputs: Iterable[str] = ()) -> None:
        """Make the staged folder the output folder, in one step.

        The old site stays in the staging folder, noted as differing from the new one in
        `changed` (written or removed), for the next build to bring up to date; `outputs`
        is the new site's list of files.
        """
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
            _note(self.root, self.target, changed, outputs)
        except OSError as exc:
            raise BuildError(
                f"cannot replace the output folder: {exc.strerror}",
                self.target,
                hint="check permissions on the folder that holds it; the published site is unchanged",
            ) from exc


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


def outputs_digest(files: Iterable[str]) -> str:
    return hashlib.sha256("\0".join(sorted(files)).encode("utf-8", "surrogateescape")).hexdigest()


def _note(root: Path, target: Path, differs: Iterable[str], outputs: Iterable[str]) -> None:
    """Write retired.json for the old site in `root` (atomically: a half note is no note)."""
    note = _note_path(root)
    data = {
        "folders": [_identity(root), _identity(target)],
        "differs": sorted(differs),
        "outputs": outputs_digest(outputs),
    }
    temporary = note.with_name(note.name + ".tmp")
    temporary.write_text(json.dumps(data), encoding="utf-8")
    os.replace(temporary, note)


def _note_path(root: Path) -> Path:
    return root.parent / f"{root.name}.{RETIRED}"


def _forget(root: Path) -> None:
    note = _note_path(root)
    if os.path.lexists(note):
        os.unlink(note)


def _identity(path: Path) -> list[int]:
    stat = os.stat(path, follow_symlinks=False)
    return [stat.st_dev, stat.st_ino]


def _read_retired(root: Path, target: Path) -> Retired | None:
    """The note on the old site in `root`, if it is about these very folders and reads whole."""
    note = _note_path(root)
    try:
        data = json.loads(note.read_text(encoding="utf-8"))
        folders = [_identity(root), _identity(target)]
        if data["folders"] != folders or not os.path.isdir(root) or os.path.islink(root):
            return None
        differs = data["differs"]
        if not all(isinstance(d, str) and _confined(d) for d in differs):
            return None
        return Retired(differs=tuple(differs), outputs=str(data["outputs"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _confined(relative: str) -> bool:
    """A path inside its folder: relative, no '..' step (a damaged note must not reach out)."""
    return bool(relative) and not os.path.isabs(relative) and ".." not in relative.split("/")


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
    retired = _read_retired(root, target) if os.path.lexists(target) else None
    if retired is None:
        _forget(root)
    for leftover in (previous,) if retired else (root, previous):
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
    return Stage(root=root, target=target, retired=retired)
