"""Arbitrary input: only the expected, user-facing exceptions, and no writes outside content/."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from briefing.config import Config
from briefing.entries.read import read_entry, split_entry
from briefing.errors import BriefingError, ContentError
from briefing.ingest import ingest_site
from briefing.ingest.decode import NotText, decode_seed
from briefing.ingest.parse import SeedFormatError, parse_seed

MODEST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Seed-like text: lines built from the pieces real seeds (and broken ones) are made of.
LINE_PARTS = st.sampled_from(
    [
        "Title",
        "12 March 2024",
        "Published: 2024-02-30",
        "(Picture source: X)",
        "(Photo credit: )",
        "925 001",
        "S-400",
        " ",
        "  ",
        "\t",
        "é",
        "“",
        "’",
        "*",
        "#",
        "> ",
        "1. ",
        ":",
        "~~~",
        "<b>",
        "&amp;",
        "\u00a0",
        "\ufeff",
        "\u200b",
        "\x0b",
        "\x1f",
        "\r",
        "x" * 120,
        "Gen.",
        "U.S.",
        ".",
        "?",
        "(",
        ")",
    ]
)
seed_lines = st.lists(st.lists(LINE_PARTS, max_size=8).map("".join), max_size=12).map("\n".join)
seed_text = st.one_of(st.text(max_size=600), seed_lines)


@MODEST
@given(seed_text)
@example("")
@example("12 March 2024")
@example("12 March 2024\n\n\n")
@example("x" * 301 + "\n\nBody.")
@example("Title\n\nAlt\nCaption (Picture source: )\n\nBody")
def test_parse_seed_returns_an_article_or_a_format_error(text):
    try:
        article = parse_seed(text)
    except SeedFormatError as error:
        assert str(error)
        return
    assert article.title and "\n" not in article.title and article.title == article.title.strip()
    assert len(article.title) <= 200
    assert article.paragraphs and all(p and "\n" not in p and p == p.strip() for p in article.paragraphs)
    if article.image is not None:
        for value in (article.image.alt, article.image.caption, article.image.credit):
            assert "\n" not in value and value == value.strip()
        assert "(" not in article.image.credit and ")" not in article.image.credit


@MODEST
@given(
    st.one_of(
        st.binary(max_size=2000),
        seed_text.map(lambda t: t.encode("utf-8")),
        seed_text.map(lambda t: t.encode("cp1252", errors="replace")),
    )
)
@example(b"\xef\xbb\xbf")
@example(b"\xff\xfe")
@example(b"\xfe\xff\x00")
@example(b"\x00")
def test_decode_seed_returns_clean_text_or_not_text(data):
    try:
        text = decode_seed(data)
    except NotText as error:
        assert str(error)
        return
    assert isinstance(text, str)
    assert "\r" not in text and "\ufeff" not in text and "\x00" not in text
    assert all(line == line.rstrip() for line in text.split("\n"))


FRONT_MATTER_LINES = st.sampled_from(
    [
        "title: x",
        "date: 2024-13-45",
        "date: 2024-02-30T10:00:00Z",
        "a: !!timestamp soon",
        "a: !!bool maybe",
        "a: !!int x",
        "a: !!float x",
        "a: !!binary ###",
        "a: !!python/object:os.system x",
        "? [a]\n: b",
        "a: *nope",
        "a: &x [*x]",
        "- list",
        "a: [",
        "a: '",
        "tags: [a, b]",
        "{",
        "a: 1\na: 2",
        "---",
        "...",
        "a: !!set {x}",
        "a: !!omap [x]",
        "a: !!pairs 3",
        "a: !!str",
        "a: %",
        "a:\tb",
        "\x00",
        "a: \x85",
        "a: " + "[" * 200,
        "a: 0x1F",
        "a: .inf",
        "a: ~",
        "ingest_hash: 0123456789abcdef",
    ]
)
entry_text = st.one_of(
    st.text(max_size=400),
    st.tuples(st.lists(FRONT_MATTER_LINES, max_size=6), st.text(max_size=60)).map(
        lambda parts: "---\n" + "\n".join(parts[0]) + "\n---\n" + parts[1]
    ),
    st.text(max_size=300).map(lambda t: f"---\n{t}\n---\nbody\n"),
)


@MODEST
@given(entry_text)
@example("---\ndate: 2024-13-45\n---\n")
@example("---\na: !!timestamp soon\n---\n")
@example("---\na: " + "[" * 20000 + "\n---\n")
@example("\ufeff---\r\ntitle: x\r\n---\r\nbody")
def test_split_entry_returns_a_mapping_or_a_content_error(text):
    try:
        metadata, body, line = split_entry(text, "content/x.md")
    except ContentError as error:
        message = str(error)
        assert message.startswith("content/x.md")
        assert "\n" not in message
        return
    assert isinstance(metadata, dict)
    assert isinstance(body, str) and body.endswith("\n")
    assert line >= 3


@MODEST
@given(st.binary(max_size=300))
def test_read_entry_on_any_bytes_raises_only_content_error(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.md"
        path.write_bytes(data)
        try:
            metadata, _body, _line, text = read_entry(path)
        except ContentError as error:
            assert "x.md" in str(error) and "\n" not in str(error)
            return
        assert isinstance(metadata, dict)
        assert text.encode("utf-8") == data


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(
        st.sampled_from(["a.txt", "b c.txt", "é.txt", "..txt", "-.txt", "x.TXT.txt"]),
        st.one_of(st.binary(max_size=600), seed_text.map(lambda t: t.encode("utf-8"))),
        min_size=1,
        max_size=3,
    )
)
@example({"a.txt": b"../../etc/passwd\n\nBody.", "b c.txt": b"../../etc/passwd\n\nBody."})
@example({"a.txt": b"/tmp/evil\n\nBody."})
@example({"a.txt": b"..\n\nBody."})
def test_ingest_of_any_seed_bytes_writes_only_entries_in_content(registry, files):
    with tempfile.TemporaryDirectory() as folder:
        outer = Path(folder)
        root = outer / "site"
        (root / "seeds").mkdir(parents=True)
        for name, data in files.items():
            (root / "seeds" / name).write_bytes(data)
        before = _snapshot(outer)

        report = ingest_site(Config(root=root), registry=registry)  # only BriefingError is caught inside

        after = _snapshot(outer)
        written = {name: data for name, data in after.items() if name not in before or before[name] != data}
        assert all(
            (name.startswith("site/content/") and name.endswith(".md") and name.count("/") == 2)
            or name
            in {
                "site/.briefing-cache/ingest.marshal",
                "site/.briefing-cache/stories.marshal",
                "site/.briefing-cache/entities-site.marshal",
            }
            for name in written
        ), sorted(written)
        assert {name for name in before if name not in after} == set()  # nothing deleted
        visible = [name for name in files if not name.startswith(".")]  # hidden files are not seeds
        assert len(report.new) + len(report.failed) == len(visible)
        assert all(isinstance(error, BriefingError) for error in report.failed)
        for path in report.new:
            metadata, _body, _line, _text = read_entry(path)
            article = parse_seed(decode_seed(files[metadata["seed"]]))
            assert metadata["title"] == article.title  # the YAML round trip loses nothing
            assert metadata["slug"] == path.stem

        again = ingest_site(Config(root=root), registry=registry)
        assert _snapshot(outer) == after
        assert len(again.unchanged) == len(report.new)


@pytest.mark.parametrize("text", ["---\ndate: 2024-13-45\n---\n\nBody.\n", "---\nx: !!bool maybe\n---\n"])
def test_yaml_value_errors_name_the_line(text):
    with pytest.raises(ContentError) as caught:
        split_entry(text, "content/x.md")
    assert caught.value.line == 2
