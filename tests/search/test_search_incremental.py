"""An edit patches only the search postings its words change, and lands where a clean build would."""

from __future__ import annotations

import shutil
from pathlib import Path

from search_corpus import DOCS
from shared_support import run_cli

from briefing.render.search import EntryTerms, build_shards, entry_terms, language_of, patch_shards
from briefing.render.search_typos import patch_typos, surfaces_of, typo_lists


def files_of(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_an_edit_rewrites_only_the_shards_of_its_changed_words(corpus_public: Path, tmp_path: Path):
    root = tmp_path / "site"
    shutil.copytree(corpus_public.parent, root)
    before = files_of(root / "public" / "search")
    entry = root / "content" / "iran-missiles-displayed.md"
    entry.write_text(entry.read_text(encoding="utf-8") + "\nA quokka was sighted.\n", encoding="utf-8")
    assert run_cli("build", "--site", str(root), cwd=root).code == 0
    after = files_of(root / "public" / "search")
    changed = sorted(name for name in after if before.get(name) != after[name])
    assert changed and all(name.startswith(("terms/", "typos/")) or name == "meta.json" for name in changed)
    assert "terms/qu.json" in changed and "terms/si.json" in changed
    # Two new words: quokka in 23-uo and 13-qo, sighted in 23-ig and 13-sg.
    assert {"typos/23-uo.json", "typos/13-qo.json", "typos/23-ig.json", "typos/13-sg.json"} <= set(changed)
    assert len(changed) <= 10, changed  # qu, si, four typo lists, meta, and a pair shard or three
    # The same bytes as a clean build of the edited site.
    clean = tmp_path / "clean"
    shutil.copytree(root / "content", clean / "content")
    for name in ("briefing.toml", "entities.yml"):
        shutil.copy(root / name, clean / name)
    assert run_cli("build", "--site", str(clean), cwd=clean).code == 0
    assert files_of(clean / "public" / "search") == after


def test_patching_equals_indexing_from_scratch():
    english = language_of("en")
    docs = [entry_terms(d.title, [], d.summary, d.body, english) for d in DOCS]
    shards = build_shards(docs)
    edited = list(docs)
    edits = []
    for i, text in ((3, "Missiles and quokkas"), (7, ""), (0, DOCS[5].body)):
        new = entry_terms(DOCS[i].title + " " + text, ["Extra tag"], DOCS[i].summary, text, english)
        edits.append((i, edited[i], new))
        edited[i] = new
    patch = patch_shards(shards.get, edits, len(docs))
    patched = {**shards, **patch.changed}
    for key in patch.emptied:
        del patched[key]
    assert patched == build_shards(edited)
    assert isinstance(edited[0], EntryTerms)


def test_patching_typo_lists_equals_listing_from_scratch():
    """The words an edit adds to the index or empties from it patch the lists a clean build makes."""
    english = language_of("en")
    docs = [entry_terms(d.title, [], d.summary, d.body, english) for d in DOCS]
    shards = build_shards(docs)
    lists = typo_lists({s for shard in shards.values() for s in surfaces_of(shard)})
    edited = list(docs)
    edited[2] = entry_terms("Quokkas sighted", [], "", "", english)  # drops its old words, adds two
    new_shards = build_shards(edited)
    before = {s for shard in shards.values() for s in surfaces_of(shard)}
    after = {s for shard in new_shards.values() for s in surfaces_of(shard)}
    changed, emptied = patch_typos(lists.get, after - before, before - after)
    patched = {**lists, **changed}
    for name in emptied:
        del patched[name]
    assert patched == typo_lists(after)
    assert "rosoboronexport" in lists["23-os"] and "rosoboronexport" not in patched.get("23-os", [])
    assert "quokkas" in patched["23-uo"] and "quokkas" in patched["13-qo"]
