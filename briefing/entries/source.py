"""An entry's `source:`: the outlet it reports from, never the seed file it was ingested from.

Readers see the outlet's name, linked to the article when its address is known. The
file in seeds/ is ingest's bookkeeping, kept under `seed:`. Entries written before
the two were split carry `source: 001_a4ed0c902d0feb98.txt`, a seed file's name: that
still loads (ingest still finds its seed) but is not shown, as it means nothing to a
reader. Forms accepted in front matter:

    source: {name: Army Recognition, url: https://www.armyrecognition.com/...}
    source: {url: https://...}          # the name is the site's host, www. dropped
    source: Army Recognition            # a name alone
    source: https://...                 # an address alone
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlsplit

from briefing.errors import ContentError
from briefing.model import Source

# What ingest wrote under `source:` before `seed:` existed: a seed's file name.
LEGACY_SEED = re.compile(r"[^/\\\n]+\.txt", re.IGNORECASE)
# An outlet's name is a name, not a paragraph.
MAX_NAME = 100
_HOST = re.compile(r"(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+")

Fail = Callable[[str, str, str], ContentError]


def web_address(text: str) -> str | None:
    """`text` as an absolute http(s) URL with a real host name, or None.

    "www.example.com/x" gains "https://". Whitespace, quotes and angle brackets are
    refused: the address goes into an href and must mean one thing.
    """
    text = text.strip()
    if text.lower().startswith("www."):
        text = "https://" + text
    if not text or re.search(r"[\s\"'<>\\`]", text):
        return None
    try:
        parts = urlsplit(text)
        port = parts.port  # raises ValueError on a bad port
    except ValueError:
        return None
    host = (parts.hostname or "").rstrip(".")
    if parts.scheme.lower() not in ("http", "https") or not _HOST.fullmatch(host) or port == 0:
        return None
    if parts.username is not None or parts.password is not None:
        return None
    return text


def host_name(url: str) -> str:
    """The name to show for an address given alone: its host, without "www."."""
    host = (urlsplit(url).hostname or "").rstrip(".")
    return host.removeprefix("www.")


def is_legacy_seed(value: object) -> bool:
    """Whether a `source:` value is a seed file's name, as ingest wrote it before `seed:`."""
    return isinstance(value, str) and LEGACY_SEED.fullmatch(value.strip()) is not None


def front_source(value: object, fail: Fail) -> Source | None:
    """`source:` from front matter as an outlet, or None (absent, empty, or an old seed name)."""
    if value is None or value == "" or is_legacy_seed(value):
        return None
    if isinstance(value, str):
        url = web_address(value)
        return Source(host_name(url), url) if url else _named(value, "", fail)
    if not isinstance(value, dict):
        raise fail("source", "source must be an outlet's name or {name, url}", _HINT)
    unknown = sorted(str(key) for key in value if key not in ("name", "url"))
    if unknown:
        raise fail("source", f"source has an unknown key {unknown[0]!r}", _HINT)
    name, raw_url = value.get("name") or "", value.get("url") or ""
    if not isinstance(name, str) or not isinstance(raw_url, str):
        raise fail("source", "source's name and url must be text", _HINT)
    url = web_address(raw_url) if raw_url else ""
    if url is None:
        raise fail("source", f"source url {raw_url!r} is not an http(s) address", _HINT)
    if not name.strip() and not url:
        return None
    return _named(name or host_name(url), url, fail)


def _named(name: str, url: str, fail: Fail) -> Source:
    name = " ".join(name.split())
    if len(name) > MAX_NAME:
        raise fail(
            "source",
            f"source's name is {len(name)} characters; an outlet's name has at most {MAX_NAME}",
            _HINT,
        )
    return Source(name, url)


_HINT = "e.g. source: {name: Army Recognition, url: https://www.armyrecognition.com/...}"
