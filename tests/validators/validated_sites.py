"""The sites the validator tests check (issue 8): the sample site and a hostile one, each built
at the root of https://example.org/ and under https://example.org/digest/.

Each output is laid out as a static host would serve it: `host` is the document root, and the
site is `host` itself or `host/digest/`. Checkers then resolve the site's absolute links
(https://example.org/...) to files under `host`, and the HTTP tests serve `host`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ORIGIN = "https://example.org/"
BASES = {"root": ORIGIN, "sub": ORIGIN + "digest/"}
SAMPLE_WORDS = ("Growler", "Triumph")
SAMPLE_SLUG = "russian-s-400-air-defense-missile-joint-production-with-turkey"

# The hostile strings of issue 8; each must reach readers as these very characters, as text.
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
JS_LINK = "javascript:alert(1)"
HOSTILE_STRINGS = (SCRIPT, IMG)

HOSTILE_SEED = f"""Drone strike {IMG} {SCRIPT} near Kharkiv
2024-03-01

The ministry said {SCRIPT} the Growler radar was hit; see [details]({JS_LINK}) and \
<a href="{JS_LINK}">this link</a> or <{JS_LINK}> for more.

Launcher at dawn {IMG}
A launcher {SCRIPT} {IMG} at dawn (Picture source: <b>Agency</b> Press)

Officials added that {JS_LINK} was not an address, and <iframe src="{JS_LINK}"></iframe> nothing more.
"""

HOSTILE_ENTRY = f"""---
title: 'Editor {IMG} {SCRIPT} note'
date: 2024-03-02
tags: ['{SCRIPT}', 'Air defence']
summary: 'Summary {IMG} {SCRIPT}'
image:
  alt: 'alt {IMG}'
  caption: 'caption {SCRIPT} {IMG}'
  credit: 'credit {SCRIPT}'
---
Raw HTML in the body, off by default: {SCRIPT} and <img src=x onerror=alert(1)> inline.

A [markdown link]({JS_LINK}), an <a href="{JS_LINK}">HTML link</a>, an autolink <{JS_LINK}>,
a [reference link][r], ![an image]({JS_LINK}) and [spaced]( javascript:alert(1) ).

<div onclick="alert(1)">a block of HTML</div>

<script>alert(1)</script>

[r]: {JS_LINK}
"""

PLAIN_ENTRY = """---
title: Air defence drills in the north
date: 2024-03-03
tags: [Air defence]
---
A plain entry that shares a tag with the hostile one, so tag pages, feeds and related
briefings list hostile titles next to ordinary ones.
"""

HOSTILE_FILES = {
    "briefing.toml": f"title = 'Hostile {IMG} Digest'\ndescription = 'Tests {SCRIPT} escaping.'\n",
    "seeds/hostile.txt": HOSTILE_SEED,
    "content/editor-entry.md": HOSTILE_ENTRY,
    "content/plain-entry.md": PLAIN_ENTRY,
}


@dataclass(frozen=True)
class Entry:
    title: str
    slug: str
    tags: tuple[str, ...]


@dataclass(frozen=True)
class Output:
    """One built site as published: `public` is what `briefing build` wrote, at its place under `host`."""

    name: str
    variant: str
    host: Path
    entries: tuple[Entry, ...]

    @property
    def base_url(self) -> str:
        return BASES[self.variant]

    @property
    def base_path(self) -> str:
        return "/" + self.base_url.removeprefix(ORIGIN)

    @property
    def public(self) -> Path:
        return self.host / self.base_path.strip("/")

    @property
    def id(self) -> str:
        return f"{self.name}-{self.variant}"

    def local(self, url: str) -> Path:
        """The file a site URL (absolute, on ORIGIN) is served from."""
        assert url.startswith(ORIGIN), url
        path = self.host / url.removeprefix(ORIGIN).split("#")[0]
        return path / "index.html" if url.split("#")[0].endswith("/") else path


OUTPUT_IDS = [f"{name}-{variant}" for name in ("sample", "hostile") for variant in BASES]


def cli(root: Path, *args: str) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [sys.executable, "-m", "briefing", *args, "--site", str(root)],
        cwd=root,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, f"briefing {' '.join(args)} failed:\n{done.stdout}{done.stderr}"
    return done


def read_entries(root: Path) -> tuple[Entry, ...]:
    """What content/ holds, read the plain way (YAML front matter), to know what to expect."""
    entries = []
    for path in sorted((root / "content").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        front = yaml.safe_load(text.split("---", 2)[1])
        entries.append(
            Entry(
                str(front["title"]),
                str(front.get("slug") or path.stem),
                tuple(str(tag) for tag in front.get("tags") or ()),
            )
        )
    return tuple(entries)


def build_outputs(root: Path, name: str, into: Path) -> dict[str, Output]:
    """Ingest, then build once per base URL, keeping each build's public/ where a host would have it."""
    cli(root, "ingest")
    entries = read_entries(root)
    outputs = {}
    for variant, base_url in BASES.items():
        cli(root, "build", "--base-url", base_url)
        output = Output(name, variant, into / f"{name}-{variant}", entries)
        shutil.copytree(root / "public", output.public)
        outputs[output.id] = output
    return outputs
