"""The search page driven in a real Chromium, as a reader uses it (tests/search and bench/search.py)."""

from __future__ import annotations

import time
import urllib.parse
from dataclasses import dataclass, field


@dataclass
class SearchPage:
    """One Playwright page on a served site's search/ page; records every request it makes."""

    page: object
    url: str  # .../search/
    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        page = self.page
        page.on("request", lambda r: self.requests.append(r.url))  # type: ignore[attr-defined]
        page.on(  # type: ignore[attr-defined]
            "response", lambda r: self.failures.append(f"{r.status} {r.url}") if r.status >= 400 else None
        )
        page.on("pageerror", lambda e: self.errors.append(str(e)))  # type: ignore[attr-defined]
        # Failed loads are counted from responses above: the console's copy also covers the
        # browser's own favicon.ico probe, which no page asks for.
        page.on(  # type: ignore[attr-defined]
            "console",
            lambda m: (
                self.errors.append(m.text)
                if m.type == "error" and not m.text.startswith("Failed to load resource")
                else None
            ),
        )

    def open(self, query: str = "", **params: str) -> float:
        """Load search/?q=QUERY (and filters); wait until its results show. Returns seconds taken."""
        values = {"q": query, **params} if query else params
        target = self.url + ("?" + urllib.parse.urlencode(values) if values else "")
        started = time.perf_counter()
        self.page.goto(target)  # type: ignore[attr-defined]
        if query:
            self.wait(query)
        return time.perf_counter() - started

    def wait(self, query: str) -> None:
        self.page.wait_for_function(  # type: ignore[attr-defined]
            "q => document.querySelector('form[data-search]').getAttribute('data-searched') === q", arg=query
        )

    def type(self, text: str) -> None:
        """Type into the box as a reader does, then wait for its results."""
        box = self.page.locator("#search-input")  # type: ignore[attr-defined]
        box.fill("")
        box.press_sequentially(text, delay=20)
        self.wait(text)

    def slugs(self) -> list[str]:
        hrefs = self.page.eval_on_selector_all(  # type: ignore[attr-defined]
            "#search-results li h2 a", "links => links.map(a => a.href)"
        )
        return [href.rstrip("/").rsplit("/", 1)[-1] for href in hrefs]

    def text(self, selector: str) -> str:
        return self.page.inner_text(selector)  # type: ignore[attr-defined]
