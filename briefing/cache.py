"""What the last build knew, so the next one redoes only what changed.

One marshal file in `.briefing-cache/`: parsed entries keyed by file stat,
rendered bodies keyed by content hash, and each output file's fingerprint.
Safe to delete; a damaged or foreign one is dropped with a warning.
"""

from __future__ import annotations

import logging
import marshal
import os
from dataclasses import dataclass, field
from pathlib import Path

import briefing

log = logging.getLogger("briefing")

_NAME = "state.marshal"
# marshal format 2 has no back-references, so equal data gives equal bytes.
MARSHAL_VERSION = 2


@dataclass
class BuildCache:
    entries: dict[str, tuple] = field(default_factory=dict)  # file -> (stat key, record)
    bodies: dict[str, str] = field(default_factory=dict)  # body hash -> HTML
    outputs: dict[str, tuple[str, int, int]] = field(default_factory=dict)  # file -> (key, size, mtime_ns)
    terms: dict[str, tuple[str, str]] = field(default_factory=dict)  # entry digest -> search terms
    inputs: str = ""  # fingerprint of everything the last build read


def load_cache(cache_dir: Path) -> BuildCache:
    path = cache_dir / _NAME
    if not path.exists():
        return BuildCache()
    try:
        data = marshal.loads(path.read_bytes())
        if data.get("version") != briefing.__version__:
            return BuildCache()
        return BuildCache(entries=data["entries"], bodies=data["bodies"],
                          outputs=data["outputs"], terms=data["terms"], inputs=data["inputs"])
    except (OSError, EOFError, ValueError, TypeError, KeyError, AttributeError) as exc:
        log.warning("%s: build cache is damaged (%s); rebuilding everything", path, exc)
        return BuildCache()


def save_cache(cache_dir: Path, cache: BuildCache) -> None:
    cache_dir.mkdir(parents=True, exist_ok=True)
    payload = marshal.dumps({"version": briefing.__version__, "entries": cache.entries,
                             "bodies": cache.bodies, "outputs": cache.outputs,
                             "terms": cache.terms, "inputs": cache.inputs}, MARSHAL_VERSION)
    tmp = cache_dir / (_NAME + ".tmp")
    tmp.write_bytes(payload)
    os.replace(tmp, cache_dir / _NAME)
