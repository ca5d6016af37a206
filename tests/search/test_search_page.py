"""The search page as a reader uses it: the URL, Back, highlighting, paging, filters,
stop words, entity labels, no failed requests, and hostile queries shown as text."""

from __future__ import annotations

import pytest

SCRIPT = "<script>alert(1)</script>"


def test_typing_updates_the_address_and_back_returns_to_the_results(search_page):
    search_page.open()
    search_page.type("howitzer")
    assert search_page.page.url.endswith("/search/?q=howitzer")
    first = search_page.slugs()
    assert first[0] == "howitzer-production-doubles"
    search_page.page.click("#search-results li h2 a")
    search_page.page.wait_for_url("**/briefings/howitzer-production-doubles/")
    search_page.page.go_back()
    search_page.wait("howitzer")
    assert search_page.slugs() == first
    assert search_page.page.input_value("#search-input") == "howitzer"


def test_back_returns_to_the_query_typed_before(search_page):
    """Letters typed in a row replace one history entry; typing after a pause adds one."""
    search_page.open()
    search_page.type("howitzer")
    search_page.page.wait_for_timeout(1200)  # the reader looks at the results
    search_page.type("Patriots")
    assert search_page.page.url.endswith("?q=Patriots")
    search_page.page.go_back()
    search_page.wait("howitzer")
    assert search_page.page.input_value("#search-input") == "howitzer"
    assert search_page.slugs()[0] == "howitzer-production-doubles"
    search_page.page.go_back()  # before any query: the empty search page
    search_page.page.wait_for_function("() => !window.location.search")
    search_page.page.go_forward()
    search_page.wait("howitzer")


def test_a_shared_address_shows_the_same_results(search_page):
    search_page.open("Patriots")
    assert set(search_page.slugs()) == {"germany-sends-more-patriots", "poland-signs-mim-104-contract"}


def test_matched_words_are_marked(search_page):
    search_page.open("missiles")
    marks = search_page.page.eval_on_selector_all("#search-results mark", "ms => ms.map(m => m.textContent)")
    assert "missiles" in marks and "missile" in marks


def test_results_page_on_past_the_first_page(search_page):
    search_page.open("officials")  # every briefing's closing paragraph
    first = search_page.slugs()
    assert len(first) == 20
    assert "30 briefings" in search_page.text("#search-status")
    search_page.page.click("#search-pager a[rel=next]")
    search_page.wait("officials")
    second = search_page.slugs()
    assert len(second) == 10 and not set(first) & set(second)
    assert "page=2" in search_page.page.url


def test_filters_by_entity_type_and_date_range(search_page):
    search_page.open("officials", type="people")
    people = set(search_page.slugs())
    assert people and all(s.startswith(("erdogan", "ankara", "zelensk", "kyiv")) for s in people), people
    search_page.open("officials", **{"from": "2024-06-01", "to": "2024-06-30"})
    assert set(search_page.slugs()) == {
        "ankara-talks-on-grain",
        "zelensky-visits-front",
        "zelenskyy-asks-for-jets",
    }


def test_stop_words_do_not_block_a_query(search_page):
    search_page.open("the Black Sea Fleet")
    assert search_page.slugs()[0] == "black-sea-fleet-moves"
    search_page.open("the")
    assert "too common" in search_page.text("#search-status")


def test_the_result_list_says_which_entity_matched(search_page):
    search_page.open("SA-21")
    assert "S-400, also written SA-21" in search_page.text("#search-status")


def test_typos_offer_the_word_as_a_link(search_page):
    search_page.open("Erdgoan")
    note = search_page.page.locator("#search-note a")
    assert note.inner_text() == "erdogan"
    note.click()
    search_page.wait("erdogan")
    assert search_page.page.url.endswith("?q=erdogan")
    assert len(search_page.slugs()) == 2


def test_no_request_fails(search_page):
    for query in ("zzzzqx", "S-400 Turkey", '"black sea fleet"', "Erdgoan", "ÿþ", "东京"):
        search_page.open(query)
    assert search_page.failures == []
    assert search_page.errors == []


@pytest.mark.parametrize(
    "query",
    [
        SCRIPT,
        "x" * 10_000,
        "!!! ??? ... --- '''",
        '"""',
        "שלום עולם",
        "مرحبا بالعالم",
        "\u202eS-400",
        "missile " * 2_000,
        "constructor __proto__ toString hasOwnProperty",
    ],
    ids=[
        "script",
        "10k",
        "punctuation",
        "quotes",
        "hebrew",
        "arabic",
        "rtl-override",
        "10k-words",
        "prototype",
    ],
)
def test_hostile_queries_show_as_text_and_never_throw(search_page, query):
    search_page.open(query)
    assert search_page.errors == []
    assert search_page.page.eval_on_selector_all("main script", "s => s.length") == 1
    status = search_page.text("#search-status")
    assert status and "unavailable" not in status
    assert (
        search_page.page.evaluate(
            "() => document.querySelectorAll('#search-results script, #search-status *').length"
        )
        == 0
    )


def test_a_quoted_alias_finds_the_entity_and_the_phrase(search_page):
    search_page.open('"SA-21"')
    assert len(search_page.slugs()) == 4
    search_page.open('"Sudarshan Chakra"')
    assert len(search_page.slugs()) == 4
    assert search_page.slugs()[0] == "india-inducts-third-squadron"
