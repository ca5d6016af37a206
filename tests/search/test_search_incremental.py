"""An edit patches only the search postings its words change, and lands where a clean build would."""

from __future__ import annotations

import shutil
from pathlib import Path

from search_corpus import DOCS
from shared_support import run_cli

from briefing.render.search import EntryTerms, build_shards, entry_terms, language_of, patch_shards


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
    assert changed and all(name.startswith("terms/") or name == "meta.json" for name in changed), changed
    assert "terms/qu.json" in changed and "terms/si.json" in changed
    assert len(changed) <= 6, changed  # qu, si (sighted), meta, and a pair shard or three
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
