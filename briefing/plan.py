"""What public/ will hold: every output file with the fingerprint of what it is made from.

`plan_outputs` lists them all (a full build); `plan_changed` lists only what an
edit reaches when no entry's slug, date or tags changed. Nothing here renders:
each Job carries a `make` the build runs for the outputs whose fingerprint changed.
"""

from __future__ import annotations

import hashlib
import marshal
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path

from briefing.cache import MARSHAL_VERSION, BuildCache
from briefing.config import Config
from briefing.errors import BuildError
from briefing.model import Entry
from briefing.render import feeds, images, search, sitemap, urls
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

    def __init__(self, env, page: PageJob, shared: str) -> None:
        self.env, self.page, self.shared = env, page, shared
        self.file = page.file
        self._key: str | None = None

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


def plan_outputs(
    site: Site,
    bodies: dict[str, str],
    terms: dict[str, tuple[str, str]],
    theme: Theme,
    shared: str,
    cache: BuildCache,
) -> list[Job | PageOutput]:
    """Every file public/ will hold, each with the fingerprint of what it is made from."""
    config = site.config
    env = make_environment(theme)
    pages = all_pages(site, bodies)
    for name in sorted({page.template for page in pages}):
        load(env, name)
    jobs: list[Job | PageOutput] = [PageOutput(env, page, shared) for page in pages]
    jobs += _feed_jobs(site, shared)
    jobs += [job for e in site.entries for job in _photo_jobs(config, e)]
    listed = [(p.url, p.day) for p in pages if p.url != "404.html"]
    jobs.append(
        Job("sitemap.xml", fingerprint(shared, "sitemap", listed), lambda: sitemap.sitemap(config, listed))
    )
    jobs.append(Job("robots.txt", fingerprint(shared, "robots"), lambda: sitemap.robots(config)))
    jobs.append(Job(".nojekyll", fingerprint(shared, "nojekyll"), lambda: b""))
    files, kept = search.index_files(site, terms)
    cache.shards.clear()
    for name, shard in kept.items():
        cache.shards[name] = shard
    jobs += [_search_job(f) for f in files]
    for file, source in theme.static_files().items():
        jobs.append(_static_job(file, source))
    seen: dict[str, Job | PageOutput] = {}
    for job in jobs:
        if seen.setdefault(job.file, job) is not job:
            raise BuildError(
                f"two outputs would be written to {job.file}",
                config.output,
                hint="rename the theme's static file or the entry's slug",
            )
    return jobs


def _feed_jobs(site: Site, shared: str, only_tags: set[str] | None = None) -> list[Job]:
    config = site.config
    items = feeds.feed_items(site.entries, config)
    jobs = [
        Job(
            "atom.xml",
            fingerprint(shared, "atom", items),
            lambda: feeds.atom(config, config.title, "", "atom.xml", items),
        ),
        Job(
            "rss.xml",
            fingerprint(shared, "rss", items),
            lambda: feeds.rss(config, config.title, "", "rss.xml", items),
        ),
    ]
    for tag in site.tags.values():
        if only_tags is not None and tag.slug not in only_tags:
            continue
        tag_items = feeds.feed_items(tag.entries, config)
        title = f"{config.title}: {tag.name}"
        page, feed = urls.tag(tag.slug), urls.tag_feed(tag.slug)
        jobs.append(
            Job(
                feed,
                fingerprint(shared, "tag-atom", title, feed, tag_items),
                lambda t=title, p=page, f=feed, i=tag_items: feeds.atom(config, t, p, f, i),
            )
        )
    return jobs


def _photo_jobs(config: Config, entry: Entry) -> list[Job]:
    image = entry.image
    if image is None or not image.file:
        return []
    source = config.content_dir / image.file
    return [
        Job(
            v.file,
            fingerprint("photo", entry.digest, v.file, v.width, v.height, images.QUALITY),
            lambda v=v: images.resize(source, v),
        )
        for v in images.variants(entry.slug, image.file, image.width, image.height)
    ]


def _search_job(file: search.SearchFile) -> Job:
    return Job(file.file, fingerprint("", *file.parts), file.make)


def plan_changed(
    site: Site,
    bodies: dict[str, str],
    terms: dict[str, tuple[str, str]],
    previous_terms: dict[str, tuple[str, str]],
    theme: Theme,
    shared: str,
    cache: BuildCache,
    cards: dict[str, str],
) -> tuple[list[Job | PageOutput], list[str]]:
    """The outputs an edit reaches (and the files it empties) when no entry's slug, date or tags changed.

    A changed body reaches its own page and the search index; a changed card
    (title, summary, photo credit) also reaches every page that lists the
    entry: neighbours, entries it is related to, its front page, tag pages,
    editions and feeds. The tests check the result equals a clean build.
    """
    config = site.config
    size = config.page_size
    changed = sorted(e.slug for e in site.entries if cache.digests.get(e.slug) != e.digest)
    shown_elsewhere = {slug for slug in changed if cache.cards.get(slug) != cards[slug]}
    position = {e.slug: i for i, e in enumerate(site.entries)}
    linked_from: dict[str, set[str]] = defaultdict(set)
    if shown_elsewhere:
        for slug, items in cache.related.items():
            for other, _shared in items:
                linked_from[other].add(slug)
    reach = Changed(entries=set(changed), front=set(), tags=defaultdict(set), editions=set())
    site_feed = tag_feeds = False
    feed_tags: set[str] = set()
    for slug in sorted(shown_elsewhere):
        entry = site.entries[position[slug]]
        reach.entries.update(linked_from[slug])
        reach.entries.update(e.slug for e in (site.newer(entry), site.older(entry)) if e)
        reach.front.add(position[slug] // size + 1)
        reach.editions.update({entry.day.isoformat(), entry.day.isoformat()[:7]})
        site_feed |= position[slug] < config.feed_size
        for name in entry.tags:
            tag = site.tag_by_name[name]
            at = tag.entries.index(entry)
            reach.tags[tag.slug].add(at // size + 1)
            if at < config.feed_size:
                feed_tags.add(tag.slug)
                tag_feeds = True
    env = make_environment(theme)
    photos = [job for slug in changed for job in _photo_jobs(config, site.entries[position[slug]])]
    made = {job.file for job in photos}
    gone = [
        file
        for slug in changed
        for file in cache.outputs
        if file.startswith(f"images/{slug}-") and file not in made
    ]
    pages = changed_pages(site, bodies, reach)
    jobs: list[Job | PageOutput] = [PageOutput(env, page, shared) for page in pages]
    jobs += photos
    if site_feed or tag_feeds:
        jobs += [
            job
            for job in _feed_jobs(site, shared, only_tags=feed_tags)
            if site_feed or job.file.startswith("tags/")
        ]
    # Patch the search postings in place: ids are unchanged because the order is.
    patch = search.changed_index_files(
        site, terms, previous_terms, cache.digests, cache.shards, changed, shown_elsewhere
    )
    jobs += [_search_job(f) for f in patch.files]
    return jobs, sorted([*gone, *patch.emptied])


def _static_job(file: str, source: Path) -> Job:
    data = source.read_bytes()
    return Job(file, hashlib.sha256(data).hexdigest()[:24], lambda: data)


def config_key(config: Config) -> str:
    values = [getattr(config, f.name) for f in fields(config) if f.name not in {"root", "source_text"}]
    return repr(values)


def fingerprint(shared: str, *parts: object) -> str:
    digest = hashlib.sha256(shared.encode())
    digest.update(marshal.dumps(parts, MARSHAL_VERSION))
    return digest.hexdigest()[:24]
