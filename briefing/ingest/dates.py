"""Dates written in seeds, and the fallback to the seed file's time."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_LABEL = r"(?:(?:date|published|posted|updated|dated)\s*:?\s*)?"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
_PATTERNS = [
    re.compile(
        rf"^{_LABEL}{_WEEKDAY}(?P<year>\d{{4}})-(?P<num>\d{{1,2}})-(?P<day>\d{{1,2}})"
        r"(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?$",
        re.I,
    ),
    re.compile(
        rf"^{_LABEL}{_WEEKDAY}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})$", re.I
    ),
    re.compile(
        rf"^{_LABEL}{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})$", re.I
    ),
]


class BadDate(ValueError):
    """A line laid out as a date whose day cannot exist (2024-02-30): a typo, never prose."""


def find_date_line(line: str) -> date | None:
    """The date if the whole line is a date (optionally labelled), else None.

    Raises BadDate for a line that is a date in form but not in fact: read as prose it
    would silently become the summary, and the entry would get another date.
    """
    text = line.strip().rstrip(".")
    if len(text) > 60:
        return None
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        groups = match.groupdict()
        month = int(groups["num"]) if groups.get("num") else _MONTHS.get(groups["month"].lower())
        if month is None:
            continue
        try:
            return date(int(groups["year"]), month, int(groups["day"]))
        except ValueError:
            raise BadDate(f"the date line {text!r} names a day that does not exist") from None
    return None


def file_time_utc(mtime: float) -> datetime:
    """A file's modification time as a whole-second UTC datetime."""
    return datetime.fromtimestamp(int(mtime), tz=UTC)


def format_date(value: date | datetime) -> str:
    """ISO 8601 as front matter stores it: a plain date, or a UTC time with Z."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()
