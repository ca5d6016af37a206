"""The labelled query set (bench/search_corpus.py) in a real Chromium: each class must hold.

Aliases, spellings, plurals, apostrophes and hyphens, typos, title rank and phrases: the
same figures bench/search.py prints as recall@10 and MRR per class.
"""

from __future__ import annotations

import pytest
from search_corpus import PHRASE_EXCLUDED, QUERIES, scores


@pytest.fixture(scope="module")
def ranked(browser, served) -> dict[str, list[str]]:
    from searching import SearchPage
    from webtools import fresh_page

    with fresh_page(browser) as page:
        search = SearchPage(page, served + "search/")
        found = {}
        for query in QUERIES:
            search.open(query.text)
            found[query.text] = search.slugs()
        assert not search.failures, search.failures
        assert not search.errors, search.errors
        return found


@pytest.mark.parametrize("kind", sorted({q.kind for q in QUERIES}))
def test_every_query_class_finds_all_its_briefings_in_the_top_ten(ranked, kind):
    recall, mrr, _count = scores(ranked)[kind]
    missed = {
        q.text: sorted((q.relevant if not q.first else {q.first}) - set(ranked[q.text][:10]))
        for q in QUERIES
        if q.kind == kind
    }
    assert recall == 1.0, {k: v for k, v in missed.items() if v}
    assert mrr == 1.0, {q.text: ranked[q.text][:3] for q in QUERIES if q.kind == kind}


def test_entity_matches_rank_above_plain_word_matches(ranked):
    """ "S-400": the four tagged briefings first (the headline one on top), then nothing else."""
    found = ranked["S-400"]
    tagged = next(q.relevant for q in QUERIES if q.text == "SA-21")
    assert set(found[: len(tagged)]) == tagged


def test_a_quoted_phrase_needs_its_words_together(ranked):
    for query, excluded in PHRASE_EXCLUDED.items():
        assert excluded not in ranked[query]


def test_newer_breaks_ties(search_page):
    """ "analysts" is in every briefing's closing paragraph only: equal scores, newest first."""
    from search_corpus import DOCS

    search_page.open("analysts")
    newest = [d.slug for d in sorted(DOCS, key=lambda d: d.date, reverse=True)]
    assert search_page.slugs() == newest[:20]
