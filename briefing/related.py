"""Related briefings: for each entry, the others that share its strongest tags, nearest in time.

Pure ranking over positions, spread over every core by parallel.py; the build cache keeps
the result as slugs (`related_slugs`) and `CachedRelated` turns them back into objects.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from briefing.model import Entry, Tag
from briefing.parallel import Executor, run_chunks

# A shared weapon system says more about two briefings than a shared country.
TYPE_WEIGHT = {
    "weapon_systems": 3.0,
    "people": 2.5,
    "organisations": 2.0,
    "topics": 1.0,
    "countries": 1.0,
    "other": 1.5,
}
# Related briefings come from the entries nearest in time within each shared tag:
# bounded work per entry however big "Russia" grows.
WINDOW = 40


@dataclass(frozen=True)
class Related:
    entry: Entry
    shared: tuple[str, ...]  # the tags both carry, strongest first


class CachedRelated(dict):
    """Related briefings from the build cache, made into objects only for pages being made."""

    def __init__(self, raw: dict[str, list], entries: dict[str, Entry]) -> None:
        super().__init__()
        self.raw, self.entries = raw, entries

    def __missing__(self, slug: str) -> list[Related]:
        made = self[slug] = [Related(self.entries[other], tuple(shared)) for other, shared in self.raw[slug]]
        return made


def related_slugs(related: Mapping[str, list[Related]]) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """Related briefings as plain data, for the build cache."""
    return {slug: [(r.entry.slug, r.shared) for r in items] for slug, items in related.items()}


def compute_related(
    entries: list[Entry], tags: dict[str, Tag], count: int, executor: Executor | None = None
) -> dict[str, list[Related]]:
    """Related briefings for every entry, with bounded work per entry, on every core.

    Candidates are the WINDOW entries nearest in time on either side within
    each shared tag, so a tag on thousands of entries costs no more than a
    rare one. Score: the weights of shared tags, divided by (1 + years apart).
    """
    index = {e.slug: i for i, e in enumerate(entries)}
    members = {name: [index[e.slug] for e in tag.entries] for name, tag in tags.items()}
    inputs = RelatedInputs(
        entries=entries,
        days=[e.published.timestamp() / 86400 for e in entries],
        members=members,
        position={name: {i: p for p, i in enumerate(ids)} for name, ids in members.items()},
        weights={name: TYPE_WEIGHT.get(tag.group, 1.0) for name, tag in tags.items()},
        count=count,
    )
    rows = run_chunks(related_chunk, inputs, len(entries), what="related", executor=executor)
    return {
        entry.slug: [Related(entries[i], shared) for i, shared in row]
        for entry, row in zip(entries, rows, strict=True)
    }


@dataclass(frozen=True)
class RelatedInputs:
    """What ranking needs, by entry position (newest first): shared by every worker."""

    entries: list[Entry]
    days: list[float]
    members: dict[str, list[int]]  # tag -> entry positions, newest first
    position: dict[str, dict[int, int]]  # tag -> entry position -> place in that tag's list
    weights: dict[str, float]
    count: int


def related_chunk(data: RelatedInputs, indices: Sequence[int]) -> list[list[tuple[int, tuple[str, ...]]]]:
    """Worker: (position, shared tags) of the related briefings of each entry in `indices`."""
    entries, days, weights, count = data.entries, data.days, data.weights, data.count
    rows: list[list[tuple[int, tuple[str, ...]]]] = []
    for me in indices:
        entry = entries[me]
        # Shared-tag counts per weight, counted in C, then weighted once per candidate: adding
        # each tag's weight to a Counter one candidate at a time was most of the cost.
        by_weight: dict[float, Counter[int]] = {}
        for name in entry.tags if count > 0 else ():
            at = data.position[name][me]
            window = data.members[name][max(0, at - WINDOW) : at + WINDOW + 1]
            weight = weights[name]
            if weight not in by_weight:
                by_weight[weight] = Counter()
            by_weight[weight].update(window)
        scores: dict[int, float] = {}
        for weight, counted in by_weight.items():
            for i, times in counted.items():
                scores[i] = scores.get(i, 0) + times * weight
        scores.pop(me, None)
        if not scores:
            rows.append([])
            continue
        # Years apart only ever divide a score, so a candidate whose raw score is below the
        # count-th best final score so far cannot make the cut, nor can any after it.
        mine = days[me]
        finals: list[float] = []  # a min-heap of the best `count` final scores
        pool = []
        levels: dict[float, list[int]] = {}
        for i, score in scores.items():
            levels.setdefault(score, []).append(i)
        for score in sorted(levels, reverse=True):
            if len(finals) == count and score < finals[0]:
                break
            for i in levels[score]:
                final = score / (1 + abs(days[i] - mine) / 365)
                pool.append((-final, abs(days[i] - mine), entries[i].slug, i))
                if len(finals) < count:
                    heapq.heappush(finals, final)
                elif final > finals[0]:
                    heapq.heapreplace(finals, final)
        ranked = [i for *_key, i in sorted(pool)[:count]]
        rows.append(
            [
                (
                    i,
                    tuple(
                        sorted(
                            (n for n in entry.tags if n in entries[i].tags), key=lambda n: (-weights[n], n)
                        )
                    ),
                )
                for i in ranked
            ]
        )
    return rows
