"""Benchmark the search index and page: size, query time and files fetched, and quality.

    python bench/search.py                # generated sites of 1,000 and 10,000 articles
    python bench/search.py 2000           # other sizes
    python bench/search.py --quality      # only the labelled query set
    python bench/search.py --sites DIR --prepare   # generate and ingest into DIR/1000, DIR/10000
    python bench/search.py --sites DIR             # then build and measure those (under the lock)

For each size: the index's size by kind of file, the largest file, then in a real
Chromium (Debian's /usr/bin/chromium through Playwright) each query's time from
loading search/?q= to its results shown, the files it fetched and their bytes (first
query in a fresh browser context: nothing cached), and how many search files one
edited word rewrites. Then the labelled query set (bench/search_corpus.py) on its
own site: recall@10 and MRR per class. Run it under `flock /work/bench.lock` and quote
`uptime` beside the figures: on a shared machine they are noisy.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))  # webtools.py: Chromium and a local server
from generate import generate  # noqa: E402
from search_corpus import DOCS, QUERIES, scores, site_files  # noqa: E402
from searching import SearchPage  # noqa: E402
from webtools import chromium, fresh_page, http_folder  # noqa: E402

# What an analyst types on a generated site: a plain word, a plural, a British spelling,
# a phrase and a prefix being typed; `timed_set` adds the site's most tagged entities.
WORDS = ["contract", "missiles", "modernisation", '"due within eighteen months"', "procure"]


def timed_set(site: Path) -> list[str]:
    """WORDS plus the most tagged country, that country with the top weapon system, and two
    typos of the most tagged person's surname: two letters swapped (found in its own shard)
    and a wrong first letter (found through the typo lists)."""
    import yaml

    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for path in sorted((site / "content").glob("*.md")):
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1])
        for group, names in (front.get("entities") or {}).items():
            for name in names or ():
                counts[group][name] += 1

    def top(group: str) -> str:
        return max(sorted(counts[group]), key=lambda n: counts[group][n])

    country, weapon = top("countries"), top("weapon_systems")
    surnames = {
        n: c for n, c in counts["people"].items() if n.split()[-1].isalpha() and len(n.split()[-1]) >= 6
    }
    person = max(sorted(surnames), key=lambda n: surnames[n]).split()[-1] if surnames else "Erdogan"
    typo = person[:2] + person[3] + person[2] + person[4:]  # two letters swapped
    first = ("Q" if person[0] not in "Qq" else "X") + person[1:]  # a wrong first letter
    return [country, f"{weapon} {country}", typo, first, *WORDS]


def briefing(site: Path, *args: str) -> float:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "briefing", *args, "--site", str(site)], capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(f"bench: briefing {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return time.perf_counter() - started


def kind_of(path: Path, root: Path) -> str:
    parts = path.relative_to(root).parts
    if parts[0] == "terms":
        return "terms (pairs)" if parts[1].startswith("p") and parts[1][1:-5].isdigit() else "terms (words)"
    return parts[0] if len(parts) > 1 else path.name


def index_size(public: Path) -> None:
    root = public / "search"
    by_kind: dict[str, list[int]] = defaultdict(list)
    largest = (0, "")
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.name != "index.html":
            size = path.stat().st_size
            by_kind[kind_of(path, root)].append(size)
            largest = max(largest, (size, str(path.relative_to(public))))
    total = sum(sum(v) for v in by_kind.values())
    files = sum(len(v) for v in by_kind.values())
    print(f"  index: {total / 1e6:.1f} MB in {files} files; largest {largest[1]} {largest[0] / 1e3:.0f} kB")
    for kind, sizes in sorted(by_kind.items()):
        print(
            f"    {kind:<16} {sum(sizes) / 1e6:7.2f} MB  {len(sizes):5d} files"
            f"  median {statistics.median(sizes) / 1e3:6.1f} kB  max {max(sizes) / 1e3:6.1f} kB"
        )


def timed_queries(public: Path, queries: list[str], rounds: int = 3) -> None:
    with http_folder(public) as url, chromium() as browser:
        print(f"  {'query':<16} {'ms (median)':>11} {'files':>6} {'kB':>7}  results")
        for query in queries:
            times, fetched, size, status = [], 0, 0, ""
            for _ in range(rounds):
                with fresh_page(browser) as page:
                    search = SearchPage(page, url + "search/")
                    sizes: list[int] = []
                    page.on(
                        "response",
                        lambda r, sizes=sizes: (
                            sizes.append(int(r.headers.get("content-length", 0)))
                            if "/search/" in r.url and not r.url.endswith(("/search/", ".js"))
                            else None
                        ),
                    )
                    search.open()  # the page and its script, before the query is timed
                    sizes.clear()
                    started = time.perf_counter()
                    page.evaluate(
                        "q => { const i = document.querySelector('#search-input'); i.value = q;"
                        " i.form.requestSubmit(); }",
                        query,
                    )
                    search.wait(query)
                    times.append((time.perf_counter() - started) * 1000)
                    fetched, size = len(sizes), sum(sizes)
                    status = search.text("#search-status").split(";")[0].split(".")[0]
                    if search.failures or search.errors:
                        raise SystemExit(f"bench: {query!r}: {search.failures} {search.errors}")
            print(f"  {query:<16} {statistics.median(times):11.0f} {fetched:6d} {size / 1e3:7.1f}  {status}")


def edit_one_word(site: Path) -> None:
    """Change one body word of one entry; count the search files the next build rewrites."""
    entry = sorted((site / "content").glob("*.md"))[len(list((site / "content").glob("*.md"))) // 2]
    before = {p: p.stat().st_mtime_ns for p in (site / "public" / "search").rglob("*.json")}
    text = entry.read_text(encoding="utf-8")
    entry.write_text(text.rstrip("\n") + "\n\nZanzibarian quokkas were also reported.\n", encoding="utf-8")
    seconds = briefing(site, "build")
    after = {p: p.stat().st_mtime_ns for p in (site / "public" / "search").rglob("*.json")}
    rewritten = sorted(str(p.relative_to(site / "public")) for p in after if before.get(p) != after[p])
    print(
        f"  one added sentence: build {seconds:.1f} s, search files rewritten: {len(rewritten)} {rewritten}"
    )


def size_run(count: int, sites: Path | None) -> None:
    with tempfile.TemporaryDirectory(prefix=f"briefing-search-{count}-") as tmp:
        site = Path(tmp)
        if sites is not None and (sites / str(count) / "content").is_dir():
            # A site generated and ingested beforehand (`--prepare`); built cold here.
            shutil.copytree(sites / str(count) / "content", site / "content")
        else:
            generate(count, site / "seeds")
            briefing(site, "ingest")
        build = briefing(site, "build")
        print(f"\n{count} entries (cold build {build:.1f} s)")
        index_size(site / "public")
        timed_queries(site / "public", timed_set(site))
        edit_one_word(site)


def prepare(sites: Path, counts: list[int]) -> None:
    """Generate and ingest the sites, so a run under the bench lock only builds and measures."""
    for count in counts:
        site, work = sites / str(count), sites / f"{count}.partial"
        if not (site / "content").is_dir():
            shutil.rmtree(work, ignore_errors=True)
            generate(count, work / "seeds")
            briefing(work, "ingest")
            work.rename(site)  # whole or absent: a measuring run never sees half a site


def quality() -> None:
    with tempfile.TemporaryDirectory(prefix="briefing-search-quality-") as tmp:
        site = Path(tmp)
        for name, text in site_files().items():
            (site / name).parent.mkdir(parents=True, exist_ok=True)
            (site / name).write_text(text, encoding="utf-8")
        briefing(site, "build")
        with http_folder(site / "public") as url, chromium() as browser, fresh_page(browser) as page:
            search = SearchPage(page, url + "search/")
            ranked = {}
            for query in QUERIES:
                search.open(query.text)
                ranked[query.text] = search.slugs()
        print(f"\nlabelled query set ({len(QUERIES)} queries on {len(DOCS)} briefings)")
        print(f"  {'class':<12} {'queries':>7} {'recall@10':>9} {'MRR':>6}")
        for kind, (recall, mrr, n) in sorted(scores(ranked).items()):
            print(f"  {kind:<12} {n:7d} {recall:9.2f} {mrr:6.2f}")
        misses = {
            q.text: ranked[q.text][:3]
            for q in QUERIES
            if not (q.relevant if not q.first else {q.first}) <= set(ranked[q.text][:10])
        }
        if misses:
            print("  missed: " + json.dumps(misses, ensure_ascii=False))


def main(argv: list[str]) -> None:
    sites = Path(argv[argv.index("--sites") + 1]) if "--sites" in argv else None
    counts = [int(a) for a in argv if a.isdigit()] or [1000, 10000]
    if "--prepare" in argv and sites is not None:
        prepare(sites, counts)
        return
    print(subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    if "--quality" not in argv:
        for count in counts:
            size_run(count, sites)
    quality()
    print(subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())


if __name__ == "__main__":
    main(sys.argv[1:])
