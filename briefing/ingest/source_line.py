"""A seed's `Source:` line: the outlet and address the article came from.

Where: the line right under the title (before or after a date line), or the seed's
last line. Anywhere else a line starting "Source:" is body text: a paragraph may
well begin "Source: a senior official ...". Forms (any case; "Source -" too):

    Source: Army Recognition
    Source: https://www.armyrecognition.com/news/...
    Source: Army Recognition https://www.armyrecognition.com/news/...
    Source: Army Recognition - https://...    (also "–", "|", ",", or the URL in (...) or <...>)
    Source: https://... (Army Recognition)    (the name after the address)

A line with an address that is not http(s), or a "name" longer than an outlet's
name (a sentence, not a masthead), is not a Source line and stays in the body.
"""

from __future__ import annotations

import re

from briefing.entries.source import MAX_NAME, host_name, web_address
from briefing.model import Source

_LABEL = re.compile(r"^sources?\s*(?::|\s[-–—]\s?)\s*(?P<rest>.*)$", re.IGNORECASE)
_URL = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]\"']+", re.IGNORECASE)
# What may stand between or around the name and the address.
_PUNCTUATION = " \t-–—|,;:()[]<>"
# A scheme ("javascript:x", "ftp://") or markup is not an outlet's name.
_NOT_A_NAME = re.compile(r"[a-z][a-z0-9+.-]*:\S|[<>{}]", re.IGNORECASE)
# An outlet's name is a few words; more is a sentence that happens to start "Source:".
_MAX_WORDS = 8

Blocks = list[tuple[int, list[str]]]


def source_of(line: str) -> Source | None:
    """The outlet a whole line names, or None when it is not a Source line."""
    label = _LABEL.match(line.strip())
    if label is None:
        return None
    rest = label.group("rest")
    found = list(_URL.finditer(rest))
    if len(found) > 1:
        return None
    url = ""
    if found:
        match = found[0]
        checked = web_address(match.group().rstrip(".,;:!?"))
        if checked is None:
            return None
        url = checked
        rest = rest[: match.start()] + " " + rest[match.end() :]
    name = " ".join(rest.strip(_PUNCTUATION).split())
    if _NOT_A_NAME.search(name) or len(name) > MAX_NAME or len(name.split()) > _MAX_WORDS:
        return None
    if not name:
        if not url:
            return None
        name = host_name(url)
    return Source(name, url)


def take_leading(blocks: Blocks) -> tuple[Source | None, Blocks]:
    """A Source line opening the first block (the line under the title), taken out."""
    if not blocks:
        return None, blocks
    start, lines = blocks[0]
    found = source_of(lines[0])
    if found is None:
        return None, blocks
    rest = lines[1:]
    return found, ([(start + 1, rest)] if rest else []) + blocks[1:]


def take_trailing(blocks: Blocks) -> tuple[Source | None, Blocks]:
    """A Source line closing the last block (the seed's last line), taken out."""
    if not blocks:
        return None, blocks
    start, lines = blocks[-1]
    found = source_of(lines[-1])
    if found is None:
        return None, blocks
    rest = lines[:-1]
    return found, blocks[:-1] + ([(start, rest)] if rest else [])
