"""Finding and reading entry files: front matter and body, with errors that name the line."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

from briefing.entries.bounds import check_yaml_nodes, read_bounded
from briefing.errors import ContentError

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """The safe loader, but a value it cannot build is a YAMLError at that value's line.

    PyYAML's safe constructors raise plain ValueError, KeyError, AttributeError...
    for values such as `date: 2024-13-45`, `!!timestamp soon` or `!!bool maybe`:
    an editor's typo, which must be reported like any other YAML mistake.
    """

    def get_single_data(self) -> Any:
        # Checked before anything is built: aliases expanded and nesting, within bounds.
        node = self.get_single_node()
        check_yaml_nodes(node)
        return None if node is None else self.construct_document(node)

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except yaml.YAMLError:
            raise
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError, RecursionError) as exc:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"cannot read the value {node.value!r}"
                if isinstance(node.value, str)
                else f"cannot read this value ({exc})",
                node.start_mark,
            ) from exc


class FastYAMLHandler(YAMLHandler):
    """python-frontmatter's YAML handler with libyaml's C loader: 10x faster on big sites."""

    def load(self, fm: str, **kwargs: object) -> Any:
        kwargs.setdefault("Loader", _Loader)
        return super().load(fm, **kwargs)


HANDLER = FastYAMLHandler()
_FIX = "see the README's Entries section for the format"


def split_entry(text: str, path: Path | str) -> tuple[dict[str, Any], str, int]:
    """Return (front matter, body, line number where the body starts).

    Raises ContentError naming `path` and the line for anything that is not
    a `---` fenced YAML mapping followed by a body.
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise ContentError(
            "does not start with front matter (a line of ---)",
            path,
            1,
            hint="begin the file with ---, YAML keys, then ---",
        )
    closing = next((i for i, line in enumerate(lines[1:], start=1) if line.rstrip() == "---"), None)
    if closing is None:
        raise ContentError(
            "front matter has no closing --- line", path, 1, hint="add a line of --- after the last YAML key"
        )
    fm = "\n".join(lines[1:closing])
    try:
        data = HANDLER.load(fm)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 2
        problem = getattr(exc, "problem", None) or str(exc).split("\n")[0]
        raise ContentError(
            f"front matter is not valid YAML: {problem}",
            path,
            line,
            hint="fix the YAML; quote values that contain ': ' or start with a symbol",
        ) from exc
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ContentError(
            f"front matter is a {type(data).__name__}, not a mapping of keys to values", path, 2, hint=_FIX
        )
    body = "\n".join(lines[closing + 1 :])
    return data, body.strip("\n") + "\n", closing + 2


def read_entry(path: Path) -> tuple[dict[str, Any], str, int, str]:
    """Read and split an entry file; also returns the raw text."""
    raw = read_bounded(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ContentError("is not UTF-8 text", path, line, hint="save it as UTF-8") from exc
    metadata, body, body_line = split_entry(text, path)
    return metadata, body, body_line, text


def list_entries(content_dir: Path) -> list[Path]:
    """Every entry file, in a stable order; dot- and underscore-folders are private."""
    if not content_dir.is_dir():
        return []  # ingest makes it; only a build must refuse a missing content/
    return [Path(p) for p in list_entry_files(content_dir)]


def list_entry_files(content_dir: Path) -> list[str]:
    """list_entries as plain strings: pathlib costs more than the stat calls on a big site."""
    if not content_dir.is_dir():
        # Not an empty site: building it would replace the published one with nothing.
        raise ContentError(
            "is missing or not a folder",
            content_dir,
            hint="run the build in the site folder (or pass --site), or `briefing ingest` to make entries",
        )
    found: list[str] = []

    def unreadable(exc: OSError) -> None:
        raise ContentError(
            f"cannot be read: {exc.strerror}",
            exc.filename,
            hint="check the folder's permissions; a folder the build cannot list would unpublish its entries",
        )

    for folder, subfolders, files in os.walk(content_dir, onerror=unreadable):
        subfolders[:] = [d for d in subfolders if not d.startswith((".", "_"))]
        found += [
            os.path.join(folder, f) for f in files if f.endswith(".md") and not f.startswith((".", "_"))
        ]
    _refuse_links_out(found, content_dir)
    return sorted(found)


def _refuse_links_out(files: list[str], content_dir: Path) -> None:
    """An entry that is a symlink must lead to a file inside the site, never elsewhere."""
    site = os.path.realpath(content_dir.parent) + os.sep
    for file in files:
        if os.path.islink(file) and not os.path.realpath(file).startswith(site):
            raise ContentError(
                f"is a symlink to {os.path.realpath(file)}, outside the site",
                file,
                hint="copy the file into content/ instead of linking to it",
            )
