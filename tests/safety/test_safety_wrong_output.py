"""Wrong output in the report: a renamed seed and tag slugs that move when a tag is added."""

from __future__ import annotations

from safety_support import small_site
from shared_support import run_cli, write_files

SEED = "Radars for the north\n2024-03-01\n\nThe ministry ordered radars for the northern bases.\n"


def test_a_renamed_seed_updates_its_entry_instead_of_publishing_a_copy(tmp_path):
    root = write_files(tmp_path / "site", {"seeds/a.txt": SEED})
    assert run_cli("ingest", "--site", str(root)).code == 0
    (root / "seeds" / "a.txt").rename(root / "seeds" / "renamed.txt")
    done = run_cli("ingest", "--site", str(root))
    assert done.code == 0, done.err
    assert [p.name for p in (root / "content").glob("*.md")] == ["radars-for-the-north.md"]
    assert "seed: renamed.txt" in (root / "content" / "radars-for-the-north.md").read_text()
    assert "renamed.txt" in done.err and "a.txt" in done.err  # the user is told which it followed
    again = run_cli("ingest", "--site", str(root))
    assert again.code == 0 and "0 new" in again.out


def _slug_of(root, name: str) -> str:
    """The folder of tag `name`'s page, by its <h1>, after a build."""
    import lxml.html

    assert run_cli("build", "--site", str(root)).code == 0
    for page in (root / "public" / "tags").glob("*/index.html"):
        if lxml.html.parse(str(page)).findtext(".//h1").strip() == name:
            return page.parent.name
    raise AssertionError(f"no tag page for {name}")


def test_a_tags_slug_does_not_move_when_another_tag_is_added(tmp_path):
    root = small_site(tmp_path / "site", 1)
    (root / "content" / "cpp.md").write_text(
        '---\ntitle: "C++"\ndate: 2024-03-01\ntags: ["C++"]\n---\n\nB.\n'
    )
    before = _slug_of(root, "C++")
    (root / "content" / "c.md").write_text('---\ntitle: "C"\ndate: 2024-03-02\ntags: [C, "C#"]\n---\n\nB.\n')
    assert _slug_of(root, "C++") == before == "c-plus-plus"
    assert (_slug_of(root, "C"), _slug_of(root, "C#")) == ("c", "c-sharp")
