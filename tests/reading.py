"""Helpers for the analyst tests: writing a small site, building it, reading public/ as a reader does.

Pure functions; the sites themselves are in sites.py, the fixtures in build/conftest.py.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
from shared_support import Run, run_cli, write_files  # noqa: F401

# `briefing(...)` runs the CLI in a subprocess, as a user runs it.
briefing = run_cli


def must(run: Run, what: str) -> Run:
    assert run.code == 0, f"{what} failed ({run.code}):\nstdout: {run.out}\nstderr: {run.err}"
    assert "Traceback" not in run.err, run.err
    return run


def build(root: Path) -> Run:
    return must(briefing("build", "--site", str(root)), "build")


# -- reading public/ -------------------------------------------------------------


def file_of(public: Path, url: str) -> Path:
    path = public / unquote(url)
    return path / "index.html" if url == "" or url.endswith("/") else path


def page(public: Path, url: str) -> lxml.html.HtmlElement:
    """The parsed page at a site URL ("" for the front page, "tags/s-400/")."""
    path = file_of(public, url)
    assert path.is_file(), f"no page at /{url}"
    return lxml.html.fromstring(path.read_bytes())


def text(element) -> str:
    return " ".join(element.text_content().split())


def resolve(here: str, href: str) -> str:
    """A relative link on the page at site URL `here`, as a site URL ("tags/x/")."""
    parts = urlsplit(href)
    assert not parts.scheme and not href.startswith("/"), f"not a relative link: {href}"
    base = here if here.endswith("/") or here == "" else posixpath.dirname(here) + "/"
    joined = posixpath.normpath(posixpath.join("/" + base, parts.path))
    assert not joined.startswith("/.."), f"{href} climbs above the root from /{here}"
    url = joined.lstrip("/")
    if parts.path.endswith("/") and url:
        url += "/"
    return url


def links(doc, here: str, xpath: str) -> list[tuple[str, str]]:
    """(text, site URL) of the <a> elements an xpath finds."""
    return [(text(a), resolve(here, a.get("href"))) for a in doc.xpath(xpath)]
