"""The only code that writes content/: entries with a hash that tells hand edits apart.

Every entry ingest writes carries `ingest_hash`, the hash of the entry's own
text without that line. If the text no longer matches its hash, an editor
changed it, and ingest leaves it alone. The record lives in the entry itself,
so it survives clones, copies and a deleted cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
import tempfile
from pathlib import Path

import frontmatter

HASH_KEY = "ingest_hash"
_HASH_LINE = re.compile(rf"^{HASH_KEY}: ([0-9a-f]{{16}})\n", re.MULTILINE)


def render_entry(metadata: dict[str, object], body: str) -> str:
    """Front matter (in the given key order) and body, stamped with its hash."""
    post = frontmatter.Post(body)
    post.metadata.update(metadata)
    text = frontmatter.dumps(post, sort_keys=False, width=4096) + "\n"
    closing = text.index("\n---\n", 4) + 1
    stamped = f"{HASH_KEY}: {_digest(text)}\n"
    return text[:closing] + stamped + text[closing:]


def is_hand_edited(text: str) -> bool:
    """True unless the text is byte for byte what ingest wrote."""
    match = _HASH_LINE.search(text)
    if match is None:
        return True
    unstamped = text[: match.start()] + text[match.end() :]
    return _digest(unstamped) != match.group(1)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class ChangedMeanwhile(Exception):
    """The file changed (or appeared) after ingest read it: an editor saved it; keep theirs."""


# `expect` for a file that must not exist yet.
NEW_FILE = None


def write_atomic(path: Path, data: str | bytes, expect: str | bytes | object | None = ...) -> None:
    """Write via a temporary file and a rename, so a killed process leaves no half file.

    With `expect`, the file is replaced only if it still holds exactly those bytes
    (NEW_FILE: only if it still does not exist), checked right before the rename:
    an editor who saved while ingest composed the new text keeps their version, and
    ChangedMeanwhile says so. A new file is placed with link(), which refuses to
    replace one that appeared meanwhile, so that case has no window at all.

    No fsync: it would cost seconds on a large ingest and only guards against
    power loss, which a re-run of ingest repairs anyway.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _file_mode(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        # mkstemp makes the file private (0600); an entry must be as readable as any file
        # the editor saves there, or as the one it replaces.
        os.chmod(tmp, mode)
        if expect is NEW_FILE:
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise ChangedMeanwhile(path) from None
            except OSError:  # a file system without hard links: check, then rename
                if os.path.lexists(path):
                    raise ChangedMeanwhile(path) from None
                os.replace(tmp, path)
                return
            os.unlink(tmp)
            return
        if expect is not ...:
            wanted = expect.encode("utf-8") if isinstance(expect, str) else expect
            if _current(path) != wanted:
                raise ChangedMeanwhile(path)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _current(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def photo_digest(data: bytes) -> str:
    """Names the photo ingest placed, so a photo an editor replaced is told apart."""
    return hashlib.sha256(data).hexdigest()[:16]


def _file_mode(path: Path) -> int:
    """The permissions the file has, or those a new file gets under the umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def remove_stale_temporaries(folder: Path) -> None:
    """Delete what a killed ingest left half-written: only our own `.NAME.md.XXXX.tmp` files."""
    if not folder.is_dir():
        return
    for path in folder.rglob(".*.md.*.tmp"):
        with contextlib.suppress(OSError):
            path.unlink()
