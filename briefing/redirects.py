"""Old URLs that must keep working: entry aliases, moved slugs and renamed entities.

Three sources, merged into one list of Redirects:

- `aliases: [old-slug]` in an entry: `briefings/old-slug/` leads to the entry.
- `redirects.yml` at the site root, the site's memory of moved pages. `briefing build`
  adds a line when an entry it published under one slug comes back with another (the
  build cache knows each file's last slug), and later moves of the same page update the
  line, so chains never form. It is a plain file in the site, committed with content/,
  so a fresh clone (a CI build) keeps every redirect; edit it freely.
- `rename:` in entities.yml: the old name's tag page leads to the new name's.

A live page always wins over a redirect from the same URL; an alias that names a live
slug or another entry's alias is an error naming the file and line.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from briefing.entries.validate import alias_line
from briefing.errors import ConfigError, ContentError
from briefing.model import Entry
from briefing.render import urls
from briefing.site import Site
from briefing.tag_slugs import base_slug

MOVES_FILE = "redirects.yml"
_HEADER = """\
# Old addresses of pages that moved, each leading to where the page is now:
#   old/path/: new/path/
# `briefing build` adds a line when a published entry's slug changes. Commit this file
# with content/ so every build, CI's included, keeps the redirects. Edit it freely.
"""
# A site path a redirect may start from or lead to: folders of safe names.
_SITE_PATH = re.compile(r"(?:[a-z0-9][a-z0-9._-]*/)+")


@dataclass(frozen=True)
class Redirect:
    old: str  # "briefings/old-slug/"
    new: str  # "briefings/new-slug/"
    title: str  # what the new page is, for the redirect page's link


def check_aliases(entries: list[Entry]) -> None:
    """An alias may not be a slug in use, nor another entry's alias: name the file and line."""
    slugs = {e.slug: e for e in entries}
    claimed: dict[str, Entry] = {}
    for entry in sorted(entries, key=lambda e: e.file):
        for alias in entry.aliases:
            other = slugs.get(alias)
            first = claimed.setdefault(alias, entry)
            if other is None and first is entry:
                continue
            text = Path(entry.file).read_text(encoding="utf-8", errors="replace")
            if other is entry:
                message = f"alias '{alias}' is the entry's own slug"
            elif other is not None:
                message = f"alias '{alias}' is the slug of {other.path.name}"
            else:
                message = f"alias '{alias}' is also an alias of {first.path.name}"
            raise ContentError(
                message, entry.path, alias_line(text, alias), hint="remove the alias or give it another slug"
            )


def read_moves(root: Path) -> dict[str, str]:
    """redirects.yml as old path -> new path ({} when there is none)."""
    path = root / MOVES_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot be read: {exc}", path, hint="save it as UTF-8 text") from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ConfigError(
            f"is not valid YAML: {getattr(exc, 'problem', None) or exc}",
            path,
            mark.line + 1 if mark is not None else None,
            hint="write one  old/path/: new/path/  per line",
        ) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError("must map old paths to new ones", path, 1, hint="write  old/path/: new/path/")
    moves = {}
    for old, new in data.items():
        normal = [_site_path(v) for v in (old, new)]
        if None in normal:
            line = next((i for i, t in enumerate(text.split("\n"), 1) if str(old) in t), None)
            raise ConfigError(
                f"{old!r}: {new!r} is not a pair of site paths",
                path,
                line,
                hint="e.g. briefings/old-slug/: briefings/new-slug/",
            )
        moves[normal[0]] = normal[1]
    return moves  # type: ignore[return-value]


def _site_path(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    path = value.strip().strip("/") + "/"
    return path if _SITE_PATH.fullmatch(path) and ".." not in path.split("/") else None


def moved_slugs(
    before: dict[str, str], published: set[str], entries: list[Entry], content: Path
) -> dict[str, str]:
    """Entries the last build published under another slug: old entry URL -> new entry URL.

    `before` is each entry file's slug at the last build (by path under content/), and
    `published` the slugs that build made pages for.
    """
    moves = {}
    prefix = len(str(content)) + 1
    live = {e.slug for e in entries}
    for entry in entries:
        old = before.get(entry.file[prefix:].replace(os.sep, "/"))
        if old and old != entry.slug and old in published and old not in live:
            moves[urls.entry(old)] = urls.entry(entry.slug)
    return moves


def merge_moves(known: dict[str, str], moves: dict[str, str]) -> dict[str, str]:
    """`known` with `moves` added, earlier moves of the same pages pointed at the new place."""
    merged = {old: moves.get(new, new) for old, new in known.items()}
    merged.update(moves)
    return {old: new for old, new in sorted(merged.items()) if old != new}


def record_moves(root: Path, merged: dict[str, str]) -> None:
    """Write redirects.yml (atomically: an editor or a crash never sees half of it)."""
    lines = [_HEADER] + [f"{old}: {new}\n" for old, new in sorted(merged.items())]
    path = root / MOVES_FILE
    temporary = path.with_name(f".{MOVES_FILE}.tmp")
    temporary.write_text("".join(lines), encoding="utf-8")
    os.replace(temporary, path)


def entity_renames(root: Path) -> list[tuple[str, str]]:
    """(old name, new name) for each `rename:` in the site's entities.yml."""
    path = root / "entities.yml"
    try:
        if "rename" not in path.read_text(encoding="utf-8", errors="replace"):
            return []  # most sites: no need to load the entity rules at all
    except OSError:
        return []
    from briefing.entities.site_rules import read_site_rules

    rules = read_site_rules(root)
    return [(old.value, new.value) for old, new in rules.rename] if rules else []


def collect_redirects(
    site: Site, moves: dict[str, str], renames: Iterable[tuple[str, str]]
) -> list[Redirect]:
    """Every redirect the site publishes, sorted; none from a live page or to a missing one."""
    by_slug = {e.slug: e for e in site.entries}
    tags_by_slug = site.tags
    live = {urls.entry(s) for s in by_slug} | {urls.tag(s) for s in tags_by_slug}

    def title_of(target: str) -> str | None:
        kind, _, rest = target.partition("/")
        slug = rest.rstrip("/")
        if kind == "briefings":
            return by_slug[slug].title if slug in by_slug else None
        if kind == "tags" and "/" not in slug:
            return tags_by_slug[slug].name if slug in tags_by_slug else None
        return target  # another page of the site (archive/, a day's edition): trusted as written

    found: dict[str, Redirect] = {}
    for entry in site.entries:
        for alias in entry.aliases:
            found[urls.entry(alias)] = Redirect(urls.entry(alias), urls.entry(entry.slug), entry.title)
    for old, new in renames:
        tag = site.tag_by_name.get(new)
        old_url = urls.tag(base_slug(old))
        if tag is not None and old_url not in found:
            found[old_url] = Redirect(old_url, urls.tag(tag.slug), tag.name)
    for old, new in moves.items():
        for _step in range(len(moves)):  # a hand-edited chain a -> b -> c leads straight to c
            if new not in moves or new in live:
                break
            new = moves[new]
        title = title_of(new)
        if title is not None and old not in found and old != new:
            found[old] = Redirect(old, new, title)
    return [r for old, r in sorted(found.items()) if old not in live]
