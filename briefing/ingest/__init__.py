"""Ingest: raw seed articles become Markdown briefing entries in content/."""

from briefing.ingest.report import IngestReport
from briefing.ingest.run import ingest_site

__all__ = ["IngestReport", "ingest_site"]
