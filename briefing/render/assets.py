"""Static assets under names that change with their bytes: `assets/briefing.<hash>.css`.

A host (or CDN) may then cache stylesheets and scripts forever: a changed file is a new
URL, so no reader ever gets a new page with an old stylesheet. Pages ask for the plain
name (`url('assets/briefing.css')` in a template) and get the hashed one. Only CSS and
JavaScript are renamed: images, fonts and the favicon keep their names, so a stylesheet's
relative `url(...)` to a font and a host's default /favicon.svg keep working.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path, PurePosixPath

HASHED_SUFFIXES = (".css", ".js")
HASH_LENGTH = 10


def published_names(
    static: dict[str, Path], read: Callable[[Path], bytes] = Path.read_bytes
) -> dict[str, str]:
    """Theme path -> the path it is published at, for every static file of the theme
    (`read` is the theme's guarded reader: Theme.read)."""
    names = {}
    for file, source in static.items():
        path = PurePosixPath(file)
        if path.suffix in HASHED_SUFFIXES:
            digest = hashlib.sha256(read(source)).hexdigest()[:HASH_LENGTH]
            names[file] = str(path.with_name(f"{path.stem}.{digest}{path.suffix}"))
        else:
            names[file] = file
    return names
