"""`briefing serve` previews drafts, marked "Draft", while `briefing build` leaves them out (issue 17)."""

from __future__ import annotations

import urllib.request

DRAFT = "---\ntitle: Unfinished piece\ndate: 2024-03-02\ndraft: true\ntags: [Radar]\n---\n\nNot ready yet.\n"
LIVE = "---\ntitle: Finished piece\ndate: 2024-03-01\ntags: [Radar]\n---\n\nReady.\n"


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def test_serve_shows_drafts_with_a_draft_mark_and_public_stays_without_them(site, serve) -> None:
    root = site({"content/unfinished.md": DRAFT, "content/finished.md": LIVE})
    served = serve(root)
    draft_page = fetch(served.url + "briefings/unfinished/")
    assert '<strong class="draft-mark">Draft</strong>' in draft_page
    assert "Unfinished piece" in fetch(served.url)
    assert not (root / "public").exists()  # the preview never writes what gets published
