"""`briefing entities`: counts per type across entries, then recurring unknown names."""

from __future__ import annotations

from briefing.entities.report import build_report, format_report

FIRST = (
    "Kalashnikov Concern and Harbour Lantern",
    "Poland and Estonia joined Harbour Lantern patrols, while Orvane Marine built boats.\n\n"
    "Orvane Marine said deliveries start soon. Volodymyr Zelensky welcomed it.",
)
SECOND = (
    "Harbour Lantern grows",
    "Finland joined Harbour Lantern. Orvane Marine won another order.\n\nPoland hosted the talks.",
)


def _doc(tags, entities, title, body):
    return (tags, entities, f"{title}\n\n{body}")


def test_counts_per_type_most_first(registry):
    docs = [
        _doc(["Poland", "S-400"], {"countries": ["Poland"], "weapon_systems": ["S-400"]}, *FIRST),
        _doc(["Poland", "Finland"], {"countries": ["Poland", "Finland"]}, *SECOND),
        _doc(["Turkey", "S-400", "Air defence"], {}, "x", "y"),  # no groups: registry types
    ]
    report = build_report(docs, registry)
    assert report.entries == 3
    assert report.groups["countries"] == [("Poland", 2), ("Finland", 1), ("Turkey", 1)]
    assert report.groups["weapon_systems"] == [("S-400", 2)]
    assert report.groups["topics"] == [("Air defence", 1)]


def test_candidates_recur_and_are_unknown(registry):
    docs = [_doc([], {}, *FIRST), _doc([], {}, *SECOND)]
    report = build_report(docs, registry)
    names = dict(report.candidates)
    assert names.get("Harbour Lantern") == 2
    assert names.get("Orvane Marine") == 2
    # Known entities and names seen in one entry only are not candidates.
    assert "Poland" not in names and "Volodymyr Zelensky" not in names
    assert "Kalashnikov Concern" not in names


def test_a_name_already_tagged_somewhere_is_not_a_candidate(registry):
    docs = [_doc(["Orvane Marine"], {"organisations": ["Orvane Marine"]}, *FIRST), _doc([], {}, *SECOND)]
    assert "Orvane Marine" not in dict(build_report(docs, registry).candidates)


def test_format_is_plain_and_deterministic(registry):
    docs = [
        _doc(["Poland"], {"countries": ["Poland"]}, *FIRST),
        _doc(["Poland", "Finland"], {"countries": ["Poland", "Finland"]}, *SECOND),
    ]
    text = format_report(build_report(docs, registry))
    assert text == format_report(build_report(list(reversed(docs)), registry))
    lines = text.splitlines()
    assert lines[0] == "Entities across 2 entries"
    assert "Countries (2)" in lines
    assert "  2  Poland" in lines and "  1  Finland" in lines
    assert any(line.startswith("Candidates:") for line in lines)
    assert "  2  Harbour Lantern" in lines
    assert "entities.yml" in text


def test_empty_site(registry):
    text = format_report(build_report([], registry))
    assert text.splitlines()[0] == "Entities across 0 entries"
    assert "none" in text


def test_markdown_is_read_as_text(registry):
    body = (
        "**Orvane Marine** built [the boats](https://example.com/boats) "
        "for _Harbour Lantern_.\n\n![Orvane Marine yard](yard.jpg)"
    )
    docs = [_doc([], {}, "One", body), _doc([], {}, "Two", body)]
    names = dict(build_report(docs, registry).candidates)
    assert names.get("Orvane Marine") == 2 and names.get("Harbour Lantern") == 2


def test_role_phrases_are_never_candidates(registry):
    body = "The Deputy Prime Minister spoke. Later the Deputy Prime Minister left for Riga.\n\nNothing else."
    docs = [_doc([], {}, "Visit", body), _doc([], {}, "Visit again", body)]
    names = dict(build_report(docs, registry).candidates)
    assert not any("Minister" in name for name in names)


def test_suggestions_are_a_ready_entities_yml_fragment(registry, site_registry):
    text = (
        "Zorvan ships\n\nThe Zorvan Coastal Police Force (ZCPF) said shipbuilder Kestrel Marine "
        "will build boats. Maarja Tamm said the first one is ready."
    )
    from briefing.entities import tag_article

    tagging = tag_article(registry, title="Zorvan ships", paragraphs=text.split("\n\n")[1:])
    doc = (list(tagging.tags), {g: list(n) for g, n in tagging.entities.items()}, text)
    report = build_report([doc, doc], registry)
    by_name = {s.name: s for s in report.suggestions}
    assert by_name["Zorvan Coastal Police Force"].aliases == ("ZCPF",)
    assert by_name["Kestrel Marine"].type == "organisations" and by_name["Kestrel Marine"].entries == 2
    assert by_name["Maarja Tamm"].type == "people"
    output = format_report(report)
    fragment = output[output.index("\nadd:") + 1 :]
    site = site_registry(fragment)  # it loads as a site's entities.yml, unchanged
    assert site.get("Zorvan Coastal Police Force").aliases == ("ZCPF",)
    assert site.get("Maarja Tamm").type == "people"


def test_a_portfolio_is_part_of_its_office_not_a_candidate(registry):
    body = (
        "The Minister of State for the Armed Forces spoke. The Secretary of State for Defence "
        "Procurement agreed.\n\nThe Commissioner for Defence Industry left."
    )
    docs = [_doc([], {}, "Visit", body), _doc([], {}, "Visit again", body)]
    names = dict(build_report(docs, registry).candidates)
    assert not {"Armed Forces", "Defence Procurement", "Defence Industry"} & set(names)
