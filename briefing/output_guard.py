"""Where a build may write: never over, into or around anything it reads.

A build replaces its output folder wholesale, so an output folder that is,
holds or sits inside an input (the site root, content/, seeds/, themes/,
static/, the config, entities.yml, .git, the build cache) would delete it.
Paths are compared as the system resolves them (symlinks, `..`, `./`), not
as typed, and the same check runs for `briefing build` and for the folder
`briefing serve` previews into.
"""

from __future__ import annotations

import os
from pathlib import Path

from briefing.config import CONFIG_NAME, Config
from briefing.errors import ConfigError

# Everything under the site root a build reads, or keeps for itself.
INPUT_NAMES = ("content", "seeds", "themes", "static", CONFIG_NAME, "entities.yml", ".git", ".briefing-cache")
MAX_OUTPUT_DIR = 255


def check_output_text(output_dir: str) -> str | None:
    """Why `output_dir` cannot name a folder at all, or None."""
    if not output_dir.strip():
        return "is empty"
    if len(output_dir) > MAX_OUTPUT_DIR:
        return f"is {len(output_dir)} characters long (at most {MAX_OUTPUT_DIR})"
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in output_dir):
        return "contains a control character"
    return None


def _inside(path: str, folder: str) -> bool:
    """`path` is `folder` or below it (both resolved)."""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def output_problem(config: Config, *, preview: bool = False) -> str | None:
    """Why the build must not write to config.output, or None if it may.

    `preview` is the folder `briefing serve` builds into: below `.briefing-cache/`,
    which is otherwise the cache's and off limits.
    """
    text_problem = check_output_text(config.output_dir)
    if text_problem:
        return f"output_dir {text_problem}"
    root = os.path.realpath(config.root)
    target = os.path.realpath(config.root / config.output_dir)
    shown = config.output_dir
    if _inside(root, target):
        return f"output_dir '{shown}' is or holds the site folder itself, which building would replace"
    inputs = [os.path.realpath(config.root / name) for name in INPUT_NAMES]
    inputs.append(os.path.realpath(config.cache_dir))
    serve_area = os.path.realpath(config.root / ".briefing-cache")
    for name, path in zip([*INPUT_NAMES, config.state_dir], inputs, strict=True):
        if preview and path == serve_area and _inside(target, serve_area) and target != serve_area:
            continue  # the preview's own folder, beside (never inside) its own state
        if _inside(target, path) or _inside(path, target):
            return f"output_dir '{shown}' is, holds or sits inside {name}, which building would replace"
    if not preview and not _inside(target, root) and not config.output_outside_site:
        return (
            f"output_dir '{shown}' is outside the site folder (resolved: {target}); "
            "set output_outside_site = true to build there"
        )
    if os.path.lexists(target) and not os.path.isdir(target):
        return f"output_dir '{shown}' is a file, not a folder"
    return None


def check_output(config: Config, *, preview: bool = False, line: int | None = None) -> None:
    """Raise ConfigError, naming briefing.toml, if the build must not write to config.output."""
    problem = output_problem(config, preview=preview)
    if problem is not None:
        raise ConfigError(
            problem,
            config.path,
            line,
            hint='use a new folder inside the site, such as output_dir = "public"',
        )


def resolved_output(config: Config) -> Path:
    """The folder the site really goes to: a symlinked public/ keeps pointing where it points."""
    return Path(os.path.realpath(config.output))
