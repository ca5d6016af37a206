"""An article as one text with weighted segments, the unit the tagger reads in one pass.

The title, lede, body paragraphs, image caption and alt text are joined by newlines so
one automaton pass covers them; each segment keeps its weight (the title and lede weigh
more, a caption counts too) and whether it is set in capitals (an ALL-CAPS headline).
Photo credits are cut from the caption first: a photographer is a credit, never a tag.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from briefing.entities.normalise import fold, prepare

TITLE_WEIGHT = 3
LEDE_WEIGHT = 2
BODY_WEIGHT = 1

# "(Picture source: NAME)", "Photo: NAME", "Image credit - NAME" and friends.
_CREDIT = re.compile(
    r"\(\s*(?:picture|photo|image|photograph)(?:\s+(?:source|credit)s?)?\s*[:\-–]\s*[^()]*\)"
    r"|(?:^|\s)(?:picture|photo|image|photograph)\s*(?:source|credit)?s?\s*[:\-–]\s*[^.()]*$",
    re.IGNORECASE,
)


# The only characters besides ASCII letters that re.IGNORECASE matches to an ASCII letter
# ("İ", "ı", "ſ", the Kelvin sign): without them and without a credit word in the lower-case
# text, _CREDIT cannot match, and its slow scan is skipped.
FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"


def strip_credit(text: str) -> str:
    """A caption without its photo credit."""
    lowered = text.lower()
    credit = "photo" in lowered or "picture" in lowered or "image" in lowered
    if not credit and (text.isascii() or not any(c in text for c in FOLDS_TO_ASCII)):
        return text.strip()
    return _CREDIT.sub(" ", text).strip()


class Segment(NamedTuple):  # a tuple: built faster than a frozen dataclass, a dozen per article
    kind: str  # "title", "lede", "body", "caption" or "alt"
    start: int
    end: int
    weight: int
    shouting: bool  # set in capitals: case tells nothing there

    @property
    def prose(self) -> bool:
        """Running text, where capitals and neighbours mean something."""
        return self.kind in ("lede", "body", "caption") and not self.shouting


@dataclass(frozen=True)
class Article:
    text: str
    folded: str
    segments: tuple[Segment, ...]
    starts: tuple[int, ...]

    def segment_at(self, offset: int) -> Segment:
        index = bisect.bisect_right(self.starts, offset) - 1
        return self.segments[max(index, 0)]


def _shouting(text: str) -> bool:
    if text != text.upper():  # a lower-case letter: the common case, decided in C
        return False
    return sum(1 for c in text if c.isalpha()) >= 8


def build_article(title: str, paragraphs: Sequence[str], caption: str | None, alt: str | None) -> Article:
    parts: list[tuple[str, str, int]] = [("title", title, TITLE_WEIGHT)]
    for index, paragraph in enumerate(paragraphs):
        kind, weight = ("lede", LEDE_WEIGHT) if index == 0 else ("body", BODY_WEIGHT)
        parts.append((kind, strip_credit(paragraph), weight))
    if caption:
        parts.append(("caption", strip_credit(caption), BODY_WEIGHT))
    if alt:
        parts.append(("alt", strip_credit(alt), BODY_WEIGHT))
    pieces: list[str] = []
    segments: list[Segment] = []
    offset = 0
    for kind, raw, weight in parts:
        text = " ".join(prepare(raw or "").split())
        segments.append(Segment(kind, offset, offset + len(text), weight, _shouting(text)))
        pieces.append(text)
        offset += len(text) + 1
    text = "\n".join(pieces)
    return Article(text, fold(text), tuple(segments), tuple(s.start for s in segments))
