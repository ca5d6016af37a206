"""Hangs in the report: every input is bounded, one line naming the file, exit 1, in seconds."""

from __future__ import annotations

import os
import time

import pytest
from safety_support import entry, one_error_line, small_site
from shared_support import run_cli

SECONDS = 60  # generous: a hang took minutes or ran out of memory

LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join(['*' + chr(97 + n)] * 10)}]\n" for n in range(8)
)


def _front(extra_yaml: str, body: str = "Body.\n") -> str:
    return f'---\ntitle: "Hostile"\nslug: hostile\ndate: 2024-03-01\n{extra_yaml}---\n\n{body}'


CASES = {
    "billion-laughs": _front(LAUGHS),
    "recursive-anchor": _front("loop: &loop [*loop]\n"),
    "deep-yaml": _front("deep: " + "[" * 10_000 + "]" * 10_000 + "\n"),
    "brackets": _front("", "[" * 50_000 + "\n"),
    "nested-lists": _front("", "".join("- " * n + "item\n" for n in (1, 10_000))),
    "nested-quotes": _front("", ">" * 10_000 + " quote\n"),
    "many-links": _front("", "[a](https://example.org/) " * 4000 + "\n"),
    "many-tags": _front("tags: [" + ", ".join(f"Tag {n}" for n in range(1000)) + "]\n"),
}


def _build_fails_fast(root, name_in_error: str) -> None:
    began = time.perf_counter()
    done = run_cli("build", "--site", str(root), timeout=SECONDS)
    assert time.perf_counter() - began < SECONDS
    assert done.code == 1, done.err
    assert name_in_error in one_error_line(done.err)


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_hostile_entry_is_refused_in_seconds(tmp_path, case):
    root = small_site(tmp_path / "site", 2)
    (root / "content" / "hostile.md").write_text(CASES[case])
    _build_fails_fast(root, "hostile.md")


def test_an_entry_over_the_size_limit_is_refused(tmp_path):
    root = small_site(tmp_path / "site", 2)
    big = root / "content" / "huge.md"
    big.write_text(entry(9))
    with big.open("r+b") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse: 100 MB without writing them
    _build_fails_fast(root, "huge.md")


def test_an_entry_that_is_a_symlink_to_a_device_is_refused(tmp_path):
    root = small_site(tmp_path / "site", 2)
    (root / "content" / "zero.md").symlink_to("/dev/zero")
    _build_fails_fast(root, "zero.md")


def test_an_entry_that_is_a_fifo_is_refused(tmp_path):
    root = small_site(tmp_path / "site", 2)
    os.mkfifo(root / "content" / "pipe.md")
    _build_fails_fast(root, "pipe.md")


def test_an_entry_linking_outside_the_site_is_not_followed(tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text(entry(5, "Secret"))
    root = small_site(tmp_path / "site", 2)
    (root / "content" / "leak.md").symlink_to(secret)
    _build_fails_fast(root, "leak.md")


def test_an_article_full_of_links_still_builds(tmp_path):
    # The link bound (quadratic Markdown) leaves room for a link roundup: 20 paragraphs of 50.
    paragraph = " ".join(f"[Report {n}](https://example.org/{n}) said so." for n in range(50))
    root = small_site(tmp_path / "site", 1)
    (root / "content" / "links.md").write_text(_front("", "\n\n".join([paragraph] * 20) + "\n"))
    done = run_cli("build", "--site", str(root), timeout=SECONDS)
    assert done.code == 0, done.err
