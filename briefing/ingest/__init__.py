"""Ingest: raw seed articles become Markdown briefing entries in content/."""

from briefing.ingest.run import IngestReport, ingest_site

__all__ = ["IngestReport", "ingest_site"]
