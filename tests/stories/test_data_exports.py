"""public/data/entries.json and public/data/entities.csv: what an analyst loads into a notebook."""

from __future__ import annotations

import csv
import json

import pytest
from sitecheck import build_in_process, write_files
from story_sites import busy_day_files


@pytest.fixture(scope="module")
def public(tmp_path_factory):
    root = write_files(tmp_path_factory.mktemp("data"), busy_day_files())
    build_in_process(root)
    return root / "public"


def test_entries_json_lists_every_entry_with_its_story_and_entities(public):
    rows = json.loads((public / "data/entries.json").read_text(encoding="utf-8"))
    assert len(rows) == 15
    assert all(set(row) == {"slug", "url", "title", "date", "story", "entities", "summary"} for row in rows)
    by_slug = {row["slug"]: row for row in rows}
    assert by_slug["s400-copy"]["story"] == "s400-first" and by_slug["lone"]["story"] == "lone"
    assert by_slug["s400-first"]["entities"]["weapon_systems"] == ["S-400"]
    assert by_slug["s400-first"]["date"] == "2024-03-05T08:00:00+00:00"
    for row in rows:
        assert (public / row["url"] / "index.html").is_file(), row["url"]
    assert [r["date"] for r in rows] == sorted((r["date"] for r in rows), reverse=True)


def test_entities_csv_has_a_row_per_entity_with_counts_and_mentions(public):
    with (public / "data/entities.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["name", "type", "aliases", "count", "first_mention", "last_mention"]
    turkey = next(r for r in rows if r["name"] == "Turkey")
    assert turkey["type"] == "countries" and turkey["count"] == "4"
    assert turkey["first_mention"] == turkey["last_mention"] == "2024-03-05"
    s400 = next(r for r in rows if r["name"] == "S-400")
    assert "S 400" in s400["aliases"].split("; ") or "SA-21 Growler" in s400["aliases"].split("; ")
    chile = next(r for r in rows if r["name"] == "Chile")
    assert (chile["count"], chile["first_mention"], chile["last_mention"]) == (
        "2",
        "2024-03-03",
        "2024-03-04",
    )
