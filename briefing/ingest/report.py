"""What an ingest did, per outcome, for the command line's summary."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from briefing.errors import BriefingError

log = logging.getLogger("briefing")


@dataclass
class IngestReport:
    new: list[Path] = field(default_factory=list)
    updated: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    failed: list[BriefingError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary_line(self) -> str:
        return (
            f"ingest: {len(self.new)} new, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.kept)} kept (edited by hand), "
            f"{len(self.failed)} failed"
        )

    def restoried(self, path: Path) -> None:
        """The story pass rewrote `path` with a new `story:`: an update, unless it is new."""
        if path in self.new or path in self.updated:
            return
        if path in self.unchanged:
            self.unchanged.remove(path)
        self.updated.append(path)
