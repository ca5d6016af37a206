"""`briefing serve`: build, serve with live reload, rebuild what a save changed.

The preview is built into `.briefing-cache/serve-PORT/` with a loopback base_url,
so public/ (what gets published) is never touched and a `briefing build` can
run beside it. A failed rebuild keeps the last good pages and shows the
error over every page until a save fixes it.
"""

from __future__ import annotations

import errno
import html
import logging
import socket
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path

from livereload import Server
from livereload.handlers import LiveReloadHandler, StaticFileHandler
from tornado import ioloop
from tornado.web import HTTPError, RequestHandler

from briefing.build import CacheHolder, build_site
from briefing.config import Config, load_config
from briefing.errors import BriefingError, BuildError
from briefing.watch import EventWatcher

log = logging.getLogger("briefing")

# Per port: two previews of one site (say, two branches' configs) must not share a lock or cache.
SERVE_STATE = ".briefing-cache/serve-{port}-state"
SERVE_ROOT = ".briefing-cache/serve-{port}"
EPOCH_POLL_MS = 500
PORT_TRIES = 20
IDLE_SAVE_S = 1.0


@dataclass
class ServeState:
    error: str | None = None
    # Counts rebuilds. Pages carry the count they were served at and ask for the current
    # one: livereload drops a reload when no browser is connected at that moment (a page
    # still loading), and this catches it.
    epoch: int = 0
    # The timer that saves the build cache once saves pause (tornado's timeout handle).
    pending_save: object | None = None


# The preview server's own state: one server per process.
STATE = ServeState()


def preview_config(config: Config, bind: str, port: int) -> Config:
    """The site as previewed: same settings, a loopback address, its own output and cache."""
    host = "127.0.0.1" if bind in {"0.0.0.0", "::", ""} else bind
    host = f"[{host}]" if ":" in host else host
    base_path = config.base_path
    return replace(
        config,
        base_url=f"http://{host}:{port}{base_path}",
        output_dir=SERVE_ROOT.format(port=port) + base_path.rstrip("/"),
        state_dir=SERVE_STATE.format(port=port),
        drafts=True,  # an editor previews drafts too; pages mark them "Draft"
        preview=True,
    )


def free_port(bind: str, wanted: int) -> int:
    """`wanted`, or the next port that is free (and say so)."""
    for port in range(wanted, wanted + PORT_TRIES):
        family = socket.AF_INET6 if ":" in bind else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            # As the server binds: a port whose last connections are closing (a restart) is free.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind((bind, port))
            except OSError as exc:
                if exc.errno in {errno.EADDRINUSE, errno.EACCES}:
                    continue
                raise BuildError(
                    f"cannot listen on {bind}:{port}: {exc.strerror}", hint="pick another --bind address"
                ) from exc
        if port != wanted:
            log.warning("port %d is in use; serving on port %d instead", wanted, port)
        return port
    raise BuildError(
        f"ports {wanted}-{wanted + PORT_TRIES - 1} are all in use",
        hint="stop the other server or pass --port",
    )


class _Rebuilder:
    """What the watcher calls on a save: never raises, remembers the error for the overlay."""

    def __init__(
        self, root: Path, bind: str, port: int, ingest: bool, holder: CacheHolder, future: bool = False
    ) -> None:
        self.root, self.bind, self.port, self.ingest = root, bind, port, ingest
        self.holder = holder
        self.future = future
        self.__name__ = "ingest and build" if ingest else "build"

    def __call__(self) -> None:
        started = time.perf_counter()
        try:
            config = replace(load_config(self.root), future=self.future)
            if self.ingest:
                from briefing.ingest import ingest_site

                report = ingest_site(config)
                for error in report.failed:
                    print(f"error: {error}", file=sys.stderr)
                print(report.summary_line(), flush=True)
            result = build_site(preview_config(config, self.bind, self.port), holder=self.holder)
        except BriefingError as error:
            STATE.error = str(error)
            STATE.epoch += 1
            print(f"error: {error}", file=sys.stderr, flush=True)
            return
        except Exception as exc:
            STATE.error = f"internal error: {type(exc).__name__}: {exc}"
            STATE.epoch += 1
            print(f"error: {STATE.error}", file=sys.stderr, flush=True)
            return
        STATE.error = None
        STATE.epoch += 1
        print(f"{result.summary_line()} (save to reload: {time.perf_counter() - started:.2f} s)", flush=True)
        save_when_idle(self.holder)


def save_when_idle(holder: CacheHolder) -> None:
    """Write the build cache once saves pause, after the browser has its reload."""
    loop = ioloop.IOLoop.current()
    if STATE.pending_save is not None:
        loop.remove_timeout(STATE.pending_save)
    STATE.pending_save = loop.call_later(IDLE_SAVE_S, holder.save)


class _PreviewFiles(StaticFileHandler):
    """Static files, never cached by the browser, with the last error laid over HTML pages."""

    def set_extra_headers(self, path: str) -> None:
        self.set_header("Cache-Control", "no-store")

    def parse_url_path(self, url_path: str) -> str:
        # A NUL (GET /%00) makes the file system calls raise ValueError: a 500 and a traceback.
        if "\x00" in url_path:
            raise HTTPError(400)
        return super().parse_url_path(url_path)

    def compute_etag(self) -> None:
        # livereload caches versions by whole-second mtime: two saves in one second would
        # look unchanged. No validators at all: every request gets the file as it is now.
        return None

    def should_return_304(self) -> bool:
        return False

    @classmethod
    def get_content(cls, abspath: str, start=None, end=None):
        data = Path(abspath).read_bytes()
        if abspath.endswith(".html"):
            if STATE.error is not None:
                data = _with_overlay(data, STATE.error)
            data = _with_epoch_check(data, STATE.epoch)
        if start is not None or end is not None:
            data = data[start:end]
        return data

    def get_content_size(self) -> int:
        return len(self.get_content(self.absolute_path))


def _with_overlay(page: bytes, error: str) -> bytes:
    banner = (
        '<div role="alert" id="briefing-error" style="position:fixed;inset:0 0 auto 0;z-index:99999;'
        "background:#7a0b0b;color:#fff;font:15px/1.5 system-ui,sans-serif;padding:1rem 1.25rem;"
        'white-space:pre-wrap">'
        f"<strong>Build failed.</strong> Showing the last good pages.\n{html.escape(error)}</div>"
    ).encode()
    at = page.find(b"<body")
    end = page.find(b">", at) + 1 if at != -1 else 0
    return page[:end] + banner + page[end:]


def _with_epoch_check(page: bytes, epoch: int) -> bytes:
    script = (
        "<script>(function(){var seen=" + str(epoch) + ";setInterval(function(){"
        "fetch('/__briefing_epoch',{cache:'no-store'}).then(function(r){return r.text();})"
        ".then(function(t){if(t&&+t!==seen){location.reload();}}).catch(function(){});},"
        + str(EPOCH_POLL_MS)
        + ");})();</script>"
    ).encode()
    at = page.rfind(b"</body>")
    return page + script if at == -1 else page[:at] + script + page[at:]


class _Epoch(RequestHandler):
    def get(self) -> None:
        self.set_header("Cache-Control", "no-store")
        self.set_header("Content-Type", "text/plain")
        self.write(str(STATE.epoch))


class _PreviewServer(Server):
    def _setup_logging(self) -> None:
        """Keep the terminal for our own lines: livereload's INFO chatter hides errors."""

    def get_web_handlers(self, script):
        return [
            (r"/__briefing_epoch", _Epoch),
            (r"/(.*)", _PreviewFiles, {"path": self.root, "default_filename": "index.html"}),
        ]


def check_address(bind: str, port: int) -> None:
    """--bind must name an address (an empty one listens on every interface) and --port a port."""
    if not 1 <= port <= 65535 - PORT_TRIES:
        raise BuildError(f"--port {port} is out of range", hint=f"use a port from 1 to {65535 - PORT_TRIES}")
    if not bind.strip() or any(ch.isspace() for ch in bind):
        raise BuildError(
            f"--bind {bind!r} names no address",
            hint="use 127.0.0.1 (this machine only), or 0.0.0.0 to listen on every interface",
        )
    try:
        socket.getaddrinfo(bind, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise BuildError(f"--bind {bind!r} is not an address of this machine: {exc}") from None


def serve(config: Config, *, port: int = 8000, bind: str = "127.0.0.1") -> int:
    check_address(bind, port)
    port = free_port(bind, port)
    preview = preview_config(config, bind, port)
    # The watcher first: it counts any file saved after its creation as changed, so a save
    # made during the first build is rebuilt too.
    watcher = EventWatcher(config.root)
    print(f"building {config.root} for preview...", flush=True)
    holder = CacheHolder()  # the cache stays in memory between saves
    result = build_site(preview, holder=holder)  # a broken site at start is an error, as in `build`
    print(result.summary_line(), flush=True)
    root = config.root / SERVE_ROOT.format(port=port)
    _write_root_redirect(root, preview.base_path)

    # livereload drops a reload that comes within 3 s of the previous one; edits don't wait.
    LiveReloadHandler.DEFAULT_RELOAD_TIME = 0
    server = _PreviewServer(watcher=watcher)
    build_only = _Rebuilder(config.root, bind, port, ingest=False, holder=holder, future=config.future)
    for watched in ("content", "themes", "static", "briefing.toml", "entities.yml", "redirects.yml"):
        server.watch(str(config.root / watched), build_only)
    server.watch(
        str(config.root / "seeds"),
        _Rebuilder(config.root, bind, port, ingest=True, holder=holder, future=config.future),
    )
    print(f"serving {preview.base_url} (Ctrl+C to stop)", flush=True)
    ioloop.IOLoop.current().add_callback(save_when_idle, holder)
    try:
        server.serve(port=port, host=bind, root=str(root), restart_delay=0)
    finally:
        holder.save()
    return 0


def _write_root_redirect(root: Path, base_path: str) -> None:
    """Under a sub-path, the bare address leads to the site rather than a 404."""
    if base_path == "/":
        return
    target = html.escape(base_path)
    (root / "index.html").write_text(
        f'<!doctype html><meta charset="utf-8"><title>Redirect</title>'
        f'<meta http-equiv="refresh" content="0; url={target}"><a href="{target}">{target}</a>\n',
        encoding="utf-8",
    )
