"""The lede summary: the first sentence or two, cut cleanly."""

from __future__ import annotations

import re

MAX_SUMMARY = 220

# Abbreviations whose full stop does not end a sentence.
_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "gen",
    "lt",
    "col",
    "maj",
    "capt",
    "cpt",
    "sgt",
    "adm",
    "gov",
    "sen",
    "rep",
    "st",
    "jr",
    "sr",
    "no",
    "vs",
    "etc",
    "inc",
    "ltd",
    "co",
    "corp",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "u.s",
    "u.k",
    "u.n",
    "e.g",
    "i.e",
    "approx",
    "est",
    "fig",
    "dept",
    "min",
}
_BOUNDARY = re.compile(r"""(?<=[.!?])["”’')\]]*\s+(?=["“‘(\[]?[A-Z0-9])""")


def split_sentences(text: str) -> list[str]:
    """Split on sentence ends, not on "Gen." or "U.S." or "No. 5"."""
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        candidate = text[start : match.start()]
        last_word = candidate.rstrip("\"”’')]").rsplit(None, 1)[-1].rstrip(".").lower()
        if last_word in _ABBREVIATIONS or re.fullmatch(r"[a-z]", last_word):
            continue
        sentences.append(text[start : match.end()].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def summarise(lede: str, limit: int = MAX_SUMMARY) -> str:
    """One or two whole sentences within the limit, else the first cut at a word."""
    sentences = split_sentences(" ".join(lede.split()))
    if not sentences:
        return ""
    summary = sentences[0]
    if len(summary) <= limit:
        if len(sentences) > 1 and len(summary) + 1 + len(sentences[1]) <= limit:
            summary = f"{summary} {sentences[1]}"
        return summary
    return cut_at_word(summary, limit)


def cut_at_word(text: str, limit: int) -> str:
    """Cut before `limit` at a word boundary and mark the cut with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut and not text[limit - 1].isspace():
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-–—(\"“'‘") + "…"
