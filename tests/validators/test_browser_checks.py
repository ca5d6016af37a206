"""In Chromium, over HTTP as a static host serves the site, at the root and under /digest/:
axe finds no serious or critical accessibility violation on the front page, an entry, a tag
page and the search page (empty and with results); typing a word of the sample entry into the
search page finds it, and its result leads to the entry."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from sites import SAMPLE_SLUG, SAMPLE_WORDS, Output

BLOCKING = {"serious", "critical"}
SEARCH_INPUT = "main input[type=search]"
VARIANTS = ["sample-root", "sample-sub"]


def axe_report(page) -> tuple[list[str], list[str]]:
    """(blocking, other) violations: id, impact, how many nodes, and the first node."""
    blocking, other = [], []
    for violation in Axe().run(page).response["violations"]:
        first = violation["nodes"][0] if violation["nodes"] else {}
        line = (
            f"{violation['id']} ({violation['impact']}, {len(violation['nodes'])} nodes): "
            f"{violation['help']} at {first.get('target')} {first.get('html', '')[:120]}"
        )
        (blocking if violation["impact"] in BLOCKING else other).append(line)
    return blocking, other


def search(page, word: str) -> None:
    box = page.locator(SEARCH_INPUT).first
    box.click()
    box.press_sequentially(word, delay=20)


def result_link(page):
    return page.locator(f"main a[href*='briefings/{SAMPLE_SLUG}']")


def wait_for_result(page, word: str):
    """The sample entry's result link; fails with what the search page says instead."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    link = result_link(page).first
    try:
        link.wait_for(timeout=5_000)
    except PlaywrightTimeout:
        said = " ".join(page.locator("main").inner_text().split())[:400]
        pytest.fail(f"searching {word!r} did not list the sample entry; the page says: {said}")
    return link


def pages_of(output: Output) -> dict[str, str]:
    entry = next(e for e in output.entries if e.slug == SAMPLE_SLUG)
    tag_page = next(p for p in sorted((output.public / "tags").glob("*/index.html")))
    return {
        "front page": "",
        "entry": f"briefings/{entry.slug}/",
        "tag page": tag_page.parent.relative_to(output.public).as_posix() + "/",
        "search page": "search/",
    }


@pytest.mark.parametrize("output_id", VARIANTS)
def test_no_serious_or_critical_accessibility_violations(outputs, output_id, site_url, page):
    output: Output = outputs[output_id]
    base = site_url(output)
    failures, notes = [], []
    for name, path in [*pages_of(output).items(), ("search results", "search/")]:
        response = page.goto(base + path)
        assert response is not None and response.ok, (name, base + path)
        if name == "search results":
            search(page, SAMPLE_WORDS[0])
            wait_for_result(page, SAMPLE_WORDS[0])
        blocking, other = axe_report(page)
        failures += [f"{name} ({path or '/'}): {line}" for line in blocking]
        notes += [f"{name} ({path or '/'}): {line}" for line in other]
    if notes:
        print(f"\n{output_id}: axe, minor or moderate:\n  " + "\n  ".join(notes))
    assert not failures, "axe:\n" + "\n".join(failures)
    assert not page.errors, page.errors


@pytest.mark.parametrize("word", SAMPLE_WORDS)
@pytest.mark.parametrize("output_id", VARIANTS)
def test_typing_a_word_of_the_sample_entry_finds_it(outputs, output_id, word, site_url, page):
    output: Output = outputs[output_id]
    base = site_url(output)
    page.goto(base + "search/")
    search(page, word)
    wait_for_result(page, word).click()
    page.wait_for_url(base + f"briefings/{SAMPLE_SLUG}/")
    assert "S-400" in page.locator("h1").inner_text()
    assert not page.errors, page.errors


@pytest.mark.parametrize("output_id", VARIANTS)
def test_search_page_takes_the_query_from_the_address(outputs, output_id, site_url, page):
    """The masthead form and shared links open /search/?q=WORD: the results show at once."""
    page.goto(site_url(outputs[output_id]) + f"search/?q={SAMPLE_WORDS[0]}")
    wait_for_result(page, SAMPLE_WORDS[0])
