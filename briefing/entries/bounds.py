"""Limits on what one entry may ask of a build, so no input can hang it or exhaust memory.

Each limit is far above anything an editor writes and far below what would take
a build more than a moment; going over it is a ContentError naming the file.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import yaml

from briefing.errors import ContentError

MAX_ENTRY_BYTES = 5 * 1024 * 1024  # as seeds: a long article is 50 KB
# Front matter: nodes after aliases are expanded ("billion laughs" asks for 10^9), and depth.
MAX_YAML_NODES = 20_000
MAX_YAML_DEPTH = 32
# Names in one tags: or entities: list.
MAX_NAMES = 100
# Markdown: Python-Markdown is quadratic in nested brackets and recursive in nested lists/quotes.
MAX_BRACKET_DEPTH = 32
MAX_BLOCK_DEPTH = 24
# And quadratic in links per paragraph: each link rescans its paragraph for brackets
# (Python-Markdown 3.11), so links x paragraph length, summed over paragraphs, is bounded.
# 5 million is about 3 s; an article of 50 links in each of 20 long paragraphs needs 2.
MAX_LINK_WORK = 5_000_000
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
FLATTEN = "flatten it"
_BLOCK_MARKERS = re.compile(r"^(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)))+", re.MULTILINE)
_MARKER = re.compile(r"[-*+>]|\d{1,9}[.)]")


def read_bounded(path: Path) -> bytes:
    """An entry's bytes, if it is a regular file of at most MAX_ENTRY_BYTES.

    Opened without blocking, so a FIFO cannot stall the build; the type and size come
    from the open file, so a swap between check and read changes nothing.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise ContentError(f"cannot be read: {exc.strerror}", path) from exc
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ContentError(
                "is not a regular file (a device, pipe or socket)",
                path,
                hint="entries must be plain Markdown files; remove it from content/",
            )
        if info.st_size > MAX_ENTRY_BYTES:
            raise ContentError(
                f"is {info.st_size / 1048576:.1f} MB, too large for an entry",
                path,
                hint=f"split it or trim it below {MAX_ENTRY_BYTES // 1048576} MB",
            )
        data = handle.read(MAX_ENTRY_BYTES + 1)
    if len(data) > MAX_ENTRY_BYTES:
        raise ContentError("grew too large while being read", path)
    return data


def check_yaml_nodes(node: yaml.Node | None) -> None:
    """Refuse front matter whose aliases expand too far, or that nests too deep or into itself.

    Counts nodes as construction would visit them with aliases expanded (a shared node
    counts each time), stopping at the limit: linear in the limit, never in the expansion.
    """
    if node is None:
        return
    count = 0
    stack: list[tuple[yaml.Node, int]] = [(node, 1)]
    while stack:
        current, depth = stack.pop()
        count += 1
        if count > MAX_YAML_NODES:
            raise _yaml_error(current, f"expands to more than {MAX_YAML_NODES} values (aliases?)")
        if depth > MAX_YAML_DEPTH:
            raise _yaml_error(current, f"nests more than {MAX_YAML_DEPTH} levels deep (or refers to itself)")
        if isinstance(current, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in current.value)
        elif isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                stack.append((key, depth + 1))
                stack.append((value, depth + 1))


def _yaml_error(node: yaml.Node, problem: str) -> yaml.YAMLError:
    return yaml.constructor.ConstructorError(None, None, problem, node.start_mark)


def markdown_problem(body: str) -> tuple[str, int, str] | None:
    """(what is wrong, line, what to do) if the body asks more than Markdown renders in time."""
    links = _link_work_problem(body)
    if links is not None:
        return links
    # No deeper than the number of "[": most bodies are skipped without a character loop.
    if body.count("[") > MAX_BRACKET_DEPTH:
        problem = _bracket_problem(body)
        if problem is not None:
            return problem
    for match in _BLOCK_MARKERS.finditer(body):
        levels = len(_MARKER.findall(match.group(0)))
        if levels > MAX_BLOCK_DEPTH:
            line = body.count("\n", 0, match.start()) + 1
            return f"nests lists or quotes {levels} deep (at most {MAX_BLOCK_DEPTH})", line, FLATTEN
    indent = max((len(line) - len(line.lstrip(" ")) for line in body.split("\n") if line.strip()), default=0)
    if indent > 4 * MAX_BLOCK_DEPTH * 2:
        return f"indents a line {indent} spaces (lists at most {MAX_BLOCK_DEPTH} deep)", 1, FLATTEN
    return None


def _bracket_problem(body: str) -> tuple[str, int, str] | None:
    """The deepest run of unclosed "[", if deeper than MAX_BRACKET_DEPTH, and its line."""
    depth = deepest = 0
    deepest_at = 0
    for at, ch in enumerate(body):
        if ch == "[":
            depth += 1
            if depth > deepest:
                deepest, deepest_at = depth, at
        elif ch == "]" and depth:
            depth -= 1
        elif ch == "\n" and depth > MAX_BRACKET_DEPTH:
            break
    if deepest > MAX_BRACKET_DEPTH:
        line = body.count("\n", 0, deepest_at) + 1
        return f"nests [ brackets {deepest} deep (at most {MAX_BRACKET_DEPTH})", line, FLATTEN
    return None


def _link_work_problem(body: str) -> tuple[str, int, str] | None:
    """The paragraph to name if links x paragraph length, summed, is over MAX_LINK_WORK."""
    total = worst = worst_at = worst_links = worst_length = 0
    start = 0
    gaps = [*_BLANK_LINE.finditer(body), None]
    for gap in gaps:
        end = gap.start() if gap is not None else len(body)
        links = body.count("[", start, end)
        work = links * (end - start)
        total += work
        if work > worst:
            worst, worst_at, worst_links, worst_length = work, start, links, end - start
        start = gap.end() if gap is not None else end
    if total <= MAX_LINK_WORK:
        return None
    line = body.count("\n", 0, worst_at) + 1
    return (
        f"has {worst_links} links or brackets in a paragraph of {worst_length} characters, "
        "which Markdown renders in time that grows with their product",
        line,
        "split it into shorter paragraphs",
    )
