"""Names the text rules read from their own shape: state hacking groups and units by acronym.

Security vendors name the groups they track by a word and an animal or weather word that
says where the group works from ("Laundry Bear", "Volt Typhoon", "Mint Sandstorm"); a
new one appears every month, so the shape finds them where the registry cannot. Only in
copy about hacking: "a Typhoon" or "the Bear" elsewhere is a fighter or a nickname.
A unit or force named by its acronym in apposition ("his elite unit, CAPSAT, sided with")
is an organisation too.
"""

from __future__ import annotations

import re

from briefing.entities.found import Candidate, Coverage

# Words that are also tanks, teams or economies ("Leopard", "Tiger") are left out.
_VENDOR_WORDS = "Bear|Panda|Kitten|Chollima|Spider|Typhoon|Blizzard|Sandstorm|Sleet|Tempest"
VENDOR_NAME = re.compile(rf"(?<![\w'’.&-])(?P<name>[A-Z][a-z]{{2,}} (?:{_VENDOR_WORDS}))(?![\w-])")
_CYBER = ("hack", "cyber", "malware", "phishing", "ransomware", "espionage", "breach")
# "a group Microsoft tracks as Void Blizzard": a second vendor's name for the same group.
# ("known as", "named" introduce a group; "tracks ... as", "calls" rename one.)
_SAME_GROUP = re.compile(r"(?:\btrack(?:s|ed|ing)?\b[^.]{0,30}\bas|\bcalls?|\bcalled it|\baka)\s+$")
UNIT_ACRONYM = re.compile(
    r"\b(?:unit|force|regiment|battalion|brigade|militia|group|agency|service|corps|wing),\s+"
    r"(?P<name>[A-Z][A-Z0-9-]{2,9}),"
)
# The cheap test before UNIT_ACRONYM: an acronym between commas at all.
_COMMA_ACRONYM = re.compile(r", [A-Z][A-Z0-9-]{2,9},")
_NOT_FIRST = frozenset("The A An This That Its Their Our Russian Chinese Iranian Korean".split())


def find_group_names(text: str, offset: int, taken: Coverage, country_words: object) -> list[Candidate]:
    """Hacking groups by their vendor-style names, and units named by acronym."""
    found: list[Candidate] = []
    lowered = text.lower()
    if any(word in lowered for word in _CYBER):
        for match in VENDOR_NAME.finditer(text):
            name = match.group("name")
            start = offset + match.start("name")
            first = name.split()[0]
            if first in _NOT_FIRST or first in country_words or taken.overlaps(start, start + len(name)):  # type: ignore[operator]
                continue
            before = text[max(0, match.start() - 40) : match.start()]
            if _SAME_GROUP.search(before) and "." not in before:
                # The same group under another vendor's name: one entity, never two tags.
                if found:
                    found[-1].folds.append(name)
                continue
            found.append(Candidate(name, "organisations", start, []))
    if _COMMA_ACRONYM.search(text):
        for match in UNIT_ACRONYM.finditer(text):
            start = offset + match.start("name")
            name = match.group("name")
            if not taken.overlaps(start, start + len(name)):
                found.append(Candidate(name, "organisations", start, []))
    return found
