"""What a shared link and a search engine see: Open Graph, Twitter card and JSON-LD data.

Every URL here is absolute (base_url, sub-path included): a preview card or a
crawler has no page to resolve a relative one against. JSON-LD is written for a
<script> element, so "<", ">" and "&" are escaped as JSON unicode escapes and
no entry text can close the element.
"""

from __future__ import annotations

import json

from briefing.config import Config
from briefing.model import Entry, Tag
from briefing.render import urls
from briefing.render.images import variants
from briefing.site import Site

SCHEMA = "https://schema.org"
# schema.org types for the entity groups; weapon systems and topics are plain Things.
ENTITY_TYPES = {
    "countries": "Country",
    "people": "Person",
    "organisations": "Organization",
    "weapon_systems": "Thing",
    "topics": "Thing",
    "other": "Thing",
}
# Google shows headlines up to 110 characters.
HEADLINE = 110


def script_json(data: dict) -> str:
    """JSON that is safe inside <script type="application/ld+json">, in a stable key order."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def publisher_name(config: Config) -> str:
    return config.publisher or config.title


def publisher(config: Config) -> dict:
    data: dict = {"@type": "Organization", "name": publisher_name(config), "url": config.base_url}
    if config.publisher_logo:
        logo = config.publisher_logo
        if "://" not in logo:
            logo = urls.absolute(config, logo.lstrip("/"))
        data["logo"] = {"@type": "ImageObject", "url": logo}
    return data


def _website(config: Config) -> dict:
    return {
        "@type": "WebSite",
        "@id": config.base_url + "#website",
        "name": config.title,
        "url": config.base_url,
        "description": config.description,
        "inLanguage": config.language,
        "publisher": publisher(config),
        # search.js runs a query given as ?q= on the search page.
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": urls.absolute(config, urls.SEARCH) + "?q={q}"},
            "query-input": "required name=q",
        },
    }


def photo_urls(config: Config, entry: Entry) -> list[dict]:
    """The entry's published photo sizes, largest first, as absolute URLs."""
    image = entry.image
    if image is None or not image.file or not image.width:  # width 0: a skipped photo
        return []
    made = variants(entry.slug, image.file, image.width, image.height)
    return [
        {"url": urls.absolute(config, v.file), "width": v.width, "height": v.height}
        for v in sorted(made, key=lambda v: -v.width)
    ]


def entry_share(site: Site, entry: Entry) -> dict:
    """The entry page's Open Graph and Twitter card fields, and its NewsArticle JSON-LD."""
    config = site.config
    url = urls.absolute(config, urls.entry(entry.slug))
    photos = photo_urls(config, entry)
    # A preview card wants one large image, not the biggest file: the size nearest 1200 wide.
    card_photo = min(photos, key=lambda p: abs(p["width"] - 1200)) if photos else None
    modified = entry.updated or entry.published
    # The entities it is about, in the entry's own order (most relevant first), each with its page.
    about = []
    for name in entry.tags:
        tag = site.tag_by_name[name]
        about.append(
            {
                "@type": ENTITY_TYPES.get(tag.group, "Thing"),
                "name": name,
                "url": urls.absolute(config, urls.tag(tag.slug)),
            }
        )
    article: dict = {
        "@context": SCHEMA,
        "@type": "NewsArticle",
        "headline": _headline(entry.title),
        "description": entry.summary,
        "datePublished": entry.published.isoformat(),
        "dateModified": modified.isoformat(),
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "inLanguage": config.language,
        "publisher": publisher(config),
        "author": {"@type": "Organization", "name": publisher_name(config), "url": config.base_url},
        "isPartOf": {"@type": "WebSite", "@id": config.base_url + "#website", "name": config.title},
    }
    if photos:
        credit = {"creditText": entry.image.credit} if entry.image and entry.image.credit else {}
        article["image"] = [
            {"@type": "ImageObject", "url": p["url"], "width": p["width"], "height": p["height"], **credit}
            for p in photos
        ]
    if about:
        article["about"] = about
    if entry.tags:
        article["keywords"] = list(entry.tags)
    return {
        "url": url,
        "image": card_photo,
        "image_alt": entry.image.alt if entry.image and card_photo else "",
        "published": entry.published.isoformat(),
        "modified": modified.isoformat(),
        "tags": list(entry.tags),
        "jsonld": script_json(article),
    }


def front_jsonld(site: Site, number: int) -> str:
    """The front page: the WebSite (with its search), and the page as a CollectionPage."""
    config = site.config
    page_url = urls.absolute(config, urls.paged("", number))
    graph = [
        _website(config),
        {
            "@type": "CollectionPage",
            "@id": page_url,
            "url": page_url,
            "name": config.title if number == 1 else f"{config.title} (page {number})",
            "description": config.description,
            "isPartOf": {"@id": config.base_url + "#website"},
            "inLanguage": config.language,
        },
    ]
    return script_json({"@context": SCHEMA, "@graph": graph})


def entity_jsonld(site: Site, tag: Tag, number: int) -> str:
    """An entity page: a CollectionPage about the entity, part of the WebSite."""
    config = site.config
    page_url = urls.absolute(config, urls.paged(urls.tag(tag.slug), number))
    data = {
        "@context": SCHEMA,
        "@type": "CollectionPage",
        "@id": page_url,
        "url": page_url,
        "name": f"{tag.name} · {config.title}",
        "description": f"Briefings about {tag.name}.",
        "about": {"@type": ENTITY_TYPES.get(tag.group, "Thing"), "name": tag.name},
        "isPartOf": {
            "@type": "WebSite",
            "@id": config.base_url + "#website",
            "name": config.title,
            "url": config.base_url,
        },
        "inLanguage": config.language,
        "dateModified": tag.entries[0].published.isoformat() if tag.entries else None,
    }
    return script_json({k: v for k, v in data.items() if v is not None})


def _headline(title: str) -> str:
    if len(title) <= HEADLINE:
        return title
    return title[: HEADLINE - 1].rsplit(" ", 1)[0] + "…"
