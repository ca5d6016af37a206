"""Generate N realistic seed articles, deterministically, for the benchmark.

    python bench/generate.py N DIR

Each article is about 600 words about a few of the countries, people,
organisations and weapon systems the tagger knows, with a date line spread
over two years and, on two thirds of them, an image line and a caption with
a "(Picture source: NAME)" credit. The same N gives the same bytes.
"""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta
from pathlib import Path

COUNTRIES = [
    "Russia",
    "Turkey",
    "Ukraine",
    "Poland",
    "Germany",
    "France",
    "India",
    "China",
    "Japan",
    "South Korea",
    "Israel",
    "Iran",
    "Saudi Arabia",
    "Egypt",
    "Brazil",
    "Australia",
    "Sweden",
    "Finland",
    "Greece",
    "Pakistan",
    "Taiwan",
    "Norway",
]
PEOPLE = [
    "Vladimir Putin",
    "Recep Tayyip Erdoğan",
    "Volodymyr Zelensky",
    "Emmanuel Macron",
    "Narendra Modi",
    "Xi Jinping",
    "Olaf Scholz",
    "Mark Rutte",
    "Benjamin Netanyahu",
    "Lloyd Austin",
    "Sergei Shoigu",
    "Rishi Sunak",
    "Fumio Kishida",
]
ORGS = [
    "NATO",
    "the European Union",
    "the United Nations",
    "Lockheed Martin",
    "Rheinmetall",
    "BAE Systems",
    "Raytheon",
    "Saab",
    "Thales",
    "Baykar",
    "Aselsan",
    "Rostec",
]
SYSTEMS = [
    "S-400",
    "Patriot",
    "F-35",
    "Leopard 2",
    "HIMARS",
    "Bayraktar TB2",
    "Su-57",
    "Rafale",
    "K9 Thunder",
    "Iron Dome",
    "IRIS-T",
    "NASAMS",
    "Kalibr",
    "Iskander",
    "Eurofighter Typhoon",
    "T-90",
    "Abrams",
    "Javelin",
    "Gripen",
    "CAESAR",
]
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
FILLER = [
    "Officials said the talks covered financing, industrial offsets and the timetable.",
    "Analysts expect the decision to shape regional security for the next decade.",
    "The ministry did not give a value for the agreement.",
    "Deliveries are due to begin within eighteen months, according to the statement.",
    "Parliament must still approve the budget for the programme.",
    "The announcement followed months of negotiations between the two governments.",
    "Industry sources said local assembly would create several hundred jobs.",
    "Critics warned that the cost could rise once support contracts are added.",
]
PHOTOGRAPHERS = [
    "Vitaly Kuzmin",
    "Army Recognition",
    "US DoD",
    "Ministry of Defence",
    "Rheinmetall",
    "Saab",
    "Reuters",
]


def article(rng: random.Random, number: int, when: date) -> str:
    country, other = rng.sample(COUNTRIES, 2)
    person = rng.choice(PEOPLE)
    org = rng.choice(ORGS)
    system, second = rng.sample(SYSTEMS, 2)
    title = f"{country} {rng.choice(VERBS)} {system} {rng.choice(NOUNS)} with {other} ({number})"
    lede = (
        f"{country} has {rng.choice(VERBS)} a {rng.choice(NOUNS)} for the {system} with "
        f"{other}, {person} said on {when:%A}, in a move watched closely by {org}."
    )
    paragraphs = [lede]
    words = len(lede.split())
    while words < 600:
        sentences = [rng.choice(FILLER) for _ in range(rng.randint(2, 4))]
        if rng.random() < 0.5:
            sentences.append(f"The {second} was also mentioned by {person} during the visit.")
        if rng.random() < 0.3:
            sentences.append(f"Representatives of {org} attended the meeting in {country}.")
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
