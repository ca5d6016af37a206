"""Evaluate the entity tagger: precision and recall per type on a corpus, and throughput.

    python bench/eval_entities.py                       # tests/entities/corpus, 5 MB timed
    python bench/eval_entities.py --corpus DIR --mb 10  # another corpus, more text
    python bench/eval_entities.py --errors              # also list each article's misses

A corpus is a folder of YAML files, one article each::

    title: ...
    paragraphs: [..., ...]
    caption: ...            # optional
    alt: ...                # optional
    expected:               # the tags a careful analyst would give it, by type
      countries: [...]
      people: [...]
      organisations: [...]
      weapon_systems: [...]
      topics: [...]

Two scores, as the issue defines them. *Strict*: a tag is right when its name and type are
exactly an expected one (the canonical name). *Tags*: a tag is right when it names an
expected entity, whatever its spelling or type: the names fold to the same key, or one is
a registry alias of the other ("Raytheon" for "RTX"). F1 is the harmonic mean of precision
and recall. Two tags of one entry that are one entity (same key, or one an alias of the
other's entity) are counted as duplicates and must be none. Throughput runs in
a fresh process on one core: import, registry loading (shipped YAML parsed, automaton
compiled) and tagging the corpus repeated until at least `--mb` megabytes of article
text are tagged, all inside the clock. It times the default path, tagging as `briefing
ingest` calls it (no candidate names for editors, which only `briefing entities` shows);
`--candidates` times that path instead.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "tests" / "entities" / "corpus"
GROUPS = ("countries", "people", "organisations", "weapon_systems", "topics")


@dataclass
class Article:
    name: str
    title: str
    paragraphs: list[str]
    caption: str | None
    alt: str | None
    expected: dict[str, set[str]]

    @property
    def size(self) -> int:
        parts = [self.title, *self.paragraphs, self.caption or "", self.alt or ""]
        return sum(len(part.encode("utf-8")) for part in parts)


@dataclass
class Score:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    # Lenient ("tags") counts over all groups, and duplicate tags within one entry.
    loose_tp: int = 0
    loose_fp: int = 0
    loose_fn: int = 0
    duplicates: list[str] = field(default_factory=list)

    def f1(self, group: str | None = None) -> float:
        p, r = self.precision(group), self.recall(group)
        return 2 * p * r / (p + r) if p + r else 0.0

    def loose_f1(self) -> float:
        p = self.loose_tp / (self.loose_tp + self.loose_fp) if self.loose_tp + self.loose_fp else 1.0
        r = self.loose_tp / (self.loose_tp + self.loose_fn) if self.loose_tp + self.loose_fn else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def precision(self, group: str | None = None) -> float:
        tp, fp = self._sum(self.tp, group), self._sum(self.fp, group)
        return tp / (tp + fp) if tp + fp else 1.0

    def recall(self, group: str | None = None) -> float:
        tp, fn = self._sum(self.tp, group), self._sum(self.fn, group)
        return tp / (tp + fn) if tp + fn else 1.0

    @staticmethod
    def _sum(counter: Counter[str], group: str | None) -> int:
        return counter[group] if group else sum(counter.values())


def load_corpus(folder: Path = CORPUS) -> list[Article]:
    articles = []
    for path in sorted(folder.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        expected = data.get("expected") or {}
        articles.append(
            Article(
                name=path.stem,
                title=data["title"],
                paragraphs=list(data.get("paragraphs") or []),
                caption=data.get("caption"),
                alt=data.get("alt"),
                expected={group: set(expected.get(group) or []) for group in GROUPS},
            )
        )
    return articles


def _identity(registry: object) -> dict[str, str]:
    """Folded alias -> canonical name, for matching tags to expected names leniently."""
    from briefing.entities.normalise import key

    names: dict[str, str] = {}
    for entity in registry:  # type: ignore[attr-defined]
        for alias in (entity.name, *entity.aliases):
            names.setdefault(key(alias), entity.name)
    return names


def _same(a: str, b: str, identity: dict[str, str]) -> bool:
    from briefing.entities.normalise import key

    ka, kb = key(a), key(b)
    return ka == kb or identity.get(ka, ka) == identity.get(kb, kb)


def score(articles: list[Article], registry: object) -> Score:
    from briefing.entities import tag_article

    result = Score()
    identity = _identity(registry)
    for article in articles:
        tagging = tag_article(
            registry,
            title=article.title,
            paragraphs=article.paragraphs,
            caption=article.caption,
            alt=article.alt,
        )
        for group in GROUPS:
            got, want = set(tagging.entities.get(group, ())), article.expected[group]
            result.tp[group] += len(got & want)
            result.fp[group] += len(got - want)
            result.fn[group] += len(want - got)
            for name in sorted(got - want):
                result.errors.append(f"{article.name}: false {group}: {name}")
            for name in sorted(want - got):
                result.errors.append(f"{article.name}: missed {group}: {name}")
        got_all = list(tagging.tags)
        want_all = sorted(set().union(*article.expected.values()))
        matched = {w for w in want_all if any(_same(w, g, identity) for g in got_all)}
        result.loose_tp += len(matched)
        result.loose_fn += len(want_all) - len(matched)
        result.loose_fp += sum(1 for g in got_all if not any(_same(w, g, identity) for w in want_all))
        for i, first in enumerate(got_all):
            for second in got_all[i + 1 :]:
                if _same(first, second, identity):
                    result.duplicates.append(f"{article.name}: {first} = {second}")
    return result


_THROUGHPUT = """
import json, sys, time
from pathlib import Path
sys.path.insert(0, {bench!r})
from eval_entities import load_corpus
articles = [(a, a.size) for a in load_corpus(Path({corpus!r}))]
wall, cpu = time.perf_counter(), time.process_time()
from briefing.entities import load_registry, tag_article
registry = load_registry(Path({site!r}))
registry.automaton
loaded = time.process_time() - cpu
tagged = 0
while tagged < {target}:
    for a, size in articles:
        tag_article(registry, title=a.title, paragraphs=a.paragraphs, caption=a.caption, alt=a.alt,
                    with_candidates={candidates!r})
        tagged += size
print(json.dumps({{"bytes": tagged, "cpu": time.process_time() - cpu,
                  "wall": time.perf_counter() - wall, "loading": loaded}}))
"""


def throughput(corpus: Path, megabytes: float, site: Path, candidates: bool = False) -> dict[str, float]:
    """Bytes tagged and seconds taken (CPU and wall clock, loading included; loading alone)
    in a fresh single-threaded process."""
    code = _THROUGHPUT.format(
        bench=str(Path(__file__).parent),
        corpus=str(corpus),
        site=str(site),
        target=int(megabytes * 1_000_000),
        candidates=candidates,
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
        env=_one_core_env(),
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def _one_core_env() -> dict[str, str]:
    import os

    env = dict(os.environ)
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        env[name] = "1"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH", "")]))
    return env


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument(
        "--site",
        type=Path,
        default=REPO / "tests" / "entities" / "no-site",
        help="a site root whose entities.yml to apply (default: none)",
    )
    parser.add_argument("--mb", type=float, default=5.0, help="megabytes to tag for throughput")
    parser.add_argument("--errors", action="store_true", help="list every miss and false tag")
    parser.add_argument("--no-speed", action="store_true", help="scores only, no throughput run")
    parser.add_argument(
        "--candidates",
        action="store_true",
        help="time tagging with candidate names too (`briefing entities`), not the ingest path",
    )
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    from briefing.entities import load_registry

    articles = load_corpus(args.corpus)
    result = score(articles, load_registry(args.site))
    print(f"corpus: {args.corpus} ({len(articles)} articles)")
    print(f"{'type':<16}{'precision':>10}{'recall':>8}{'F1':>7}{'tp':>6}{'fp':>5}{'fn':>5}")
    for group in (*GROUPS, None):
        label = group or "strict overall"
        print(
            f"{label:<16}{result.precision(group):>10.3f}{result.recall(group):>8.3f}"
            f"{result.f1(group):>7.3f}{Score._sum(result.tp, group):>6}"
            f"{Score._sum(result.fp, group):>5}{Score._sum(result.fn, group):>5}"
        )
    print(
        f"tags F1 {result.loose_f1():.3f} (any spelling or type: tp {result.loose_tp}, "
        f"fp {result.loose_fp}, fn {result.loose_fn}); strict F1 {result.f1():.3f}; "
        f"duplicate tags {len(result.duplicates)}"
    )
    for line in result.duplicates:
        print(f"  duplicate: {line}")
    if args.errors:
        print()
        print("\n".join(result.errors) or "no errors")
    if args.no_speed:
        return 0
    run = throughput(args.corpus, args.mb, args.site, args.candidates)
    megabytes = run["bytes"] / 1e6
    path = "with candidate names (briefing entities)" if args.candidates else "as briefing ingest tags"
    print(
        f"\nthroughput, {path}: {megabytes:.1f} MB tagged on one core, registry loading included "
        f"({run['loading']:.2f} s of it): {megabytes / run['cpu']:.2f} MB/s of CPU time "
        f"({run['cpu']:.2f} s); {megabytes / run['wall']:.2f} MB/s by the wall clock "
        f"({run['wall']:.2f} s, lower when other processes share the core)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
