"""A full-width bar chart drawn at build time as inline SVG, with a scale and linked bars.

The SVG has a fixed coordinate system and stretches to the width of its column
(CSS `.barchart { width: 100% }`), so it fills a phone or a desktop alike; text
scales with it. Every bar with a page behind it (a month edition, a day edition)
is a link, and each bar has a <title> a screen reader or a hover reads; the page
also carries the numbers as a table.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

WIDTH = 640
HEIGHT = 170
LEFT = 40  # room for the scale's numbers
BOTTOM = 24  # room for the labels under the bars
TOP = 8


@dataclass(frozen=True)
class Bar:
    key: str  # "2024-03" or "2024-03-05": its rect's data-month or data-day
    count: int
    title: str  # what its tooltip says: "March 2024: 4 briefings"
    href: str | None = None  # relative to the page; None: no page to go to
    label: str | None = None  # under the bar; None: unlabelled


def nice_top(top: int) -> int:
    """The scale's top: the smallest of 1, 2, 5 x 10^n at or above `top`."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if factor * step >= top:
                return factor * step
        step *= 10


def bar_chart(bars: list[Bar], title: str, chart_id: str) -> str:
    if not bars:
        return ""
    top = nice_top(max(1, max(b.count for b in bars)))
    plot_w, plot_h = WIDTH - LEFT, HEIGHT - BOTTOM - TOP
    slot = plot_w / len(bars)
    bar_w = max(1.0, slot * 0.78)
    parts = [
        f'<svg class="barchart" role="img" aria-labelledby="{chart_id}" viewBox="0 0 {WIDTH} {HEIGHT}"'
        ' preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}">{escape(title)}</title>',
    ]
    # The scale: 0, half and the top, as gridlines with their numbers.
    for value in sorted({0, top // 2, top} if top >= 2 else {0, top}):
        y = TOP + plot_h - value / top * plot_h
        parts.append(f'<line class="chart-grid" x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH}" y2="{y:.1f}"/>')
        parts.append(
            f'<text class="chart-label" x="{LEFT - 6}" y="{y + 5:.1f}" text-anchor="end">{value}</text>'
        )
    for i, b in enumerate(bars):
        tall = b.count / top * plot_h
        x = LEFT + i * slot + (slot - bar_w) / 2
        rect = (
            f'<rect class="chart-bar" x="{x:.1f}" y="{TOP + plot_h - tall:.1f}" width="{bar_w:.1f}"'
            f' height="{tall:.1f}" data-{"day" if len(b.key) == 10 else "month"}="{escape(b.key)}"'
            f' data-count="{b.count}">'
            f"<title>{escape(b.title)}</title></rect>"
        )
        if b.href is not None and b.count:
            # A transparent full-height target, so a thin or short bar is still easy to tap.
            hit = (
                f'<rect class="chart-hit" x="{LEFT + i * slot:.1f}" y="{TOP}" width="{slot:.1f}"'
                f' height="{plot_h}"/>'
            )
            parts.append(f'<a href="{escape(b.href)}" aria-label="{escape(b.title)}">{hit}{rect}</a>')
        else:
            parts.append(rect)
        if b.label is not None:
            cx = LEFT + i * slot + slot / 2
            parts.append(
                f'<text class="chart-label" x="{cx:.1f}" y="{HEIGHT - 6}" text-anchor="middle">'
                f"{escape(b.label)}</text>"
            )
    parts.append("</svg>")
    return "".join(parts)


def spaced_labels(count: int, most: int = 8) -> set[int]:
    """Which of `count` bars get a label: every k-th, at most `most`, the first always."""
    step = max(1, -(-count // most))
    return set(range(0, count, step))
