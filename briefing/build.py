"""The build: content/ + theme + config -> public/, redoing only what changed.

    lock -> load entries -> index -> render bodies -> plan outputs ->
    render what changed (both cores) -> commit to public/ -> search index

Every output has a fingerprint of everything it is made from; an output
whose fingerprint matches the last build's, and whose file in public/ is
untouched, is not rendered again. The result is byte-identical to a clean
build, which the tests check after each kind of change.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import marshal
import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import astuple, dataclass, fields
from datetime import datetime
from pathlib import Path

from briefing.cache import MARSHAL_VERSION, BuildCache, load_cache, save_cache
from briefing.config import Config
from briefing.entryfile import read_entry
from briefing.errors import BriefingError, BuildError, ContentError, ThemeError
from briefing.index import Site, index_site
from briefing.load import check_unique_slugs, entry_from, list_entries
from briefing.model import Entry, Image
from briefing.output import Stage, open_stage
from briefing.render import feeds, sitemap, urls
from briefing.render.markdown import MarkdownRenderer
from briefing.render.pages import PageJob, all_pages
from briefing.render.search import BUNDLE, build_search_index
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
    started = time.perf_counter()
    with site_lock(config):
        cache = load_cache(config.cache_dir)
        stage = open_stage(config.cache_dir, config.output)
        entries = load_entries(config, cache)
        check_unique_slugs(entries)
        site = index_site(config, entries)
        bodies = render_bodies(site, cache, progress)
        theme = find_theme(config)
        jobs = plan_outputs(site, bodies, theme)

        public = config.output
        replace_all = not cache.outputs or not public.is_dir()
        todo = [job for job in jobs if replace_all or not _up_to_date(job, cache, public)]
        _render_into(stage, todo, progress)
        produced = {job.file for job in jobs}
        removed = [] if replace_all else sorted(set(cache.outputs) - produced)
        stage.commit([job.file for job in todo], removed, replace_all)

        cache.outputs = _manifest(public, jobs)
        search_key = hashlib.sha256("".join(
            cache.outputs[j.file][0] for j in jobs if j.file.startswith("briefings/")).encode()
        ).hexdigest()
        search_updated = replace_all or search_key != cache.search \
            or not (public / BUNDLE).is_dir()
        if search_updated:
            cache.search = ""
            save_cache(config.cache_dir, cache)
            build_search_index(public, config.cache_dir, config.language)
            cache.search = search_key
        save_cache(config.cache_dir, cache)
    return BuildResult(entries=len(entries), outputs=len(jobs), rendered=len(todo),
                       removed=len(removed), seconds=time.perf_counter() - started,
                       search_updated=search_updated)


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

def load_entries(config: Config, cache: BuildCache) -> list[Entry]:
    """Every entry, parsing only files whose size or time changed since the last build."""
    known, entries, errors = cache.entries, [], []
    fresh: dict[str, tuple] = {}
    for path in list_entries(config.content_dir):
        name = path.relative_to(config.content_dir).as_posix()
        try:
            stat = path.stat()
            stamp = (stat.st_mtime_ns, stat.st_size, config.timezone)
            hit = known.get(name)
            if hit is not None and tuple(hit[0]) == stamp:
                record = hit[1]
                entry = _from_record(path, record)
            else:
                metadata, body, _line, text = read_entry(path)
                entry = entry_from(metadata, body, text, path, config.tz)
                record = _to_record(entry)
            fresh[name] = (stamp, record)
            entries.append(entry)
        except ContentError as error:
            errors.append(error)
        except OSError as exc:
            errors.append(ContentError(f"cannot be read: {exc.strerror}", path))
    cache.entries = fresh
    if errors:
        for error in errors[1:]:
            log.error("error: %s", error)
        raise errors[0]
    return entries


def _to_record(entry: Entry) -> tuple:
    image = astuple(entry.image) if entry.image else None
    return (entry.slug, entry.title, entry.published.isoformat(), entry.summary, entry.body,
            entry.tags, entry.entities, entry.source, image, entry.digest)


def _from_record(path: Path, record: tuple) -> Entry:
    slug, title, published, summary, body, tags, entities, source, image, digest = record
    return Entry(path=path, slug=slug, title=title, published=datetime.fromisoformat(published),
                 summary=summary, body=body, tags=tuple(tags), entities=dict(entities),
                 source=source, image=Image(*image) if image else None, digest=digest)


# -- bodies ------------------------------------------------------------------

_BODY_WORK: list[str] = []
_RENDERER: MarkdownRenderer | None = None


def render_bodies(site: Site, cache: BuildCache, progress: bool) -> dict[str, str]:
    """Markdown to HTML once per distinct body: Python-Markdown is the slowest step."""
    allow = site.config.allow_html
    keys = {e.slug: hashlib.sha256(f"{allow}\0{e.body}".encode()).hexdigest()[:24]
            for e in site.entries}
    texts = {keys[e.slug]: e.body for e in site.entries}
    missing = sorted(k for k in texts if k not in cache.bodies)
    global _BODY_WORK, _RENDERER
    _BODY_WORK = [texts[k] for k in missing]
    _RENDERER = MarkdownRenderer(allow_html=allow)
    html = _map(_render_body_chunk, len(missing), progress, "bodies")
    done = dict(zip(missing, html, strict=True))
    cache.bodies = {k: cache.bodies.get(k) or done[k] for k in sorted(texts)}
    return {slug: cache.bodies[key] for slug, key in keys.items()}


def _render_body_chunk(indices: list[int]) -> list[str]:
    assert _RENDERER is not None
    return [_RENDERER.render(_BODY_WORK[i]) for i in indices]


# -- planning ----------------------------------------------------------------

def plan_outputs(site: Site, bodies: dict[str, str], theme: Theme) -> list[Job]:
    config = site.config
    env = make_environment(theme)
    shared = "\0".join([theme.fingerprint(), _config_key(config)])
    pages = all_pages(site, bodies)
    for name in sorted({page.template for page in pages}):
        _check_template(env, name)
    jobs = [Job(page.file, _key(shared, page.template, page.context), _page_maker(env, page))
            for page in pages]
    jobs += _feed_jobs(site, shared)
    listed = [(p.url, p.context["entry"]["day"] if "entry" in p.context else None)
              for p in pages if p.url != "404.html"]
    jobs.append(Job("sitemap.xml", _key(shared, "sitemap", listed),
                    lambda: sitemap.sitemap(config, listed)))
    jobs.append(Job("robots.txt", _key(shared, "robots"), lambda: sitemap.robots(config)))
    jobs.append(Job(".nojekyll", _key(shared, "nojekyll"), lambda: b""))
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


def _feed_jobs(site: Site, shared: str) -> list[Job]:
    config = site.config
    items = feeds.feed_items(site.entries, config)
    jobs = [
        Job("atom.xml", _key(shared, "atom", items),
            lambda: feeds.atom(config, config.title, "", "atom.xml", items)),
        Job("rss.xml", _key(shared, "rss", items),
            lambda: feeds.rss(config, config.title, "", "rss.xml", items)),
    ]
    for tag in site.tags.values():
        tag_items = feeds.feed_items(tag.entries, config)
        title = f"{config.title}: {tag.name}"
        page, feed = urls.tag(tag.slug), urls.tag_feed(tag.slug)
        jobs.append(Job(feed, _key(shared, "tag-atom", title, feed, tag_items),
                        lambda t=title, p=page, f=feed, i=tag_items: feeds.atom(config, t, p, f, i)))
    return jobs


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


