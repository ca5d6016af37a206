"""Which entries a build publishes: drafts, embargoes and expiry, all against one "now".

An entry is live from its `date` until its `expires:` (if any), unless it is a
`draft: true`. "Now" is SOURCE_DATE_EPOCH when set, else the clock, so a build
can be repeated byte for byte. Everything downstream (pages, lists, editions,
tags, feeds, sitemap, search, related briefings, data exports) is made from the
visible entries only, and the build's fingerprints are of that visible set: an
embargo that lifts changes it, so the next build publishes the entry even when
no file changed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime

from briefing.config import Config
from briefing.errors import BuildError
from briefing.model import Entry


def build_now() -> datetime:
    """SOURCE_DATE_EPOCH (reproducible builds' convention) when set, else the clock, in UTC."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return datetime.now(UTC)
    try:
        return datetime.fromtimestamp(int(raw), UTC)
    except (ValueError, OverflowError, OSError):
        raise BuildError(
            f"SOURCE_DATE_EPOCH={raw!r} is not a number of seconds since 1970",
            hint="set it to a whole number such as $(git log -1 --format=%ct), or unset it",
        ) from None


@dataclass(frozen=True)
class Published:
    """The entries a build shows, and what it held back."""

    entries: list[Entry]
    drafts: int  # drafts left out (0 with --drafts)
    future: int  # dated after now, left out (0 with --future)
    expired: int  # past their `expires:`
    shown_drafts: int  # drafts included by --drafts or serve
    now: datetime

    @property
    def held(self) -> int:
        return self.drafts + self.future + self.expired

    def held_line(self) -> str | None:
        """One line for the build's output: how many entries were held back and why."""
        if not self.held:
            return None
        reasons = []
        if self.drafts:
            reasons.append(f"{self.drafts} draft{'s' * (self.drafts != 1)} (--drafts includes them)")
        if self.future:
            reasons.append(
                f"{self.future} dated after {self.now.strftime('%Y-%m-%d %H:%M')} UTC (--future includes them)"
            )
        if self.expired:
            reasons.append(f"{self.expired} expired")
        plural = "entry" if self.held == 1 else "entries"
        return f"build: held back {self.held} {plural}: " + ", ".join(reasons)


def select_published(entries: list[Entry], config: Config, now: datetime) -> Published:
    """The entries to publish at `now`, in the order given."""
    shown: list[Entry] = []
    drafts = future = expired = shown_drafts = 0
    for entry in entries:
        if entry.draft and not config.drafts:
            drafts += 1
        elif entry.published > now and not config.future:
            future += 1
        elif entry.expires is not None and entry.expires <= now:
            expired += 1
        else:
            shown.append(entry)
            shown_drafts += entry.draft
    return Published(shown, drafts, future, expired, shown_drafts, now)
