"""The entity registry as ingest and build use it: loaded only when needed, and its fingerprint.

Outside briefing.entities on purpose: importing that package loads the tagger,
which a build that shows no aliases never needs.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.errors import ConfigError

if TYPE_CHECKING:
    from briefing.entities import Entity, Registry

_SHIPPED = Path(__file__).parent / "entities" / "data"
SITE_FILE = "entities.yml"  # briefing.entities.site_rules.FILENAME, without importing the tagger


def registry_fingerprint(root: Path) -> str:
    """Changes when the shipped entity data or the site's entities.yml does."""
    digest = hashlib.sha256()
    for path in sorted([*_SHIPPED.glob("*.yml"), *_SHIPPED.parent.glob("*.py"), root / SITE_FILE]):
        if path.is_file():
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise ConfigError(
                    f"cannot be read: {exc.strerror}", path, hint="check its permissions"
                ) from exc
            digest.update(path.name.encode() + b"\0" + data)
    return digest.hexdigest()[:20]


class LazyRegistry:
    """A site's registry, loaded on first use: many ingests and builds never need it."""

    def __init__(self, site_root: Path, registry: Registry | None = None) -> None:
        self.site_root, self._registry = site_root, registry

    def load(self) -> Registry:
        if self._registry is None:
            from briefing.entities import load_registry

            self._registry = load_registry(self.site_root)
        return self._registry

    def get(self, name: str) -> Entity | None:
        return self.load().get(name)
