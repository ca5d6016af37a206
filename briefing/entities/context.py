"""Context rules for weak aliases: is this "Jordan" the country, this "Patriot" the missile?

A weak alias is a name that is also an ordinary word, a first name, a US state or
another thing. It counts when its own sentence shows the entity's world (a cue word such
as "border" or "missile", or another entity of the same type) and nothing marks it as
part of a longer name: "Michael Jordan", "Jordan Peterson" and "Atlanta, Georgia" are
not countries. Per-entity `unless` words (context.yml) veto it within the paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.entities.shipped import Context

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n")
# Capitalised words that may stand next to a country without being part of its name.
_TITLES = frozenset(
    {
        "King",
        "Queen",
        "President",
        "Prime",
        "Foreign",
        "Defence",
        "Defense",
        "Interior",
        "Minister",
        "Crown",
        "Emir",
        "Sultan",
        "Army",
        "Armed",
    }
)


@dataclass(frozen=True)
class Around:
    """A weak hit with its sentence and paragraph, as spans of the article text."""

    text: str
    start: int
    end: int
    sentence: tuple[int, int]
    paragraph: tuple[int, int]


def locate(text: str, start: int, end: int) -> Around:
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end < 0 else para_end
    sent_start = para_start
    for match in _SENTENCE_END.finditer(text, para_start, start):
        sent_start = match.end()
    after = _SENTENCE_END.search(text, end, para_end)
    sent_end = after.start() + 1 if after else para_end
    return Around(text, start, end, (sent_start, sent_end), (para_start, para_end))


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def part_of_longer_name(around: Around, known: set[int]) -> bool:
    """Whether a capitalised neighbour makes the hit part of another name.

    `known` holds the start offsets of registry matches: a known neighbour ("Turkey,
    Jordan and Iraq") is a list of entities, not one longer name.
    """
    text, (sent_start, _) = around.text, around.sentence
    before = text[sent_start : around.start]
    words = list(_WORD.finditer(before))
    if words:
        last = words[-1]
        gap = before[last.end() :]
        first_in_sentence = len(words) == 1 and not before[: last.start()].strip(" \"'“‘(")
        if (
            _capitalised(last.group())
            and not first_in_sentence
            and sent_start + last.start() not in known
            and gap.strip() in ("", ",")
            and last.group() not in _TITLES
        ):
            return True
    after = text[around.end : around.sentence[1]]
    following = re.match(r"(?:['’]s)?\s+([^\W\d_][\w'’-]*)", after)
    return bool(
        following
        and _capitalised(following.group(1))
        and following.group(1) not in _TITLES
        and around.end + following.start(1) not in known
    )


def confirmed(around: Around, entity: str, group: str, context: Context, same_type_nearby: bool) -> bool:
    """Whether the sentence shows the entity's world and nothing vetoes it."""
    paragraph = around.text[around.paragraph[0] : around.paragraph[1]]
    vetoes = context.unless.get(entity, frozenset())
    if any(_contains(paragraph, word) for word in vetoes):
        return False
    if same_type_nearby:
        return True
    sentence = around.text[around.sentence[0] : around.sentence[1]].casefold()
    cues = context.cues.get(group, frozenset())
    return any(_contains(sentence, cue) for cue in cues)


def _contains(text: str, word: str) -> bool:
    # The substring test first: most cues are absent, and it spares compiling a pattern per cue.
    return word in text and re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None
