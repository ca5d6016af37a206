"""When an entry last changed, taken from the entry itself: never the clock.

Feeds (Atom <updated>, JSON Feed date_modified) and page heads (dateModified)
must move when a briefing is revised, and a build must give the same bytes for
the same files, so the time cannot be the build's clock or a file's mtime (a
clone or a copy resets those). In order:

1. `updated:` (or Hugo's `lastmod:`) in the front matter: the editor's own word.
2. An entry still exactly as ingest wrote it (its `ingest_hash` verifies):
   unrevised, so `updated` is its `date`.
3. An entry edited by hand since ingest wrote it, with no `updated:` line: a
   revision stamp derived from the text's hash, within a day after `date`. It
   is the same for the same text on every machine and moves with every edit,
   which is what a feed reader or a mail service acts on; set `updated:` to
   say when the revision really was.

A hand-written entry (no `ingest_hash`) is unrevised until it says `updated:`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from briefing.errors import ContentError

KEYS = ("updated", "lastmod")
_DAY_SECONDS = 86_400


def revised_at(
    metadata: dict[str, Any],
    text: str,
    published: datetime,
    read_date: Callable[[object, str], datetime],
    fail: Callable[[str, str, str], ContentError],
) -> datetime | None:
    """The entry's last revision, or None when it is as first published.

    `read_date(value, key)` reads a front matter date as `date:` is read (the site's zone).
    """
    for key in KEYS:
        if metadata.get(key) is not None:
            when = read_date(metadata[key], key)
            if when < published:
                raise fail(
                    key,
                    f"{key} {when.isoformat()} is before the entry's date {published.isoformat()}",
                    f"set {key}: to when the briefing was revised, or remove the line",
                )
            return None if when == published else when
    # Imported here: the ingest package imports the entry validator, which imports this.
    from briefing.ingest.writer import HASH_KEY, is_hand_edited

    if metadata.get(HASH_KEY) is None or not is_hand_edited(text):
        return None
    return revision_stamp(text, published)


def revision_stamp(text: str, published: datetime) -> datetime:
    """1 s to a day after `published`, by the text's hash: the same for the same text."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return published + timedelta(seconds=1 + int.from_bytes(digest[:8], "big") % (_DAY_SECONDS - 1))
