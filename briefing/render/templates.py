"""The Jinja2 environment: theme lookup, filters, and template errors as one line.

Lookup order, as in Hugo: the site's `themes/<theme>/templates/` first, one
template at a time, then the default theme shipped with the package. Static
files follow the same order (`themes/<theme>/static/`, then the default's).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import jinja2
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

import briefing
from briefing.config import Config, _line_of
from briefing.errors import ThemeError
from briefing.model import GROUP_LABELS
from briefing.render.assets import published_names
from briefing.render.wrap import nobreak


def default_theme_dir() -> Path:
    """The packaged default theme; in a source checkout, the repo's themes/default."""
    packaged = Path(briefing.__file__).parent / "themes" / "default"
    if packaged.is_dir():
        return packaged
    return Path(briefing.__file__).parent.parent / "themes" / "default"


@dataclass(frozen=True)
class Theme:
    template_dirs: tuple[Path, ...]
    static_dirs: tuple[Path, ...]
    # Resolved folders a theme file may lead to (the site, the shipped theme): a symlink
    # elsewhere (static/passwd -> /etc/passwd) would publish that file.
    allowed: tuple[str, ...] = ()

    def fingerprint(self) -> str:
        """Changes whenever any template or static file in the lookup chain does."""
        digest = hashlib.sha256(briefing.__version__.encode())
        for folder in (*self.template_dirs, *self.static_dirs):
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                digest.update(str(path.relative_to(folder)).encode() + b"\0")
                digest.update(self.read(path))
        return digest.hexdigest()[:20]

    def static_files(self) -> dict[str, Path]:
        """Output path -> source file, the site's theme winning over the default."""
        files: dict[str, Path] = {}
        for folder in reversed(self.static_dirs):
            for path in folder.rglob("*"):
                if path.is_file() and not path.name.startswith("."):
                    self.check_inside(path)
                    files[path.relative_to(folder).as_posix()] = path
        return dict(sorted(files.items()))

    def check_inside(self, path: Path) -> None:
        """Refuse a theme file that resolves to somewhere outside the site and the shipped theme."""
        real = os.path.realpath(path)
        if self.allowed and not any(real == root or real.startswith(root + os.sep) for root in self.allowed):
            raise ThemeError(
                f"is a symlink to {real}, outside the site",
                path,
                hint="copy the file into the theme instead of linking to it",
            )

    def read(self, path: Path) -> bytes:
        """A theme file's bytes, or a ThemeError naming it."""
        self.check_inside(path)
        try:
            return path.read_bytes()
        except OSError as exc:
            raise ThemeError(f"cannot be read: {exc.strerror}", path, hint="check its permissions") from exc


def find_theme(config: Config) -> Theme:
    default = default_theme_dir()
    chain = []
    own = config.themes_dir / config.theme
    if own.is_dir():
        chain.append(own)
    elif config.theme != "default":
        raise ThemeError(
            f"theme '{config.theme}' not found in {config.themes_dir}",
            config.path,
            _line_of(config.source_text, "theme"),
            hint=f'create themes/{config.theme}/templates/ or set theme = "default"',
        )
    if default.resolve() not in [c.resolve() for c in chain]:
        chain.append(default)
    return Theme(
        template_dirs=tuple(d / "templates" for d in chain if (d / "templates").is_dir()),
        static_dirs=tuple(d / "static" for d in chain if (d / "static").is_dir()),
        allowed=(os.path.realpath(config.root), os.path.realpath(default)),
    )


# Templates run sandboxed: a theme from anywhere must not reach Python's internals
# (`''.__class__.__mro__`... leads to os.system). bench/sandbox.py measures the cost.
SANDBOXED = True


class _ViewEnvironment(jinja2.Environment):
    """Views are plain dicts: `item.title` looks up the key first.

    Jinja tries an attribute first and the key only after an AttributeError, and
    raising that for each of the ~30 lookups of a card cost a fifth of rendering.
    """

    def getattr(self, obj: object, attribute: str) -> object:
        if type(obj) is dict and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)


class _SandboxedViewEnvironment(SandboxedEnvironment):
    """The sandbox, with the same key-first lookup: a dict's key is data, never an attribute
    of Python's, so it needs no safety check; everything else goes through the sandbox's."""

    def getattr(self, obj: object, attribute: str) -> object:
        if type(obj) is dict and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)


def make_environment(theme: Theme) -> jinja2.Environment:
    kind = _SandboxedViewEnvironment if SANDBOXED else _ViewEnvironment
    env = kind(
        loader=jinja2.FileSystemLoader([str(d) for d in theme.template_dirs]),
        # One environment per build: templates cannot change under it, so no stat per page.
        auto_reload=False,
        autoescape=True,
        # A misspelt variable is a theme bug: fail loudly with its line, never render blanks.
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["longdate"] = long_date
    env.filters["shortdate"] = short_date
    env.filters["nobreak"] = nobreak
    # url('assets/briefing.css') gives the content-hashed name the file is published at.
    env.globals["assets"] = published_names(theme.static_files(), theme.read)
    env.globals["url"] = _url
    env.globals["link"] = link
    env.globals["cached"] = _memo()
    env.globals["group_label"] = lambda group: GROUP_LABELS.get(group, group)
    return env


# Stands in for a page's root while a cached macro renders: a control character that
# entries cannot hold (loading strips them) and escaping leaves alone.
_ROOT_STAND_IN = "\x1a"


def _memo():
    """`cached(macro, key, *args, root=root)`: a macro's output, made once per key.

    An entry's card appears on its front page, tag pages and editions: the same
    everywhere but for the way back to the site root in its links. With `root=`,
    the macro renders once with a stand-in root (passed as its last argument),
    and each page gets a copy with its own root put in. The macro must use its
    root only as the start of links to non-empty paths, as `link()` does.
    """
    made: dict[tuple, str] = {}

    def cached(macro, key: str, *args, root: str | None = None):
        memo_key = (macro.name, key, *(a for a in args if isinstance(a, str)))
        if root is None:
            if memo_key not in made:
                made[memo_key] = macro(*args)
            return made[memo_key]
        if memo_key not in made:
            made[memo_key] = str(macro(*args, _ROOT_STAND_IN))
        return Markup(made[memo_key].replace(_ROOT_STAND_IN, root))

    return cached


def link(root: str, path: str) -> str:
    """A site path seen from a page whose way back to the root is `root`."""
    return (root + path) or "./"


@jinja2.pass_context
def _url(context: jinja2.runtime.Context, path: str) -> str:
    """A site path ("tags/russia/") as seen from the page being rendered."""
    return (context["root"] + context["assets"].get(path, path)) or "./"


def long_date(value: date | str) -> str:
    """ "1 March 2024", the same in every locale."""
    day = date.fromisoformat(value[:10]) if isinstance(value, str) else value
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def short_date(value: date | str) -> str:
    """ "1 Mar 2024": for compact lists."""
    day = date.fromisoformat(value[:10]) if isinstance(value, str) else value
    return f"{day.day} {_MONTHS[day.month - 1][:3]} {day.year}"


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def render(env: jinja2.Environment, name: str, context: dict) -> str:
    with theme_errors(env, name):
        return env.get_template(name).render(context)
    raise AssertionError("unreachable")  # theme_errors re-raises; this keeps type checkers calm


def load(env: jinja2.Environment, name: str) -> None:
    """Compile a template now: a syntax error stops the build before any page is made."""
    with theme_errors(env, name):
        env.get_template(name)


@contextlib.contextmanager
def theme_errors(env: jinja2.Environment, name: str) -> Iterator[None]:
    """Template failures as one-line ThemeErrors naming the template file and line."""
    try:
        yield
    except ThemeError:
        raise
    except jinja2.TemplateNotFound as exc:
        # Name the template and line that asked for the missing one (none if `name` is missing).
        path, line = _template_frame(exc)
        raise ThemeError(
            f"template '{exc.name}' is missing",
            path,
            line,
            hint="add it to your theme's templates/ or fix the name that asks for it",
        ) from exc
    except jinja2.TemplateSyntaxError as exc:
        raise ThemeError(
            f"template syntax error: {exc.message}",
            exc.filename or exc.name,
            exc.lineno,
            hint="fix the template",
        ) from exc
    except jinja2.TemplateError as exc:
        path, line = _template_frame(exc)
        raise ThemeError(
            f"template error in {name}: {exc.message or exc}",
            path,
            line,
            hint="fix the template or the variable it uses",
        ) from exc
    except OSError as exc:
        raise ThemeError(
            f"template {name} cannot be read: {exc.strerror or exc}",
            _template_file(env, name),
            hint="check the file's permissions",
        ) from exc
    except UnicodeDecodeError as exc:
        own = _template_file(env, name)
        if own is not None and not _is_utf8(own):
            raise ThemeError("template is not UTF-8 text", own, hint="save it as UTF-8") from exc
        path, line = _template_frame(exc)
        raise ThemeError(
            "uses a template that is not UTF-8 text",
            path,
            line,
            hint="save the templates it includes or extends as UTF-8",
        ) from exc
    except Exception as exc:
        # An expression that fails as it runs ({{ 1 // 0 }}, "%d" % "x"): a theme bug, with a line.
        path, line = _template_frame(exc)
        if path is None:
            raise
        raise ThemeError(
            f"template error in {name}: {type(exc).__name__}: {exc}", path, line, hint="fix the template"
        ) from exc


def _template_file(env: jinja2.Environment, name: str) -> Path | None:
    """The file the loader reads for `name`: the first one in the lookup order."""
    for folder in getattr(env.loader, "searchpath", []):
        path = Path(folder) / name
        if path.is_file():
            return path
    return None


def _is_utf8(path: Path) -> bool:
    try:
        path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return True


def _template_frame(exc: BaseException) -> tuple[str | None, int | None]:
    """Jinja rewrites tracebacks so template lines appear as frames: find the last one."""
    found: tuple[str | None, int | None] = (None, None)
    for frame in traceback.extract_tb(exc.__traceback__ or sys.exc_info()[2]):
        if frame.filename.endswith((".html", ".xml", ".txt", ".j2")):
            found = (frame.filename, frame.lineno)
    return found
