"""Fingerprints: short hashes of what an output is made from, equal exactly when it is."""

from __future__ import annotations

import hashlib
import marshal
from dataclasses import fields
from typing import Any

from briefing.config import Config

# marshal format 2 has no back-references, so equal data gives equal bytes.
MARSHAL_VERSION = 2


def fingerprint(shared: str, *parts: Any) -> str:
    """`parts` must be plain data (str, numbers, tuples, lists, dicts): what marshal takes."""
    digest = hashlib.sha256(shared.encode())
    digest.update(marshal.dumps(parts, MARSHAL_VERSION))
    return digest.hexdigest()[:24]


def config_key(config: Config) -> str:
    """Every setting that can change an output (not where the site lives)."""
    values = [getattr(config, f.name) for f in fields(config) if f.name not in {"root", "source_text"}]
    return repr(values)
