"""The site pass: a name the rules found in one entry is tagged in every entry naming it."""

from __future__ import annotations

from pathlib import Path

import frontmatter

from briefing.config import load_config
from briefing.entities.site_pass import gather, retag
from briefing.ingest.run import ingest_site

WITH_CUE = (
    "Belgium orders drones from Kestrel Marine\n\n"
    "Belgium ordered twelve naval drones from shipbuilder Kestrel Marine, "
    "Defence Minister Theo Francken said on Monday.\n"
)
WITHOUT_CUE = (
    "Dutch navy tests new drone boat\n\n"
    "The Royal Netherlands Navy tested a drone boat built by Kestrel Marine off Den Helder. "
    "Ingrid Vos, who leads the programme, was pleased.\n"
)
PERSON_CUE = (
    "Navy chief speaks\n\nThe programme is led by Ingrid Vos, the navy's director of unmanned systems.\n"
)


def test_a_name_found_in_one_article_is_tagged_in_another(tag, registry):
    first = tag("Order", "Belgium ordered drones from shipbuilder Kestrel Marine on Monday.")
    second = tag("Trial", "The navy tested a boat built by Kestrel Marine off Den Helder.")
    assert "Kestrel Marine" in first.tags and ("Kestrel Marine", "organisations") in first.found
    assert "Kestrel Marine" not in second.tags  # no cue in this article alone
    site = gather(registry, [second.found, first.found])
    again = retag(
        site, "Trial", ["The navy tested a boat built by Kestrel Marine off Den Helder."], None, None
    )
    assert "Kestrel Marine" in again.entities["organisations"]
    # The same names whatever order the entries come in.
    assert gather(registry, [first.found, second.found]).names == site.names


def test_known_and_blocked_names_are_not_site_names(registry, site_registry):
    assert gather(registry, [[("NATO", "organisations")]]).names == {}
    blocked = site_registry("block: [Kestrel Marine]\n")
    assert gather(blocked, [[("Kestrel Marine", "organisations")]]).names == {}


def _entry(root: Path, slug: str) -> frontmatter.Post:
    return frontmatter.load(root / "content" / f"{slug}.md")


def _slug_of(root: Path, source: str) -> str:
    for path in sorted((root / "content").glob("*.md")):
        if frontmatter.load(path).get("seed") == source:
            return path.stem
    raise AssertionError(source)


def test_ingest_tags_site_names_in_every_entry_and_keeps_hand_edits(site):
    root = site({"seeds/a.txt": WITH_CUE, "seeds/b.txt": WITHOUT_CUE, "briefing.toml": 'title = "T"\n'})
    config = load_config(root)
    report = ingest_site(config)
    assert report.ok
    b = _entry(root, _slug_of(root, "b.txt"))
    assert "Kestrel Marine" in b["entities"]["organisations"]
    assert "Kestrel Marine" in b["tags"]
    # Idempotent: a second ingest rewrites nothing.
    before = {p.name: p.read_bytes() for p in (root / "content").glob("*.md")}
    ingest_site(load_config(root))
    assert before == {p.name: p.read_bytes() for p in (root / "content").glob("*.md")}


def test_a_later_entry_teaches_the_site_a_name_and_older_entries_get_it(site):
    root = site({"seeds/b.txt": WITHOUT_CUE, "briefing.toml": 'title = "T"\n'})
    ingest_site(load_config(root))
    b_slug = _slug_of(root, "b.txt")
    assert "Ingrid Vos" not in _entry(root, b_slug)["tags"]
    (root / "seeds" / "c.txt").write_text(PERSON_CUE, encoding="utf-8")
    ingest_site(load_config(root))
    assert "Ingrid Vos" in _entry(root, b_slug)["entities"]["people"]


def test_an_entry_edited_by_hand_is_left_alone(site):
    root = site({"seeds/b.txt": WITHOUT_CUE, "briefing.toml": 'title = "T"\n'})
    ingest_site(load_config(root))
    path = root / "content" / f"{_slug_of(root, 'b.txt')}.md"
    edited = path.read_text(encoding="utf-8").replace("tested a drone boat", "tested a small drone boat")
    path.write_text(edited, encoding="utf-8")
    (root / "seeds" / "a.txt").write_text(WITH_CUE, encoding="utf-8")
    ingest_site(load_config(root))
    assert path.read_text(encoding="utf-8") == edited


def test_an_acronym_one_entry_defined_names_the_body_in_another(tag, registry):
    first = tag(
        "Order", "The Zorvan Coastal Police Force (ZCPF) ordered boats. The ZCPF will base them north."
    )
    assert ("Zorvan Coastal Police Force", "ZCPF") in first.found_aliases
    site = gather(registry, [first.found], [first.found_aliases])
    again = retag(site, "Delay", ["The ZCPF will borrow two navy boats in the meantime."], None, None)
    assert "Zorvan Coastal Police Force" in again.entities["organisations"]


def test_an_acronym_two_names_claim_or_the_registry_knows_is_not_a_site_alias(registry):
    pairs = [
        [("Zorvan Coastal Police Force", "ZCP")],
        [("Zorvan Civil Protection", "ZCP")],
        [("Kestria Navy", "NATO")],
    ]
    names = [
        [("Zorvan Coastal Police Force", "organisations")],
        [("Zorvan Civil Protection", "organisations")],
    ]
    names.append([("Kestria Navy", "organisations")])
    site = gather(registry, names, pairs)
    assert site.aliases == {}
