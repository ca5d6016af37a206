"""Every URL the site has, in one place.

Pages link to each other relatively (`../../tags/russia/`), so `public/` works
under any sub-path and even from disk; only feeds, the sitemap, canonical links
and 404.html (served at arbitrary depths) need the absolute form.
"""

from __future__ import annotations

from datetime import date
from posixpath import join
from urllib.parse import urlsplit

from briefing.config import Config

SEARCH = "search/"
TAGS = "tags/"
ARCHIVE = "archive/"


def entry(slug: str) -> str:
    return f"briefings/{slug}/"


def tag(slug: str) -> str:
    return f"tags/{slug}/"


def tag_feed(slug: str) -> str:
    return f"tags/{slug}/atom.xml"


def tag_rss(slug: str) -> str:
    return f"tags/{slug}/rss.xml"


def tag_json_feed(slug: str) -> str:
    return f"tags/{slug}/feed.json"


def day_print(when: date) -> str:
    """A day edition's briefing book, to print."""
    return day(when) + "print/"


def day_email(when: date, name: str = "email.html") -> str:
    """A day edition as an email (email.html) and its plain-text part (email.txt)."""
    return day(when) + name


def day(when: date) -> str:
    # isoformat pads the year to four digits; strftime's %Y does not on every platform.
    return when.isoformat()[:10].replace("-", "/") + "/"


def month(when: date) -> str:
    return when.isoformat()[:7].replace("-", "/") + "/"


def paged(base: str, number: int) -> str:
    """Page 1 of a list lives at the list's own URL; later ones under page/N/."""
    return base if number == 1 else f"{base}page/{number}/"


def output_file(url: str) -> str:
    """The file a URL is served from: folders get their index.html."""
    return join(url, "index.html") if url == "" or url.endswith("/") else url


def root_from(url: str) -> str:
    """The relative prefix that leads from the page at `url` back to the site root."""
    return "../" * url.count("/")


def absolute(config: Config, url: str) -> str:
    return config.base_url + url


def day_from_iso(iso_day: str) -> str:
    return iso_day.replace("-", "/") + "/"


def month_from_key(key: str) -> str:
    """ "2024-03" -> "2024/03/"."""
    return key.replace("-", "/") + "/"


def is_local(base_url: str) -> bool:
    """Whether base_url is this machine (the default http://localhost:8000/ and its kin):
    not yet where the site is published, so no news sitemap and a warning from the build."""
    host = (urlsplit(base_url).hostname or "").lower()
    return host in {"localhost", "::1", "0.0.0.0"} or host.startswith("127.") or host.endswith(".localhost")
