"""Helpers for the build tests: writing entries, running builds, reading public/ as a reader would.

Pure functions, no fixtures: the fixtures live in this folder's conftest.py.
"""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
import yaml

# Re-exported for this folder's tests.
from shared_support import REPO, Run, run_cli, write_files  # noqa: F401

# -- writing sites -------------------------------------------------------------


def entry_md(
    slug: str,
    title: str,
    date: str,
    *,
    summary: str | None = None,
    tags=(),
    entities: dict | None = None,
    source: str | dict | None = None,
    image: dict | None = None,
    body: str = "The body of the briefing.\n",
    extra: dict | None = None,
) -> str:
    """An entry file as ingest writes it: YAML front matter (safely quoted), then Markdown."""
    meta: dict = {"title": title, "slug": slug, "date": date}
    if summary is not None:
        meta["summary"] = summary
    meta["tags"] = list(tags)
    if entities:
        meta["entities"] = entities
    if source is not None:
        meta["source"] = source
    if image is not None:
        meta["image"] = image
    meta.update(extra or {})
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{front}---\n\n{body}"


# -- building -----------------------------------------------------------------


def build(root: Path, *args: str) -> Run:
    """`briefing build --site ROOT ARGS`, which must succeed."""
    run = run_cli("build", "--site", str(root), *args)
    assert run.code == 0, f"build failed ({run.code}):\n{run.err}"
    assert "Traceback" not in run.err, run.err
    return run


def run_in_process(root: Path, *args: str) -> Run:
    """`briefing build` through the CLI's main() in this process: the same code path as the
    command (main() reports every error), without the interpreter's start-up cost."""
    from briefing.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["build", "--site", str(root), *args])
    return Run(code, out.getvalue(), err.getvalue())


def build_in_process(root: Path, *args: str) -> Run:
    """A build that must succeed, in this process: for reference builds that the builds under
    test (run as a user runs them) are compared with."""
    run = run_in_process(root, *args)
    assert run.code == 0, f"build failed ({run.code}):\n{run.err}"
    return run


def build_fails(root: Path, *args: str, in_process: bool = False) -> Run:
    """`briefing build` that must fail as the issue asks: exit 1, one line, no traceback."""
    run = run_in_process(root, *args) if in_process else run_cli("build", "--site", str(root), *args)
    assert run.code == 1, f"expected exit 1, got {run.code}\nstdout: {run.out}\nstderr: {run.err}"
    assert "Traceback" not in run.err, run.err
    lines = [line for line in run.err.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected one line on stderr, got:\n{run.err}"
    return run


def clean_copy(root: Path, target: Path) -> Path:
    """The same inputs in another folder, without any output or cache."""
    shutil.copytree(root, target, ignore=shutil.ignore_patterns("public", ".briefing-cache"))
    return target


def copy_built(root: Path, target: Path) -> Path:
    """A built site copied with its output and cache, time stamps kept (as `cp -a` does)."""
    return Path(shutil.copytree(root, target, symlinks=True))


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file (bytes) and folder (None) under `folder`, by relative path."""
    found: dict[str, bytes | None] = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        found[name] = path.read_bytes() if path.is_file() else None
    return found


def tree_differences(left: Path, right: Path) -> list[str]:
    """What differs between two folders, file by file and byte for byte (empty: identical)."""
    a, b = snapshot(left), snapshot(right)
    problems = [f"only in {left.name}: {name}" for name in sorted(set(a) - set(b))]
    problems += [f"only in {right.name}: {name}" for name in sorted(set(b) - set(a))]
    for name in sorted(set(a) & set(b)):
        if a[name] != b[name]:
            problems.append(f"differs: {name}")
    return problems


# -- reading public/ ----------------------------------------------------------


def asset_file(public: Path, name: str) -> Path:
    """Where a theme asset ("assets/briefing.css") is published: under its content-hashed name."""
    stem, _, suffix = name.rpartition(".")
    (found,) = public.glob(f"{stem}.*.{suffix}")
    return found


def html_files(public: Path) -> list[Path]:
    return sorted(public.rglob("*.html"))


def indexed_pages(public: Path) -> list[Path]:
    """The pages a sitemap lists: all but 404.html, the emails and the printable briefing
    books (copies of the day editions, whose canonical URL is the edition's)."""
    return [
        p
        for p in html_files(public)
        if p.name not in {"404.html", "email.html", "latest.html"} and p.parent.name != "print"
    ]


def page(public: Path, url: str) -> lxml.html.HtmlElement:
    """The parsed page a reader gets at a site URL ("" for the front page, "tags/x/")."""
    path = public / url
    if url == "" or url.endswith("/"):
        path = path / "index.html"
    assert path.is_file(), f"no page at /{url} ({path})"
    return lxml.html.fromstring(path.read_bytes())


def text_of(element) -> str:
    return " ".join(element.text_content().split())


def url_of(public: Path, file: Path) -> str:
    """The site URL a file is served at: "briefings/x/" for briefings/x/index.html."""
    name = file.relative_to(public).as_posix()
    if name == "index.html":
        return ""
    return name.removesuffix("index.html")


# -- the link checker -----------------------------------------------------------

_LINK_ATTRIBUTES = ("href", "src")


def broken_links(public: Path, base_url: str) -> list[str]:
    """Every internal href/src in every HTML page must name an existing file, and its #fragment an id.

    Relative links resolve from the page's own URL; links to `base_url` (canonical links)
    are internal too. Root-absolute links are allowed only in 404.html, which hosts serve
    at any depth: there they must start with base_url's path, which is stripped.
    """
    base = urlsplit(base_url)
    base_path = base.path if base.path.endswith("/") else base.path + "/"
    ids: dict[Path, set[str]] = {}
    problems: list[str] = []

    def ids_of(file: Path) -> set[str]:
        if file not in ids:
            doc = lxml.html.fromstring(file.read_bytes())
            ids[file] = {str(v) for v in doc.xpath("//@id")}
        return ids[file]

    for file in html_files(public):
        here = url_of(public, file)
        name = file.relative_to(public).as_posix()
        doc = lxml.html.fromstring(file.read_bytes())
        for element in doc.iter():
            for attribute in _LINK_ATTRIBUTES:
                value = element.get(attribute) if isinstance(element.tag, str) else None
                if value is None:
                    continue
                where = f"{name}: <{element.tag} {attribute}={value!r}>"
                parts = urlsplit(value)
                if parts.scheme or parts.netloc:
                    if not value.startswith(base_url):
                        continue  # outside the site
                    path = value[len(base_url) :].split("#")[0].split("?")[0]
                elif value.startswith("/"):
                    if name != "404.html":
                        problems.append(f"{where}: root-absolute link outside 404.html")
                        continue
                    if not parts.path.startswith(base_path):
                        problems.append(f"{where}: does not start with the base path {base_path}")
                        continue
                    path = parts.path[len(base_path) :]
                else:
                    path = resolve(here, parts.path)
                    if path is None:
                        problems.append(f"{where}: climbs above the site root")
                        continue
                target = public / unquote(path)
                if path == "" or path.endswith("/") or target.is_dir():
                    target = target / "index.html"
                if not target.is_file():
                    problems.append(f"{where}: no file {target.relative_to(public).as_posix()}")
                    continue
                fragment = unquote(parts.fragment)
                if fragment and target.suffix == ".html" and fragment not in ids_of(target):
                    problems.append(f"{where}: no id {fragment!r} in {target.relative_to(public)}")
    return problems


def resolve(here: str, relative: str) -> str | None:
    """Resolve `relative` against the page URL `here`; None if it climbs out of the site."""
    folder = here if here.endswith("/") else here.rpartition("/")[0]
    parts = [p for p in folder.split("/") if p]
    *steps, last = relative.split("/")
    if last in (".", ".."):
        steps, last = [*steps, last], ""
    for step in steps:
        if step == "..":
            if not parts:
                return None
            parts.pop()
        elif step not in ("", "."):
            parts.append(step)
    return "".join(f"{p}/" for p in parts) + last
