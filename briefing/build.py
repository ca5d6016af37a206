"""The build: content/ + theme + config -> public/, redoing only what changed.

    lock -> load entries -> index -> render bodies -> plan outputs ->
    render what changed (both cores) -> commit to public/ -> search index

Every output has a fingerprint of everything it is made from; an output
whose fingerprint matches the last build's, and whose file in public/ is
untouched, is not rendered again. The result is byte-identical to a clean
build, which the tests check after each kind of change.
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import logging
import marshal
import multiprocessing
import os
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import astuple, dataclass, fields, replace
from datetime import datetime
from pathlib import Path

from briefing.cache import (
    MARSHAL_VERSION,
    Buckets,
    BuildCache,
    CacheDamaged,
    fresh_cache,
    load_cache,
    save_cache,
)
from briefing.config import Config
from briefing.entryfile import read_entry
from briefing.errors import BriefingError, BuildError, ContentError, ThemeError
from briefing.fingerprints import registry_fingerprint
from briefing.index import Site, index_site, related_slugs
from briefing.load import check_unique_slugs, entry_from, list_entries
from briefing.model import Entry, Image
from briefing.output import Stage, open_stage
from briefing.render import feeds, images, search, sitemap, urls
from briefing.render.markdown import MarkdownRenderer
from briefing.render.pages import Changed, PageJob, all_pages, changed_pages
from briefing.render.templates import Theme, find_theme, make_environment, render

log = logging.getLogger("briefing")

# Below this many renders, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 400


@dataclass(frozen=True)
class Job:
    """One output file: where it goes, what it is made from, how to make it."""

    file: str
    key: str
    make: Callable[[], bytes]


@dataclass
class BuildResult:
    entries: int
    outputs: int
    rendered: int
    removed: int
    seconds: float
    search_updated: bool

    def summary_line(self) -> str:
        return (f"build: {self.entries} entries, {self.outputs} files "
                f"({self.rendered} written, {self.outputs - self.rendered} unchanged, "
                f"{self.removed} removed) in {self.seconds:.2f} s")


def build_site(config: Config, *, progress: bool = False) -> BuildResult:
    with site_lock(config):
        try:
            return _build(config, load_cache(config.cache_dir), progress)
        except CacheDamaged as exc:
            log.warning("build cache is damaged (%s); rebuilding everything", exc)
            return _build(config, fresh_cache(config.cache_dir), progress)


def _build(config: Config, cache: BuildCache, progress: bool) -> BuildResult:
    started = time.perf_counter()
    previous_terms = cache.terms
    stage = open_stage(config.cache_dir, config.output)
    theme = find_theme(config)
    shared = "\0".join([theme.fingerprint(), _config_key(config), registry_fingerprint(config.root)])
    registry = _LazyRegistry(config.root)
    entries, bodies, terms = load_entries(config, cache, progress)
    _phase("load", started)
    check_unique_slugs(entries)
    public = config.output
    untouched = public.is_dir() and _untouched(public, cache.outputs)
    inputs = _key(shared, sorted((e.slug, e.digest) for e in entries))
    if inputs == cache.inputs and untouched:
        # Nothing read differs from what public/ was built from: nothing to write.
        save_cache(cache)
        return BuildResult(len(entries), len(cache.outputs), 0, 0,
                           time.perf_counter() - started, False)

    structure = _key(shared, [(e.slug, e.published.isoformat(), e.tags, sorted(e.entities.items()))
                              for e in sorted(entries, key=lambda e: e.slug)])
    cards = {e.slug: _key("", e.title, e.summary, e.image.credit if e.image else "")
             for e in entries}
    if structure == cache.structure and untouched:
        # Same slugs, dates and tags: pagination, editions and related are as they were,
        # so only the pages that show a changed entry need planning at all.
        site = index_site(config, entries, related=cache.related, registry=registry)
        jobs, removed = plan_changed(site, bodies, terms, previous_terms, theme, shared, cache,
                                     cards)
        replace_all = False
    else:
        site = index_site(config, entries, registry=registry)
        _phase("index", started)
        cache.related = related_slugs(site)
        jobs = plan_outputs(site, bodies, terms, theme, shared, cache)
        _phase("plan", started)
        replace_all = not cache.outputs or not public.is_dir()
        removed = [] if replace_all else sorted(set(cache.outputs) - {j.file for j in jobs})

    todo = [job for job in jobs if replace_all or not _up_to_date(job, cache, public)]
    _render_into(stage, todo, progress)
    _phase("render", started)
    stage.commit([job.file for job in todo], removed, replace_all)
    manifest = _manifest(public, jobs)
    if replace_all or structure != cache.structure:
        cache.outputs = manifest
    else:
        cache.outputs.update(manifest)
        for file in removed:
            del cache.outputs[file]
    cache.inputs, cache.structure, cache.cards = inputs, structure, cards
    cache.digests = {e.slug: e.digest for e in entries}
    cache.bodies.keep_only({e.body_key for e in entries})
    cache.terms.keep_only({e.digest for e in entries})
    save_cache(cache)
    return BuildResult(entries=len(entries), outputs=len(cache.outputs), rendered=len(todo),
                       removed=len(removed), seconds=time.perf_counter() - started,
                       search_updated=any(j.file.startswith("search/") for j in todo))


class _LazyRegistry:
    """The entity registry, loaded only if a page asks for an entity's aliases."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._registry = None

    def get(self, name: str):
        if self._registry is None:
            from briefing.entities import load_registry
            self._registry = load_registry(self.root)
        return self._registry.get(name)


def _phase(name: str, started: float) -> None:
    """`briefing build -v` says where the time goes."""
    log.info("build: %s done at %.2f s", name, time.perf_counter() - started)


@contextlib.contextmanager
def site_lock(config: Config) -> Iterator[None]:
    """One build per site at a time: two would commit over each other."""
    config.cache_dir.mkdir(parents=True, exist_ok=True)
    handle = (config.cache_dir / "lock").open("w")
    try:
        try:
            import fcntl
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:  # Windows: no advisory locks; builds are rarely concurrent there
            pass
        except OSError:
            raise BuildError(f"another build of the site in {config.root} is running",
                             hint="wait for it to finish, then build again") from None
        yield
    finally:
        handle.close()


# -- loading -----------------------------------------------------------------

_LOAD_WORK: list[Path] = []
_LOAD_CONFIG: Config | None = None


def load_entries(config: Config, cache: BuildCache, progress: bool = False
                 ) -> tuple[list[Entry], dict[str, str], dict[str, tuple[str, str]]]:
    """Every entry with its body HTML and search terms, redoing only files that changed.

    Parsing YAML and rendering Markdown are most of a cold build, so changed
    files are read on every core; unchanged ones come from the cache by stat.
    """
    global _LOAD_WORK, _LOAD_CONFIG
    known, errors = cache.entries, []
    fresh: dict[str, tuple] = {}
    found: dict[str, Entry] = {}
    stale: list[Path] = []
    stamps: dict[str, tuple] = {}
    content_dir = config.content_dir
    prefix = len(str(content_dir)) + 1
    for path in list_entries(content_dir):
        # Plain strings and os.stat: pathlib costs more than the stat calls on 10,000 entries.
        name = str(path)[prefix:].replace(os.sep, "/")
        try:
            stat = os.stat(path)
        except OSError as exc:
            errors.append(ContentError(f"cannot be read: {exc.strerror}", path))
            continue
        # ctime too: tools that restore mtimes (cp -p, rsync -t, tar) cannot set it.
        stamps[name] = (stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino, stat.st_size,
                        config.timezone, config.allow_html)
        hit = known.get(name)
        if hit is not None and tuple(hit[0]) == stamps[name] \
                and (hit[2] is None or _photo_stamp(content_dir, hit[1]) == hit[2]):
            found[name] = _from_record(path, hit[1])
            fresh[name] = hit
        else:
            stale.append(path)
    _LOAD_WORK, _LOAD_CONFIG = stale, config
    for path, outcome in zip(stale, _map(_load_chunk, len(stale), progress, "entries"), strict=True):
        if isinstance(outcome, BriefingError):
            errors.append(outcome)
            continue
        record, html, strong_weak = outcome
        name = path.relative_to(config.content_dir).as_posix()
        found[name] = _from_record(path, record)
        fresh[name] = (stamps[name], record, _photo_stamp(config.content_dir, record))
        cache.bodies[record[8]] = html
        cache.terms[record[9]] = strong_weak
    if errors:
        errors.sort(key=lambda e: str(e.path))
        for error in errors[1:]:
            log.error("error: %s", error)
        raise errors[0]
    entries = [found[name] for name in sorted(found)]
    cache.entries = fresh
    bodies = _Lookup(cache.bodies, {e.slug: e.body_key for e in entries})
    terms = _Lookup(cache.terms, {e.slug: e.digest for e in entries})
    return entries, bodies, terms  # type: ignore[return-value]


class _Lookup:
    """slug -> cached value, read from the cache's buckets only for the slugs asked for."""

    def __init__(self, store: Buckets, keys: dict[str, str]) -> None:
        self.store, self.keys = store, keys

    def __getitem__(self, slug: str):
        return self.store[self.keys[slug]]


def _load_chunk(indices: list[int]) -> list:
    """Worker: parse, validate, render and index some entries; errors are results too."""
    assert _LOAD_CONFIG is not None
    renderer = MarkdownRenderer(allow_html=_LOAD_CONFIG.allow_html)
    results: list = []
    for i in indices:
        path = _LOAD_WORK[i]
        try:
            metadata, body, _line, text = read_entry(path)
            entry = with_photo(entry_from(metadata, body, text, path, _LOAD_CONFIG.tz),
                               _LOAD_CONFIG.content_dir, text)
        except ContentError as error:
            results.append(error)
            continue
        body_key = _body_key(entry.body, _LOAD_CONFIG.allow_html)
        html = renderer.render(entry.body)
        image = entry.image
        captions = f"{image.caption}\n{image.alt}" if image else ""
        strong, weak = search.entry_terms(entry.title, entry.tags, f"{entry.summary}\n{captions}",
                                          entry.body)
        record = _to_record(entry, body_key)
        results.append((record, html, (" ".join(strong), " ".join(weak))))
    return results


def _photo_stamp(content_dir: Path, record: tuple) -> tuple | None:
    """The stat of an entry's photo: a replaced or deleted photo makes the entry stale."""
    image = record[7]
    if not image or not image[3]:
        return None
    try:
        stat = (content_dir / image[3]).stat()
    except OSError:
        return ()
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


def with_photo(entry: Entry, content_dir: Path, text: str) -> Entry:
    """Read the photo's size, and let its bytes' stat change the entry's digest."""
    image = entry.image
    if image is None or not image.file:
        return entry
    path = content_dir / image.file
    if not path.is_file():
        raise ContentError(f"its photo {image.file} is not in {content_dir.name}/", entry.path,
                           _line_of(text, "image"),
                           hint="put the photo there, or remove the file: line from image")
    width, height = images.photo_size(path)
    stat = path.stat()
    digest = hashlib.sha256(f"{entry.digest}\0{stat.st_size}\0{stat.st_mtime_ns}\0{stat.st_ctime_ns}"
                            .encode()).hexdigest()[:20]
    return replace(entry, image=replace(image, width=width, height=height), digest=digest)


def _line_of(text: str, key: str) -> int | None:
    at = text.find(f"\n{key}:")
    return text.count("\n", 0, at + 1) + 1 if at != -1 else None


def _body_key(body: str, allow_html: bool) -> str:
    return hashlib.sha256(f"{allow_html}\0{body}".encode()).hexdigest()[:24]


def _to_record(entry: Entry, body_key: str) -> tuple:
    """An entry as plain data for the cache (marshal takes no dataclasses or datetimes)."""
    image = astuple(entry.image) if entry.image else None
    return (entry.slug, entry.title, entry.published.isoformat(), entry.summary, entry.tags,
            entry.entities, entry.source, image, body_key, entry.digest)


def _from_record(path: Path, record: tuple) -> Entry:
    slug, title, published, summary, tags, entities, source, image, body_key, digest = record
    # The Markdown source is not kept: its HTML is cached under body_key.
    return Entry(path=path, slug=slug, title=title, published=datetime.fromisoformat(published),
                 summary=summary, body="", tags=tuple(tags),
                 entities={k: tuple(v) for k, v in entities.items()},
                 source=source, image=Image(*image) if image else None, digest=digest,
                 body_key=body_key)


# -- planning ----------------------------------------------------------------

def plan_outputs(site: Site, bodies: dict[str, str], terms: dict[str, tuple[str, str]],
                 theme: Theme, shared: str, cache: BuildCache) -> list[Job]:
    """Every file public/ will hold, each with the fingerprint of what it is made from."""
    config = site.config
    env = make_environment(theme)
    pages = all_pages(site, bodies)
    for name in sorted({page.template for page in pages}):
        _check_template(env, name)
    jobs = [Job(page.file, _key(shared, page.template, page.context), _page_maker(env, page))
            for page in pages]
    jobs += _feed_jobs(site, shared)
    jobs += [job for e in site.entries for job in _photo_jobs(config, e)]
    listed = [(p.url, p.context["entry"]["day"] if "entry" in p.context else None)
              for p in pages if p.url != "404.html"]
    jobs.append(Job("sitemap.xml", _key(shared, "sitemap", listed),
                    lambda: sitemap.sitemap(config, listed)))
    jobs.append(Job("robots.txt", _key(shared, "robots"), lambda: sitemap.robots(config)))
    jobs.append(Job(".nojekyll", _key(shared, "nojekyll"), lambda: b""))
    shards = search.build_shards([(terms[e.slug][0].split(), terms[e.slug][1].split())
                                  for e in site.entries[::-1]])
    cache.shards.clear()
    for name, shard in shards.items():
        cache.shards[name] = shard
    jobs += _search_jobs(site, shards)
    for file, source in theme.static_files().items():
        jobs.append(_static_job(file, source))
    seen: dict[str, Job] = {}
    for job in jobs:
        if seen.setdefault(job.file, job) is not job:
            raise BuildError(f"two outputs would be written to {job.file}", config.output,
                             hint="rename the theme's static file or the entry's slug")
    return jobs


def _check_template(env, name: str) -> None:
    """Compile each template once up front: a syntax error stops the build before any page."""
    render_error = None
    try:
        env.get_template(name)
    except Exception as exc:
        render_error = exc
    if render_error is not None:
        try:
            render(env, name, {})
        except ThemeError:
            raise
        except Exception:
            raise ThemeError(f"template {name} cannot be loaded: {render_error}") from None


def _page_maker(env, page: PageJob) -> Callable[[], bytes]:
    return lambda: render(env, page.template, page.context).encode("utf-8")


def _feed_jobs(site: Site, shared: str, only_tags: set[str] | None = None) -> list[Job]:
    config = site.config
    items = feeds.feed_items(site.entries, config)
    jobs = [
        Job("atom.xml", _key(shared, "atom", items),
            lambda: feeds.atom(config, config.title, "", "atom.xml", items)),
        Job("rss.xml", _key(shared, "rss", items),
            lambda: feeds.rss(config, config.title, "", "rss.xml", items)),
    ]
    for tag in site.tags.values():
        if only_tags is not None and tag.slug not in only_tags:
            continue
        tag_items = feeds.feed_items(tag.entries, config)
        title = f"{config.title}: {tag.name}"
        page, feed = urls.tag(tag.slug), urls.tag_feed(tag.slug)
        jobs.append(Job(feed, _key(shared, "tag-atom", title, feed, tag_items),
                        lambda t=title, p=page, f=feed, i=tag_items: feeds.atom(config, t, p, f, i)))
    return jobs


def _photo_jobs(config: Config, entry: Entry) -> list[Job]:
    image = entry.image
    if image is None or not image.file:
        return []
    source = config.content_dir / image.file
    return [Job(v.file, _key("photo", entry.digest, v.file, v.width, v.height, images.QUALITY),
                lambda v=v: images.resize(source, v))
            for v in images.variants(entry.slug, image.file, image.width, image.height)]


def _search_jobs(site: Site, shards: dict[str, dict[str, list[int]]],
                 only_shards: set[str] | None = None, only_docs: set[int] | None = None
                 ) -> list[Job]:
    """The search index's files; ids run oldest first so a new entry only appends."""
    oldest_first = site.entries[::-1]
    jobs = [Job(f"search/terms/{name}.json", _key("", shard), lambda s=shard: search.shard_json(s))
            for name, shard in sorted(shards.items()) if only_shards is None or name in only_shards]
    size = search.DOCS_PER_FILE
    for start in range(0, len(oldest_first), size):
        if only_docs is not None and start // size not in only_docs:
            continue
        rows = [[urls.entry(e.slug), e.title, e.day.isoformat(), e.summary, list(e.tags)]
                for e in oldest_first[start:start + size]]
        jobs.append(Job(f"search/docs/{start // size}.json", _key("", rows),
                        lambda r=rows: search.docs_json(r)))
    if only_docs is None:
        count = len(oldest_first)
        jobs.append(Job("search/meta.json", _key("", "meta", count), lambda: search.meta_json(count)))
    return jobs


def plan_changed(site: Site, bodies: dict[str, str], terms: dict[str, tuple[str, str]],
                 previous_terms: dict[str, tuple[str, str]], theme: Theme, shared: str,
                 cache: BuildCache, cards: dict[str, str]) -> tuple[list[Job], list[str]]:
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
    gone = [file for slug in changed for file in cache.outputs
            if file.startswith(f"images/{slug}-") and file not in made]
    pages = changed_pages(site, bodies, reach)
    jobs = [Job(page.file, _key(shared, page.template, page.context), _page_maker(env, page))
            for page in pages]
    jobs += photos
    if site_feed or tag_feeds:
        jobs += [job for job in _feed_jobs(site, shared, only_tags=feed_tags)
                 if site_feed or job.file.startswith("tags/")]
    # Patch the search postings in place: ids are unchanged because the order is.
    total = len(site.entries)
    touched: set[str] = set()
    patched: dict[str, dict[str, list[int]]] = {}

    def shard_of(term: str) -> dict[str, list[int]]:
        key = search.shard_key(term)
        if key not in patched:
            patched[key] = dict(cache.shards.get(key) or {})
        touched.add(key)
        return patched[key]

    for slug in changed:
        code = (total - 1 - position[slug]) * 2
        old = previous_terms.get(cache.digests[slug])
        new = terms[slug]
        for words, bit in ((old[0], 1), (old[1], 0)) if old else ():
            for term in words.split():
                shard = shard_of(term)
                shard[term] = [c for c in shard[term] if c != code + bit]
                if not shard[term]:
                    del shard[term]
        for words, bit in ((new[0], 1), (new[1], 0)):
            for term in words.split():
                shard = shard_of(term)
                shard[term] = list(shard.get(term, ()))
                bisect.insort(shard[term], code + bit)
    emptied = set()
    for key, shard in patched.items():
        if shard:
            cache.shards[key] = dict(sorted(shard.items()))
        else:
            del cache.shards[key]
            emptied.add(key)
    shards = {key: cache.shards[key] for key in touched - emptied}
    docs = {(total - 1 - position[slug]) // search.DOCS_PER_FILE for slug in shown_elsewhere}
    jobs += _search_jobs(site, shards, only_shards=touched - emptied, only_docs=docs)
    return jobs, sorted([*gone, *(f"search/terms/{key}.json" for key in emptied)])


def _static_job(file: str, source: Path) -> Job:
    data = source.read_bytes()
    return Job(file, hashlib.sha256(data).hexdigest()[:24], lambda: data)


def _config_key(config: Config) -> str:
    values = [getattr(config, f.name) for f in fields(config) if f.name not in {"root", "source_text"}]
    return repr(values)


def _key(shared: str, *parts: object) -> str:
    digest = hashlib.sha256(shared.encode())
    digest.update(marshal.dumps(parts, MARSHAL_VERSION))
    return digest.hexdigest()[:24]


# -- rendering and writing ---------------------------------------------------

_JOBS: list[Job] = []
_STAGE: Stage | None = None


def _untouched(public: Path, outputs: dict[str, tuple[str, int, int]]) -> bool:
    """public/ still holds exactly the files the last build wrote (nobody edited or deleted one)."""
    if not outputs:
        return False
    root = str(public) + os.sep
    for file, (_fingerprint, size, mtime) in outputs.items():
        try:
            stat = os.stat(root + file)
        except OSError:
            return False
        if stat.st_size != size or stat.st_mtime_ns != mtime:
            return False
    return True


def _up_to_date(job: Job, cache: BuildCache, public: Path) -> bool:
    known = cache.outputs.get(job.file)
    if known is None or known[0] != job.key:
        return False
    try:
        stat = (public / job.file).stat()
    except OSError:
        return False
    return (stat.st_size, stat.st_mtime_ns) == (known[1], known[2])


def _render_into(stage: Stage, todo: list[Job], progress: bool) -> None:
    global _JOBS, _STAGE
    _JOBS, _STAGE = todo, stage
    _map(_render_chunk, len(todo), progress, "pages")


def _render_chunk(indices: list[int]) -> list[None]:
    assert _STAGE is not None
    for i in indices:
        job = _JOBS[i]
        _STAGE.write(job.file, job.make())
    return [None] * len(indices)


def _map(work: Callable[[list[int]], list], count: int, progress: bool, what: str) -> list:
    """Run `work` over 0..count-1 in chunks, on every core when it pays; results in order."""
    chunks = [list(range(i, min(i + 200, count))) for i in range(0, count, 200)]
    bar = _progress(count, what) if progress and count >= PARALLEL_THRESHOLD else None
    results: list = []
    cores = os.cpu_count() or 1
    try:
        if count >= PARALLEL_THRESHOLD and cores > 1 and "fork" in multiprocessing.get_all_start_methods():
            # Fork, so workers inherit the site in memory instead of unpickling it.
            with multiprocessing.get_context("fork").Pool(min(cores, 8)) as pool:
                for part in pool.imap(_guarded(work), chunks):
                    results.extend(_unwrap(part))
                    if bar:
                        bar.update(len(part))
        else:
            for chunk in chunks:
                results.extend(work(chunk))
                if bar:
                    bar.update(len(chunk))
    finally:
        if bar:
            bar.close()
    return results


class _guarded:
    """Carry a BriefingError back from a worker whole (its fields do not survive pickling)."""

    def __init__(self, work: Callable[[list[int]], list]) -> None:
        self.work = work

    def __call__(self, chunk: list[int]) -> tuple:
        try:
            return ("ok", self.work(chunk))
        except BriefingError as error:
            return ("error", type(error).__name__, error.message, str(error.path or ""),
                    error.line, error.hint)


def _unwrap(part: tuple) -> list:
    if part[0] == "ok":
        return part[1]
    import briefing.errors as errors
    kind, message, path, line, hint = part[1:]
    raise getattr(errors, kind)(message, path or None, line, hint)


def _progress(total: int, what: str):
    from tqdm import tqdm
    return tqdm(total=total, desc=what, unit="", leave=False, file=sys.stderr)


def _manifest(public: Path, jobs: list[Job]) -> dict[str, tuple[str, int, int]]:
    manifest = {}
    for job in jobs:
        stat = (public / job.file).stat()
        manifest[job.file] = (job.key, stat.st_size, stat.st_mtime_ns)
    return manifest


