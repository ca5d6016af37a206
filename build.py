"""The main job: ingest seeds/ into content/, then build public/.

    python build.py [--site DIR] [--base-url URL]

Equivalent to `briefing ingest && briefing build`; a failed seed is reported
and the build still runs on the entries that are good.
"""

from __future__ import annotations

import sys

from briefing.cli import main

if __name__ == "__main__":
    args = sys.argv[1:]
    site = [
        a
        for i, a in enumerate(args)
        if a in {"--site", "--debug", "--strict"}
        or a.startswith("--site=")
        or (i and args[i - 1] == "--site")
    ]
    ingest_status = main(["ingest", *site])
    build_status = main(["build", *args])
    sys.exit(build_status or ingest_status)
