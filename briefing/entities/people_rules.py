"""The person rules: a full name after a title or role, before "said", in apposition.

One scan finds every run of capitalised name words (patterns.NAME_RUN); a run is a
person when it holds a title before two name words ("Defence Minister Jan Novak"), is
followed by "said" or by a role in apposition, or follows a lower-case role word
("spokesman Jan Novak"). A few rules that need their own context before the name
(HEAD_OF, ROLE_APPOSITION, SAID_AFTER) are regexes gated by cheap hints.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefing.entities import patterns as p
from briefing.entities.found import Candidate, Coverage
from briefing.entities.hints import may_match
from briefing.entities.registry import ADJECTIVE_ENDINGS, Registry


def find_people(text: str, offset: int, people_taken: Coverage, registry: Registry) -> list[Candidate]:
    """People the rules name in one paragraph (offset: where it starts in the article)."""
    found: list[Candidate] = []
    for raw, raw_start in _person_spans(text):
        name = _person(raw)
        if not name or _country_name(name, registry) or _demonym_led(name, registry):
            continue  # "United Kingdom said", "Finnish Customs said": a country's, not a person
        start = offset + raw_start + raw.find(name)
        if not people_taken.overlaps(start, start + len(name)):
            found.append(Candidate(name, "people", start, [name.split()[-1]]))
    return found


def _person_spans(text: str) -> Iterator[tuple[str, int]]:
    """Spans the person rules name, as (text, start in `text`)."""
    for regex in (p.HEAD_OF, p.ROLE_APPOSITION, p.SAID_AFTER):
        if may_match(regex, text):
            for match in regex.finditer(text):
                yield match.group("name"), match.start("name")
    for run in p.NAME_RUN.finditer(text):
        name = run.group("name")
        words = name.split()
        end = run.end()
        if (
            (len(words) > 2 and any(_role(word) for word in words[:-2]))  # "Defence Minister Jan Novak"
            or p.SAID_NEXT.match(text, end)  # "Jan Novak said"
            # "Jan Novak, the company's chief executive" (the cue starts with its comma)
            or (text.startswith(",", end) and p.APPOSITION_CUE.match(text, end))
            or _role_before(text, run.start())  # "spokesman Jan Novak"
        ):
            yield name, run.start()


def _role(word: str) -> bool:
    """A title word, hyphenated ones too ("Vice-Marshal", "Major-General", "Lt-Gen")."""
    if word in p.ROLE_WORDS:
        return True
    parts = word.split("-")
    return len(parts) > 1 and all(part in p.ROLE_WORDS or part in p.TITLES for part in parts)


def _role_before(text: str, start: int) -> bool:
    """Whether a lower-case role word stands just before `start`."""
    before = text[max(0, start - 24) : start].split()
    return bool(before) and before[-1] in p.ROLE_BEFORE_WORDS


def _person(raw: str) -> str | None:
    """A person's name from a matched span, or None when it looks like something else.

    The name is the run of name words at the end of the span: a title or an office may
    run over several words before it ("Chief Cabinet Secretary Yoshimasa Hayashi", "Under
    Secretary for Terrorism and Financial Intelligence Jane Doe").
    """
    words = " ".join(raw.split()).split(" ")
    last = words[-1]
    if last.endswith(("'s", "’s")):
        words[-1] = last[:-2]
    start = len(words)
    while start > 0 and _name_word(words[start - 1]):
        start -= 1
    words = words[start:]
    while words and (words[0] in _PARTICLES or _INITIAL.fullmatch(words[0])):
        words = words[1:]  # a name starts with a name word
    named = [w for w in words if w not in _PARTICLES and not _INITIAL.fullmatch(w)]
    if len(named) < 2 or len(words) > 5:
        return None
    return " ".join(words)


def _country_name(name: str, registry: Registry) -> bool:
    """Whether a name is a country's, or country words and nothing else."""
    words = name.split()
    i = 0
    while i < len(words):
        for size in (3, 2, 1):
            if " ".join(words[i : i + size]) in registry.country_words:
                i += size
                break
        else:
            return False
    return True


def _demonym_led(name: str, registry: Registry) -> bool:
    """Whether a name starts with a country's adjective ("Finnish Customs", "Estonian
    Navy"): such a name is a body of that country. A country's own name may be a given
    name ("Israel Katz", "Jordan Bardella"), so only adjectives count."""
    first = name.split()[0]
    country = registry.country_words.get(first)
    return country is not None and first != country and first.endswith(ADJECTIVE_ENDINGS)


def _name_word(word: str) -> bool:
    """A word that may stand inside a person's name: capitalised, not a title or a word of
    an organisation's name; particles ("bin", "al") and middle initials ("R.") too."""
    if word in _PARTICLES or _INITIAL.fullmatch(word):
        return True
    if word in p.NOT_PERSON or word in p.TITLES or _role(word):
        return False  # "Commodore", "Brigadier", "Vice-Marshal": the rank, not the name
    return word[:1].isupper() and not word.isupper()


_PARTICLES = frozenset(p.PARTICLE.strip("(?:)").split("|"))
_INITIAL = re.compile(p.INITIAL)
