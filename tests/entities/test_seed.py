"""The real seed, read as ingest reads it, gets exactly the tags an analyst expects."""

from __future__ import annotations

from pathlib import Path

from briefing.entities import ENTITY_GROUPS, tag_article
from briefing.ingest.decode import decode_seed
from briefing.ingest.parse import parse_seed

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_0b3f5aec0e586adc.txt"


def test_real_seed_is_tagged_exactly(registry):
    article = parse_seed(decode_seed(SEED.read_bytes()))
    image = article.image
    tagging = tag_article(
        registry,
        title=article.title,
        paragraphs=article.paragraphs,
        caption=image.caption if image else None,
        alt=image.alt if image else None,
    )
    assert tagging.tags == (
        "Turkey",
        "Air defence",
        "S-400",
        "Russia",
        "Vladimir Putin",
        "Recep Tayyip Erdoğan",
    )
    assert tagging.entities == {
        "countries": ("Turkey", "Russia"),
        "people": ("Vladimir Putin", "Recep Tayyip Erdoğan"),
        "organisations": (),
        "weapon_systems": ("S-400",),
        "topics": ("Air defence",),
    }
    assert tuple(tagging.entities) == ENTITY_GROUPS
    # The photographer of "(Picture source: Vitaly Kuzmin)" is a credit, never a tag or a
    # candidate name.
    assert "Vitaly Kuzmin" not in tagging.tags
    assert "Vitaly Kuzmin" not in tagging.candidates


def test_seed_aliases_fold_into_s400(tag):
    tagging = tag(
        "S 400 and SA-21 Growler",
        "Turkey bought the S400, also called S-400 Triumf, Triumph or SA-21 Growler.",
        "The S-400 (NATO code: SA-21 Growler) is an air defence system.",
    )
    assert tagging.entities["weapon_systems"] == ("S-400",)
    assert "NATO" not in tagging.tags
