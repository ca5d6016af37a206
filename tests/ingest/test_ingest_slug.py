"""Slugs: ASCII, lower case, hyphenated, at most about 80 characters, unique and stable."""

from __future__ import annotations

import re
import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ingest_support import (
    counts,
    entries,
    entry_by_source,
    ingest,
    ingest_direct,
    only_entry,
    read,
    report_counts,
)

from briefing.ingest.slugs import make_slug, unique_slug

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@pytest.mark.parametrize(
    "title, slug",
    [
        ("Erdoğan meets Putin", "erdogan-meets-putin"),
        (
            "Russian S-400 air defense missile joint production with Turkey",
            "russian-s-400-air-defense-missile-joint-production-with-turkey",
        ),
        ("Ünïcödé Straße in Ærø", "unicode-strasse-in-aero"),
        ("Russia’s decision", "russias-decision"),
        ("Russia's decision", "russias-decision"),
        ("  C++ & C#: what’s new?  ", "c-c-whats-new"),
        ("Россия и Турция", "rossiia-i-turtsiia"),
    ],
)
def test_slug_is_transliterated_ascii_lower_hyphenated(title, slug):
    assert make_slug(title) == slug


def test_long_title_slug_is_at_most_80_and_cut_at_a_word():
    title = " ".join(["Parliament", "approves", "defence", "budget", "increase"] * 12)
    slug = make_slug(title)
    assert len(slug) <= 80
    assert SLUG.match(slug)
    # whole words only: the slug is the full hyphenated title cut just before a hyphen
    assert ("-".join(title.lower().split()) + "-").startswith(slug + "-")


def test_title_without_letters_falls_back_to_the_seed_name():
    assert make_slug("!!! ??? ---", fallback="Seed Name é") == "seed-name-e"
    assert make_slug("", fallback="") == "entry"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_any_title_gives_a_url_safe_slug(title):
    slug = make_slug(title, fallback="seed")
    assert SLUG.match(slug), slug
    assert len(slug) <= 80


def test_unique_slug_numbers_clashes_and_stays_within_80():
    base = "a" * 80
    assert unique_slug("navy", set()) == "navy"
    assert unique_slug("navy", {"navy"}) == "navy-2"
    assert unique_slug("navy", {"navy", "navy-2"}) == "navy-3"
    numbered = unique_slug(base, {base})
    assert numbered.endswith("-2") and len(numbered) <= 80


def test_200_character_title_gives_a_short_slug_through_the_cli(seeds):
    title = ("Parliament approves the largest defence budget increase in a generation " * 5)[:200].strip()
    root = seeds({"long.txt": f"{title}\n\nThe budget passed on Monday.\n"})
    run = ingest(root)
    assert run.code == 0, run.err
    path, metadata, _body = only_entry(root)
    assert metadata["title"] == title
    assert len(metadata["slug"]) <= 80 and SLUG.match(metadata["slug"])
    assert path.name == f"{metadata['slug']}.md"


def test_same_title_gets_distinct_slugs_stable_across_runs(seeds):
    article = "Navy orders frigates\n\nThe navy ordered six frigates on Monday.\n"
    root = seeds({"a.txt": article, "b.txt": article.replace("six", "seven"), "c.txt": article + "\nMore.\n"})

    first = ingest(root)

    assert counts(first)["new"] == 3
    slugs = {source: entry_by_source(root, source)[1]["slug"] for source in ("a.txt", "b.txt", "c.txt")}
    assert slugs == {
        "a.txt": "navy-orders-frigates",
        "b.txt": "navy-orders-frigates-2",
        "c.txt": "navy-orders-frigates-3",
    }
    for source, slug in slugs.items():
        path, metadata, _body = entry_by_source(root, source)
        assert path.name == f"{slug}.md" and metadata["slug"] == slug
    before = entries(root)

    second = ingest(root)

    assert counts(second)["unchanged"] == 3
    assert entries(root) == before

    # From scratch (a fresh checkout without content/), the same seeds get the same slugs.
    shutil.rmtree(root / "content")
    assert counts(ingest(root))["new"] == 3
    assert entries(root) == before


def test_slug_survives_a_title_change_in_the_seed(seeds, registry):
    root = seeds({"a.txt": "Navy orders frigates\n\nThe navy ordered six frigates.\n"})
    assert not ingest_direct(root, registry).failed
    (root / "seeds" / "a.txt").write_text("Navy orders seven frigates\n\nThe navy ordered seven.\n")

    report = ingest_direct(root, registry)

    assert report_counts(report)["updated"] == 1
    path, metadata, _body = only_entry(root)
    assert path.name == "navy-orders-frigates.md"  # its address does not move
    assert metadata["title"] == "Navy orders seven frigates"


def test_new_seed_does_not_take_the_slug_of_an_entry_written_by_hand(seeds, registry):
    hand = "---\ntitle: Navy orders frigates\n---\n\nWritten by an editor.\n"
    root = seeds(
        {
            "content/navy-orders-frigates.md": hand,
            "a.txt": "Navy orders frigates\n\nThe navy ordered six frigates.\n",
        }
    )

    report = ingest_direct(root, registry)

    assert report_counts(report)["new"] == 1
    assert (root / "content" / "navy-orders-frigates.md").read_text() == hand
    _path, metadata, _body = entry_by_source(root, "a.txt")
    assert metadata["slug"] == "navy-orders-frigates-2"
    assert read(root / "content" / "navy-orders-frigates-2.md")[0]["seed"] == "a.txt"


def test_300_character_title_is_refused_with_one_line_naming_the_file(seeds):
    title = ("Parliament approves the largest defence budget increase in a generation " * 5)[:300].strip()
    root = seeds(
        {"long.txt": f"{title}\n\nThe budget passed on Monday.\n", "ok.txt": "Fine\n2024-03-01\n\nBody.\n"}
    )
    run = ingest(root)
    assert run.code == 1
    lines = [line for line in run.err.splitlines() if line.strip()]
    assert len(lines) == 1 and "long.txt:1" in lines[0] and "title" in lines[0], lines
    assert "Traceback" not in run.err
    assert len(list((root / "content").glob("*.md"))) == 1  # the good seed still went in
