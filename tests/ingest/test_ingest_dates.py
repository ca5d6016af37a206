"""Dates: the seed's own date wins, else the file's mtime in UTC; once written, never changed."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from ingest_support import (
    ARTICLE,
    entries,
    ingest,
    ingest_direct,
    iso,
    only_entry,
    report_counts,
    seed_time,
)

from briefing.ingest.dates import find_date_line
from briefing.ingest.parse import parse_seed

BODY = "The navy ordered six frigates on Monday.\n\nMore text.\n"


@pytest.mark.parametrize(
    "line",
    [
        "12 March 2024",
        "March 12, 2024",
        "2024-03-12",
        "Published: 12 March 2024",
        "Tuesday, 12 March 2024",
        "12th Mar 2024",
        "Date: 2024-03-12T08:15:00Z",
        "Mar. 12 2024",
    ],
)
def test_date_line_under_the_title_is_the_entry_date(seeds, registry, line):
    root = seeds({"a.txt": f"Navy orders frigates\n{line}\n\n{BODY}"})

    report = ingest_direct(root, registry)

    assert len(report.new) == 1, report.failed
    _path, metadata, body = only_entry(root)
    assert iso(metadata["date"]) == "2024-03-12"
    assert "2024" not in body and "March" not in body  # the date line is metadata, not text


def test_date_paragraph_under_the_title_is_the_entry_date():
    assert parse_seed(f"Navy orders frigates\n\n12 March 2024\n\n{BODY}").written_date == date(2024, 3, 12)


def test_date_line_above_the_title_is_the_date_not_the_title(seeds, registry):
    root = seeds({"a.txt": f"12 March 2024\n\nNavy orders frigates\n\n{BODY}"})
    assert not ingest_direct(root, registry).failed
    path, metadata, _body = only_entry(root)
    assert metadata["title"] == "Navy orders frigates"
    assert path.name == "navy-orders-frigates.md"
    assert iso(metadata["date"]) == "2024-03-12"


@pytest.mark.parametrize("line", ["The navy ordered ships on 12 March 2024", "12 Smarch 2024"])
def test_embedded_dates_are_not_date_lines(line):
    assert find_date_line(line) is None


@pytest.mark.parametrize("line", ["31 February 2024", "2024-13-01"])
def test_impossible_dates_are_errors_not_prose(line):
    # Issue 13: read as prose, 2024-02-30 silently became the summary and the date was lost.
    from briefing.ingest.dates import BadDate

    with pytest.raises(BadDate):
        find_date_line(line)


def test_without_a_written_date_the_file_time_in_utc_is_used(seeds):
    root = seeds({"a.txt": ARTICLE})
    seed_time(root / "seeds" / "a.txt", datetime(2024, 3, 1, 23, 30, 15, tzinfo=UTC))

    # A user far from Greenwich: local midnight has passed, the UTC date has not.
    run = ingest(root, env={"TZ": "Asia/Tokyo"})

    assert run.code == 0, run.err
    _path, metadata, _body = only_entry(root)
    assert iso(metadata["date"]) == "2024-03-01T23:30:15Z"
    parsed = datetime.fromisoformat(iso(metadata["date"]).replace("Z", "+00:00"))
    assert parsed.utcoffset().total_seconds() == 0


def test_touching_the_seed_does_not_change_the_date(seeds, registry):
    root = seeds({"a.txt": ARTICLE})
    assert not ingest_direct(root, registry).failed
    before = entries(root)
    seed_time(root / "seeds" / "a.txt", datetime(2025, 6, 30, 12, 0, tzinfo=UTC))

    report = ingest_direct(root, registry)

    assert report_counts(report) == {"new": 0, "updated": 0, "unchanged": 1, "kept": 0, "failed": 0}
    assert entries(root) == before


def test_updated_seed_keeps_the_first_date(seeds, registry):
    root = seeds({"a.txt": ARTICLE})
    assert not ingest_direct(root, registry).failed
    first_date = only_entry(root)[1]["date"]
    seed = root / "seeds" / "a.txt"
    seed.write_text(ARTICLE + "\nA correction was added.\n")
    seed_time(seed, datetime(2025, 6, 30, 12, 0, tzinfo=UTC))

    report = ingest_direct(root, registry)

    assert report_counts(report)["updated"] == 1
    _path, metadata, body = only_entry(root)
    assert metadata["date"] == first_date
    assert "correction" in body


def test_date_written_later_into_the_seed_does_not_move_the_entry(seeds, registry):
    root = seeds({"a.txt": ARTICLE})
    assert not ingest_direct(root, registry).failed
    first_date = only_entry(root)[1]["date"]
    title, rest = ARTICLE.split("\n", 1)
    (root / "seeds" / "a.txt").write_text(f"{title}\n5 May 2020\n{rest}")

    report = ingest_direct(root, registry)

    assert report_counts(report)["failed"] == 0
    assert only_entry(root)[1]["date"] == first_date
