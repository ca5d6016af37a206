"""One exception hierarchy for everything a user can get wrong.

Every error carries the file (and line, where there is one) it is about and a
hint saying what to do, so the command line can print it as a single line and
exit non-zero without a traceback.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass
class BriefingError(Exception):
    """A problem the user can fix: bad input, bad config, bad theme."""

    message: str
    path: Path | str | None = None
    line: int | None = None
    hint: str | None = None

    def __post_init__(self) -> None:
        super().__init__(self.message)

    def where(self) -> str:
        if self.path is None:
            return ""
        from briefing.display import shown

        where = shown(Path(self.path))
        if self.line is not None:
            where += f":{self.line}"
        return where

    def __str__(self) -> str:
        text = self.message
        if self.path is not None:
            text = f"{self.where()}: {text}"
        if self.hint:
            text = f"{text} ({self.hint})"
        # One line, always: messages quoting input may carry newlines.
        return " ".join(text.split())


class SeedError(BriefingError):
    """A seed article that cannot be ingested."""


class ContentError(BriefingError):
    """An entry in content/ that cannot be loaded."""


class ConfigError(BriefingError):
    """A bad briefing.toml or site entity registry."""


class ThemeError(BriefingError):
    """A missing template or a template that fails to compile or render."""


class BuildError(BriefingError):
    """A build that cannot complete for a reason outside the content."""


def raise_all(errors: Sequence[BriefingError]) -> None:
    """Report every error at once: all but the first logged, one line each, in file order;
    the first raised (the command line prints it and exits 1). Nothing if there are none."""
    if not errors:
        return
    ordered = sorted(errors, key=lambda e: (str(e.path or ""), e.line or 0, e.message))
    for error in ordered[1:]:
        logging.getLogger("briefing").error("error: %s", error)
    raise ordered[0]
