"""Names the registry does not know, found by rules on the text.

The news names new people, firms and systems every day. Running prose (not the title,
whose capitals say nothing) is searched for: a full name after a role word ("Defence
Minister Jan Novak", "chief executive Jane Doe"), before "said" or in apposition ("Jane
Doe, the company's chief executive"); an organisation by its form ("... Industries",
"Ministry of ...", "Presidency of ...", a name followed by its acronym "(SSB)"); a weapon
designation beside a word saying what it is ("Su-57 fighter", "Type 26 frigates"). A
later surname or acronym folds into the full name. The site's `entities.yml` can block
or rename what is found.
"""

from __future__ import annotations

from collections.abc import Container

from briefing.entities import patterns as p
from briefing.entities.article import Article
from briefing.entities.found import Candidate, Coverage, Found, Span
from briefing.entities.group_names import find_group_names
from briefing.entities.hints import may_match
from briefing.entities.matcher import case_ok
from briefing.entities.normalise import key, variants
from briefing.entities.people_rules import find_people
from briefing.entities.registry import Registry

_GENERIC = frozenset(
    {
        "Air",
        "Missile",
        "Defence",
        "Defense",
        "Weapon",
        "Weapons",
        "Combat",
        "Control",
        "Launch",
        "Rocket",
        "Radar",
        "Fire",
        "Command",
        "Information",
        "Communication",
        "Communications",
        "Support",
        "Space",
        "Early",
        "Warning",
        "Strike",
        "Attack",
        "Carrier",
        "Ballistic",
        "Cruise",
        "Coast",
        "National",
        "Security",
        "Military",
        "Joint",
        "Central",
        "Federal",
        "State",
        "General",
        "Naval",
        "Army",
        "Navy",
        "Marine",
        "Border",
        "Home",
        "Civil",
        "Public",
        "Foreign",
        "Special",
        "Operations",
        "Cyber",
        "Strategic",
        "High",
        "Supreme",
        "Executive",
        "European",
        "International",
        "Global",
    }
)
_CLASS_WORDS = frozenset(
    {
        "Missile",
        "Missiles",
        "System",
        "Systems",
        "Vehicle",
        "Vehicles",
        "Launcher",
        "Rocket",
        "Munition",
        "Munitions",
        "Radar",
        "Aircraft",
        "Drone",
        "Drones",
        "Weapon",
        "Weapons",
        "Gun",
        "Howitzer",
        "Tank",
        "Interceptor",
        "Satellite",
        "Warhead",
        "Bomb",
    }
)


# Last words of an expansion that make its acronym a weapon system, not an organisation.
_SYSTEM_ENDS = frozenset(
    "System Radar Missile Vehicle Launcher Rocket Munition Aircraft Drone Weapon Interceptor "
    "Satellite Sonar Jammer Howitzer".split()
)


# Capitalised words that end a name run without being part of it ("firm Acme Monday").
_NOT_NAME_END = frozenset(
    """& The A An In On At For But And Or If When While After Before As
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
July August September October November December""".split()
)


def discover(
    article: Article,
    registry: Registry,
    covered: list[Span],
    places: list[Span] = (),  # type: ignore[assignment]
    soft: list[Span] = (),  # type: ignore[assignment]
) -> list[Found]:
    """Names found by the rules with their mention scores, blocked names left out.

    `covered` spans are registry matches; `places` are phrases (places, ordinary phrases)
    that stop a name only when they cover all of it: "Mexico City" is not a person, but
    "Sofia Brandt" is, though "Sofia" is a capital. `soft` spans (country mentions) do not
    stop a person's name: "Defence Minister Ibrahim Jordan" is a person, and the tagger
    then drops the country.
    """
    taken = Coverage([*covered, *places])
    softened = set(soft)
    people_taken = Coverage([span for span in covered if span not in softened], whole=places)
    found: dict[str, Candidate] = {}
    for segment in article.segments:
        if not segment.prose:
            continue
        text = article.text[segment.start : segment.end]
        bodies = _state_bodies(text, segment.start, taken, registry)
        if bodies:  # a state body's words are not another name's ("Ministry of ...")
            spans = [span for body in bodies for span in body.at]
            local = Coverage([*taken.spans, *spans], whole=taken.whole)
            local_people = Coverage([*people_taken.spans, *spans], whole=people_taken.whole)
        else:
            local, local_people = taken, people_taken
        for candidate in bodies + _find(text, segment.start, local, local_people, registry):
            name_key = key(candidate.name)
            if name_key in registry.blocked:
                continue
            candidate.name = registry.renames.get(name_key, candidate.name)
            known = found.get(candidate.name)
            if known is None:
                found[candidate.name] = candidate
            else:
                known.folds += [f for f in candidate.folds if f not in known.folds]
                known.at += candidate.at
    return _count(article, list(found.values()), taken, people_taken)


def _find(
    text: str, offset: int, taken: Coverage, people_taken: Coverage, registry: Registry
) -> list[Candidate]:
    found = find_people(text, offset, people_taken, registry)
    people = {candidate.name for candidate in found}
    found += _find_acronyms(text, offset, taken, registry, people)
    for regex in (p.ORG_SUFFIX, p.ORG_OF):
        if not may_match(regex, text):
            continue
        for match in regex.finditer(text):
            name = _strip_the(match.group("name"), registry.country_words)
            start = offset + match.start("name") + match.group("name").find(name)
            words = name.split()
            if (
                len(words) < 2
                or all(w in _GENERIC for w in words[:-1])
                or words[-1] in p.LAW_WORDS
                or taken.overlaps(start, start + len(name)) * 2 > len(name)
            ):
                continue
            found.append(Candidate(name, "organisations", start, [_initials(words)]))
    described = [
        match
        for regex in (p.ORG_DESCRIBED, p.ORG_KIND_AFTER, p.ORG_ROLE_APPOSITION)
        if may_match(regex, text)
        for match in regex.finditer(text)
    ]
    for match in described:
        words = _strip_the(match.group("name"), registry.country_words).split()
        while words and words[-1] in _NOT_NAME_END:
            words.pop()
        if words and words[-1].endswith(("'s", "’s")):
            words[-1] = words[-1][:-2]
        name = " ".join(words)
        start = offset + match.start("name") + max(0, match.group("name").find(name))
        if (
            not words
            or name in people
            or any(name in person.split() for person in people)
            or (len(words) == 1 and (words[0] in p.NOT_PERSON or words[0] in p.NOT_ORG))
            or words[-1] in p.LAW_WORDS
            or all(w in registry.country_words for w in words)
            or taken.overlaps(start, start + len(name))
        ):
            continue
        found.append(Candidate(name, "organisations", start, [_initials(words)]))
    groups = find_group_names(text, offset, taken, registry.country_words)
    return found + [g for g in groups if g.name not in people] + _find_weapons(text, offset, taken)


def _find_acronyms(
    text: str, offset: int, taken: Coverage, registry: Registry, people: set[str]
) -> list[Candidate]:
    """A name and its acronym in brackets: an organisation, or a system when the name
    ends in a system's word."""
    found: list[Candidate] = []
    acronyms = p.ACRONYM_AFTER.finditer(text) if may_match(p.ACRONYM_AFTER, text) else ()
    for match in acronyms:
        name = _strip_the(match.group("name"), registry.country_words)
        start = offset + match.start("name") + match.group("name").find(name)
        words = name.split()
        if len(words) >= 2 and words[-1] in _SYSTEM_ENDS and not taken.overlaps(start, start + len(name)):
            # "Tactical Mobile Over-the-Horizon Radar (TACMOR)": a system, known by its acronym
            acronym = match.group("acronym")
            found.append(Candidate(acronym, "weapon_systems", offset + match.start("acronym"), [name]))
            continue
        if (
            len(words) < 2
            or name in people
            or words[-1] in _CLASS_WORDS
            or words[-1] in p.LAW_WORDS
            or taken.overlaps(start, start + len(name)) * 2 > len(name)
        ):
            continue
        found.append(Candidate(name, "organisations", start, [match.group("acronym")]))
    return found


def _find_weapons(text: str, offset: int, taken: Coverage) -> list[Candidate]:
    """Designations and ship classes beside a word saying what they are."""
    found: list[Candidate] = []
    for regex in (p.WEAPON, p.SHIP_CLASS):
        if not may_match(regex, text):
            continue
        for match in regex.finditer(text):
            raw = " ".join(match.group("name").split())
            name = _strip_the(raw)
            start = offset + match.start("name") + len(raw) - len(name)
            if (
                name.split()[0] in p.NOT_DESIGNATION
                or p.NOT_DESIGNATION_FORMS.match(name)
                or taken.overlaps(start, start + len(name))
            ):
                continue
            found.append(Candidate(name, "weapon_systems", start, []))
    return found


def _state_bodies(text: str, offset: int, taken: Coverage, registry: Registry) -> list[Candidate]:
    """A country's ministry or service the registry lacks: "the Romanian defence ministry"
    is "Romanian Ministry of Defence", "Ghana's air force" is "Ghanaian Air Force"."""
    if not may_match(p.STATE_BODY, text):
        return []
    found = []
    for match in p.STATE_BODY.finditer(text):
        words = match.group("place").split()
        if words[-1].endswith(("'s", "’s")):
            words[-1] = words[-1][:-2]
        country = None
        for size in range(len(words), 0, -1):  # the country is the last words before it
            country = registry.country_words.get(" ".join(words[-size:]))
            if country:
                break
        if country is None:
            continue
        start = offset + match.start("place") + len(" ".join(words[:-size])) + (1 if size < len(words) else 0)
        end = offset + match.end("body")
        if taken.overlaps(start, end) > end - start - len(match.group("body")):
            continue  # the body words are claimed too: a registry name covers it
        body = p.STATE_BODY_NAMES[" ".join(match.group("body").lower().split()).replace("defense", "defence")]
        name = f"{_adjective(words[-size:], country, registry)} {body}"
        found.append(Candidate(name, "organisations", start, [], [(start, end)]))
    return found


def _adjective(words: list[str], country: str, registry: Registry) -> str:
    """The adjective the article itself uses when it is one of the country's ("Ecuadorian
    Navy", though the registry also knows "Ecuadorean"), else the registry's demonym: an
    editor searching the site types the spelling the copy uses."""
    said = " ".join(words)
    usual = registry.demonym(country)
    if said not in (country, usual) and said[:1].isupper() and said.endswith(_ADJECTIVE_ENDS):
        return said if registry.country_words.get(said) == country else usual
    return usual


_ADJECTIVE_ENDS = ("an", "ian", "ese", "ish", "i", "ch", "ic", "k")


def _strip_the(name: str, owners: Container[str] = ()) -> str:
    """A name without the article or preposition before it, nor a country owning it:
    "Albania's National Cyber Authority" is "National Cyber Authority" (the country is
    tagged on its own), but "People's Mojahedin Organisation" keeps its first word."""
    words = name.split()
    while words and (words[0] in _LEADING or (words[0].endswith(("'s", "’s")) and words[0][:-2] in owners)):
        words = words[1:]
    return " ".join(words)


_LEADING = frozenset(
    "The A An In At On By For From With To Of As And But Or While When After Before If".split()
)


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


def _count(article: Article, found: list[Candidate], taken: Coverage, people_taken: Coverage) -> list[Found]:
    """Weighted mentions of each found name: full forms first, then folded short forms."""
    claimed: list[Span] = []
    result = []
    for candidate in found:
        forms = [candidate.name]
        if candidate.type == "weapon_systems":
            forms = list(variants(candidate.name, plural=True))
        cover = people_taken if candidate.type == "people" else taken
        spans = [span for span in candidate.at if not any(s < span[1] and e > span[0] for s, e in claimed)]
        claimed += spans
        spans += _occurrences(article, forms, candidate.name, claimed, cover)
        aliases = []
        for short in (f for f in candidate.folds if len(f) >= 2):
            used = _occurrences(article, [short], "", claimed, cover)
            spans += used
            if used and (" " in short or (short.isupper() and len(short) >= 3)):
                aliases.append(short)  # a surname alone is too weak a name across a site
        if not spans:
            continue
        score = sum(article.segment_at(start).weight for start, _ in spans)
        result.append(Found(candidate.name, candidate.type, score, tuple(spans), tuple(aliases)))
    return result


def _occurrences(
    article: Article, forms: list[str], alias: str, claimed: list[Span], taken: Coverage
) -> list[Span]:
    spans: list[Span] = []
    text = article.folded
    for form in forms:
        folded = key(form)
        if not folded:
            continue
        for start in _whole_words(text, folded):
            end = start + len(folded)
            surface = article.text[start:end]
            if not case_ok(alias or form, surface):
                continue
            if taken.overlaps(start, end) or any(s < end and e > start for s, e in claimed):
                continue
            claimed.append((start, end))
            spans.append((start, end))
    return spans


def _whole_words(text: str, words: str) -> list[int]:
    """Where `words` stands in the folded text as whole words (str.find, not a regex)."""
    found = []
    size = len(words)
    index = text.find(words)
    while index >= 0:
        end = index + size
        if (index == 0 or text[index - 1] == " ") and (end == len(text) or text[end] == " "):
            found.append(index)
        index = text.find(words, index + 1)
    return found
