"""The daily email: email.html and email.txt in every day edition's folder, as mail clients need.

Checked on the offsite site built under a sub-path base_url: no script and no stylesheet
link, styles on the elements, every link and image absolute under base_url, at most 640 px
wide in a real Chromium, every headline of the day in both parts, the Nu validator
happy, email/latest.* the newest day, and the same bytes from two builds.
"""

from __future__ import annotations

import html
import subprocess
from urllib.parse import urlsplit

import lxml.html
import pytest
from offsite_sites import DAYS, HEADLINES, SUB_URL, offsite_files, write_site
from sitecheck import build
from webtools import fresh_page, vnu_jar


def folder(day: str) -> str:
    return day.replace("-", "/")


def email_doc(offsite, day: str):
    return lxml.html.fromstring((offsite.public / folder(day) / "email.html").read_bytes())


def urls_in(doc) -> list[str]:
    found = []
    for element in doc.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute in ("href", "src", "srcset", "background", "action"):
            value = element.get(attribute)
            if value is not None:
                found += [part.split()[0] for part in value.split(",")] if attribute == "srcset" else [value]
    return found


def test_every_day_edition_has_an_html_and_a_text_email(offsite):
    for day in DAYS:
        assert (offsite.public / folder(day) / "email.html").is_file(), day
        assert (offsite.public / folder(day) / "email.txt").is_file(), day
    assert sorted(
        p.parent.relative_to(offsite.public).as_posix() for p in offsite.public.rglob("email.html")
    ) == [folder(day) for day in sorted(DAYS)]


@pytest.mark.parametrize("day", sorted(DAYS))
def test_the_email_has_no_script_nor_stylesheet_and_its_styles_are_inlined(offsite, day):
    doc = email_doc(offsite, day)
    assert not doc.xpath("//script"), "mail clients drop scripts"
    assert not doc.xpath("//link[contains(concat(' ', @rel, ' '), ' stylesheet ')]")
    assert not doc.xpath("//@*[starts-with(name(), 'on')]")
    styled = doc.xpath("//body//*[@style]")
    assert len(styled) > 20
    for selector in ("//h1", "//h2", "//a", "//p", "//table"):
        for element in doc.xpath(selector):
            if element.xpath("ancestor::div[contains(@class, 'preheader')]"):
                continue
            assert element.get("style"), f"{selector} has no inline style"
    # What stays in <style> is only what cannot be inlined: @media rules (dark mode, phones).
    for block in doc.xpath("//style/text()"):
        assert block.strip().startswith("@media"), block[:80]
    assert "prefers-color-scheme: dark" in "".join(doc.xpath("//style/text()"))
    assert doc.xpath("//meta[@name='color-scheme']/@content") == ["light dark"]


@pytest.mark.parametrize("day", sorted(DAYS))
def test_every_link_and_image_is_absolute_under_the_sub_path_base_url(offsite, day):
    doc = email_doc(offsite, day)
    found = urls_in(doc)
    assert found
    inside = [url for url in found if url.startswith(SUB_URL)]
    for url in found:
        parts = urlsplit(url)
        assert parts.scheme in {"https", "http"} and parts.netloc, f"{url} is not absolute"
    # Everything of the site's own lives under its sub-path, and exists.
    for url in inside:
        path = url[len(SUB_URL) :].split("#")[0]
        target = offsite.public / path
        assert (target / "index.html").is_file() or target.is_file(), f"{url} leads nowhere"
    assert not [
        url for url in found if url.startswith("https://example.org/") and not url.startswith(SUB_URL)
    ]


def test_the_long_briefings_photo_and_links_are_absolute_in_the_mail(offsite):
    doc = email_doc(offsite, "2024-03-01")
    images = doc.xpath("//img/@src")
    assert images and all(src.startswith(SUB_URL + "images/alpha-") for src in images), images
    hrefs = doc.xpath("//a/@href")
    assert SUB_URL + "briefings/bravo/" in hrefs  # the body's relative "../bravo/"
    assert SUB_URL + "2024/03/01/" in hrefs  # and "../../2024/03/01/", from the entry's page
    assert "https://example.com/statement" in hrefs


@pytest.mark.parametrize("day", sorted(DAYS))
def test_every_headline_of_the_day_is_in_both_parts_and_the_day_in_brief_comes_first(offsite, day):
    page = (offsite.public / folder(day) / "email.html").read_text(encoding="utf-8")
    text = (offsite.public / folder(day) / "email.txt").read_text(encoding="utf-8")
    doc = lxml.html.fromstring(page)
    for hidden in doc.xpath("//div[@class='preheader']"):  # the inbox's preview line
        hidden.drop_tree()
    body_text = doc.xpath("string(//body)")
    brief = body_text.index("The day in brief")
    for slug in DAYS[day]:
        headline = HEADLINES[slug]
        assert headline in body_text, headline
        assert body_text.index(headline) > brief
        assert headline in text, headline
        assert SUB_URL + f"briefings/{slug}/" in text
    assert text.index("THE DAY IN BRIEF") < text.index("=" * 20)
    assert "<" not in text.replace("<https://", "").replace("<b>not bold</b>", ""), "HTML in the text part"
    for other in set(HEADLINES) - set(DAYS[day]):
        assert HEADLINES[other] not in text


def test_the_text_part_carries_a_briefing_in_full(offsite):
    text = (offsite.public / "2024/03/01/email.txt").read_text(encoding="utf-8")
    assert " ".join(text.split()).count("Officials said the new battery") >= 20
    assert "the ministry's statement <https://example.com/statement>" in " ".join(text.split())
    assert max(len(line) for line in text.splitlines() if "://" not in line) <= 72


def test_the_text_parts_footnotes_are_marks_not_addresses(offsite):
    """A footnote mark reads "[1]" and its back-arrow is left out: their links, absolute in
    mail, would otherwise print the entry's address twice per note."""
    text = " ".join((offsite.public / "2024/03/01/email.txt").read_text(encoding="utf-8").split())
    assert "and a note.[1]" in text
    assert "#fn" not in text and "\u21a9" not in text
    assert "The note, with its own source <https://example.com/note>." in text


def test_hostile_headline_is_text_in_both_parts(offsite):
    page = (offsite.public / "2024/03/05/email.html").read_text(encoding="utf-8")
    assert "<b>not bold</b>" not in page
    assert html.escape(HEADLINES["echo"], quote=False) in page
    text = (offsite.public / "2024/03/05/email.txt").read_text(encoding="utf-8")
    assert HEADLINES["echo"] in text


def test_latest_is_the_newest_days_email(offsite):
    newest = max(DAYS)
    for name in ("html", "txt"):
        latest = (offsite.public / f"email/latest.{name}").read_bytes()
        assert latest == (offsite.public / folder(newest) / f"email.{name}").read_bytes()
    doc = lxml.html.fromstring((offsite.public / "email/latest.html").read_bytes())
    assert doc.xpath("//link[@rel='canonical']/@href") == [SUB_URL + folder(newest) + "/email.html"]


def test_two_clean_builds_write_the_same_email_bytes(offsite, tmp_path):
    again = write_site(tmp_path / "again", offsite_files())
    build(again, "--base-url", SUB_URL)
    for path in sorted(offsite.public.rglob("email*")):
        if path.is_file():
            relative = path.relative_to(offsite.public)
            assert (again / "public" / relative).read_bytes() == path.read_bytes(), relative


def test_the_nu_validator_accepts_every_email(offsite):
    jar = vnu_jar()
    files = [str(p) for p in sorted(offsite.public.rglob("email*.html"))] + [
        str(offsite.public / "email/latest.html")
    ]
    run = subprocess.run(
        ["java", "-jar", str(jar), "--Werror", "--errors-only", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr or run.stdout


@pytest.mark.parametrize("viewport", [1280, 390])
def test_the_email_is_at_most_640_pixels_wide_and_fits_a_phone(browser, offsite, viewport):
    with fresh_page(browser) as page:
        page.set_viewport_size({"width": viewport, "height": 900})
        page.route(
            "**/*", lambda route: route.abort() if route.request.url.startswith("http") else route.continue_()
        )
        page.goto((offsite.public / "2024/03/01/email.html").as_uri())
        widths = page.evaluate(
            """() => ({
                 column: document.querySelector('table.column').getBoundingClientRect().width,
                 widest: Math.max(...[...document.querySelectorAll('table.column *')]
                                    .map(e => e.getBoundingClientRect().width)),
                 scroll: document.documentElement.scrollWidth,
               })"""
        )
        assert widths["column"] <= 640, widths
        assert widths["widest"] <= 640, widths
        assert widths["scroll"] <= viewport, widths


def test_under_a_dark_scheme_the_email_turns_dark(browser, offsite):
    with fresh_page(browser) as page:
        page.emulate_media(color_scheme="dark")
        page.route(
            "**/*", lambda route: route.abort() if route.request.url.startswith("http") else route.continue_()
        )
        page.goto((offsite.public / "2024/03/01/email.html").as_uri())
        colours = page.evaluate(
            "() => [getComputedStyle(document.querySelector('table.column')).backgroundColor,"
            " getComputedStyle(document.querySelector('td.briefing h2')).color]"
        )
        assert colours == ["rgb(27, 30, 34)", "rgb(230, 227, 220)"], colours


def _luminance(rgb: str) -> float:
    r, g, b = (int(v) / 255 for v in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


@pytest.mark.parametrize("day", sorted(DAYS))
def test_under_a_dark_scheme_every_text_stands_out_from_its_background(browser, offsite, day):
    """Not only the headlines: body quotes, tables, captions and the footer too (a colour
    inlined for light mode and not overridden in the dark rules is dark on dark)."""
    with fresh_page(browser) as page:
        page.emulate_media(color_scheme="dark")
        page.route(
            "**/*", lambda route: route.abort() if route.request.url.startswith("http") else route.continue_()
        )
        page.goto((offsite.public / folder(day) / "email.html").as_uri())
        texts = page.evaluate(
            """() => [...document.querySelectorAll('td *')]
                .filter(e => e.offsetParent !== null
                             && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
                .map(e => {
                    let x = e, bg = 'rgba(0, 0, 0, 0)';
                    while (x && bg === 'rgba(0, 0, 0, 0)') { bg = getComputedStyle(x).backgroundColor; x = x.parentElement; }
                    return [e.tagName, e.textContent.trim().slice(0, 30), getComputedStyle(e).color, bg];
                })"""
        )
    assert texts
    for tag, text, colour, background in texts:
        assert _luminance(colour) - _luminance(background) > 0.4, (tag, text, colour, background)
