"""The outputs read away from the site: feeds, daily emails, printed briefing books.

`offsite_outputs` lists them for the planner (plan.py) with their fingerprints:
every feed (Atom, RSS and JSON Feed for the site and each tag, and the editions
feed), each day edition's `email.html` and `email.txt`, `email/latest.*`, and
each day's briefing book. Fingerprints are made from light data (titles,
dates, body hashes); bodies are fetched and made absolute only while writing.
`reach_of` says which of them an edit of some entries reaches, so an
incremental build redoes those and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

import jinja2

from briefing.config import Config
from briefing.fingerprint import fingerprint
from briefing.model import Edition, Entry
from briefing.render import email, families, feeds, urls
from briefing.render.images import variants
from briefing.render.printbook import print_pages
from briefing.render.relink import absolute_body
from briefing.render.templates import Theme, long_date
from briefing.render.views import _opens_with

EDITIONS_FEED = "editions.xml"


@dataclass(frozen=True)
class Reach:
    """The outputs of this module an edit reaches (see plan.plan_changed)."""

    days: set[str] = field(default_factory=set)  # day keys: their email and briefing book
    site_feeds: bool = False
    tags: set[str] = field(default_factory=set)  # tag slugs: their three feeds
    editions_feed: bool = False
    latest: bool = False  # email/latest.*


def reach_of(site, changed: Iterable[str]) -> Reach:
    """Everything that shows the changed entries' bodies, titles or dates away from the site."""
    feed_size = site.config.feed_size
    position = {e.slug: i for i, e in enumerate(site.entries)}
    days: set[str] = set()
    tags: set[str] = set()
    site_feeds = False
    for slug in changed:
        entry = site.entries[position[slug]]
        days.add(entry.day.isoformat())
        site_feeds |= position[slug] < feed_size
        for name in entry.tags:
            tag = site.tag_by_name[name]
            if tag.entries.index(entry) < feed_size:
                tags.add(tag.slug)
    return Reach(
        days=days,
        site_feeds=site_feeds,
        tags=tags,
        editions_feed=any(d.key in days for d in site.days[:feed_size]),
        latest=bool(site.days) and site.days[0].key in days,
    )


def offsite_outputs(
    site, bodies, env: jinja2.Environment, shared: str, theme: Theme, reach: Reach | None = None
) -> list:
    """Every feed, email and briefing book (those `reach` names, if given) as planner jobs."""
    from briefing.plan import PageOutput  # the planner imports this module

    config = site.config
    content = _Content(config, site, bodies)
    jobs: list = []
    if reach is None or reach.site_feeds:
        info = lambda file: feeds.FeedInfo(  # noqa: E731 - one feed's info per file name
            config.title, config.description, urls.absolute(config, ""), urls.absolute(config, file)
        )
        items = [feed_item(config, e) for e in site.entries[: config.feed_size]]
        jobs += _feed_jobs(config, shared, content, "", info, items)
    for tag in site.tags.values():
        if reach is None or tag.slug in reach.tags:
            items = [feed_item(config, e) for e in tag.entries[: config.feed_size]]
            jobs += _feed_jobs(config, shared, content, urls.tag(tag.slug), _tag_info(config, tag), items)

    editions_feed = reach is None or reach.editions_feed
    in_feed = {d.key for d in site.days[: config.feed_size]} if editions_feed else set()
    # Emails and books live in their day edition's folder: days left out (day_editions) get none.
    kept = {d.key for d in families.kept_days(config, site.entries, site.days)}
    wanted = kept if reach is None else reach.days & kept
    # The editions feed's fingerprint is its days' emails' fingerprints.
    keys = {
        d.key: fingerprint(shared, "email", light_email(config, site, d))
        for d in site.days
        if d.key in wanted or d.key in in_feed
    }
    jobs += _email_jobs(site, bodies, env, theme, keys, wanted)
    jobs += [PageOutput(env, page, shared, theme) for page in print_pages(site, bodies, wanted)]
    if editions_feed:
        jobs.append(_editions_job(site, bodies, env, theme, shared, keys))
    return jobs


def _feed_jobs(
    config: Config,
    shared: str,
    content: _Content,
    base: str,
    info_for: Callable[[str], feeds.FeedInfo],
    items: list[feeds.FeedItem],
) -> list:
    """Atom, RSS and JSON Feed of the same items, in the folder `base` ("" or a tag's)."""
    from briefing.plan import Job

    data = [item.fingerprint_data() for item in items]
    writers: list[tuple[str, Callable[..., bytes]]] = [
        (base + "atom.xml", feeds.atom),
        (base + "rss.xml", feeds.rss),
        (base + "feed.json", feeds.json_feed),
    ]
    jobs = []
    for file, write in writers:
        info = info_for(file)

        def make(w: Callable[..., bytes] = write, i: feeds.FeedInfo = info) -> bytes:
            return w(config, i, items, content)

        jobs.append(Job(file, fingerprint(shared, "feed", file, repr(info), data), make))
    return jobs


def _tag_info(config: Config, tag) -> Callable[[str], feeds.FeedInfo]:
    page = urls.absolute(config, urls.tag(tag.slug))
    return lambda file: feeds.FeedInfo(
        f"{config.title}: {tag.name}",
        f"Briefings about {tag.name} from {config.title}.",
        page,
        urls.absolute(config, file),
    )


def _email_jobs(site, bodies, env: jinja2.Environment, theme: Theme, keys: dict, wanted: set[str]) -> list:
    """Each wanted day's email.html and email.txt; the newest day's also as email/latest.*."""
    from briefing.plan import Job

    jobs = []
    for i, edition in enumerate(site.days):
        if edition.key not in wanted:
            continue
        key = keys[edition.key]
        parts = _Email(site.config, site, edition, bodies, env, theme, uses=4 if i == 0 else 2)
        jobs.append(Job(urls.day_email(edition.start, email.EMAIL_HTML), key + "h", parts.html))
        jobs.append(Job(urls.day_email(edition.start, email.EMAIL_TEXT), key + "t", parts.text))
        if i == 0:  # the newest day is also email/latest.*
            jobs.append(Job(email.LATEST_HTML, key + "H", parts.html))
            jobs.append(Job(email.LATEST_TEXT, key + "T", parts.text))
    return jobs


def _editions_job(site, bodies, env: jinja2.Environment, theme: Theme, shared: str, keys: dict):
    """editions.xml: one RSS item per day, its content that day's email body."""
    from briefing.plan import Job

    config = site.config
    newest = site.days[: config.feed_size]
    day_url = families.day_url(config, site.entries)
    items = [edition_item(config, d, keys[d.key], day_url(d.key)) for d in newest]
    info = feeds.FeedInfo(
        f"{config.title}: daily editions",
        f"Each day's briefings from {config.title} in one item: the day's email.",
        urls.absolute(config, urls.ARCHIVE),
        urls.absolute(config, EDITIONS_FEED),
    )
    mails = {d.key: _Email(config, site, d, bodies, env, theme, uses=1) for d in newest}
    return Job(
        EDITIONS_FEED,
        fingerprint(shared, "editions", repr(info), [i.fingerprint_data() for i in items]),
        lambda: feeds.rss(config, info, items, lambda item: email.body_of(mails[item.key].html())),
    )


def updated(entry: Entry) -> datetime:
    """When the entry last changed (see briefing/revised.py): never the clock."""
    return entry.modified


def feed_item(config: Config, entry: Entry) -> feeds.FeedItem:
    image = entry.image
    photo = None
    if image is not None:
        url, width, height = "", 0, 0
        # A photo the build skipped (unreadable, cut short) has no size and no variants.
        if image.file and image.width > 0:
            made = variants(entry.slug, image.file, image.width, image.height)
            shown = next((v for v in made if v.width >= 960), made[-1])
            url, width, height = urls.absolute(config, shown.file), shown.width, shown.height
        photo = feeds.FeedImage(url, image.alt, image.caption, image.credit, width, height)
    return feeds.FeedItem(
        key=entry.slug,
        content_key=entry.body_key or entry.digest,
        title=entry.title,
        url=urls.absolute(config, urls.entry(entry.slug)),
        published=entry.published.isoformat(),
        updated=max(updated(entry), entry.published).isoformat(),
        summary=entry.summary,
        tags=entry.tags,
        image=photo,
    )


def edition_item(config: Config, edition: Edition, email_key: str, url: str) -> feeds.FeedItem:
    """A day edition as one feed item. It is dated by its first briefing, so a briefing
    added later that day does not make an RSS-to-email service send the day twice."""
    first = min(e.published for e in edition.entries)
    last_change = max(max(updated(e), e.published) for e in edition.entries)
    count = len(edition.entries)
    return feeds.FeedItem(
        key=edition.key,
        content_key=email_key,
        title=f"{config.title}: edition of {long_date(edition.start)}",
        url=urls.absolute(config, url),
        published=first.isoformat(),
        updated=last_change.isoformat(),
        summary=f"{count} briefing{'' if count == 1 else 's'}: "
        + "; ".join(e.title for e in edition.entries),
        tags=(),
    )


def light_email(config: Config, site, edition: Edition) -> list:
    """What a day's email is made of, bodies by their hash: its fingerprint's data."""
    return [
        edition.key,
        families.day_url(config, site.entries)(edition.key),  # its own page, or its month's section
        repr(email.day_in_brief_absolute(config, site, edition)),
        [
            (
                feed_item(config, e).fingerprint_data(),
                [site.tag_by_name[name].slug for name in e.tags],
            )
            for e in email.ranked_entries(site, edition)
        ],
    ]


class _Content:
    """An item's whole content for a feed: photo, lede, body, links absolute; made once each."""

    def __init__(self, config: Config, site, bodies) -> None:
        self.config, self.site, self.bodies = config, site, bodies
        self.entries = {e.slug: e for e in site.entries}
        self.made: dict[str, str] = {}

    def __call__(self, item: feeds.FeedItem) -> str:
        if item.key not in self.made:
            self.made[item.key] = self._make(item)
        return self.made[item.key]

    def _make(self, item: feeds.FeedItem) -> str:
        from markupsafe import escape

        entry = self.entries[item.key]
        body = self.bodies[entry.slug]
        parts = []
        image = item.image
        if image is not None:
            note = " ".join(
                part for part in (image.caption, image.credit and f"Picture source: {image.credit}") if part
            )
            if image.url:
                parts.append(
                    f'<figure><img src="{escape(image.url)}" alt="{escape(image.alt)}" '
                    f'width="{image.width}" height="{image.height}">'
                    + (f"<figcaption>{escape(note)}</figcaption>" if note else "")
                    + "</figure>"
                )
            elif note:
                parts.append(f"<p><em>{escape(note)}</em></p>")
        if entry.summary and not _opens_with(body, entry.summary):
            parts.append(f"<p><strong>{escape(entry.summary)}</strong></p>")
        parts.append(absolute_body(self.config, entry.slug, body))
        return "\n".join(parts)


class _Email:
    """A day's email parts, made once for the `uses` outputs that ask (its two files, and
    email/latest.* for the newest day), then dropped: a big archive has thousands of days."""

    def __init__(
        self, config: Config, site, edition: Edition, bodies, env: jinja2.Environment, theme: Theme, uses: int
    ) -> None:
        self.args = (config, site, edition, bodies)
        self.env, self.theme, self.uses = env, theme, uses
        self._parts: email.EmailParts | None = None

    def __getstate__(self) -> dict:
        """Sent to a cluster worker (dask_executor.py) as PageOutput is: with its theme, not
        its Jinja environment, which does not pickle; the worker makes one per build."""
        from briefing.plan import build_id

        return {**self.__dict__, "env": build_id(self.env), "_parts": None}

    def __setstate__(self, state: dict) -> None:
        from briefing.plan import _environment_for

        self.__dict__.update(state)
        self.env = _environment_for(state["theme"], state["env"])

    def _made(self) -> email.EmailParts:
        parts = self._parts or email.email_parts(self.env, email.email_view(*self.args))
        self.uses -= 1
        self._parts = parts if self.uses > 0 else None
        return parts

    def html(self) -> bytes:
        return self._made().html

    def text(self) -> bytes:
        return self._made().text
