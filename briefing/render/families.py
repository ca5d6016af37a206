"""Page families a large archive can leave out, so its output fits a static host.

Hosts cap what a site may hold (Cloudflare Pages: 20,000 files free, 100,000
paid; GitHub Pages: 1 GB). Two families grow with the archive and can go
without losing any briefing:

- `day_editions = N`: day editions only for the N days up to the newest
  entry's; older days are still sections of their month's edition, and every
  link to a left-out day goes to that section (`2024/03/#day-2024-03-01`).
- `list_pages = N`: the front page and each entity page paginate to N pages
  at most; older briefings are in the editions, the archive and the sitemap.

Counted from the newest entry, not the clock, so the same content gives the
same site. `max_files` only warns: the build still publishes everything.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, timedelta

from briefing.config import Config
from briefing.display import shown
from briefing.model import Edition, Entry
from briefing.render import urls

log = logging.getLogger("briefing")


def first_kept_day(config: Config, entries: list[Entry]) -> date | None:
    """The oldest day that keeps its own edition page; None when every day does."""
    if not config.day_editions or not entries:
        return None
    newest = entries[0].day  # entries are newest first
    return newest - timedelta(days=config.day_editions - 1)


def kept_days(config: Config, entries: list[Entry], days: list[Edition]) -> list[Edition]:
    first = first_kept_day(config, entries)
    return days if first is None else [d for d in days if d.start >= first]


def day_url(config: Config, entries: list[Entry]) -> Callable[[str], str]:
    """ "2024-03-01" -> the URL that shows that day: its edition, or its section of the month's."""
    first = first_kept_day(config, entries)
    if first is None:
        return urls.day_from_iso
    kept_from = first.isoformat()

    def url(iso_day: str) -> str:
        if iso_day >= kept_from:
            return urls.day_from_iso(iso_day)
        return f"{urls.month_from_key(iso_day[:7])}#day-{iso_day}"

    return url


def list_page_count(config: Config, entries: int) -> int:
    """How many numbered pages a list of `entries` gets (at least one, at most list_pages)."""
    total = max(1, -(-entries // config.page_size))
    return min(total, config.list_pages) if config.list_pages else total


def check_file_limit(config: Config, files: int) -> None:
    """One line when the output holds more files than the host allows (`max_files`)."""
    if config.max_files and files > config.max_files:
        log.warning(
            "%s holds %s files, more than max_files = %s in %s: leave out page "
            "families with day_editions = DAYS or list_pages = PAGES (README: Configuration)",
            shown(config.output),
            f"{files:,}",
            f"{config.max_files:,}",
            config.path.name,
        )
