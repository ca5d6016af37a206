"""A day edition as an email: `email.html` (styles inlined) and `email.txt` (its plain part).

What mail clients need, and the site's pages do not give them: no script and no
stylesheet (clients drop both), every style on its element (Gmail and Outlook
read only those; css-inline puts them there, from the template's one <style>),
a table layout no wider than 640 px, and every link and image absolute under
base_url (a mail has no page to resolve a relative link against). The
`@media` rules stay in a <style> for the clients that read them: dark mode
and narrow screens.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

import jinja2
import lxml.html  # type: ignore[import-untyped]

from briefing.config import Config
from briefing.model import Edition, Entry
from briefing.ranking import edition_stories, stories_of
from briefing.render import families, urls
from briefing.render.brief import BRIEF_KEYS, day_in_brief, key_tags
from briefing.render.images import variants
from briefing.render.relink import absolute_body
from briefing.render.templates import long_date, render
from briefing.render.views import _opens_with

EMAIL_HTML = "email.html"  # the template, and the file in each day edition's folder
EMAIL_TEXT = "email.txt"
LATEST_HTML = "email/latest.html"
LATEST_TEXT = "email/latest.txt"
# The width a photo is shown at inside the 640 px column (its padding taken off).
PHOTO_WIDTH = 592
_WRAP = 72  # plain-text mail lines, as RFC 3676 mail readers expect


@dataclass(frozen=True)
class EmailParts:
    html: bytes
    text: bytes


def email_view(config: Config, site, edition: Edition, bodies) -> dict:
    """What email.html shows: the day in brief on top, then every briefing of the day in full."""
    absolute = lambda path: urls.absolute(config, path)  # noqa: E731 - one short rule, used often
    # A day left out of the day editions (day_editions) is read in its month's edition.
    kept = families.first_kept_day(config, site.entries)
    has_folder = kept is None or edition.start >= kept
    briefings = [
        _briefing(config, site, entry, bodies[entry.slug]) for entry in ranked_entries(site, edition)
    ]
    return {
        "site": {
            "title": config.title,
            "description": config.description,
            "language": config.language,
            "url": absolute(""),
            "archive_url": absolute(urls.ARCHIVE),
            "feed_url": absolute("atom.xml"),
            "editions_feed_url": absolute("editions.xml"),
        },
        "edition": {
            "key": edition.key,
            "title": f"Edition of {long_date(edition.start)}",
            "date": long_date(edition.start),
            "count": len(briefings),
            "url": absolute(families.day_url(config, site.entries)(edition.key)),
            "email_url": absolute(urls.day_email(edition.start, EMAIL_HTML)) if has_folder else None,
            "print_url": absolute(urls.day_print(edition.start)) if has_folder else None,
        },
        "brief": day_in_brief_absolute(config, site, edition),
        "briefings": briefings,
        # The line a mail client shows beside the subject before the mail is opened.
        "preheader": "; ".join(b["title"] for b in briefings),
    }


def ranked_stories(site, edition: Edition) -> list:
    """The day's stories, ranked as the edition page ranks them (briefing.ranking)."""
    return edition_stories(stories_of(site).stories, edition.entries)


def ranked_entries(site, edition: Edition) -> list[Entry]:
    """The day's briefings in the order of its ranked stories, each story's reports together."""
    mine = {e.slug for e in edition.entries}
    ordered = [e for story in ranked_stories(site, edition) for e in story.reports if e.slug in mine]
    return ordered + [e for e in edition.entries if e not in ordered]


def brief_view(site, edition: Edition) -> dict:
    """The edition page's day in brief (render.brief.day_in_brief); on a day too short for
    one, its few stories are the brief, so mail and print always open with it."""
    stories = ranked_stories(site, edition)
    brief = day_in_brief(site, stories)
    if brief is None:
        brief = {
            "top": [
                {
                    "story": s.id,
                    "title": s.lead.title,
                    "url": urls.entry(s.lead.slug),
                    "reports": len(s.reports),
                    "keys": key_tags(site, s, BRIEF_KEYS),
                }
                for s in stories
            ],
            "groups": [],
            "count": len(stories),
        }
    return brief


def day_in_brief_absolute(config: Config, site, edition: Edition) -> dict:
    """The day in brief with every link absolute, for mail."""
    brief = brief_view(site, edition)
    return {
        "top": [
            {
                "title": item["title"],
                "url": urls.absolute(config, item["url"]),
                "reports": item["reports"],
                "keys": [k["name"] for k in item["keys"]],
            }
            for item in brief["top"]
        ],
        "groups": [
            {
                "label": group["label"],
                "items": [
                    {"title": item["title"], "url": urls.absolute(config, item["url"])}
                    for item in group["items"]
                ],
            }
            for group in brief["groups"]
        ],
    }


def _briefing(config: Config, site, entry: Entry, body_html: str) -> dict:
    image = entry.image
    photo = None
    if image is not None and image.file and image.width:  # width 0: a skipped photo
        made = variants(entry.slug, image.file, image.width, image.height)
        # The smallest size that stays sharp on a high-density phone at the column's width.
        shown = next((v for v in made if v.width >= PHOTO_WIDTH * 2), made[-1])
        width = min(PHOTO_WIDTH, shown.width)
        photo = {
            "src": urls.absolute(config, shown.file),
            "alt": image.alt,
            "width": width,
            "height": round(shown.height * width / shown.width),
        }
    return {
        "title": entry.title,
        "url": urls.absolute(config, urls.entry(entry.slug)),
        "date": long_date(entry.day),
        "datetime": entry.published.isoformat(),
        "summary": entry.summary,
        "lede": "" if _opens_with(body_html, entry.summary) else entry.summary,
        "photo": photo,
        "caption": image.caption if image else "",
        "credit": image.credit if image else "",
        "tags": [
            {"name": name, "url": urls.absolute(config, urls.tag(site.tag_by_name[name].slug))}
            for name in entry.tags
        ],
        "body_html": absolute_body(config, entry.slug, body_html),
    }


def email_parts(env: jinja2.Environment, view: dict) -> EmailParts:
    return EmailParts(html=email_html(env, view), text=email_text(view))


def email_html(env: jinja2.Environment, view: dict) -> bytes:
    """The template rendered, then its <style> inlined onto each element by css-inline."""
    import css_inline  # a compiled library: imported by the builds that write mail only

    page = render(env, EMAIL_HTML, view)
    inliner = css_inline.CSSInliner(
        keep_at_rules=True,  # @media (dark mode, narrow screens) cannot be inlined: kept in <style>
        load_remote_stylesheets=False,  # a build never reaches the network
    )
    inlined = inliner.inline(page)
    # The inliner puts the kept <style> first in <head>; the charset must open it (within the
    # first 1,024 bytes, which a long <style> would push it out of).
    charset = '<meta charset="utf-8">'
    if charset in inlined:
        inlined = inlined.replace(charset + "\n", "", 1).replace("<head>", "<head>" + charset, 1)
    return (inlined.rstrip("\n") + "\n").encode("utf-8")


def body_of(email: bytes) -> str:
    """The inside of an email's <body>: what an RSS-to-email service puts in its own frame."""
    text = email.decode("utf-8")
    start = re.search(r"<body[^>]*>", text)
    end = text.rfind("</body>")
    if start is None or end < 0:
        return text
    return text[start.end() : end].strip("\n")


def email_text(view: dict) -> bytes:
    """The plain-text part: every headline with its URL, then each briefing as text."""
    edition, site = view["edition"], view["site"]
    lines = [
        f"{site['title']}: {edition['title']}",
        f"{edition['count']} briefing{'' if edition['count'] == 1 else 's'}",
        f"Read online: {edition['url']}",
        "",
        "THE DAY IN BRIEF",
        "",
    ]
    for number, item in enumerate(view["brief"]["top"], start=1):
        keys = f" ({', '.join(item['keys'])})" if item["keys"] else ""
        lines += _wrapped(f"{number}. {item['title']}{keys}", "   ")
        lines += [f"   {item['url']}", ""]
    if view["brief"]["groups"]:
        lines += ["Also today", ""]
    for group in view["brief"]["groups"]:
        lines.append(group["label"])
        for item in group["items"]:
            lines += _wrapped(f"- {item['title']}", "  ")
            lines.append(f"  {item['url']}")
        lines.append("")
    for briefing in view["briefings"]:
        lines += ["", "=" * _WRAP, "", *_wrapped(briefing["title"]), briefing["url"], briefing["date"], ""]
        if briefing["lede"]:
            lines += [*_wrapped(briefing["lede"]), ""]
        if briefing["caption"] or briefing["credit"]:
            note = briefing["caption"]
            if briefing["credit"]:
                note = f"{note} (Picture source: {briefing['credit']})".strip()
            lines += [*_wrapped(f"[Photo: {note}]"), ""]
        for paragraph in html_paragraphs(briefing["body_html"]):
            lines += [*_wrapped(paragraph), ""]
        if briefing["tags"]:
            lines += [*_wrapped("Tags: " + ", ".join(tag["name"] for tag in briefing["tags"])), ""]
    lines += [
        "",
        "-" * _WRAP,
        site["description"],
        f"Archive: {site['archive_url']}",
        f"Editions by feed: {site['editions_feed_url']}",
    ]
    return ("\n".join(line.rstrip() for line in lines).strip("\n") + "\n").encode("utf-8")


_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "dt", "dd", "tr", "figcaption"}


def html_paragraphs(body_html: str) -> list[str]:
    """Body HTML as plain paragraphs: one per block, links as "text <url>", lists as "- "."""
    if not body_html.strip():
        return []
    holder = lxml.html.fragment_fromstring(body_html, create_parent="div")
    _plain_footnotes(holder)
    for link in holder.iter("a"):
        href = link.get("href", "")
        label = link.text_content().strip()
        if href and href != label and not href.startswith("#"):
            link.tail = f" <{href}>" + (link.tail or "")
    paragraphs = []
    for element in holder.iter():
        if not isinstance(element.tag, str) or element.tag not in _BLOCKS:
            continue
        if any(isinstance(a.tag, str) and a.tag in _BLOCKS for a in element.iterancestors()):
            continue  # its text is in its block ancestor's
        text = " ".join(element.text_content().split())
        if element.tag == "pre":
            text = element.text_content().rstrip()
        if not text:
            continue
        if element.tag == "li":
            text = "- " + text
        elif element.tag.startswith("h"):
            text = text.upper()
        paragraphs.append(text)
    return paragraphs


def _plain_footnotes(holder) -> None:
    """Footnote marks as "[1]" and no back-arrows: in plain text their links (made absolute,
    so no longer "#fn:1") would print the entry's address twice for every note."""
    for link in list(holder.iter("a")):
        kind = link.get("class", "")
        if "footnote-ref" in kind:
            link.text, link.attrib["href"] = f"[{link.text_content().strip()}]", "#"
            for child in list(link):
                link.remove(child)
        elif "footnote-backref" in kind:
            link.drop_tree()


def _wrapped(text: str, indent: str = "") -> list[str]:
    if "\n" in text:  # preformatted: kept as it is
        return [indent + line for line in text.split("\n")]
    words = text.split(" ")
    if words == text.split():
        return _greedy(words, indent)
    return textwrap.wrap(
        text,
        _WRAP,
        subsequent_indent=indent,
        break_long_words=False,  # a URL must stay whole to stay clickable
        break_on_hyphens=False,
    ) or [""]


def _greedy(words: list[str], indent: str) -> list[str]:
    """textwrap.wrap's lines, as _wrapped calls it, for words joined by single spaces and
    no other white space (a body paragraph always is): its generic chunking and
    white-space rules cost a cold build a second on 30,000 paragraphs."""
    lines: list[str] = []
    start, length, width = 0, len(words[0]), _WRAP
    for i, size in enumerate(map(len, words[1:]), start=1):
        if length + 1 + size <= width:
            length += 1 + size
        else:
            lines.append(" ".join(words[start:i]))
            start, length, width = i, size, _WRAP - len(indent)
    lines.append(" ".join(words[start:]))
    return [lines[0], *[indent + line for line in lines[1:]]] if indent else lines
