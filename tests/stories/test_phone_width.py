"""At 390 px no page of any type scrolls sideways, and designations never break at their hyphen.

Real Chromium (Debian's /usr/bin/chromium, driven by Playwright), on a site with a very
long entity name and a very long unbroken word, one page of every type.
"""

from __future__ import annotations

import pytest
from sitecheck import build_in_process, write_files
from story_sites import busy_day_files, report
from webtools import fresh_page, http_folder

LONG_NAME = "Directorate-General for Defence Industry, Procurement Oversight and Space of the Commission"
LONG_WORD = "Verteidigungsbeschaffungsamtsaufsichtskommissionsvorsitzendenstellvertreterin"
PHONE = {"width": 390, "height": 844}

PAGES = {
    "front page": "",
    "older front page": "page/2/",
    "entry": "briefings/long-names/",
    "entity page": "tags/{long}/",
    "tag index": "tags/",
    "day edition": "2024/03/05/",
    "printable day edition": "2024/03/05/print/",
    "day edition as email": "2024/03/05/email.html",
    "month edition": "2024/03/",
    "archive": "archive/",
    "search": "search/",
    "not found": "404.html",
}


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    files = busy_day_files()
    path, text = report(
        "long-names",
        f"{LONG_NAME} orders S-400, Su-57 and MQ-9B drones from {LONG_WORD}",
        "2024-03-05T12:30:00Z",
        summary=f"The {LONG_NAME} met {LONG_WORD} about the S-400 and the Su-57.",
        tags=[LONG_NAME, "S-400", "Su-57", "MQ-9B", LONG_WORD, "Turkey"],
        entities={
            "organisations": [LONG_NAME],
            "weapon_systems": ["S-400", "Su-57", "MQ-9B"],
            "people": [LONG_WORD],
            "countries": ["Turkey"],
        },
        body=f"The {LONG_NAME} said so. {LONG_WORD}. https://example.com/{'a' * 120}\n",
    )
    files[path] = text
    root = write_files(tmp_path_factory.mktemp("phone"), files)
    build_in_process(root)
    with http_folder(root / "public") as url:
        yield url


def long_tag_slug() -> str:
    from slugify import slugify

    return slugify(LONG_NAME, max_length=80)


@pytest.mark.parametrize("kind", list(PAGES))
def test_no_page_scrolls_sideways_at_390_px(browser, site_url, kind):
    with fresh_page(browser) as tab:
        tab.set_viewport_size(PHONE)
        response = tab.goto(site_url + PAGES[kind].format(long=long_tag_slug()))
        assert response is not None and (response.ok or kind == "not found")
        width = tab.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{kind}: the page is {width} px wide on a 390 px screen"
        wide = tab.evaluate(
            """() => [...document.querySelectorAll('body *')]
                 .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                              && getComputedStyle(e).overflowX === 'visible'
                              && !e.closest('.timeline, pre, table'))
                 .map(e => e.tagName + '.' + e.className + ': ' + (e.textContent || '').slice(0, 40))"""
        )
        assert wide == [], f"{kind}: elements stick out: {wide[:5]}"


@pytest.mark.parametrize("kind", ["front page", "entry", "day edition"])
def test_designations_never_break_at_their_hyphen(browser, site_url, kind):
    with fresh_page(browser) as tab:
        tab.set_viewport_size(PHONE)
        tab.goto(site_url + PAGES[kind])
        lines = tab.evaluate(
            """() => [...document.querySelectorAll('.nw')].map(e => [e.textContent, e.getClientRects().length])"""
        )
        assert lines, f"{kind}: no designation found to check"
        assert all(count == 1 for _text, count in lines), f"{kind}: broken designations: {lines}"
        assert {"S-400", "Su-57"} <= {text for text, _count in lines}
