"""Fingerprints of inputs that are not content files: the entity registry's data."""

from __future__ import annotations

import hashlib
from pathlib import Path

_SHIPPED = Path(__file__).parent / "entities" / "data"
SITE_FILE = "entities.yml"  # briefing.entities.site.FILENAME, without importing the tagger


def registry_fingerprint(root: Path) -> str:
    """Changes when the shipped entity data or the site's entities.yml does."""
    digest = hashlib.sha256()
    for path in sorted([*_SHIPPED.glob("*.yml"), *_SHIPPED.parent.glob("*.py"), root / SITE_FILE]):
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:20]
