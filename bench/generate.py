"""Generate N realistic seed articles, deterministically, for the benchmark.

    python bench/generate.py N DIR

Each article is about 600 words about a few of some 300 countries, people,
organisations and weapon systems the tagger knows (popular ones far more
often, so it gets 3-8 tags), with a date line spread over two years and, on
two thirds of them, an image line and a caption with a "(Picture source:
NAME)" credit. A third of its paragraphs carry what real copy does: the odd
`*`, `_` and `[text](url)`, which ingest escapes. The same N gives the same bytes.
"""

from __future__ import annotations

import random
import re
import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from names import COUNTRIES, ORGANISATIONS, PEOPLE, WEAPON_SYSTEMS

VERBS = [
    "signed",
    "announced",
    "discussed",
    "confirmed",
    "approved",
    "delayed",
    "expanded",
    "reviewed",
    "criticised",
    "welcomed",
]
NOUNS = [
    "contract",
    "delivery schedule",
    "joint production plan",
    "training programme",
    "export licence",
    "maintenance agreement",
    "modernisation package",
    "procurement tender",
]
# Sentences with slots for words of the article's own: real reports share their phrasing
# but not their vocabulary, and story detection (MinHash over word sets) must see two
# unrelated reports as unrelated, as it would in real copy.
FILLER = [
    "Officials said the talks covered {w}, {w} and the {w} timetable.",
    "Analysts expect the {w} decision to shape {w} security and {w} for the next decade.",
    "The ministry did not give a value for the {w} agreement or the {w} {w}.",
    "Deliveries of the {w} and {w} are due within eighteen months, according to the {w} statement.",
    "Parliament must still approve the {w} budget for the {w} {w} programme.",
    "The announcement followed months of work on {w}, {w} and {w} between the two governments.",
    "Industry sources said local {w} assembly would create several hundred {w} jobs in {w}.",
    "Critics warned that the {w} cost could rise once {w} support and {w} contracts are added.",
]
_SYLLABLES = (
    "ba ka la ma na ra sa ta va za be de le me ne re se ti vi ko lo mo no ro so to vu ru tu du".split()
)


def _vocabulary(size: int = 20000) -> list[str]:
    """Made-up lower-case words (no tagger rule fires on them), the same on every run."""
    rng = random.Random(20)
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


VOCABULARY = _vocabulary()


def _filler(rng: random.Random) -> str:
    return re.sub(r"\{w\}", lambda _m: rng.choice(VOCABULARY), rng.choice(FILLER))


PHOTOGRAPHERS = [
    "Vitaly Kuzmin",
    "Army Recognition",
    "US DoD",
    "Ministry of Defence",
    "Rheinmetall",
    "Saab",
    "Reuters",
]


# Sentences that carry what real copy does: emphasis, underscores, links and stray
# asterisks. Seeds are plain text, so ingest escapes them and every body has some.
MARKUP = [
    "The ministry's note, titled *Readiness {year}*, set out the plan in detail.",
    "Its reference, PRG_{n}_{m}, appears in the budget annex.",
    "The full text is on the [ministry's website](https://www.gov.example/news/{n}).",
    "Local media, including [the state broadcaster](https://tv.example.org/{n}/{m}), reported the visit.",
    "**Update:** the figures were revised on Friday.",
    "Officials called it a _strategic_ step, not a tactical one.",
    'One official described the schedule as "tight*" (*subject to parliament).',
    "The file name, {entity}_{n}.pdf, was circulated to journalists.",
]

# Popular entities recur far more than rare ones, as in news: weight 1/rank.
ENTITIES = [
    (name, kind)
    for kind, names in (
        ("country", COUNTRIES),
        ("person", PEOPLE),
        ("org", ORGANISATIONS),
        ("system", WEAPON_SYSTEMS),
    )
    for name in names
]
_ORDER = random.Random(300).sample(ENTITIES, len(ENTITIES))
_WEIGHTS = [1 / (rank + 1) ** 0.8 for rank in range(len(_ORDER))]


def _pick(rng: random.Random, count: int) -> list[tuple[str, str]]:
    chosen: dict[str, str] = {}
    while len(chosen) < count:
        name, kind = rng.choices(_ORDER, _WEIGHTS)[0]
        chosen.setdefault(name, kind)
    return list(chosen.items())


def article(rng: random.Random, number: int, when: date) -> str:
    country, other = rng.sample(COUNTRIES, 2)
    system = rng.choice(WEAPON_SYSTEMS)
    mentioned = [(n, k) for n, k in _pick(rng, rng.choice((0, 1, 1, 2))) if n not in (country, other, system)]
    names = [n for n, _ in mentioned]
    person = next((n for n, k in mentioned if k == "person"), None)
    partner = f" with {other}" if rng.random() < 0.5 else ""
    title = f"{country} {rng.choice(VERBS)} {system} {rng.choice(NOUNS)}{partner} ({number})"
    who = f"{person} said" if person else "officials said"
    lede = (
        f"{country} has {rng.choice(VERBS)} a {rng.choice(NOUNS)} for the {system}{partner}, "
        f"{who} on {when:%A}" + (f", in a move watched closely by {', '.join(names)}." if names else ".")
    )
    paragraphs = [lede]
    words = len(lede.split())
    while words < 600:
        sentences = [_filler(rng) for _ in range(rng.randint(2, 4))]
        if names and rng.random() < 0.6:
            sentences.append(f"{rng.choice(names)} was also mentioned during the visit to {country}.")
        if rng.random() < 0.35:
            sentences.insert(
                rng.randrange(len(sentences) + 1),
                rng.choice(MARKUP).format(
                    year=when.year + rng.randint(1, 6),
                    n=rng.randint(100, 9999),
                    m=rng.randint(1, 99),
                    entity=system.replace(" ", "_"),
                ),
            )
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        words += len(paragraph.split())
    lines = [title, when.isoformat(), "", paragraphs[0], ""]
    if number % 3 != 0:
        lines += [
            f"{title} {rng.randint(100, 999)} {rng.randint(100, 999)}",
            f"The {system} on display (Picture source: {rng.choice(PHOTOGRAPHERS)})",
            "",
        ]
    for paragraph in paragraphs[1:]:
        lines += [paragraph, ""]
    return "\n".join(lines)


def generate(count: int, folder: Path, start: date = date(2024, 1, 1)) -> None:
    rng = random.Random(count)
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        when = start + timedelta(days=rng.randrange(730))
        (folder / f"article-{number:06d}.txt").write_text(article(rng, number, when), encoding="utf-8")


if __name__ == "__main__":
    generate(int(sys.argv[1]), Path(sys.argv[2]))
