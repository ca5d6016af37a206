"""What Jinja's sandbox and the atomic commit cost, on a generated site.

    python bench/sandbox.py [N] [ROUNDS]     # default N = 10000, 3 rounds

Ingests N generated articles once, then alternates cold builds (public/ and the
build cache removed) with the sandbox on and off, and times a build after
editing one entry (which, since issue 13, links every unchanged file into the
staged site before the swap). Prints medians and the sandbox's cost in percent.
Each build runs the real command line in a fresh process.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402

# Runs the CLI with the sandbox switched as asked (a module flag, not a user setting).
_PROBE = """
import sys
import briefing.render.templates as templates
templates.SANDBOXED = sys.argv.pop(1) == "on"
from briefing.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _cpu() -> float:
    """CPU seconds of every finished child so far (the build and its workers)."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _run(site: Path, sandbox: str, *args: str, cpu: list[float] | None = None) -> float:
    began, cpu_began = time.perf_counter(), _cpu()
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, sandbox, *args, "--site", str(site)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    if done.returncode != 0:
        raise SystemExit(f"bench: {args} failed:\n{done.stdout}\n{done.stderr}")
    if cpu is not None:
        cpu.append(_cpu() - cpu_began)
    return time.perf_counter() - began


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    with tempfile.TemporaryDirectory(prefix=f"briefing-sandbox-{count}-") as tmp:
        site = Path(tmp)
        generate(count, site / "seeds")
        _run(site, "on", "ingest")
        times: dict[str, list[float]] = {"on": [], "off": []}
        cpu: dict[str, list[float]] = {"on": [], "off": []}
        for _ in range(rounds):
            for mode in ("off", "on"):
                shutil.rmtree(site / "public", ignore_errors=True)
                shutil.rmtree(site / ".briefing-cache", ignore_errors=True)
                times[mode].append(_run(site, mode, "build", cpu=cpu[mode]))
        entry = sorted((site / "content").glob("*.md"))[count // 2]
        edits = []
        for n in range(rounds):
            entry.write_text(entry.read_text().replace("\n---\n", f"\n---\n\nEdit {n}.\n", 1))
            edits.append(_run(site, "on", "build"))
        files = sum(1 for p in (site / "public").rglob("*") if p.is_file())
    off, on = statistics.median(times["off"]), statistics.median(times["on"])
    print(f"N = {count}, {rounds} rounds, load average {os.getloadavg()[0]:.1f}")
    print(f"cold build, sandbox off   median {off:6.2f} s   {times['off']}")
    print(f"cold build, sandbox on    median {on:6.2f} s   {times['on']}")
    print(f"sandbox cost              {100 * (on - off) / off:+.1f} %")
    # CPU time is what a busy machine disturbs least: wall time there mostly measures the others.
    cpu_off, cpu_on = statistics.median(cpu["off"]), statistics.median(cpu["on"])
    print(f"cold build CPU, off / on  median {cpu_off:6.2f} s / {cpu_on:6.2f} s")
    print(f"sandbox cost in CPU time  {100 * (cpu_on - cpu_off) / cpu_off:+.1f} %")
    print(f"build after one edit      median {statistics.median(edits):6.2f} s   ({files} files in public/)")


if __name__ == "__main__":
    main()
