"""The search page finds entries by words of their title, summary, body and tags, with no server.

The theme's search script runs in Node against the built index, as a browser would run it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from build_sites import SCRIPT
from sitecheck import build, entry_md, page, write_files

HARNESS = Path(__file__).resolve().parent / "search_harness.js"
NODE = shutil.which("node")

pytestmark = pytest.mark.skipif(NODE is None, reason="Node.js runs the theme's search script")


def search_files() -> dict[str, str]:
    return {
        "content/erdogan.md": entry_md(
            "erdogan",
            "Erdoğan meets Putin in Sochi",
            "2024-03-01T09:00:00Z",
            summary="Talks on grain and gas.",
            tags=["Turkey", "Russia"],
            body="The leaders met for three hours.\n",
        ),
        "content/s400.md": entry_md(
            "s400",
            "Air defence deliveries",
            "2024-03-02T09:00:00Z",
            summary="Batteries arrive.",
            tags=["S-400"],
            body="A howitzer battalion was also seen near the Straße des 17. Juni, "
            "as reported from Αθήνας.\n",
        ),
        "content/howitzer.md": entry_md(
            "howitzer",
            "Howitzer production doubles",
            "2024-03-03T09:00:00Z",
            summary="More shells too.",
            tags=["Artillery"],
            body="Factories expand.\n",
        ),
        "content/evil.md": entry_md(
            "evil",
            f"Evil {SCRIPT} title",
            "2024-03-04T09:00:00Z",
            summary=f"Summary {SCRIPT}",
            tags=["Hostile"],
            body="Nothing else.\n",
        ),
    }


QUERIES = [
    "Sochi",
    "grain",
    "leaders",
    "Artillery",
    "S-400",
    "s400",
    "erdogan",
    "ERDOĞAN",
    "putin sochi",
    "putin howitzer",
    "zeppelin",
    "howitzer",
    "howit",
    "Straße",
    "strasse",
    "STRASSE",
    "Αθήνας",
    "ΑΘΗΝΑΣ",
    "evil",
    "putin",
]


@pytest.fixture(scope="module")
def answers(tmp_path_factory) -> dict:
    """What the search page lists for each query, on a built site (one Node run for them all)."""
    root = write_files(tmp_path_factory.mktemp("search") / "site", search_files())
    build(root)
    public = root / "public"
    doc = page(public, "search/")
    form = doc.xpath("//form[@data-search]")[0]
    scripts = doc.xpath("//script/@src")
    assert len(scripts) == 1, "the search page loads one script"
    source = (public / "search" / scripts[0]).resolve()
    done = subprocess.run(
        [
            NODE,
            str(HARNESS),
            str(public),
            str(source),
            form.get("data-search"),
            form.get("data-root"),
            json.dumps(QUERIES),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return {"public": public, **json.loads(done.stdout)}


def found(answers: dict, query: str) -> list[str]:
    return [row["href"] for row in answers[query]["results"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Sochi", ["briefings/erdogan/"]),  # a title word
        ("grain", ["briefings/erdogan/"]),  # a summary word
        ("leaders", ["briefings/erdogan/"]),  # a body word
        ("Artillery", ["briefings/howitzer/"]),  # a tag
        ("S-400", ["briefings/s400/"]),  # a tag with a hyphen
        ("s400", ["briefings/s400/"]),
        ("erdogan", ["briefings/erdogan/"]),  # accents folded
        ("ERDOĞAN", ["briefings/erdogan/"]),
        ("putin sochi", ["briefings/erdogan/"]),  # every word must match
        ("putin howitzer", []),
        ("zeppelin", []),
    ],
)
def test_search_finds_entries_by_title_summary_body_and_tag_words(answers, query, expected):
    assert found(answers, query) == expected


def test_search_ranks_title_matches_above_body_matches(answers):
    assert found(answers, "howitzer") == ["briefings/howitzer/", "briefings/s400/"]


def test_search_matches_the_last_word_as_a_prefix_while_typing(answers):
    assert found(answers, "howit") == ["briefings/howitzer/", "briefings/s400/"]


def test_search_finds_words_with_letters_that_case_fold_to_two(answers):
    """The index folds "Straße" to "strasse" and a final "ς" to "σ"; queries must fold alike."""
    for query in ("Straße", "strasse", "STRASSE", "Αθήνας", "ΑΘΗΝΑΣ"):
        assert found(answers, query) == ["briefings/s400/"], query


def test_search_results_show_hostile_titles_as_text(answers):
    result = answers["evil"]
    assert [row["title"] for row in result["results"]] == [f"Evil {SCRIPT} title"]
    assert result["results"][0]["summary"] == f"Summary {SCRIPT}"
    assert "1 briefing matches" in result["status"]


def test_search_result_links_lead_to_the_entries(answers):
    hrefs = found(answers, "putin") + found(answers, "howitzer")
    assert hrefs
    for href in hrefs:
        assert (answers["public"] / href / "index.html").is_file(), href
