"""The seed format: title, paragraphs, and the image's alt, caption and credit lines."""

from __future__ import annotations

import pytest
from ingest_support import ARTICLE, check_tag_shape, ingest, only_entry, rendered_paragraphs

from briefing.ingest.parse import SeedFormatError, parse_seed

REAL_LIKE = (
    "Frigate deal signed in Oslo\n"
    "\n"
    "Norway signed a deal for four frigates on Tuesday. The ships replace an older class.\n"
    "\n"
    "Frigate deal signed in Oslo 104 220\n"
    "A Fridtjof Nansen class frigate at sea (Picture source: Royal Norwegian Navy)\n"
    "\n"
    "The defence minister called the deal a milestone.\n"
)


def test_image_lines_become_alt_caption_and_credit_not_body(seeds):
    root = seeds({"frigate.txt": REAL_LIKE})

    run = ingest(root)

    assert run.code == 0, run.err
    _path, metadata, body = only_entry(root)
    assert metadata["image"] == {
        "alt": "Frigate deal signed in Oslo",  # the picture library's numbers are gone
        "caption": "A Fridtjof Nansen class frigate at sea",
        "credit": "Royal Norwegian Navy",
    }
    assert rendered_paragraphs(body) == [
        "Norway signed a deal for four frigates on Tuesday. The ships replace an older class.",
        "The defence minister called the deal a milestone.",
    ]
    assert "Picture source" not in body and "104 220" not in body


def test_front_matter_has_every_field_issue_3_names(seeds):
    root = seeds({"frigate.txt": REAL_LIKE})
    assert ingest(root).code == 0
    _path, metadata, _body = only_entry(root)
    for key in ("title", "slug", "date", "summary", "tags", "entities", "seed", "image"):
        assert key in metadata, key
    assert metadata["title"] == "Frigate deal signed in Oslo"
    assert metadata["seed"] == "frigate.txt"
    check_tag_shape(metadata)


def test_seed_without_image_has_no_image_field(seeds):
    root = seeds({"plain.txt": ARTICLE})
    assert ingest(root).code == 0
    _path, metadata, body = only_entry(root)
    assert "image" not in metadata
    assert rendered_paragraphs(body) == [
        "The navy ordered six frigates on Monday. The first ship is due in 2028.",
        "Officials said the deal was worth about two billion.",
    ]


@pytest.mark.parametrize(
    "alt_line, alt",
    [
        (
            "Russian S 400 air defense missile joint production with Turkey 925 001",
            "Russian S 400 air defense missile joint production with Turkey",
        ),
        ("Tanks on parade 12", "Tanks on parade"),
        ("Tanks on parade", "Tanks on parade"),
    ],
)
def test_alt_line_loses_trailing_picture_numbers(alt_line, alt):
    article = parse_seed(f"Title\n\nLede text here.\n\n{alt_line}\nA tank (Picture source: Army)\n\nMore.")
    assert article.image is not None
    assert article.image.alt == alt
    assert article.image.caption == "A tank"
    assert article.image.credit == "Army"
    assert article.paragraphs == ("Lede text here.", "More.")


def test_alt_and_caption_separated_by_a_blank_line_are_still_the_image():
    article = parse_seed(
        "Title\n\nLede text here.\n\nAlt words 925 001\n\n"
        "The caption (Picture source: Jane Doe)\n\nMore text."
    )
    assert article.image is not None
    assert (article.image.alt, article.image.caption, article.image.credit) == (
        "Alt words",
        "The caption",
        "Jane Doe",
    )
    assert article.paragraphs == ("Lede text here.", "More text.")


def test_caption_without_alt_line_uses_caption_as_alt():
    article = parse_seed("Title\n\nLede text here.\nThe caption (Picture source: Jane Doe)\n\nMore text.")
    assert article.image is not None
    assert article.image.caption == "The caption"
    assert article.image.alt == "The caption"
    assert article.image.credit == "Jane Doe"
    assert article.paragraphs == ("Lede text here.", "More text.")


def test_credit_with_spaces_inside_parentheses_is_trimmed():
    article = parse_seed("Title\n\nLede.\n\nAlt\nCaption text ( Picture source:  Vitaly Kuzmin )\n\nMore.")
    assert article.image is not None
    assert article.image.credit == "Vitaly Kuzmin"


def test_title_is_first_non_empty_line_and_blank_runs_separate_paragraphs():
    article = parse_seed("\n\n\n  Title here  \n\n\n\n\nFirst para.\n\n\n\nSecond para.\n\n\n")
    assert article.title == "Title here"
    assert article.paragraphs == ("First para.", "Second para.")


def test_hard_wrapped_lines_join_into_one_paragraph():
    article = parse_seed("Title\n\nThe navy ordered\nsix frigates on\nMonday.\n\nNext.")
    assert article.paragraphs == ("The navy ordered six frigates on Monday.", "Next.")


def test_title_line_directly_above_the_text_still_separates():
    article = parse_seed("Title\nThe body starts right away.\n\nSecond.")
    assert article.title == "Title"
    assert article.paragraphs == ("The body starts right away.", "Second.")


@pytest.mark.parametrize("text", ["", "\n\n  \n", "Only a title", "Title\n\n\n", "Title\n12 March 2024\n"])
def test_seed_without_body_is_a_format_error(text):
    with pytest.raises(SeedFormatError):
        parse_seed(text)


def test_entities_always_has_the_five_groups_in_order():
    from briefing.entities import Tagging
    from briefing.ingest.transform import entry_fields

    article = parse_seed("Title\n\nBody text.")
    metadata, _body = entry_fields(
        article,
        Tagging(tags=("Jane Doe",), entities={"people": ("Jane Doe",)}),
        slug="title",
        date="2024-03-01",
        seed="t.txt",
    )
    assert metadata["entities"] == {
        "countries": [],
        "people": ["Jane Doe"],
        "organisations": [],
        "weapon_systems": [],
        "topics": [],
    }
    assert list(metadata["entities"]) == ["countries", "people", "organisations", "weapon_systems", "topics"]
    assert metadata["tags"] == ["Jane Doe"]
