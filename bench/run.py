"""Benchmark ingest and build on generated sites of 1,000 and 10,000 articles.

    python bench/run.py            # N = 1000 and 10000
    python bench/run.py 2000       # other sizes

Prints one table per size: each step's wall time, peak memory (largest RSS of
the process and its workers), files written and files per second. Each step
runs the real command line in a fresh process, as a user would.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import article, generate  # noqa: E402

# Runs one command in-process and reports its time and peak RSS (self and children).
_PROBE = """
import json, resource, sys, time
from briefing.cli import main
started = time.perf_counter()
status = main(sys.argv[1:])
seconds = time.perf_counter() - started
peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
           resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({"status": status, "seconds": seconds, "rss_mb": peak / 1024}), file=sys.stderr)
"""


def step(site: Path, *args: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *args, "--site", str(site)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    result = json.loads(done.stderr.strip().splitlines()[-1])
    if result["status"] != 0:
        raise SystemExit(f"bench: {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    written = re.search(r"\((\d+) written", done.stdout) or re.search(r"(\d+) new", done.stdout)
    result["written"] = int(written.group(1)) if written else 0
    return result


def run(count: int) -> list[tuple[str, dict]]:
    rows = []
    with tempfile.TemporaryDirectory(prefix=f"briefing-bench-{count}-") as tmp:
        # BENCH_KEEP=DIR keeps the site in DIR/site-N (for a look at its output afterwards).
        keep = os.environ.get("BENCH_KEEP")
        site = Path(keep) / f"site-{count}" if keep else Path(tmp)
        generate(count, site / "seeds")
        rows.append(("cold ingest", step(site, "ingest")))
        rows.append(("re-ingest, nothing changed", step(site, "ingest")))
        rows.append(("cold build", step(site, "build")))
        rows.append(("build, nothing changed", step(site, "build")))
        entry = sorted((site / "content").glob("*.md"))[count // 2]
        text = entry.read_text(encoding="utf-8")
        entry.write_text(text.replace("Officials said", "Officials confirmed", 1), encoding="utf-8")
        rows.append(("build after editing one entry", step(site, "build")))
        (site / "seeds" / "zz-new.txt").write_text(
            article(__import__("random").Random(1), count, __import__("datetime").date(2025, 6, 1)),
            encoding="utf-8",
        )
        ingest = step(site, "ingest")
        build = step(site, "build")
        rows.append(
            (
                "add one seed: ingest + build",
                {
                    "seconds": ingest["seconds"] + build["seconds"],
                    "rss_mb": max(ingest["rss_mb"], build["rss_mb"]),
                    "written": build["written"],
                },
            )
        )
    return rows


def table(count: int, rows: list[tuple[str, dict]]) -> str:
    lines = [
        f"N = {count:,} articles ({os.cpu_count()} cores, Python {sys.version.split()[0]})",
        f"{'step':<32} {'seconds':>8} {'peak MB':>8} {'written':>8} {'files/s':>9}",
    ]
    for name, r in rows:
        rate = r["written"] / r["seconds"] if r["seconds"] and r["written"] else 0
        lines.append(f"{name:<32} {r['seconds']:>8.2f} {r['rss_mb']:>8.0f} {r['written']:>8} {rate:>9.0f}")
    return "\n".join(lines)


if __name__ == "__main__":
    sizes = [int(a) for a in sys.argv[1:]] or [1000, 10000]
    results = {}
    for size in sizes:
        rows = run(size)
        results[size] = rows
        print(table(size, rows), flush=True)
        print(flush=True)
    if len(sizes) == 2 and sizes[1] == 10 * sizes[0]:
        for name in ("cold ingest", "cold build"):
            small = dict(results[sizes[0]])[name]["seconds"]
            large = dict(results[sizes[1]])[name]["seconds"]
            print(f"{name} scaling {sizes[0]:,} -> {sizes[1]:,}: {large / small:.1f}x (target <= 11x)")
