"""Seed text to a RawArticle: title, body paragraphs, image lines, written date, source."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from briefing.ingest.dates import BadDate, find_date_line
from briefing.ingest.source_line import take_leading, take_trailing
from briefing.model import Source

# "(Picture source: NAME)", also "Photo credit:", "Image source -" and friends.
_CREDIT = re.compile(
    r"\(\s*(?:picture|photo|image|photograph)\s+(?:source|credit)s?\s*[:\-–]\s*(?P<name>[^()]*?)\s*\)\s*$",
    re.IGNORECASE,
)
# Trailing picture-library numbers on alt lines: "... with Turkey 925 001".
_TRAILING_NUMBERS = re.compile(r"(?:\s+\d[\d ]*)+$")
# A headline; anything longer is a paragraph that lost its title line (issue 8: 300 is bad input).
_MAX_TITLE = 200


@dataclass(frozen=True)
class SeedImage:
    alt: str
    caption: str
    credit: str


@dataclass(frozen=True)
class RawArticle:
    title: str
    paragraphs: tuple[str, ...]
    image: SeedImage | None
    written_date: date | None
    source: Source | None = None  # the outlet its Source line names


class SeedFormatError(ValueError):
    """The text is not a seed article; carries a 1-based line number when known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def parse_seed(text: str) -> RawArticle:
    """Split a decoded seed into its parts. Pure: text in, data out."""
    blocks = _blocks(text)
    if not blocks:
        raise SeedFormatError("is empty")
    first_line, first_lines = blocks[0]
    dateline = _date_line(first_lines[0], first_line) if len(blocks) > 1 or len(first_lines) > 1 else None
    if dateline is not None:
        # "12 March 2024" above the title is the seed's date, not its title.
        blocks = ([(first_line + 1, first_lines[1:])] if len(first_lines) > 1 else []) + blocks[1:]
        first_line, first_lines = blocks[0]
    title = _one_line(first_lines[0])
    rest = [(first_line + 1, first_lines[1:])] if len(first_lines) > 1 else []
    rest += blocks[1:]
    if len(title) > _MAX_TITLE:
        raise SeedFormatError(
            f"the title is {len(title)} characters long; the first line must be a title "
            f"of at most {_MAX_TITLE}",
            first_line,
        )

    # A Source line sits right under the title, on either side of a date line, or last.
    source, rest = take_leading(rest)
    written, rest = _take_date(rest)
    written = dateline or written
    if source is None:
        source, rest = take_leading(rest)
    image, rest = _take_image(rest)
    if source is None:
        source, rest = take_trailing(rest)
    paragraphs = tuple(p for _, lines in rest for p in _paragraphs_of(lines) if p)
    if not paragraphs:
        raise SeedFormatError("has a title but no body text", first_line)
    return RawArticle(title=title, paragraphs=paragraphs, image=image, written_date=written, source=source)


def _blocks(text: str) -> list[tuple[int, list[str]]]:
    """Runs of non-blank lines, each with the 1-based number of its first line."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            if not current:
                start = number
            current.append(line.strip())
        elif current:
            blocks.append((start, current))
            current = []
    if current:
        blocks.append((start, current))
    return blocks


def _date_line(line: str, number: int) -> date | None:
    try:
        return find_date_line(line)
    except BadDate as exc:
        raise SeedFormatError(f"{exc}; fix it (for example 2024-02-29) or remove it", number) from None


def _take_date(blocks: list[tuple[int, list[str]]]) -> tuple[date | None, list]:
    """A date line right under the title ("Published: 3 March 2024") is metadata."""
    if not blocks:
        return None, blocks
    start, lines = blocks[0]
    found = _date_line(lines[0], start)
    if found is None:
        return None, blocks
    remaining = lines[1:]
    rest = ([(start + 1, remaining)] if remaining else []) + blocks[1:]
    return found, rest


def _take_image(blocks: list[tuple[int, list[str]]]) -> tuple[SeedImage | None, list]:
    """Find the caption line with its credit, and the alt line just above it."""
    for index, (start, lines) in enumerate(blocks):
        for line_index, line in enumerate(lines):
            match = _CREDIT.search(line)
            if not match:
                continue
            caption = _one_line(line[: match.start()])
            credit = _one_line(match.group("name"))
            alt = ""
            before, after = lines[:line_index], lines[line_index + 1 :]
            if before and not (index == 0 and len(before) == 1):
                alt = before.pop()
            keep = list(blocks[:index])
            if not before and not alt and keep and index > 1 and _looks_like_alt(keep[-1][1]):
                alt = " ".join(keep.pop()[1])
            if before:
                keep.append((start, before))
            if after:
                keep.append((start + line_index + 1, after))
            keep += blocks[index + 1 :]
            alt = _clean_alt(alt) or caption
            return SeedImage(alt=alt, caption=caption, credit=credit), keep
    return None, blocks


def _paragraphs_of(lines: list[str]) -> list[str]:
    """Hard-wrapped lines join into one paragraph; long lines are paragraphs of their own.

    Some seeds separate paragraphs with single line breaks. Wrapped text keeps
    every line short, so a block with any long line is read line by line.
    """
    if len(lines) > 1 and max(len(line) for line in lines) > 100:
        return [_one_line(line) for line in lines]
    return [_one_line(" ".join(lines))]


def _looks_like_alt(lines: list[str]) -> bool:
    """An alt line is one short line that does not read as a sentence."""
    return len(lines) == 1 and len(lines[0]) <= 200 and not lines[0].rstrip().endswith((".", '"', "”"))


def _clean_alt(alt: str) -> str:
    return _one_line(_TRAILING_NUMBERS.sub("", alt))


def _one_line(text: str) -> str:
    return " ".join(text.split())
