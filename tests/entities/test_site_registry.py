"""A site's entities.yml extends or overrides the shipped registry; its errors name the
file and the line."""

from __future__ import annotations

import pytest

from briefing.entities import load_registry
from briefing.errors import ConfigError


def test_no_file_is_the_shipped_registry(tmp_path, registry):
    assert len(load_registry(tmp_path)) == len(registry)


def test_empty_file_changes_nothing(site_registry, registry):
    assert len(site_registry("")) == len(registry)
    assert len(site_registry("# nothing yet\n")) == len(registry)


def test_add_an_entity(site_registry, tag):
    registry = site_registry("""
add:
  - name: Acme Dynamics
    type: organisations
    aliases: [ADX, Acme Dynamics Ltd]
    kind: firm
  - name: Roadrunner-X
    type: weapon_systems
    kind: drone
    aliases: [RRX]
""")
    tagging = tag("ADX shows the RRX", "Acme Dynamics Ltd unveiled the Roadrunner-X drone.", using=registry)
    assert tagging.entities["organisations"] == ("Acme Dynamics",)
    assert tagging.entities["weapon_systems"] == ("Roadrunner-X",)
    assert "Drones" in tagging.entities["topics"]  # its kind implies the topic


def test_add_an_alias(site_registry, tag):
    registry = site_registry("aliases:\n  S-400: [Triumf system]\n  Turkey: Anatolian republic\n")
    tagging = tag("Report", "The Triumf system is deployed in the Anatolian republic.", using=registry)
    assert tagging.entities["weapon_systems"] == ("S-400",)
    assert tagging.entities["countries"] == ("Turkey",)


def test_rename_keeps_the_old_name_as_an_alias(site_registry, tag):
    registry = site_registry("rename:\n  Turkey: Türkiye\n")
    tagging = tag("Turkey buys jets", "Türkiye and Turkey are the same country.", using=registry)
    assert tagging.entities["countries"] == ("Türkiye",)
    assert registry.get("Turkey") is None


def test_block_a_false_positive(site_registry, tag):
    registry = site_registry("block:\n  - Chad\n  - Nato\n")
    tagging = tag("Report", "Chad's army and NATO troops held drills. Nato said so.", using=registry)
    assert "Chad" not in tagging.tags
    # Blocking works on match keys: "Nato" is the key of the canonical name NATO, so the
    # entity goes, whatever the spelling.
    assert "NATO" not in tagging.tags


def test_block_one_alias_keeps_the_entity(site_registry, tag):
    registry = site_registry("block: [Triumph]\n")
    tagging = tag("Report", "The S-400 Triumph system.", "The S-400 was deployed.", using=registry)
    assert tagging.entities["weapon_systems"] == ("S-400",)


def test_site_changes_are_picked_up(tmp_path, tag):
    root = tmp_path / "site"
    root.mkdir()
    path = root / "entities.yml"
    path.write_text("add:\n  - {name: Zorblax, type: weapon_systems}\n", encoding="utf-8")
    assert tag("x", "The Zorblax flew.", using=load_registry(root)).entities["weapon_systems"] == ("Zorblax",)
    path.write_text("add:\n  - {name: Zorblax Mk2, type: weapon_systems}\n", encoding="utf-8")
    assert tag("x", "The Zorblax Mk2 flew.", using=load_registry(root)).entities["weapon_systems"] == (
        "Zorblax Mk2",
    )


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("add:\n  - name: Acme\n    type: organisations\n   aliases: [A]\n", 4, "invalid YAML"),
        ("aliases:\n  S-400: [Triumf\n", 3, "invalid YAML"),
        ("add:\n  - name: Acme\n    type: widgets\n", 3, "unknown type"),
        ("add:\n  - name: Acme\n", 2, "needs a `name` and a `type`"),
        ("bolck:\n  - Chad\n", 1, "unknown key"),
        ("aliases:\n  Nowhereland: [X]\n", 2, "not an entity"),
        ("add:\n  - name: Acme\n    type: organisations\n    colour: red\n", 4, "unknown field"),
        ("rename:\n  Turkey: Russia\n", 2, "taken"),
        ("add:\n  - {name: Turkey, type: people}\n", 2, "already a countries entity"),
    ],
)
def test_errors_name_the_file_and_line(site_registry, text, line, words):
    with pytest.raises(ConfigError) as caught:
        site_registry(text)
    error = caught.value
    assert error.path is not None and str(error.path).endswith("entities.yml")
    assert error.line == line
    assert words in str(error)
    assert f"entities.yml:{line}" in str(error)


def test_not_utf8_is_a_config_error(tmp_path):
    root = tmp_path / "site"
    root.mkdir()
    (root / "entities.yml").write_bytes(b"block: [\xff\xfe]\n")
    with pytest.raises(ConfigError, match="UTF-8"):
        load_registry(root)
