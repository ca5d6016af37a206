"""Paths as the user typed them: relative to the working directory where that is shorter."""

from __future__ import annotations

import os
from pathlib import Path


def shown(path: Path) -> str:
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return relative if not relative.startswith(".." + os.sep + "..") else str(path)
