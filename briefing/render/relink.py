"""An entry's body HTML moved to another place: feeds, email, the printed briefing book.

The body is rendered once, for the entry's own page, so its relative links
(`../other/`, `images/map.png`, `#fn-1`) are relative to `briefings/<slug>/`.
A feed reader or a mail client has no page to resolve them against, so there
every link and image becomes absolute under base_url; the briefing book is a
page of the site at another depth, so there they are re-aimed from its folder.
On paper a relative link means nothing, so the pages that print give each link
into the site its absolute address too (`data-href`, which print.css prints).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urljoin, urlsplit

import lxml.html  # type: ignore[import-untyped]
from lxml import etree

from briefing.config import Config
from briefing.render import urls

# Attributes that hold one URL (srcset, which holds several, is handled apart).
_URL_ATTRIBUTES = ("href", "src", "poster", "cite")
# Stands for the site's root while resolving: a host no real link can name.
_SITE = "http://site.invalid/"
# A link with no scheme, host or lone fragment: a cheap test that spares parsing the many
# bodies with no links into the site (the parse below decides).
_SITE_LINK = re.compile(r"""<a\s[^>]*href\s*=\s*["']?(?!["']|[a-z][a-z0-9+.-]*:|//|#)""", re.IGNORECASE)


def absolute_body(config: Config, slug: str, body_html: str) -> str:
    """The body with every link and image absolute, as resolved from the entry's page."""
    page = urls.absolute(config, urls.entry(slug))
    return _rewrite(body_html, lambda href: urljoin(page, href))


def body_from(page_url: str, slug: str, body_html: str) -> str:
    """The body as seen from another page of the site (`page_url`, e.g. "2024/03/01/print/").

    Links into the site stay relative, so the page works from disk and under any
    sub-path; fragments of the entry itself (footnotes) point at the entry's page.
    """
    entry_url = _SITE + urls.entry(slug)
    root = urls.root_from(page_url)

    def aim(href: str) -> str:
        if href.startswith("/"):
            return href  # root-absolute: the host resolves it the same from any page
        resolved = urljoin(entry_url, href)
        if not resolved.startswith(_SITE):
            return href  # another site, mailto:, or a root-absolute path the host resolves
        # urljoin has already folded "../" away: what is left is a path from the site root.
        return (root + resolved[len(_SITE) :]) or "./"

    return _rewrite(body_html, aim)


def with_addresses(config: Config, slug: str, body_html: str) -> str:
    """The body with each link into the site carrying its absolute address in `data-href`,
    for print.css to print after the link (a printed "../other/" leads nowhere)."""
    if not _SITE_LINK.search(body_html):
        return body_html
    page = urls.absolute(config, urls.entry(slug))
    holder = lxml.html.fragment_fromstring(body_html, create_parent="div")
    for link in holder.iter("a"):
        href = (link.get("href") or "").strip()
        if href and not href.startswith("#") and _is_relative(href):
            link.set("data-href", urljoin(page, href))
    return _serialised(holder)


def _rewrite(body_html: str, resolve: Callable[[str], str]) -> str:
    if not body_html.strip():
        return body_html
    holder = lxml.html.fragment_fromstring(body_html, create_parent="div")
    for element in holder.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        for attribute in _URL_ATTRIBUTES:
            value = element.get(attribute)
            if value is not None and _is_relative(value):
                element.set(attribute, resolve(value.strip()))
        srcset = element.get("srcset")
        if srcset:
            element.set("srcset", _srcset(srcset, resolve))
    return _serialised(holder)


def _serialised(holder) -> str:
    """The inside of the holder <div> that fragment_fromstring wrapped a body in."""
    parts = [holder.text or ""] if holder.text else []
    parts += [etree.tostring(child, encoding="unicode", method="html") for child in holder]
    return "".join(parts)


def _is_relative(value: str) -> bool:
    """Anything without a scheme or host: what would break once the page is elsewhere."""
    parts = urlsplit(value.strip())
    return not parts.scheme and not parts.netloc


def _srcset(value: str, resolve: Callable[[str], str]) -> str:
    candidates = []
    for candidate in value.split(","):
        pieces = candidate.split()
        if pieces and _is_relative(pieces[0]):
            pieces[0] = resolve(pieces[0])
        candidates.append(" ".join(pieces))
    return ", ".join(candidates)
