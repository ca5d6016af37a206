"""The day in brief groups by region from shipped entity data: every shipped country has one."""

from __future__ import annotations

from importlib import resources

import yaml


def _data(name: str) -> object:
    return yaml.safe_load((resources.files("briefing.entities") / "data" / name).read_text(encoding="utf-8"))


def test_every_shipped_country_is_in_exactly_one_region():
    countries = {entry["name"] for entry in _data("countries.yml")}
    regions = _data("regions.yml")
    placed = [name for names in regions.values() for name in names]
    assert len(placed) == len(set(placed)), "a country in two regions"
    assert set(placed) == countries
    assert {"Europe", "Middle East", "Indo-Pacific", "Africa", "Americas"} <= set(regions)


def test_a_renamed_country_keeps_its_region_through_its_aliases(tmp_path):
    from briefing.render.brief import region_of

    class Entity:
        aliases = ("Turkey",)

    class Registry:
        def get(self, name):
            return Entity() if name == "Türkiye" else None

    class Site:
        registry = Registry()

    assert region_of(Site(), "Türkiye") == "Middle East"  # type: ignore[arg-type]
    assert region_of(Site(), "Atlantis") is None  # type: ignore[arg-type]
