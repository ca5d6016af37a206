"""Bad input stops the build with one line naming the file and line, exit 1, and public/ untouched."""

from __future__ import annotations

import re

import pytest
from sitecheck import (
    build,
    build_fails,
    build_in_process,
    clean_copy,
    copy_built,
    entry_md,
    run_in_process,
    snapshot,
    tree_differences,
    write_files,
)

GOOD = {"content/good.md": entry_md("good", "Good", "2024-03-01", tags=["Russia"])}


def fm(*lines: str, body: str = "Body.\n") -> str:
    return "\n".join(["---", *lines, "---", "", body])


# (id, files added to a one-entry site, file named, line or None, words the message must contain)
BAD_INPUTS = [
    (
        "yaml-syntax",
        {"content/bad.md": fm("title: Bad", "summary: a: b", "date: 2024-03-01")},
        "bad.md",
        3,
        "YAML",
    ),
    ("front-matter-a-list", {"content/bad.md": fm("- title", "- date")}, "bad.md", 2, "mapping"),
    ("front-matter-a-string", {"content/bad.md": fm("just words")}, "bad.md", 2, "mapping"),
    (
        "no-closing-fence",
        {"content/bad.md": "---\ntitle: Bad\ndate: 2024-03-01\n\nBody.\n"},
        "bad.md",
        1,
        "closing",
    ),
    ("no-front-matter", {"content/bad.md": "Just a body.\n"}, "bad.md", 1, "front matter"),
    ("date-not-a-date", {"content/bad.md": fm("title: Bad", "date: yesterday")}, "bad.md", 3, "date"),
    (
        "date-not-on-the-calendar",
        {"content/bad.md": fm("title: Bad", "date: 2024-13-45")},
        "bad.md",
        3,
        "2024-13-45",
    ),
    ("date-missing", {"content/bad.md": fm("title: Bad")}, "bad.md", None, "date"),
    (
        "date-out-of-range-after-zone",
        {"content/bad.md": fm("title: Bad", "date: 0001-01-01T00:00:00+05:00")},
        "bad.md",
        3,
        "date",
    ),
    ("title-missing", {"content/bad.md": fm("date: 2024-03-01")}, "bad.md", None, "title"),
    ("title-not-text", {"content/bad.md": fm("title: [a, b]", "date: 2024-03-01")}, "bad.md", 2, "title"),
    (
        "slug-climbs-out",
        {"content/bad.md": fm("title: Bad", "date: 2024-03-01", "slug: ../../x")},
        "bad.md",
        4,
        "slug",
    ),
    (
        "slug-absolute",
        {"content/bad.md": fm("title: Bad", "date: 2024-03-01", "slug: /abs")},
        "bad.md",
        4,
        "slug",
    ),
    # Both files are named: the second one found (good.md, line of its slug) and the first.
    (
        "slug-duplicate",
        {"content/bad.md": fm("title: Bad", "date: 2024-03-01", "slug: good")},
        "good.md",
        3,
        "bad.md",
    ),
    (
        "tags-not-strings",
        {"content/bad.md": fm("title: Bad", "date: 2024-03-01", "tags: [1, 2]")},
        "bad.md",
        4,
        "tags",
    ),
    (
        "tags-a-mapping",
        {"content/bad.md": fm("title: Bad", "date: 2024-03-01", "tags: {a: b}")},
        "bad.md",
        4,
        "tags",
    ),
    (
        "tags-nested-list",
        {"content/bad.md": fm("title: Bad", "date: 2024-03-01", "tags: [[a]]")},
        "bad.md",
        4,
        "tags",
    ),
    (
        "entities-not-a-mapping",
        {"content/bad.md": fm("title: Bad", "date: 2024-03-01", "entities: [x]")},
        "bad.md",
        4,
        "entities",
    ),
    (
        "image-not-a-mapping",
        {"content/bad.md": fm("title: Bad", "date: 2024-03-01", "image: photo.jpg")},
        "bad.md",
        4,
        "image",
    ),
    (
        "not-utf8",
        {"content/bad.md": b"---\ntitle: Bad\ndate: 2024-03-01\n---\n\n\xff\xfe body\n"},
        "bad.md",
        6,
        "UTF-8",
    ),
    (
        "template-syntax-error",
        {
            "themes/default/templates/entry.html": '{% extends "base.html" %}\n{% block main %}\n{% if %}\n{% endblock %}\n'
        },
        "entry.html",
        3,
        "syntax",
    ),
    (
        "template-undefined-variable",
        {
            "themes/default/templates/entry.html": '{% extends "base.html" %}\n{% block main %}\n\n{{ nope.x }}\n'
            "{% endblock %}\n"
        },
        "entry.html",
        4,
        "nope",
    ),
    (
        "template-undefined-attribute-in-tag-page",
        {
            "themes/default/templates/tag.html": '{% extends "base.html" %}\n{% block main %}\n'
            "{{ tag.nmae }}\n{% endblock %}\n"
        },
        "tag.html",
        3,
        "nmae",
    ),
    (
        "template-includes-a-missing-one",
        {
            "themes/default/templates/entry.html": '{% extends "base.html" %}\n{% block main %}\n'
            '{% include "nope.html" %}\n{% endblock %}\n'
        },
        "entry.html",
        3,
        "nope.html",
    ),
    (
        "template-extends-a-missing-one",
        {"themes/default/templates/entry.html": '{% extends "nobase.html" %}\n'},
        "entry.html",
        1,
        "nobase.html",
    ),
    (
        "template-runtime-error",
        {
            "themes/default/templates/entry.html": '{% extends "base.html" %}\n{% block main %}\n{{ 1 // 0 }}\n'
            "{% endblock %}\n"
        },
        "entry.html",
        3,
        "ZeroDivisionError",
    ),
    (
        "template-syntax-error-in-an-imported-one",
        {"themes/default/templates/macros.html": "{% macro card(item) %}\n{% if %}\n{% endmacro %}\n"},
        "macros.html",
        2,
        "syntax",
    ),
    (
        "template-not-utf8",
        {"themes/default/templates/entry.html": b"\xff\xfe{{ x }}\n"},
        "entry.html",
        None,
        "UTF-8",
    ),
    (
        "template-includes-one-not-utf8",
        {
            "themes/default/templates/entry.html": '{% extends "base.html" %}\n{% block main %}\n'
            '{% include "bad.html" %}\n{% endblock %}\n',
            "themes/default/templates/bad.html": b"\xff\xfe\n",
        },
        "entry.html",
        3,
        "UTF-8",
    ),
    ("config-not-toml", {"briefing.toml": 'title = "x"\npage_size = \n'}, "briefing.toml", 2, "TOML"),
    ("config-not-utf8", {"briefing.toml": b'title = "\xff"\n'}, "briefing.toml", None, "UTF-8"),
    (
        "config-wrong-type",
        {"briefing.toml": 'title = "x"\npage_size = "ten"\n'},
        "briefing.toml",
        2,
        "page_size",
    ),
    (
        "config-wrong-type-table",
        {"briefing.toml": 'title = "x"\n\n[page_size]\nsize = 1\n'},
        "briefing.toml",
        3,
        "page_size",
    ),
    ("config-bool-for-number", {"briefing.toml": "page_size = true\n"}, "briefing.toml", 1, "page_size"),
    ("config-page-size-zero", {"briefing.toml": "page_size = 0\n"}, "briefing.toml", 1, "page_size"),
    (
        "config-unknown-time-zone",
        {"briefing.toml": 'timezone = "Mars/Olympus"\n'},
        "briefing.toml",
        1,
        "Mars/Olympus",
    ),
    ("config-theme-missing", {"briefing.toml": 'theme = "nope"\n'}, "briefing.toml", 1, "nope"),
    ("config-base-url-not-a-url", {"briefing.toml": 'base_url = "digest"\n'}, "briefing.toml", 1, "base_url"),
]


@pytest.mark.parametrize(
    ("files", "named", "line", "words"),
    [case[1:] for case in BAD_INPUTS],
    ids=[case[0] for case in BAD_INPUTS],
)
def test_bad_input_gives_one_line_naming_the_file_and_exit_1(site, files, named, line, words):
    root = site({**GOOD, **files})
    run = build_fails(root, in_process=True)
    message = run.err.strip()
    assert message.startswith("error: "), message
    assert "internal error" not in message
    assert words in message
    if line is None:
        assert re.search(rf"\b{re.escape(named)}: ", message), f"{named} is not named: {message}"
    else:
        assert re.search(rf"\b{re.escape(named)}:{line}: ", message), (
            f"{named}:{line} is not named: {message}"
        )
    assert not (root / "public").exists(), "a failed first build must not create public/"


@pytest.mark.parametrize(
    "case", ["yaml-syntax", "template-runtime-error", "config-wrong-type", "date-out-of-range-after-zone"]
)
def test_bad_input_from_the_command_line_is_one_line_without_traceback(site, case):
    """The cases above run main() in-process for speed; these run the command itself."""
    files, named, line, words = next(c[1:] for c in BAD_INPUTS if c[0] == case)
    run = build_fails(site({**GOOD, **files}))
    assert f"{named}:{line}: " in run.err and words in run.err


def test_bad_base_url_on_the_command_line_is_one_line(site):
    root = site(GOOD)
    run = build_fails(root, "--base-url", "ftp://example.org/")
    assert "--base-url" in run.err


def test_several_bad_entries_are_each_named_once(site):
    root = site({**GOOD, "content/a.md": fm("date: 2024-03-01"), "content/b.md": fm("title: B")})
    run = run_in_process(root)
    assert run.code == 1
    assert "Traceback" not in run.err
    named = [line for line in run.err.splitlines() if line.strip()]
    assert len(named) == 2
    assert any("a.md" in line for line in named) and any("b.md" in line for line in named)


def test_unknown_config_key_is_a_warning_naming_it_and_the_build_succeeds(site):
    root = site({**GOOD, "briefing.toml": 'title = "x"\npagesize = 5\nbase_url = "https://example.org/"\n'})
    run = build(root)
    warnings = [line for line in run.err.splitlines() if line.strip()]
    assert len(warnings) == 1
    assert warnings[0].startswith("warning:")
    assert "'pagesize'" in warnings[0] and "briefing.toml:2" in warnings[0]
    assert (root / "public/briefings/good/index.html").is_file()


def test_a_missing_site_folder_is_one_line(tmp_path):
    run = build_fails(tmp_path / "nowhere")
    assert "nowhere" in run.err


# -- atomic ---------------------------------------------------------------------------

BAD_EDITS = {
    "bad-yaml": {"content/alpha.md": fm("title: Alpha", "summary: a: b", "date: 2024-03-01")},
    "new-entry-without-title": {"content/new.md": fm("date: 2024-05-01")},
    "template-error-on-tag-pages-only": {
        "themes/default/templates/tag.html": '{% extends "base.html" %}\n{% block main %}{{ tag.nmae }}'
        "{% endblock %}\n"
    },
    "template-syntax-error": {"themes/default/templates/entry.html": "{% if %}\n"},
    "config-not-toml": {"briefing.toml": "title = \n"},
    "duplicate-slug": {"content/zulu.md": entry_md("alpha", "Zulu", "2024-05-01")},
}


@pytest.mark.parametrize("edit", list(BAD_EDITS))
def test_a_failed_build_leaves_the_last_good_public_folder_as_it_was(small, edit, tmp_path):
    root = copy_built(small.root, tmp_path / "site")
    before = snapshot(root / "public")
    write_files(root, BAD_EDITS[edit])
    build_fails(root)
    after = snapshot(root / "public")
    assert sorted(after) == sorted(before)
    assert [name for name in before if before[name] != after[name]] == []
    assert not any(p.name.endswith((".tmp", ".part")) for p in (root / "public").rglob("*"))


def test_after_a_failed_build_the_next_good_build_equals_a_clean_one(small, tmp_path):
    root = copy_built(small.root, tmp_path / "site")
    write_files(root, BAD_EDITS["template-error-on-tag-pages-only"])
    build_fails(root)
    (root / "themes/default/templates/tag.html").unlink()
    write_files(root, {"content/echo.md": entry_md("echo", "Echo", "2024-05-01", tags=["Russia"])})
    build(root)
    clean = clean_copy(root, tmp_path / "clean")
    build_in_process(clean)
    assert tree_differences(root / "public", clean / "public") == []
