"""What the text rules find, and the spans already claimed, shared by the rule modules."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

Span = tuple[int, int]


@dataclass(frozen=True)
class Found:
    """A name found by the rules, with its weighted mentions and where they are."""

    name: str
    type: str
    score: int
    spans: tuple[Span, ...]
    # Acronyms and other names of it the article itself used ("ZCPF"): the site pass
    # tags other entries that name it only so.
    aliases: tuple[str, ...] = ()


@dataclass
class Candidate:
    """A name one rule found, before its mentions are counted."""

    name: str
    type: str
    start: int
    folds: list[str]  # later short forms: a surname, an acronym
    # Mentions in words other than the name ("the Romanian defence ministry").
    at: list[Span] = field(default_factory=list)


class Coverage:
    """Spans already claimed by registry matches (and `whole` spans that claim a name only
    when they cover all of it)."""

    def __init__(self, spans: list[Span], whole: Sequence[Span] = ()) -> None:
        self.spans = sorted(spans)
        self.whole = sorted(whole)
        # Binary search over starts and running maxima of ends: long articles have thousands
        # of claimed spans, and a scan of all of them per name made tagging quadratic.
        self._starts = [s for s, _ in self.spans]
        self._reach = list(itertools.accumulate((e for _, e in self.spans), max))
        self._whole_starts = [s for s, _ in self.whole]
        self._whole_reach = list(itertools.accumulate((e for _, e in self.whole), max))

    def overlaps(self, start: int, end: int) -> int:
        """How many characters of [start, end) are claimed."""
        hi = bisect.bisect_left(self._starts, end)  # spans starting before `end`
        lo = bisect.bisect_right(self._reach, start)  # the first that may reach past `start`
        claimed = sum(max(0, min(end, e) - max(start, s)) for s, e in self.spans[lo:hi] if e > start)
        w = bisect.bisect_right(self._whole_starts, start)
        if w and self._whole_reach[w - 1] >= end:
            return end - start
        return claimed
