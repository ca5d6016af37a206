"""Reports of one event are one story: which entries belong together. Pure, no I/O.

Two reports are one story when they are close in time (`window` days) and either

- their texts are near copies (MinHash estimate of the Jaccard similarity of
  their word sets >= `COPY_SIMILARITY`: a syndicated copy, reordered paragraphs,
  an updated version with a paragraph added), or
- their texts are similar (>= `threshold`) *and* they name the same key
  entities: a rewording of the event by another outlet, or
- they name nearly the same actors (weighted overlap >= `SAME_ACTORS`, at least
  `SAME_ACTORS_KEYS` people, organisations or systems in common) and their texts
  are somewhat similar (>= two thirds of `threshold`): a rewording that shares
  few words but every actor.

Two reports that name the same entities but differ in text (a second S-400
delivery weeks later, a test firing a month after the contract) stay apart:
the text decides, the entities only confirm, and the time window bounds both.

The similarity comes from datasketch's MinHash: each entry's word set becomes a
signature of 64 hash values, and the share of equal values estimates the
Jaccard similarity. Only reports within the time window are compared (a
sliding window, vectorised with numpy), so the cost grows with the archive's
size, not its square.
A story's id is the slug of its earliest report (ties by slug), so it is the
same however and in whatever order the entries were ingested.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash  # type: ignore[import-untyped]

# 64 permutations estimate a Jaccard similarity to about +-0.06: enough to tell a
# rewording (0.3-0.6) from an unrelated report (< 0.15), at a quarter of the cost of 256.
NUM_PERM = 64
# Above this, two texts are the same article (a copy, or an update of it) whatever they tag.
COPY_SIMILARITY = 0.6
# The rules of `same_story` and `detect_stories`, numbered: ingest keeps the stories it found
# while entries, settings and this number stay the same, so a change of the rules (a new
# release) finds them again. Bump it with any change that can join or part reports differently.
RULES = 2
# Defaults of the `story_threshold` and `story_days` settings (briefing.toml).
DEFAULT_THRESHOLD = 0.33
DEFAULT_DAYS = 4
# A rewording that names nearly every actor the other report names (weighted overlap) and at
# least this many of them besides countries needs only two thirds of the text similarity:
# another outlet's own words share few tokens with the first report, the actors all of them.
SAME_ACTORS = 0.8
SAME_ACTORS_KEYS = 3
# Entity types that pin down an event; a shared country alone does not.
KEY_TYPES = ("weapon_systems", "people", "organisations")
TYPE_WEIGHT = {"weapon_systems": 3.0, "people": 2.5, "organisations": 2.0, "countries": 1.0}

# Words of letters and digits, joined by inner hyphens and apostrophes. Read with \w after
# underscores become spaces: the same words as [^\W_], and Python's re finds them 30% faster.
_WORD = re.compile(r"\w+(?:[-']\w+)*")
# Function words say nothing about the event; without them the word sets of two
# unrelated reports share little, and those of two reports of one event much.
_STOP = frozenset(
    """a about above after again against all also am an and any are as at be been before being below
    between both but by can could did do does doing down during each few for from further had has have
    having he her here hers him his how i if in into is it its itself just more most no nor not now of
    off on once only or other our out over own said same says she should so some such than that the their
    them then there these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your new one two three told week year years day days
    according per cent percent mr ms""".split()
)


@dataclass(frozen=True)
class StoryFeatures:
    """What story detection needs of one entry, computed once (in ingest's workers)."""

    signature: bytes  # MinHash hash values, uint32, NUM_PERM of them
    keys: tuple[str, ...]  # "type:name" of the entities that pin down the event, sorted
    title_keys: tuple[str, ...] = ()  # those of `keys` its headline names


@dataclass(frozen=True)
class StoryDoc:
    """One entry as story detection sees it."""

    slug: str
    day: float  # days since the epoch, UTC: closeness in time
    features: StoryFeatures


@lru_cache(maxsize=1)
def _permutations() -> tuple:
    return MinHash(num_perm=NUM_PERM, scheme="affine32").permutations


def _content_words(text: str) -> set[str]:
    # Distinct words first, then the set difference in C: most of a report's words repeat.
    found = set(_WORD.findall(text.casefold().replace("_", " ")))
    found -= _STOP
    return {w for w in found if len(w) > 2}


def story_features(title: str, text: str, entities: Mapping[str, Sequence[str]]) -> StoryFeatures:
    """The signature of an entry's words (title and body) and its key entities."""
    # The headline and lede say what happened; the rest is background two reports of
    # different events share as readily. Their words count twice (as a second token).
    # Each part is read once: the lede's words are also the body's.
    body = text.lstrip()
    lede, _, rest = body.partition("\n\n")
    headline_words = _content_words(f"{title}\n{lede}")
    words = headline_words | _content_words(rest)
    words |= {f"^{w}" for w in headline_words}
    # Entity names join the set as single tokens: "S-400" and "Recep Tayyip Erdoğan"
    # count once each whatever the spelling in the text, which steadies rewordings.
    named = {f"@{name.casefold()}" for names in entities.values() for name in names}
    tokens = words | named  # a minimum per permutation: the order of the tokens does not matter
    # crc32: deterministic across runs and processes (unlike hash()), a tenth of sha1's cost,
    # and called by datasketch directly (a wrapper of ours cost a Python call per token).
    minhash = MinHash(num_perm=NUM_PERM, hashfunc=zlib.crc32, permutations=_permutations(), scheme="affine32")
    if tokens:
        minhash.update_batch([t.encode("utf-8") for t in tokens])
    keys = tuple(
        sorted(f"{group}:{name}" for group in (*KEY_TYPES, "countries") for name in entities.get(group, ()))
    )
    headline = title.casefold()
    title_keys = tuple(
        key
        for key in keys
        if re.search(rf"(?<!\w){re.escape(key.split(':', 1)[1].casefold())}(?!\w)", headline)
    )
    return StoryFeatures(
        signature=np.asarray(minhash.hashvalues, dtype=np.uint32).tobytes(), keys=keys, title_keys=title_keys
    )


@dataclass(frozen=True)
class StorySettings:
    threshold: float = DEFAULT_THRESHOLD  # text similarity a rewording needs, 0..1
    days: float = DEFAULT_DAYS  # reports further apart are never one story


def _similarity(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / NUM_PERM


def _entity_overlap(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[float, int]:
    """Weighted Jaccard of two key-entity sets, and how many non-countries they share."""
    sa, sb = set(a), set(b)
    both = sa & sb
    if not both:
        return 0.0, 0

    def weight(items: Iterable[str]) -> float:
        return sum(TYPE_WEIGHT.get(key.split(":", 1)[0], 1.0) for key in items)

    return weight(both) / weight(sa | sb), sum(not key.startswith("countries:") for key in both)


def same_story(a: StoryDoc, b: StoryDoc, settings: StorySettings, similarity: float | None = None) -> bool:
    """Whether two reports are of one event (see the module's docstring)."""
    if abs(a.day - b.day) > settings.days:
        return False
    if _headlines_differ(a.features, b.features):
        return False
    if similarity is None:
        similarity = _similarity(_values(a), _values(b))
    if similarity >= max(COPY_SIMILARITY, settings.threshold):
        return True
    if similarity < _lowest(settings):
        return False
    overlap, shared = _entity_overlap(a.features.keys, b.features.keys)
    if similarity < settings.threshold:  # few words in common: only if every actor is
        return overlap >= SAME_ACTORS and shared >= SAME_ACTORS_KEYS
    # Reworded: the same actors, not just the same country (or no entities to say).
    return (shared > 0 and overlap >= 0.25) or (not a.features.keys and not b.features.keys)


def _lowest(settings: StorySettings) -> float:
    """The least text similarity at which two reports can be one story (when they share every actor)."""
    return settings.threshold * 2 / 3


def _headlines_differ(a: StoryFeatures, b: StoryFeatures) -> bool:
    """Two headlines about different actors: different events, however alike the copy.

    "Gabon signs R-77 deal" and "Botswana discusses R-77 licence" name different countries;
    "Namibia delays T-90 deal" and "Namibia signs Poseidon contract" different systems. Stock phrases (and templated
    copy) can make such texts look alike; the headlines say who did what. A headline that
    names no entity ("Berlin pledges more batteries") says nothing either way, nor do two
    that name entities of different types ("Iran unveils Fattah-2", "IRGC shows off new
    missile"), nor different people or organisations: outlets headline either side of one
    meeting ("Putin says ...", "Erdogan says ...").
    """
    if a.keys and b.keys and not set(a.keys) & set(b.keys):
        return True  # not one entity in common
    for group in ("countries:", "weapon_systems:"):
        ta = {k for k in a.title_keys if k.startswith(group)}
        tb = {k for k in b.title_keys if k.startswith(group)}
        if ta and tb and not ta & tb:
            return True
    return False


def _values(doc: StoryDoc) -> np.ndarray:
    return np.frombuffer(doc.features.signature, dtype=np.uint32)


def detect_stories(docs: Sequence[StoryDoc], settings: StorySettings) -> dict[str, str]:
    """The story id of every doc, by slug: the slug of the story's earliest report.

    Candidate pairs are the reports within the time window of each other whose
    signatures agree enough, are checked with `same_story`, and are joined
    strongest first; a join that would stretch a story over more than twice
    the window is refused, so a long run of related news does not chain into one.
    """
    order = sorted(docs, key=lambda d: (d.day, d.slug))
    if not order:
        return {}
    values = np.stack([_values(d) for d in order])  # one row of NUM_PERM hash values per report
    # Candidates are the reports within `days` before each one (a sliding window over time),
    # compared with it in one vectorised step: the window is bounded by how busy those days
    # were, never by the size of the archive. Exact where an LSH index would miss a share of
    # pairs near the threshold, and faster at any window this size (see bench/stories.py).
    lowest = _lowest(settings)
    pairs: list[tuple[float, int, int]] = []
    oldest = 0
    for j in range(len(order)):
        while order[j].day - order[oldest].day > settings.days:
            oldest += 1
        if oldest == j:
            continue
        shared = np.count_nonzero(values[oldest:j] == values[j], axis=1) / NUM_PERM
        for offset in np.flatnonzero(shared >= lowest).tolist():
            i = oldest + offset
            similarity = float(shared[offset])
            if same_story(order[i], order[j], settings, similarity):
                pairs.append((-similarity, i, j))
    parent = list(range(len(order)))
    first = [d.day for d in order]
    last = [d.day for d in order]

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _score, i, j in sorted(pairs):
        a, b = root(i), root(j)
        if a == b:
            continue
        start, end = min(first[a], first[b]), max(last[a], last[b])
        if end - start > 2 * settings.days:
            continue
        low, high = min(a, b), max(a, b)  # the earliest report's index stays the root
        parent[high] = low
        first[low], last[low] = start, end
    return {doc.slug: order[root(i)].slug for i, doc in enumerate(order)}
