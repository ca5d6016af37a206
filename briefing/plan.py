"""What public/ will hold: every output file with the fingerprint of what it is made from.

`plan_build` plans the scope incremental.decide chose: `plan_outputs` lists every
output (a full build); `plan_changed` lists only what an edit reaches when no entry's
slug, date or tags changed. Nothing here renders: each Job carries a `make` the
render stage runs for the outputs whose fingerprint changed.
"""

from __future__ import annotations

import hashlib
import uuid
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial

from briefing.cache import BuildState, OutputRecord, RelatedSlugs, Store
from briefing.config import Config
from briefing.entries.load import Loaded
from briefing.errors import BuildError, raise_all
from briefing.fingerprint import fingerprint
from briefing.incremental import Decision, Scope
from briefing.model import Entry
from briefing.ranking import stories_of
from briefing.related import related_slugs
from briefing.render import exports, images, search, sitemap
from briefing.render.assets import published_names
from briefing.render.offsite import offsite_outputs, reach_of
from briefing.render.pages import Changed, PageJob, all_pages, changed_pages
from briefing.render.templates import Theme, load, make_environment, render
from briefing.site import Site


@dataclass(frozen=True)
class Job:
    """One output file: where it goes, what it is made from, how to make it."""

    file: str
    key: str
    make: Callable[[], bytes]

    def forget(self) -> None:
        """As PageOutput.forget: a plain job holds nothing worth dropping."""


class PageOutput:
    """A page as a Job whose fingerprint is worked out on first use, in the worker that
    renders it: making 20,000 views and fingerprints in the parent left a core idle."""

    def __init__(self, env, page: PageJob, shared: str, theme: Theme | None = None) -> None:
        self.env, self.page, self.shared, self.theme = env, page, shared, theme
        self.file = page.file
        self._key: str | None = None

    def __getstate__(self) -> dict:
        """Sent to a cluster worker (dask_executor.py) with its theme instead of its Jinja
        environment, whose compiled templates do not pickle: the worker makes its own, one
        per build (the environment memoises cards, which the next build may change)."""
        if self.theme is None:
            raise TypeError("a PageOutput made without its theme cannot be sent to a worker")
        return {**self.__dict__, "env": build_id(self.env)}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self.env = _environment_for(state["theme"], state["env"])

    @property
    def key(self) -> str:
        if self._key is None:
            self._key = fingerprint(self.shared, self.page.template, self.page.context)
        return self._key

    def make(self) -> bytes:
        try:
            return render(self.env, self.page.template, self.page.context).encode("utf-8")
        finally:
            self.forget()

    def forget(self) -> None:
        """Drop the view (it is made again if asked for): a worker goes through thousands."""
        self.page.forget()


_ENVIRONMENTS: dict[tuple[Theme, str], object] = {}


def build_id(env) -> str:
    """Names the build an environment is for, so a worker makes one environment per build."""
    build = getattr(env, "briefing_build", None)
    if build is None:
        build = env.briefing_build = uuid.uuid4().hex
    return build


def _environment_for(theme: Theme, build: str):
    """One environment per build in a worker process, however many pages it is sent."""
    if (theme, build) not in _ENVIRONMENTS:
        _ENVIRONMENTS.clear()  # a worker serves one build at a time: drop the last one's
        _ENVIRONMENTS[(theme, build)] = make_environment(theme)
    return _ENVIRONMENTS[(theme, build)]


@dataclass(frozen=True)
class Plan:
    """The outputs to make, the files to remove, and what the next state keeps of the plan."""

    jobs: list[Job | PageOutput]
    removed: list[str]  # files in public/ no output makes any more
    known: Mapping[str, OutputRecord]  # what public/ holds, to skip outputs it has already
    shards: Store  # the search shards, for the next state
    related: RelatedSlugs | None  # worked out by this plan; None: the previous state's hold


def plan_build(
    site: Site,
    loaded: Loaded,
    previous: BuildState,
    theme: Theme,
    decision: Decision,
    extra: Sequence[Job] = (),
) -> Plan:
    """The outputs of the scope `decision` chose (CHANGED or ALL), and `extra` outputs made
    whatever the scope (publish_outputs.py: redirect pages, the news sitemap)."""
    bodies = loaded.bodies_by_slug()
    terms = loaded.terms_by_slug()
    if decision.scope is Scope.CHANGED:
        jobs, removed, shards = plan_changed(site, bodies, terms, previous, theme, decision)
        return Plan([*jobs, *extra], removed, previous.outputs, shards, related=None)
    jobs, shards = plan_outputs(site, bodies, terms, theme, decision.shared, previous.shards)
    jobs += extra
    check_one_output_per_file(jobs, site.config)
    known: Mapping[str, OutputRecord] = {} if decision.replace_all else previous.outputs
    removed = sorted(set(known) - {j.file for j in jobs})
    return Plan(jobs, removed, known, shards, related=related_slugs(site.related))


def plan_outputs(
    site: Site,
    bodies: Mapping[str, str],
    terms: Mapping[str, tuple],
    theme: Theme,
    shared: str,
    shards_before: Store,
) -> tuple[list[Job | PageOutput], Store]:
    """Every file public/ will hold, each with the fingerprint of what it is made from,
    and the search shards for the next state. Two outputs for one file are all reported."""
    config = site.config
    env = make_environment(theme)
    pages = all_pages(site, bodies)
    for name in sorted({page.template for page in pages}):
        load(env, name)
    jobs: list[Job | PageOutput] = [PageOutput(env, page, shared, theme) for page in pages]
    jobs += offsite_outputs(site, bodies, env, shared, theme)
    jobs += exports.data_outputs(site, shared, Job, fingerprint)
    jobs += [job for e in site.entries for job in _photo_jobs(config, e)]
    listed = [(p.url, p.day) for p in pages if p.url != "404.html"]
    jobs.append(
        Job("sitemap.xml", fingerprint(shared, "sitemap", listed), lambda: sitemap.sitemap(config, listed))
    )
    jobs.append(Job("robots.txt", fingerprint(shared, "robots"), lambda: sitemap.robots(config)))
    jobs.append(Job(".nojekyll", fingerprint(shared, "nojekyll"), lambda: b""))
    files, kept = search.index_files(site, terms)
    jobs += [_search_job(f) for f in files]
    static = theme.static_files()
    published = published_names(static, theme.read)  # briefing.css -> briefing.<hash>.css, as url() links it
    for file, source in static.items():
        jobs.append(_static_job(published[file], theme.read(source)))
    check_one_output_per_file(jobs, config)
    return jobs, shards_before.with_changes(put=kept, cleared=True)


def check_one_output_per_file(jobs: list[Job | PageOutput], config: Config) -> None:
    """Two outputs for one file would overwrite each other: name every such file at once."""
    seen: dict[str, Job | PageOutput] = {}
    clashes = sorted({job.file for job in jobs if seen.setdefault(job.file, job) is not job})
    raise_all(
        [
            BuildError(
                "two outputs would be written to this file",
                config.output / file,
                hint="rename the theme's static file or the entry's slug",
            )
            for file in clashes
        ]
    )


def _photo_jobs(config: Config, entry: Entry) -> list[Job]:
    image = entry.image
    if image is None or not image.file or not image.width:  # width 0: a damaged photo, skipped
        return []
    source = config.content_dir / image.file
    return [
        Job(
            v.file,
            fingerprint("photo", entry.digest, v.file, v.width, v.height, images.QUALITY),
            partial(images.resize, source, v),
        )
        for v in images.variants(entry.slug, image.file, image.width, image.height)
    ]


def _search_job(file: search.SearchFile) -> Job:
    return Job(file.file, fingerprint("", *file.parts), file.make)


def plan_changed(
    site: Site,
    bodies: Mapping[str, str],
    terms: Mapping[str, tuple],
    previous: BuildState,
    theme: Theme,
    decision: Decision,
) -> tuple[list[Job | PageOutput], list[str], Store]:
    """The outputs an edit reaches, the files it empties, and the patched search shards,
    when no entry's slug, date or tags changed.

    A changed body reaches its own page and the search index; a changed card
    (title, summary, photo credit) also reaches every page that lists the
    entry: neighbours, entries it is related to, its front page, tag pages,
    editions and feeds. The tests check the result equals a clean build.
    """
    config, shared = site.config, decision.shared
    changed = sorted(e.slug for e in site.entries if previous.digests.get(e.slug) != e.digest)
    shown_elsewhere = {slug for slug in changed if previous.cards.get(slug) != decision.cards[slug]}
    position = {e.slug: i for i, e in enumerate(site.entries)}
    reach = _reach(site, changed, shown_elsewhere, position, previous.related)
    env = make_environment(theme)
    photos = [job for slug in changed for job in _photo_jobs(config, site.entries[position[slug]])]
    made = {job.file for job in photos}
    gone = [
        file
        for slug in changed
        for file in previous.outputs
        if file.startswith(f"images/{slug}-") and file not in made
    ]
    jobs: list[Job | PageOutput] = [
        PageOutput(env, page, shared, theme) for page in changed_pages(site, bodies, reach)
    ]
    jobs += photos
    jobs += exports.data_outputs(site, shared, Job, fingerprint)  # titles and summaries are in them
    jobs += offsite_outputs(site, bodies, env, shared, theme, reach_of(site, changed))
    # Patch the search postings in place: ids are unchanged because the order is.
    patch = search.changed_index_files(
        site, terms, previous.terms.get, previous.digests, previous.shards.get, changed, shown_elsewhere
    )
    jobs += [_search_job(f) for f in patch.files]
    removed = sorted([*gone, *patch.emptied])
    return jobs, removed, previous.shards.with_changes(put=patch.put, deleted=patch.deleted)


def _reach(
    site: Site,
    changed: list[str],
    shown_elsewhere: set[str],
    position: dict[str, int],
    related: RelatedSlugs,
) -> Changed:
    """The pages that list an entry whose card changed (feeds, emails and books: offsite.reach_of)."""
    config = site.config
    size = config.page_size
    linked_from: dict[str, set[str]] = defaultdict(set)
    if shown_elsewhere:
        for slug, items in related.items():
            for other, _shared in items:
                linked_from[other].add(slug)
    reach = Changed(entries=set(changed), front=set(), tags=defaultdict(set), editions=set())
    for slug in sorted(shown_elsewhere):
        entry = site.entries[position[slug]]
        reach.entries.update(linked_from[slug])
        reach.entries.update(e.slug for e in (site.newer(entry), site.older(entry)) if e)
        # Its story's card shows it (as lead or as another report) on its front page and in
        # the editions of every report's day; the other reports' pages link to it.
        stories = stories_of(site)
        story = stories.stories[entry.story_id]
        reach.front.add(stories.page_of[story.id])
        for mate in story.reports:
            reach.entries.add(mate.slug)
            reach.editions.update({mate.day.isoformat(), mate.day.isoformat()[:7]})
        for name in entry.tags:
            tag = site.tag_by_name[name]
            at = tag.entries.index(entry)
            reach.tags[tag.slug].add(at // size + 1)
    return reach


def _static_job(file: str, data: bytes) -> Job:
    return Job(file, hashlib.sha256(data).hexdigest()[:24], lambda: data)
