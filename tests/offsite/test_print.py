"""Print, in a real Chromium: the print stylesheet, page counts on A4, the briefing book.

Pages are opened from disk (the site links relatively, so file:// works) with print
media emulated, under a dark colour scheme where it matters; `page.pdf()` gives the
pages a reader would get from the printer.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import pytest
from offsite_sites import DAYS, HEADLINES, long_body, word_count
from webtools import fresh_page

A4 = {"format": "A4"}


@pytest.fixture
def page(browser) -> Iterator:
    with fresh_page(browser) as opened:
        yield opened


def open_printed(page, offsite, url: str, scheme: str = "light"):
    page.emulate_media(media="print", color_scheme=scheme)
    target = offsite.public / url
    page.goto((target / "index.html" if url == "" or url.endswith("/") else target).as_uri())
    page.wait_for_load_state("load")
    return page


def pdf_pages(page) -> int:
    data = page.pdf(**A4)
    # Each page object of the PDF Chromium writes is "/Type /Page" (the tree is "/Pages").
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", data))


def luminance(rgb: str) -> float:
    r, g, b = (int(v) / 255 for v in re.findall(r"\d+", rgb)[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_the_long_entry_really_has_600_words():
    assert word_count(long_body()) >= 600


def test_a_600_word_entry_with_a_photo_prints_on_at_most_two_a4_pages(page, offsite):
    open_printed(page, offsite, "briefings/alpha/")
    pages = pdf_pages(page)
    assert 1 <= pages <= 2, f"the 600-word entry prints on {pages} pages"


def test_a_screen_rendering_would_print_longer_so_the_count_is_the_stylesheets_doing(page, offsite):
    """Without print.css (stylesheet removed) the same entry takes more paper: the count above
    measures the print styles, not a page too short to overflow."""
    open_printed(page, offsite, "briefings/alpha/")
    styled = pdf_pages(page)
    # The stylesheet's name carries its content hash (assets/print.<hash>.css).
    page.evaluate("document.querySelector('link[href*=\"assets/print.\"]').remove()")
    assert pdf_pages(page) > styled


@pytest.mark.parametrize("url", ["briefings/alpha/", "2024/03/01/print/", "2024/03/01/", ""])
def test_printed_text_is_dark_on_light_under_a_dark_colour_scheme(page, offsite, url):
    open_printed(page, offsite, url, scheme="dark")
    colours = page.evaluate(
        """() => [...document.querySelectorAll('h1, h2, p, li, a, figcaption, .meta')]
              .filter(e => e.offsetParent !== null)
              .map(e => [e.tagName, getComputedStyle(e).color])"""
    )
    assert colours
    for tag, colour in colours:
        assert luminance(colour) < 0.35, f"{url}: <{tag}> prints in {colour}"
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert luminance(background) > 0.9, background
    # And on screen, the same scheme really is dark: the print styles are what make it light.
    page.emulate_media(media="screen", color_scheme="dark")
    assert luminance(page.evaluate("getComputedStyle(document.body).color")) > 0.6


def test_site_chrome_is_hidden_on_paper(page, offsite):
    open_printed(page, offsite, "briefings/alpha/")
    hidden = page.evaluate(
        """() => ['.masthead nav', '.tags', '.neighbours', '.related', '.site-footer', '.skip-link']
              .map(s => [s, [...document.querySelectorAll(s)].map(e => e.getClientRects().length)])"""
    )
    seen = dict(hidden)
    # The entry has all of these on screen; none of them take up paper.
    assert seen[".tags"] and seen[".neighbours"] and seen[".related"] and seen[".site-footer"], seen
    for selector, rects in hidden:
        assert all(count == 0 for count in rects), f"{selector} is printed"
    text = page.evaluate("document.body.innerText")
    assert HEADLINES["alpha"] in text
    assert "Related briefings" not in text and "← Previous" not in text
    # The entry's own address is printed, so a reader of the paper can find it.
    assert "https://example.org/digest/briefings/alpha/" in text
    page.emulate_media(media="screen")
    assert page.evaluate("document.querySelector('.masthead nav').getClientRects().length") > 0


def test_links_print_their_address_after_their_text(page, offsite):
    open_printed(page, offsite, "briefings/alpha/")
    after = page.evaluate(
        """() => [...document.querySelectorAll('.body a')].map(a =>
              [a.getAttribute('href'), getComputedStyle(a, '::after').content])"""
    )
    external = [(href, content) for href, content in after if href.startswith("http")]
    assert external, after
    for href, content in external:
        assert href in content, (href, content)


@pytest.mark.parametrize("url", ["briefings/alpha/", "2024/03/01/print/"])
def test_links_into_the_site_print_their_absolute_address(page, offsite, url):
    """On paper "../bravo/" leads nowhere: a link into the site prints its address under
    base_url, the same from the entry's page and from the briefing book."""
    open_printed(page, offsite, url)
    after = dict(
        page.evaluate(
            """() => [...document.querySelectorAll('.body a')].map(a =>
                  [a.textContent, getComputedStyle(a, '::after').content])"""
        )
    )
    assert after["bravo briefing"] == f'" ({offsite.base_url}briefings/bravo/)"', after
    assert after["day's edition"] == f'" ({offsite.base_url}2024/03/01/)"', after
    # A footnote mark stays a mark: its address is this very page.
    assert all("#fn" not in content for content in after.values()), after


def test_headings_keep_with_what_follows_and_photos_are_not_split(page, offsite):
    open_printed(page, offsite, "briefings/alpha/")
    rules = page.evaluate(
        """() => ({
              headings: [...document.querySelectorAll('h1, h2')].map(h => getComputedStyle(h).breakAfter),
              figure: getComputedStyle(document.querySelector('figure.photo')).breakInside,
              image: getComputedStyle(document.querySelector('figure.photo img')).breakInside,
              orphans: getComputedStyle(document.querySelector('.body p')).orphans,
          })"""
    )
    assert rules["headings"] and set(rules["headings"]) == {"avoid"}, rules
    assert rules["figure"] == "avoid" and rules["image"] == "avoid", rules
    assert int(rules["orphans"]) >= 2


def page_texts(page) -> list[str]:
    """The text of each printed A4 page, read back from the PDF Chromium makes."""
    from pypdf import PdfReader

    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(page.pdf(**A4))).pages]


def heading_alone_at_a_foot(page, heights: range) -> list[int]:
    """Filler heights (mm) at which a page ends with the probe heading, its text overleaf."""
    found = []
    for height in heights:
        page.evaluate(f"document.getElementById('filler').style.height = '{height}mm'")
        texts = page_texts(page)
        if any(text.rstrip().endswith("Probe heading") for text in texts[:-1]):
            found.append(height)
    return found


def test_no_heading_is_left_alone_at_the_foot_of_a_printed_page(page, offsite):
    """A filler pushes a heading down the first page a few millimetres at a time: whatever
    the height, no page ends with the heading. With the print rule turned off, some height
    does, so the check can see what it looks for."""
    open_printed(page, offsite, "briefings/bravo/")
    page.evaluate(
        """() => {
             const body = document.querySelector('.body');
             const filler = document.createElement('div');
             filler.id = 'filler';
             body.prepend(filler);
             const h = document.createElement('h2'); h.id = 'probe'; h.textContent = 'Probe heading';
             const p = document.createElement('p'); p.textContent = 'Text after the probe. '.repeat(60);
             body.append(h, p);
           }"""
    )
    heights = range(170, 236, 3)
    assert heading_alone_at_a_foot(page, heights) == []
    page.evaluate(
        """() => { const s = document.createElement('style');
                   s.textContent = '@media print { #probe { break-after: auto !important; } }';
                   document.head.append(s); }"""
    )
    assert heading_alone_at_a_foot(page, heights), "the probe never reached a page's foot: widen the range"


def test_each_day_edition_links_to_its_briefing_book(offsite):
    import lxml.html

    for day in DAYS:
        edition = lxml.html.fromstring((offsite.public / day.replace("-", "/") / "index.html").read_bytes())
        links = edition.xpath("//a[normalize-space()='Print the briefing book']/@href")
        folder = day.replace("-", "/")
        assert [link.rsplit(folder, 1)[-1] for link in links] == ["/print/"], (day, links)
        assert (offsite.public / folder / "print/index.html").is_file()


def test_the_briefing_book_has_the_day_in_brief_then_every_briefing_in_full(page, offsite):
    open_printed(page, offsite, "2024/03/01/print/")
    text = page.evaluate("document.body.innerText")
    brief = text.index("The day in brief")
    starts = [text.index(HEADLINES[slug], brief + 20) for slug in DAYS["2024-03-01"]]
    assert brief < min(starts)
    # In full: the whole long body (its last paragraph and its footnote), not a summary.
    assert "More context follows here today." in text
    assert text.count("Officials said the new battery") >= 20
    assert "The second battery arrived by sea." in text
    # Other days' briefings are not in this book.
    assert HEADLINES["charlie"] not in text
    pages = pdf_pages(page)
    assert 1 <= pages <= 3, f"a day of one 600-word and one short briefing prints on {pages} pages"
    # The book's photo comes from the site's own files (relative links re-aimed from its folder).
    loaded = page.evaluate("[...document.images].every(i => i.complete && i.naturalWidth > 0)")
    assert loaded


def test_the_briefing_book_is_canonical_to_its_edition_and_not_in_the_sitemap(offsite):
    import lxml.html

    book = lxml.html.fromstring((offsite.public / "2024/03/01/print/index.html").read_bytes())
    assert book.xpath("//link[@rel='canonical']/@href") == [offsite.base_url + "2024/03/01/"]
    assert "print/" not in (offsite.public / "sitemap.xml").read_text()
