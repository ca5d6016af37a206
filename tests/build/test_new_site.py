"""`briefing new DIR` (issue 9): a working site (config, seeds/ with a sample, an entities file,
a theme override folder) whose first build passes, as `hugo new site` gives one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from reading import briefing, links, must, page, text, write_files

SAMPLE_TITLE = "Norway orders additional NASAMS air defence batteries"


def snapshot(folder: Path) -> dict[str, bytes | None]:
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes() if p.is_file() else None)
        for p in sorted(folder.rglob("*"))
    }


@pytest.fixture(scope="module")
def started(tmp_path_factory) -> Path:
    """`briefing new my-digest`, then `briefing ingest` and `briefing build` inside it, as typed."""
    parent = tmp_path_factory.mktemp("empty")
    made = must(briefing("new", "my-digest", cwd=parent), "new")
    assert "my-digest" in made.out
    root = parent / "my-digest"
    must(briefing("ingest", cwd=root), "ingest")
    must(briefing("build", cwd=root), "build")
    return root


def test_new_creates_config_sample_seed_entities_file_and_theme_folder(started):
    assert (started / "briefing.toml").is_file()
    assert len(list((started / "seeds").glob("*.txt"))) == 1
    entities = started / "entities.yml"
    assert entities.is_file()
    assert yaml.safe_load(entities.read_text(encoding="utf-8")) in (None, {})  # empty: comments only
    assert (started / "themes" / "default" / "templates").is_dir()
    assert (started / "themes" / "default" / "static").is_dir()


def test_the_samples_entry_page_is_built_and_linked_from_the_front_page(started):
    public = started / "public"
    (entry,) = list((started / "content").glob("*.md"))
    slug = yaml.safe_load(entry.read_text(encoding="utf-8").split("---")[1])["slug"]
    doc = page(public, f"briefings/{slug}/")
    assert text(doc.xpath("//h1")[0]) == SAMPLE_TITLE
    front = page(public, "")
    assert f"briefings/{slug}/" in [url for _t, url in links(front, "", "//main//a")]
    # The site is named after its folder.
    assert "My Digest" in text(front.xpath("//title")[0])


def test_the_samples_entities_get_entity_pages_with_feeds(started):
    public = started / "public"
    doc = page(public, "tags/nasams/")
    assert text(doc.xpath("//h1")[0]) == "NASAMS"
    assert (public / "tags" / "nasams" / "atom.xml").is_file()


def test_new_then_build_without_ingest_passes_too(tmp_path):
    must(briefing("new", "site", cwd=tmp_path), "new")
    must(briefing("build", cwd=tmp_path / "site"), "build")
    assert (tmp_path / "site" / "public" / "index.html").is_file()


def test_new_into_an_existing_empty_folder_works(tmp_path):
    (tmp_path / "here").mkdir()
    must(briefing("new", "here", cwd=tmp_path), "new")
    assert (tmp_path / "here" / "briefing.toml").is_file()


def one_line_failure(run) -> str:
    assert run.code == 1, f"expected exit 1, got {run.code}\n{run.out}\n{run.err}"
    assert "Traceback" not in run.err
    assert len(run.err_lines) == 1, run.err
    assert run.err_lines[0].startswith("error: ")
    return run.err_lines[0]


def test_new_on_a_non_empty_folder_fails_with_one_line_and_touches_nothing(tmp_path):
    taken = write_files(tmp_path / "taken", {"notes.txt": "mine", "seeds/old.txt": "Old\n\nBody.\n"})
    before = snapshot(taken)
    line = one_line_failure(briefing("new", "taken", cwd=tmp_path))
    assert "taken" in line and "not empty" in line
    assert snapshot(taken) == before


def test_new_on_an_existing_file_fails_with_one_line_and_touches_nothing(tmp_path):
    (tmp_path / "afile").write_text("data", encoding="utf-8")
    line = one_line_failure(briefing("new", "afile", cwd=tmp_path))
    assert "afile" in line
    assert (tmp_path / "afile").read_text(encoding="utf-8") == "data"


def test_new_on_an_existing_empty_file_does_not_call_it_a_non_empty_folder(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    line = one_line_failure(briefing("new", "empty.txt", cwd=tmp_path))
    assert "not empty" not in line, line


def test_the_theme_override_folder_and_entities_file_of_a_new_site_are_used(started, tmp_path):
    site = Path(shutil.copytree(started, tmp_path / "copy"))
    default = Path(__file__).resolve().parents[2] / "themes" / "default" / "templates" / "entry.html"
    override = default.read_text(encoding="utf-8").replace(
        '<article class="entry"', '<article data-override="site" class="entry"'
    )
    assert "data-override" in override
    write_files(
        site,
        {
            "themes/default/templates/entry.html": override,
            "themes/default/static/extra.txt": "extra",
            "entities.yml": "aliases:\n  NASAMS: [Norwegian Advanced SAM]\n",
        },
    )
    must(briefing("build", cwd=site), "build")
    public = site / "public"
    (entry,) = (public / "briefings").iterdir()
    assert page(public, f"briefings/{entry.name}/").xpath("//article[@data-override='site']")
    assert (public / "extra.txt").read_text(encoding="utf-8") == "extra"
    aliases = text(page(public, "tags/nasams/").xpath("//*[@class='aliases']")[0])
    assert "Norwegian Advanced SAM" in aliases
