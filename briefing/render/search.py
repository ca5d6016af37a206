"""The search index: a static, sharded inverted index that needs no server.

Why not Pagefind: on a 10,000-entry digest it took 14 s and 1.3 GB, more
than the whole build may use, and it cannot update one entry. This index is
plain JSON a browser fetches a little of per query:

    search/meta.json          stop words, shard sizes, entry count
    search/terms/<ab>.json    {term: [code, ...]} for terms starting with "ab"
    search/docs/<n>.json      [[url, title, date, summary, tags], ...] for ids n*500...

Entries get ids oldest first, so a new briefing only appends; a code is
`id * 2 + 1` when the term is in the entry's title or tags (ranked higher),
else `id * 2`. Terms are case- and accent-folded words; "S-400" is also
indexed as "s400". The client is the theme's `assets/search.js`.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict

DOCS_PER_FILE = 500
_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
_ASCII_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
_JOINER = re.compile(r"[-']")
STOP_WORDS = frozenset(
    """
a an and are as at be been but by for from had has have he her his i in into is it its
of on or our she that the their them there they this to was we were which who will with
would you your not no so if than then also said says after before about over more most
""".split()
)


def fold(text: str) -> str:
    """Lower case without accents: "Erdoğan" and "erdogan" are one term."""
    text = text.casefold()
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    # The marks among the text's distinct characters: one C pass, not one Python step a character.
    marks = {ord(c): None for c in set(decomposed) if unicodedata.combining(c)}
    return decomposed.translate(marks) if marks else decomposed


def terms_of(text: str) -> set[str]:
    """The searchable terms of a text; the client (assets/search.js) splits queries the same way.

    The whole text is folded before it is split into words, as the client does: folded
    word by word, "İstanbul" (whose dotted I folds to "i" and a combining dot) came apart.
    """
    folded = fold(text)
    # The same words as _WORD finds; on ASCII text, a narrower class scans a third faster.
    words = set((_ASCII_WORD if folded.isascii() else _WORD).findall(folded))
    found = {w for w in words if len(w) > 1 and "-" not in w and "'" not in w} - STOP_WORDS
    for word in words:
        if "-" in word or "'" in word:
            parts = _JOINER.split(word)
            found.add("".join(parts))
            found.update(p for p in parts if len(p) > 1 and p not in STOP_WORDS)
    return found


def entry_terms(title: str, tags: tuple[str, ...], summary: str, body: str) -> tuple[list[str], list[str]]:
    """(strong, weak) terms: title and tags rank an entry higher than its body does."""
    strong = terms_of(title + "\n" + "\n".join(tags))
    weak = terms_of(summary + "\n" + body) - strong
    return sorted(strong), sorted(weak)


def build_shards(docs: list[tuple[list[str], list[str]]]) -> dict[str, dict[str, list[int]]]:
    """Term shards from each entry's (strong, weak) terms, in id order."""
    postings: dict[str, list[int]] = defaultdict(list)
    for doc_id, (strong, weak) in enumerate(docs):
        code = doc_id * 2
        for term in strong:
            postings[term].append(code + 1)
        for term in weak:
            postings[term].append(code)
    shards: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for term in sorted(postings):
        shards[shard_key(term)][term] = postings[term]
    return dict(shards)


def shard_key(term: str) -> str:
    """The shard file a term lives in: its first two characters, hex-coded if not ASCII."""
    head = term[:2]
    if head.isascii():
        return head
    return "x" + "-".join(f"{ord(c):x}" for c in head)


def shard_json(shard: dict[str, list[int]]) -> bytes:
    return json.dumps(shard, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def docs_json(rows: list[list]) -> bytes:
    return json.dumps(rows, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def meta_json(count: int) -> bytes:
    return json.dumps(
        {"count": count, "docs_per_file": DOCS_PER_FILE, "stop_words": sorted(STOP_WORDS)},
        separators=(",", ":"),
    ).encode("utf-8")
