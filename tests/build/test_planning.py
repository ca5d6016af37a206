"""The incremental policy and the planner, run in process stage by stage on a small site."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sitecheck import entry_md, write_files
from sites import small_files

from briefing.build import build_site
from briefing.cache import BuildState, load_state
from briefing.config import Config, load_config
from briefing.entries.load import Loaded, load_entries
from briefing.fingerprint import config_key
from briefing.incremental import Decision, Scope, decide
from briefing.lazy_registry import LazyRegistry, registry_fingerprint
from briefing.parallel import InProcessExecutor
from briefing.plan import Plan, plan_build
from briefing.render.templates import find_theme
from briefing.site import index_site


@pytest.fixture
def built(tmp_path: Path) -> Path:
    root = write_files(tmp_path / "site", small_files())
    build_site(load_config(root), executor=InProcessExecutor())
    return root


def _stages(root: Path) -> tuple[Config, BuildState, Loaded, Decision]:
    config = load_config(root)
    previous = load_state(config.cache_dir)
    theme = find_theme(config)
    shared = "\0".join([theme.fingerprint(), config_key(config), registry_fingerprint(config.root)])
    loaded = load_entries(config, previous, executor=InProcessExecutor())
    return config, previous, loaded, decide(config, loaded.entries, previous, shared)


def _plan(root: Path) -> tuple[Decision, Plan]:
    config, previous, loaded, decision = _stages(root)
    related = previous.related if decision.scope is Scope.CHANGED else None
    site = index_site(config, loaded.entries, related, LazyRegistry(config.root), InProcessExecutor())
    return decision, plan_build(site, loaded, previous, find_theme(config), decision)


def _edit(root: Path, slug: str, old: str, new: str) -> None:
    path = root / "content" / f"{slug}.md"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_nothing_changed_plans_nothing(built):
    assert _stages(built)[3].scope is Scope.NOTHING


def test_a_body_edit_reaches_only_its_page_the_search_index_and_what_carries_bodies(built):
    _edit(built, "charlie", "Troops exercised.", "Troops exercised at night.")
    decision, plan = _plan(built)
    assert decision.scope is Scope.CHANGED
    files = {job.file for job in plan.jobs}
    assert "briefings/charlie/index.html" in files
    # Full-content feeds, its day's email and briefing book carry the body too (issue 19).
    offsite = {"2024/03/02/email.html", "2024/03/02/print/index.html", "atom.xml", "rss.xml", "editions.xml"}
    offsite |= {"tags/russia/atom.xml", "tags/russia/rss.xml"}
    pages = {f for f in files if f.endswith((".html", ".xml"))}
    assert pages == {"briefings/charlie/index.html"} | offsite, sorted(pages)
    assert any(f.startswith("search/terms/") for f in files)
    assert plan.related is None  # the previous state's related briefings still hold


def test_a_title_edit_reaches_every_page_that_lists_the_entry(built):
    _edit(built, "charlie", "title: 'Charlie: Russian exercise'", "title: 'Charlie: a Russian drill'")
    decision, plan = _plan(built)
    assert decision.scope is Scope.CHANGED
    files = {job.file for job in plan.jobs}
    # Its page, its neighbours (they link to it), the front page, its tag's page and feed,
    # its day and month, the site feeds.
    for expected in (
        "briefings/charlie/index.html",
        "briefings/bravo/index.html",
        "briefings/alpha/index.html",
        "index.html",
        "tags/russia/index.html",
        "atom.xml",
    ):
        assert expected in files, (expected, sorted(files))
    assert "briefings/delta/index.html" not in files  # neither next to it nor related


def test_a_new_date_or_tag_replans_everything(built):
    _edit(built, "charlie", "2024-03-02T08:00:00Z", "2024-02-02T08:00:00Z")
    decision, plan = _plan(built)
    assert decision.scope is Scope.ALL
    assert plan.related is not None
    assert {"index.html", "briefings/delta/index.html", "sitemap.xml"} <= {job.file for job in plan.jobs}


def test_an_edited_file_in_public_is_noticed(built):
    page = built / "public" / "briefings" / "delta" / "index.html"
    page.write_text(page.read_text(encoding="utf-8") + "<!-- hand edit -->", encoding="utf-8")
    decision = _stages(built)[3]
    assert decision.scope is Scope.ALL and not decision.replace_all


def test_a_state_without_outputs_replaces_public_whole(built):
    config, previous, loaded, _ = _stages(built)
    empty = replace(previous, outputs={})
    theme = find_theme(config)
    shared = "\0".join([theme.fingerprint(), config_key(config), registry_fingerprint(config.root)])
    decision = decide(config, loaded.entries, empty, shared)
    assert decision.scope is Scope.ALL and decision.replace_all


def test_planning_leaves_the_previous_state_as_it_was(built):
    _edit(built, "alpha", "The first battery arrived in Ankara.", "The first battery reached Ankara.")
    config, previous, loaded, decision = _stages(built)
    before = (dict(previous.entries), dict(previous.outputs), previous.inputs, dict(previous.digests))
    site = index_site(
        config, loaded.entries, previous.related, LazyRegistry(config.root), InProcessExecutor()
    )
    plan_build(site, loaded, previous, find_theme(config), decision)
    assert (dict(previous.entries), dict(previous.outputs), previous.inputs, dict(previous.digests)) == before


def test_an_added_entry_is_a_new_structure(built):
    write_files(built, {"content/echo.md": entry_md("echo", "Echo", "2024-04-11T09:00:00Z", tags=["Russia"])})
    assert _stages(built)[3].scope is Scope.ALL
