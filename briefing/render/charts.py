"""Charts drawn at build time as inline SVG: no JavaScript, sharp at any size, dark-mode aware.

Colours come from the page's CSS (`.chart-bar` uses currentColor), so a theme
restyles them; every chart carries a text equivalent for screen readers.
"""

from __future__ import annotations

from html import escape

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month_label(key: str) -> str:
    """ "2024-03" -> "Mar 2024"."""
    year, month = key.split("-")
    return f"{_MONTHS[int(month) - 1]} {year}"


def months_between(first: str, last: str) -> list[str]:
    """Every "YYYY-MM" from first to last inclusive, so quiet months show as gaps."""
    year, month = map(int, first.split("-"))
    end = tuple(map(int, last.split("-")))
    keys = []
    while (year, month) <= end:
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return keys


def timeline_svg(counts: list[tuple[str, int]], title: str) -> str:
    """A bar per month; `counts` is [("2024-03", 4), ...] in order."""
    if not counts:
        return ""
    bar, gap, height, axis = 14, 4, 80, 16
    width = max(len(counts) * (bar + gap), 120)
    top = max(count for _month, count in counts) or 1
    parts = [
        f'<svg class="chart" role="img" aria-labelledby="chart-title" viewBox="0 0 {width} {height + axis}"'
        f' width="{width}" height="{height + axis}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="chart-title">{escape(title)}</title>',
    ]
    for i, (month, count) in enumerate(counts):
        tall = round(count / top * (height - 4)) if count else 0
        x = i * (bar + gap)
        parts.append(
            f'<rect class="chart-bar" x="{x}" y="{height - tall}" width="{bar}" height="{tall}"'
            f' data-month="{month}" data-count="{count}"><title>{month_label(month)}: {count}</title></rect>'
        )
    parts.append(f'<line class="chart-axis" x1="0" y1="{height + 0.5}" x2="{width}" y2="{height + 0.5}"/>')
    labelled = {0, len(counts) - 1} | {i for i, (m, _c) in enumerate(counts) if m.endswith("-01")}
    for i in sorted(labelled):
        month = counts[i][0]
        text = month[:4] if month.endswith("-01") and i not in (0, len(counts) - 1) else month_label(month)
        anchor = "end" if i == len(counts) - 1 and i else "start"
        x = i * (bar + gap) + (bar if anchor == "end" else 0)
        parts.append(
            f'<text class="chart-label" x="{x}" y="{height + axis - 3}" text-anchor="{anchor}">'
            f"{escape(text)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)
