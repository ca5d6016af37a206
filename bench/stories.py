"""Story detection: pairwise precision and recall on a labelled set, and its cost at scale.

    python bench/stories.py                 # precision/recall on bench/data/stories.yml
    python bench/stories.py --sweep         # ... for a range of story_threshold values
    python bench/stories.py --cost 10000    # seconds of story work vs a cold ingest of N seeds

Precision: of the pairs of reports detected as one story, the share labelled so.
Recall: of the pairs labelled one story, the share detected. The labelled set
is described at the top of its file; the reports are tagged by the real tagger.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from briefing.entities import tag_article  # noqa: E402
from briefing.lazy_registry import LazyRegistry  # noqa: E402
from briefing.stories import (  # noqa: E402
    DEFAULT_DAYS,
    DEFAULT_THRESHOLD,
    StoryDoc,
    StorySettings,
    detect_stories,
    story_features,
)


def labelled_reports() -> list[dict]:
    """The labelled reports, variants made from their base report."""
    data = yaml.safe_load((HERE / "data" / "stories.yml").read_text(encoding="utf-8"))
    reports = list(data["reports"])
    by_story = {r["story"]: r for r in reversed(reports)}  # the first report of each label
    for variant in data["variants"]:
        base = by_story[variant["of"]]
        paragraphs = list(base["paragraphs"])
        title = base["title"]
        when = date.fromisoformat(base["date"])
        kind = variant["kind"]
        if kind == "copy":  # syndicated: the same text under the outlet's own furniture
            title = f"{title} | Defence Wire"
            paragraphs = [*paragraphs, "This report first appeared on our partner's website."]
        elif kind == "reorder":
            paragraphs = paragraphs[1:] + paragraphs[:1]
            when += timedelta(days=1)
        elif kind == "headline":
            title = f"What we know: {' '.join(title.split()[: max(3, len(title.split()) // 2)])}"
            paragraphs = paragraphs[:-1]
        elif kind == "update":
            title = f"UPDATE: {title}"
            paragraphs = [
                *paragraphs,
                "Officials gave more details on Thursday and said the figures could still change.",
            ]
            when += timedelta(days=1)
        reports.append(
            {"story": base["story"], "date": when.isoformat(), "title": title, "paragraphs": paragraphs}
        )
    return reports


def docs_of(reports: list[dict]) -> list[StoryDoc]:
    registry = LazyRegistry(Path(tempfile.gettempdir())).load()
    docs = []
    for i, report in enumerate(reports):
        tagging = tag_article(
            registry, title=report["title"], paragraphs=report["paragraphs"], with_candidates=False
        )
        day = date.fromisoformat(report["date"]).toordinal() - date(1970, 1, 1).toordinal()
        features = story_features(report["title"], "\n\n".join(report["paragraphs"]), tagging.entities)
        docs.append(StoryDoc(f"r{i:03d}", float(day), features))
    return docs


def score(
    reports: list[dict], docs: list[StoryDoc], settings: StorySettings
) -> tuple[float, float, int, int]:
    found = detect_stories(docs, settings)
    tp = fp = fn = 0
    for (a, ra), (b, rb) in combinations(zip(docs, reports, strict=True), 2):
        truth = ra["story"] == rb["story"]
        guess = found[a.slug] == found[b.slug]
        tp += truth and guess
        fp += guess and not truth
        fn += truth and not guess
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, tp + fn, tp + fp


def evaluate(sweep: bool) -> None:
    reports = labelled_reports()
    docs = docs_of(reports)
    stories = len({r["story"] for r in reports})
    print(f"{len(reports)} reports, {stories} labelled stories")
    thresholds = [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5] if sweep else [DEFAULT_THRESHOLD]
    print("threshold  days  precision  recall  true pairs  detected pairs")
    for threshold in thresholds:
        p, r, true_pairs, detected = score(reports, docs, StorySettings(threshold, DEFAULT_DAYS))
        print(f"{threshold:9.2f}  {DEFAULT_DAYS:4d}  {p:9.3f}  {r:6.3f}  {true_pairs:10d}  {detected:14d}")
    if not sweep:
        found = detect_stories(docs, StorySettings())
        truth = {d.slug: r["story"] for d, r in zip(docs, reports, strict=True)}
        for a, b in combinations(docs, 2):
            t, g = truth[a.slug] == truth[b.slug], found[a.slug] == found[b.slug]
            if t != g:
                what = "missed" if t else "wrongly joined"
                print(
                    f"  {what}: {reports[int(a.slug[1:])]['title'][:60]!r} / {reports[int(b.slug[1:])]['title'][:60]!r}"
                )


def cost(count: int) -> None:
    """Cold ingest of N generated seeds, and the story work inside it timed on its own."""
    from generate import generate

    with tempfile.TemporaryDirectory(prefix="briefing-stories-") as tmp:
        site = Path(tmp)
        generate(count, site / "seeds")
        started = time.perf_counter()
        cold = subprocess.run(
            [sys.executable, "-m", "briefing", "ingest", "--verbose", "--site", str(site)],
            check=True,
            env={**os.environ, "PYTHONHASHSEED": "0"},
            stderr=subprocess.PIPE,
            text=True,
        )
        ingest = time.perf_counter() - started
        # The story pass as it ran inside that ingest (its own log line): listing content/,
        # detection, rewriting the joined entries' `story:` and saving its cache.
        timed = re.search(r"ingest: stories of [\d,]+ entries in ([\d.]+) s", cold.stderr)
        story_pass = float(timed.group(1)) if timed else float("nan")
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "briefing", "ingest", "--site", str(site)],
            check=True,
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )
        again = time.perf_counter() - started
        from briefing.entries.read import read_entry

        entries = []
        for path in sorted((site / "content").glob("*.md")):
            metadata, body, _line, _text = read_entry(path)
            entries.append((metadata, body))
        started = time.perf_counter()
        docs = [
            StoryDoc(
                str(m["slug"]),
                date.fromisoformat(str(m["date"])[:10]).toordinal() / 1.0,
                story_features(m["title"], body, m["entities"]),
            )
            for m, body in entries
        ]
        features = time.perf_counter() - started
        started = time.perf_counter()
        found = detect_stories(docs, StorySettings())
        detection = time.perf_counter() - started
    cores = os.cpu_count() or 1
    # Features are made in ingest's workers, on every core (timed here again on one core, then
    # divided); the story pass runs in the parent and is timed by the ingest itself.
    share = features / cores + story_pass
    multi = (
        sum(1 for s in set(found.values()) if list(found.values()).count(s) > 1) if count <= 2000 else None
    )
    print(f"N = {count:,}: cold ingest {ingest:.2f} s (whole command, stories included)")
    print(f"  re-ingest, nothing changed {again:.2f} s (the story pass skips detection)")
    print(f"  story features {features:.2f} s on one core ({features / cores:.2f} s over {cores} cores)")
    print(
        f"  detection alone (sliding window, pairs, joins) {detection:.2f} s; {len(set(found.values())):,} stories"
    )
    print(f"  story pass inside the cold ingest {story_pass:.2f} s (detection, rewrites, cache)")
    if multi is not None:
        print(f"  stories of more than one report: {multi}")
    print(f"  story work {share:.2f} s = {100 * share / ingest:.1f}% of the cold ingest (target <= 10%)")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sweep", action="store_true")
    parser.add_argument("--cost", type=int, metavar="N")
    args = parser.parse_args()
    if args.cost:
        cost(args.cost)
    else:
        evaluate(args.sweep)


if __name__ == "__main__":
    main()
