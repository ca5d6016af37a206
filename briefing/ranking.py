"""Stories as the site shows them, and how each day's are ranked. Pure, no I/O.

Entries that share a `story:` (ingest sets it; see stories.py) are one Story.
A story sits on the day of its newest report, is led by its most complete or
newest report, and is ranked among that day's stories by `score`:

    score = sum over the story's five weightiest entities of  weight(type) x prominence
          + REPORT_BONUS x (reports - 1), at most MAX_REPORT_BONUS

    weight:     weapon system 3, person 2.5, organisation 2, other 1.5, country 1, topic 1
    prominence: 2 if the name is in the lead's headline, 1.5 if in its summary (the lede), else 1

An editor's `priority:` (on any report; the highest counts) comes before the
score: priority 10 tops the day, -10 sinks it. Equal ranks break by story id.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from briefing.model import Entry
from briefing.related import TYPE_WEIGHT

# How many of a story's entities its score counts: a long tag list is not importance.
SCORED_ENTITIES = 5
REPORT_BONUS = 2.5
MAX_REPORT_BONUS = 7.5
# A report this much shorter than the story's longest is not its lead, however new.
COMPLETE_SHARE = 0.8


@dataclass(frozen=True)
class Story:
    id: str
    reports: tuple[Entry, ...]  # newest first
    lead: Entry
    score: float
    priority: int
    entities: tuple[tuple[str, str, float], ...]  # (name, type, weight x prominence), weightiest first

    @property
    def newest(self) -> Entry:
        return self.reports[0]

    @property
    def first(self) -> Entry:
        return self.reports[-1]

    @property
    def day(self) -> date:
        """The day it sits on in the front page: its newest report's."""
        return self.newest.day

    @property
    def updated(self) -> bool:
        """A later version of the first report exists."""
        return len(self.reports) > 1 and self.newest.published > self.first.published

    @property
    def rank_key(self) -> tuple[int, float, str]:
        return (-self.priority, -self.score, self.id)


def _lead(reports: Sequence[Entry]) -> Entry:
    """The newest report that is about as complete as the longest one."""
    longest = max(len(e.body) or len(e.summary) for e in reports)
    for entry in reports:  # newest first
        if (len(entry.body) or len(entry.summary)) >= COMPLETE_SHARE * longest:
            return entry
    return reports[0]


def _weighted_entities(lead: Entry, reports: Sequence[Entry]) -> list[tuple[str, str, float]]:
    title, summary = lead.title.casefold(), lead.summary.casefold()
    seen: dict[str, tuple[str, float]] = {}
    for entry in (lead, *reports):
        for group, names in entry.entities.items():
            for name in names:
                if name in seen:
                    continue
                folded = name.casefold()
                prominence = 2.0 if folded in title else 1.5 if folded in summary else 1.0
                seen[name] = (group, TYPE_WEIGHT.get(group, 1.0) * prominence)
    return sorted(
        ((name, group, weight) for name, (group, weight) in seen.items()),
        key=lambda item: (-item[2], item[0].casefold(), item[0]),
    )


def make_story(story_id: str, reports: Iterable[Entry]) -> Story:
    ordered = tuple(sorted(reports, key=lambda e: e.sort_key))
    lead = _lead(ordered)
    entities = _weighted_entities(lead, ordered)
    score = sum(weight for _name, _group, weight in entities[:SCORED_ENTITIES])
    score += min(MAX_REPORT_BONUS, REPORT_BONUS * (len(ordered) - 1))
    return Story(
        id=story_id,
        reports=ordered,
        lead=lead,
        score=round(score, 3),
        priority=max(e.priority for e in ordered),
        entities=tuple(entities),
    )


def group_stories(entries: Iterable[Entry]) -> dict[str, Story]:
    """Every story by id, from entries in any order."""
    members: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        members[entry.story_id].append(entry)
    return {story_id: make_story(story_id, reports) for story_id, reports in sorted(members.items())}


def ranked(stories: Iterable[Story]) -> list[Story]:
    return sorted(stories, key=lambda s: s.rank_key)


@dataclass(frozen=True)
class DayStories:
    day: date
    stories: tuple[Story, ...]  # ranked


def front_days(stories: dict[str, Story]) -> list[DayStories]:
    """Each day's stories (by the day of their newest report), ranked; newest day first."""
    by_day: dict[date, list[Story]] = defaultdict(list)
    for story in stories.values():
        by_day[story.day].append(story)
    return [DayStories(day, tuple(ranked(by_day[day]))) for day in sorted(by_day, reverse=True)]


def edition_stories(stories: dict[str, Story], entries: Iterable[Entry]) -> list[Story]:
    """The stories an edition's entries are reports of, each once, ranked."""
    ids = {entry.story_id for entry in entries}
    return ranked(stories[i] for i in ids)


def page_days(days: Sequence[DayStories], size: int) -> list[list[DayStories]]:
    """Days on pages of whole days: a page takes days until `size` stories would be passed
    (a day with more than `size` stories has a page to itself)."""
    pages: list[list[DayStories]] = []
    count = 0
    for day in days:
        if pages and count + len(day.stories) <= size:
            pages[-1].append(day)
            count += len(day.stories)
        else:
            pages.append([day])
            count = len(day.stories)
    return pages


@dataclass
class StoryIndex:
    """What pages need of stories, made once per build in the parent."""

    stories: dict[str, Story]
    of_entry: dict[str, str]  # slug -> story id
    days: list[DayStories]
    pages: list[list[DayStories]]
    page_of: dict[str, int]  # story id -> front page number (1-based)


def story_index(entries: Sequence[Entry], page_size: int) -> StoryIndex:
    stories = group_stories(entries)
    days = front_days(stories)
    pages = page_days(days, page_size)
    page_of = {story.id: n for n, page in enumerate(pages, start=1) for day in page for story in day.stories}
    return StoryIndex(stories, {e.slug: e.story_id for e in entries}, days, pages, page_of)


def stories_of(site: object) -> StoryIndex:
    """The site's StoryIndex, made on first use and kept on the site (forked workers share it)."""
    known = site.__dict__.get("_story_index")
    if known is None:
        entries = site.entries  # type: ignore[attr-defined]
        known = site.__dict__["_story_index"] = story_index(entries, site.config.page_size)  # type: ignore[attr-defined]
    return known
