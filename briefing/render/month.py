"""What a month edition opens with, and the entity page's chart of mentions by month.

A month edition: the month's top stories (ranked as a day's are, see ranking.py),
the entities named most often that month with the change against the month
before, and a chart of briefings per day (bars link to the day editions).
"""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Callable
from datetime import date

from briefing.model import Edition, Tag
from briefing.ranking import Story
from briefing.render import urls
from briefing.render.barchart import Bar, bar_chart, spaced_labels
from briefing.render.charts import month_label, months_between
from briefing.render.templates import long_date
from briefing.site import Site

TOP_STORIES = 5
TOP_ENTITIES = 8
MIN_MONTHS = 3  # an entity page shows its chart from three months of data on


def _previous_month(start: date) -> str:
    year, month = (start.year - 1, 12) if start.month == 1 else (start.year, start.month - 1)
    return f"{year:04d}-{month:02d}"


def _change(now: int, before: int) -> dict:
    if before == 0:
        return {"text": "new", "direction": "new", "label": "not named the month before"}
    delta = now - before
    if delta == 0:
        return {"text": "=", "direction": "same", "label": f"as many as the month before ({before})"}
    sign = "+" if delta > 0 else "\u2212"  # a real minus sign
    return {
        "text": f"{sign}{abs(delta)}",
        "direction": "up" if delta > 0 else "down",
        "label": f"{abs(delta)} {'more' if delta > 0 else 'fewer'} than the month before ({before})",
    }


def month_opening(
    site: Site, edition: Edition, stories: list[Story], day_url: Callable[[str], str], root: str
) -> dict:
    """The month's top stories, most named entities with their change, and the per-day chart."""
    key = edition.key
    before_key = _previous_month(edition.start)
    before = next((m for m in site.months if m.key == before_key), None)
    now_counts = Counter(name for e in edition.entries for name in e.tags)
    before_counts = Counter(name for e in before.entries for name in e.tags) if before else Counter()
    named = sorted(
        ((name, count) for name, count in now_counts.items() if count >= 2),
        key=lambda item: (-item[1], item[0].casefold(), item[0]),
    )[:TOP_ENTITIES]
    entities = []
    for name, count in named:
        tag = site.tag_by_name[name]
        entities.append(
            {
                "name": name,
                "url": urls.tag(tag.slug),
                "group": tag.group,
                "count": count,
                "change": _change(count, before_counts.get(name, 0)),
            }
        )
    per_day = Counter(e.day.isoformat() for e in edition.entries)
    last = calendar.monthrange(edition.start.year, edition.start.month)[1]
    days = [f"{key}-{d:02d}" for d in range(1, last + 1)]
    labelled = {0, 9, 19, last - 1}
    bars = [
        Bar(
            key=day,
            count=per_day.get(day, 0),
            title=f"{long_date(day)}: {_briefings(per_day.get(day, 0))}",
            href=(root + day_url(day)) if per_day.get(day) else None,
            label=str(int(day[8:])) if i in labelled else None,
        )
        for i, day in enumerate(days)
    ]
    return {
        "top": [
            {"story": s.id, "title": s.lead.title, "url": urls.entry(s.lead.slug), "reports": len(s.reports)}
            for s in stories[:TOP_STORIES]
        ],
        "entities": entities,
        "previous": {
            "key": before_key,
            "title": month_label(before_key),
            "url": urls.month_from_key(before_key),
        }
        if before
        else None,
        "chart": bar_chart(bars, f"Briefings per day, {month_label(key)}", f"chart-{key}"),
        "days": [{"day": d, "count": per_day.get(d, 0), "url": day_url(d)} for d in days if per_day.get(d)],
    }


def _briefings(count: int) -> str:
    return f"{count} briefing{'' if count == 1 else 's'}"


def entity_chart(tag: Tag, root: str) -> tuple[list[dict], str]:
    """Monthly mentions as rows and a full-width chart; no chart under MIN_MONTHS months."""
    by_month = Counter(e.day.isoformat()[:7] for e in tag.entries)
    months = months_between(min(by_month), max(by_month))
    rows = [
        {"month": m, "label": month_label(m), "count": by_month.get(m, 0), "url": urls.month_from_key(m)}
        for m in months
    ]
    if len(months) < MIN_MONTHS:
        return rows, ""
    labelled = spaced_labels(len(months))
    bars = []
    for i, month in enumerate(months):
        count, label = by_month.get(month, 0), month_label(month)
        bars.append(
            Bar(
                key=month,
                count=count,
                title=f"{label}: {_briefings(count)}",
                href=root + urls.month_from_key(month) if count else None,
                # "Mar 2024", or "Mar 24" when there are many to fit under the bars.
                label=(label if len(months) <= 8 else f"{label[:3]} {label[-2:]}") if i in labelled else None,
            )
        )
    return rows, bar_chart(bars, f"Briefings mentioning {tag.name} per month", f"chart-{tag.slug}")
