"""The incremental policy, in one place: how much of the site a build must redo, and the
state it hands the next build.

Three answers, from the fingerprints of what the build read and the last build's state:

- NOTHING: nothing read differs from what public/ was built from, and public/ is as
  the last build left it. Nothing is planned or written.
- CHANGED: the same entries with the same slugs, dates and tags, so pagination,
  editions and related briefings are as they were; only the pages that show an
  edited entry are planned (plan.plan_changed).
- ALL: everything is planned (plan.plan_outputs); an output whose fingerprint and
  file in public/ are unchanged is still not written again.

Either way the result is byte-identical to a clean build, which the tests check after
each kind of change.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from briefing.cache import BuildState, OutputRecord, RelatedSlugs, Store, new_related
from briefing.config import Config
from briefing.entries.load import Loaded
from briefing.fingerprint import fingerprint
from briefing.model import Entry


class Scope(enum.Enum):
    NOTHING = "nothing"
    CHANGED = "changed"
    ALL = "all"


@dataclass(frozen=True)
class Decision:
    """How much to redo, with the fingerprints the next state keeps."""

    scope: Scope
    shared: str  # theme, config and registry: part of every output's fingerprint
    inputs: str  # everything the build read
    structure: str  # the site's shape: slugs, dates, tags
    cards: dict[str, str]  # slug -> what the entry shows in lists
    replace_all: bool  # public/ is built afresh and swapped in whole


def decide(
    config: Config,
    entries: Sequence[Entry],
    previous: BuildState,
    shared: str,
    *,
    shape: object = (),
    moving: object = (),
) -> Decision:
    """How much of the site to redo for the published `entries` (see the module's docstring).

    `shape` is more of the site's structure (publish.py's redirects: a removed one needs a
    full plan), `moving` more inputs that change with "now" alone (the news sitemap's window).
    """
    public = config.output
    untouched = public.is_dir() and untouched_outputs(public, previous.outputs)
    inputs = fingerprint(shared, sorted((e.slug, e.digest) for e in entries), shape, moving)
    structure = fingerprint(
        shared,
        [
            (
                e.slug,
                e.published.isoformat(),
                e.tags,
                sorted(e.entities.items()),
                e.draft,
                e.story,
                e.priority,
            )
            for e in sorted(entries, key=lambda e: e.slug)
        ],
        shape,
    )
    if inputs == previous.inputs and untouched:
        scope = Scope.NOTHING
    elif structure == previous.structure and untouched:
        scope = Scope.CHANGED
    else:
        scope = Scope.ALL
    return Decision(
        scope=scope,
        shared=shared,
        inputs=inputs,
        structure=structure,
        cards=_cards(entries, previous) if scope is not Scope.NOTHING else dict(previous.cards),
        replace_all=scope is Scope.ALL and (not previous.outputs or not public.is_dir()),
    )


def _cards(entries: Sequence[Entry], previous: BuildState) -> dict[str, str]:
    """What each entry shows in lists, worked out again only for entries whose file changed."""
    cards = {}
    for e in entries:
        known = previous.cards.get(e.slug)
        if known is None or previous.digests.get(e.slug) != e.digest:
            known = fingerprint("", e.title, e.summary, e.image.credit if e.image else "")
        cards[e.slug] = known
    return cards


def untouched_outputs(public: Path, outputs: Mapping[str, OutputRecord]) -> bool:
    """public/ still holds exactly the files the last build wrote (nobody edited or deleted one)."""
    if not outputs:
        return False
    root = str(public) + os.sep
    for file, record in outputs.items():
        try:
            stat = os.stat(root + file)
        except OSError:
            return False
        if stat.st_size != record.size or stat.st_mtime_ns != record.mtime_ns:
            return False
    return True


@dataclass(frozen=True)
class Built:
    """What the render stage did, for the next state: each planned output's record."""

    outputs: dict[str, OutputRecord]  # by file, for every planned output
    removed: list[str]


def next_state(
    previous: BuildState,
    loaded: Loaded,
    published: Sequence[Entry],
    decision: Decision,
    built: Built | None,
    shards: Store | None,
    related: RelatedSlugs | None,
) -> BuildState:
    """The state the next build starts from. `built` is None when nothing was planned;
    `shards` and `related` are None when the plan kept the previous state's."""
    state = replace(
        previous,
        entries=loaded.known,
        made=loaded.made,
        bodies=loaded.bodies,
        terms=loaded.terms,
        inputs=decision.inputs,
        structure=decision.structure,
        cards=decision.cards,
        digests={e.slug: e.digest for e in published},
    )
    if built is not None:
        if decision.scope is Scope.ALL:
            outputs = built.outputs
        else:
            outputs = {**previous.outputs, **built.outputs}
            for file in built.removed:
                del outputs[file]
        state = replace(state, outputs=outputs)
    if shards is not None:
        state = replace(state, shards=shards)
    if related is not None:
        state = replace(state, related_file=new_related(state, related))
    return state
