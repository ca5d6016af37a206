"""The site's configuration: `briefing.toml` at the site root, every key optional."""

from __future__ import annotations

import difflib
import logging
import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from briefing.display import shown
from briefing.errors import ConfigError

log = logging.getLogger("briefing")

CONFIG_NAME = "briefing.toml"


@dataclass(frozen=True)
class Config:
    """Everything a build needs to know about the site, validated once."""

    root: Path
    title: str = "Briefing"
    description: str = "A digest of defence and security news."
    base_url: str = "http://localhost:8000/"
    language: str = "en"
    theme: str = "default"
    page_size: int = 10
    timezone: str = "UTC"
    feed_size: int = 20
    related_count: int = 5
    allow_html: bool = False
    output_dir: str = "public"
    # Story detection (briefing/stories.py): how similar two reports' words must be to be
    # one story (0-1; near copies always are), and how many days apart they may be.
    story_threshold: float = 0.33
    story_days: int = 4
    # Output that fits a static host (see render/families.py): warn past max_files, keep
    # day editions for the newest N days and N pages of each list. 0 is no limit.
    max_files: int = 0
    day_editions: int = 0
    list_pages: int = 0
    # A Dask scheduler ("tcp://HOST:PORT") to build on (dask_executor.py); "" builds here.
    executor: str = ""
    # An output folder outside the site (a deploy checkout, /srv/www) is refused unless set.
    output_outside_site: bool = False
    # Who publishes the site, for structured data (JSON-LD) and the news sitemap; "" is the title.
    publisher: str = ""
    publisher_logo: str = ""  # an image URL, or a path under base_url ("logo.png")
    # Where caches, staging and locks live; `briefing serve` uses its own so it never
    # disturbs public/ or a build running beside it. Not a TOML key.
    state_dir: str = ".briefing-cache"
    # What a build publishes beyond live entries (`--drafts`, `--future`; `serve` shows
    # drafts). Not TOML keys: a published site should not depend on a forgotten setting.
    drafts: bool = False
    future: bool = False
    # The folder `briefing serve` previews into (below .briefing-cache/). Not a TOML key.
    preview: bool = False
    # Keys seen in the file, so errors can point at a line.
    source_text: str = field(default="", repr=False, compare=False)

    @property
    def path(self) -> Path:
        return self.root / CONFIG_NAME

    @property
    def seeds_dir(self) -> Path:
        return self.root / "seeds"

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def themes_dir(self) -> Path:
        return self.root / "themes"

    @property
    def output(self) -> Path:
        return self.root / self.output_dir

    @property
    def cache_dir(self) -> Path:
        return self.root / self.state_dir

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def base_path(self) -> str:
        """The path part of base_url, always with slashes at both ends ("/digest/")."""
        path = urlsplit(self.base_url).path or "/"
        return path if path.endswith("/") else path + "/"

    def with_base_url(self, base_url: str) -> Config:
        return _validated(replace(self, base_url=_normalise_base_url(base_url, self, "--base-url")))


_EDITABLE = {
    f.name: f
    for f in fields(Config)
    if f.name not in {"root", "source_text", "state_dir", "drafts", "future", "preview"}
}
_TYPES: dict[str, type] = {
    "page_size": int,
    "feed_size": int,
    "related_count": int,
    "allow_html": bool,
    "output_outside_site": bool,
    "story_threshold": float,
    "story_days": int,
    "max_files": int,
    "day_editions": int,
    "list_pages": int,
}


def load_config(root: Path) -> Config:
    """Read `briefing.toml` if there is one; defaults otherwise."""
    path = root / CONFIG_NAME
    if not path.exists():
        return _validated(Config(root=root))
    try:
        # utf-8-sig: Windows editors save a BOM, which TOML calls an "invalid statement".
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError("is not UTF-8 text", path, hint="save it as UTF-8") from exc
    except OSError as exc:
        raise ConfigError(f"cannot be read: {exc.strerror}", path) from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        reason = re.sub(r"\s*\(at line.*\)", "", str(exc))
        raise ConfigError(
            f"is not valid TOML: {reason}",
            path,
            int(match.group(1)) if match else None,
            hint="fix the syntax; see the README's Configuration section",
        ) from exc

    values: dict[str, object] = {}
    for key, value in data.items():
        if key not in _EDITABLE:
            close = difflib.get_close_matches(key, _EDITABLE, n=1)
            suggestion = f"; did you mean '{close[0]}'?" if close else ""
            log.warning(
                "%s:%s: unknown key '%s' is ignored%s",
                shown(path),
                _line_of(text, key) or "?",
                key,
                suggestion,
            )
            continue
        expected = _TYPES.get(key, str)
        ok = isinstance(value, expected) and not (expected is int and isinstance(value, bool))
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            ok, value = True, float(value)
        if not ok:
            raise ConfigError(
                f"'{key}' must be {_describe(expected)}, not {type(value).__name__}",
                path,
                _line_of(text, key),
                hint=f"for example {key} = {_example(key)}",
            )
        values[key] = value
    config = Config(root=root, source_text=text, **values)  # type: ignore[arg-type]
    if "base_url" in values:
        config = replace(config, base_url=_normalise_base_url(config.base_url, config, "base_url"))
    return _validated(config)


def _validated(config: Config) -> Config:
    path = config.path
    for key in ("title", "description", "language"):
        value = getattr(config, key)
        if any((ord(ch) < 32 and ch not in "\t") or 0x7F <= ord(ch) < 0xA0 for ch in value):
            raise ConfigError(
                f"'{key}' contains a control character",
                path,
                _line_of(config.source_text, key),
                hint="remove it; every page and feed carries this text",
            )
    if not config.title.strip():
        raise ConfigError(
            "'title' is empty",
            path,
            _line_of(config.source_text, "title"),
            hint='for example title = "Briefing"',
        )
    for key in ("page_size", "feed_size"):
        if getattr(config, key) < 1:
            raise ConfigError(f"'{key}' must be at least 1", path, _line_of(config.source_text, key))
    if not 0 < config.story_threshold <= 1:
        raise ConfigError(
            "'story_threshold' must be above 0 and at most 1",
            path,
            _line_of(config.source_text, "story_threshold"),
            hint="for example story_threshold = 0.33 (higher joins fewer reports)",
        )
    if config.story_days < 0:
        raise ConfigError(
            "'story_days' must not be negative", path, _line_of(config.source_text, "story_days")
        )
    for key in ("related_count", "max_files", "day_editions", "list_pages"):
        if getattr(config, key) < 0:
            raise ConfigError(f"'{key}' must not be negative", path, _line_of(config.source_text, key))
    try:
        ZoneInfo(config.timezone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(
            f"unknown time zone '{config.timezone}'",
            path,
            _line_of(config.source_text, "timezone"),
            hint='use an IANA name such as "Europe/London" or "UTC"',
        ) from exc
    if not re.fullmatch(r"[A-Za-z0-9_.-]+", config.theme) or config.theme.startswith("."):
        raise ConfigError(
            f"theme '{config.theme}' is not a folder name", path, _line_of(config.source_text, "theme")
        )
    if config.executor and not re.fullmatch(r"[a-z][a-z0-9+]*://\S+", config.executor):
        raise ConfigError(
            f"executor '{config.executor}' is not a Dask scheduler address",
            path,
            _line_of(config.source_text, "executor"),
            hint='for example executor = "tcp://10.0.0.5:8786", or leave it out to build here',
        )
    from briefing.output_guard import check_output

    check_output(config, preview=config.preview, line=_line_of(config.source_text, "output_dir"))
    return config


def _normalise_base_url(url: str, config: Config, what: str) -> str:
    """base_url as every page, feed and sitemap line will carry it, or a ConfigError.

    It lands verbatim in robots.txt, sitemaps and feeds, and its path names the folder
    `briefing serve` previews into: whitespace, control characters, a query, a fragment,
    dot segments or a port out of range would each corrupt one of those.
    """

    def bad(reason: str) -> ConfigError:
        return ConfigError(
            f"{what} {url!r} {reason}",
            config.path if what == "base_url" else None,
            _line_of(config.source_text, "base_url") if what == "base_url" else None,
            hint='for example "https://user.github.io/digest/"',
        )

    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        raise bad("contains whitespace or a control character")
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise bad("is not an absolute http(s) URL with a host")
    if "?" in url or "#" in url:
        raise bad("must not have a query (?) or fragment (#)")
    try:
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError:
        raise bad("has a port out of range (1-65535)") from None
    if parts.port == 0:
        raise bad("has a port out of range (1-65535)")
    if parts.username is not None or parts.password is not None:
        raise bad("must not carry a user name or password")
    segments = unquote(parts.path).split("/")
    if any(segment in {".", ".."} for segment in segments) or "\\" in unquote(parts.path):
        raise bad("must not have '.' or '..' segments in its path")
    return url if url.endswith("/") else url + "/"


def _line_of(text: str, key: str) -> int | None:
    # `key = value`, or a table `[key]` where a value was meant.
    match = re.search(rf"^[ \t]*(?:{re.escape(key)}\s*=|\[\s*{re.escape(key)}\s*\])", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _describe(kind: type) -> str:
    return {int: "a whole number", float: "a number", bool: "true or false", str: "a quoted string"}[kind]


def _example(key: str) -> str:
    default = _EDITABLE[key].default
    if isinstance(default, bool):
        return str(default).lower()
    if isinstance(default, int | float):
        return str(default)
    return f'"{default}"'
