"""Property: whatever front matter and Markdown an entry holds, a build exits 0 or 1, never 2
(an internal error), and within a time bound per input (generous: a test, not a benchmark)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SECONDS = 30

MARKDOWN = "abc XYZ 123 []()!*_`#>-+=|:~\\<&;\"'\n\t"
YAML_VALUES = st.one_of(
    st.text(alphabet="abc Z9:-[]{}&*!|>'\"#%@,\n\\\x07", max_size=40),
    st.sampled_from(
        [
            "2024-02-30",
            "2024-03-01",
            "0001-01-01T00:00:00+05:00",
            "[a, b, *x]",
            "&x [a, *x]",
            "!!python/object:os.system ls",
            "{file: ../../etc/passwd.jpg}",
            "{file: images/x.jpg, alt: 3}",
            "- a\n  - b",
            "42",
            "null",
            "[" * 40 + "]" * 40,
            "~",
            "!!binary AAAA",
            "'\\x00'",
        ]
    ),
)
KEYS = st.sampled_from(
    ["title", "slug", "date", "tags", "entities", "summary", "image", "source", "story", "draft", "x"]
)
FRONT = st.lists(st.tuples(KEYS, YAML_VALUES), max_size=8)
BODY = st.text(alphabet=MARKDOWN, max_size=600)


def _entry(front: list[tuple[str, str]], body: str) -> str:
    lines = [f"{key}: {value}" for key, value in front]
    return "---\ntitle: Base\ndate: 2024-01-02\n" + "\n".join(lines) + "\n---\n\n" + body + "\n"


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(front=FRONT, body=BODY)
def test_any_entry_builds_or_fails_with_a_clear_error(tmp_path_factory, front, body):
    from briefing.cli import main

    root = Path(tmp_path_factory.mktemp("prop"))
    try:
        (root / "content").mkdir()
        (root / "content" / "e.md").write_text(_entry(front, body), encoding="utf-8")
        began = time.perf_counter()
        code = main(["build", "--site", str(root)])
        assert code in (0, 1), f"exit {code} for {front!r} / {body!r}"
        assert time.perf_counter() - began < SECONDS
    finally:
        shutil.rmtree(root, ignore_errors=True)
