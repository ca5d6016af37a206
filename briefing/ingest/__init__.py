"""Ingest: raw seed articles become Markdown briefing entries in content/.

`ingest_site` is imported on first use: the build reads a few helpers of this
package (the writer's hash check), and importing the whole ingest pipeline with
them would load story detection's numpy and datasketch (about a second) into
every build.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefing.ingest.report import IngestReport
    from briefing.ingest.run import ingest_site

__all__ = ["IngestReport", "ingest_site"]


def __getattr__(name: str) -> Any:
    if name == "ingest_site":
        from briefing.ingest.run import ingest_site

        return ingest_site
    if name == "IngestReport":
        from briefing.ingest.report import IngestReport

        return IngestReport
    raise AttributeError(f"module 'briefing.ingest' has no attribute {name!r}")
