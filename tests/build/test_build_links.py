"""Every internal link and fragment in every built page resolves, at the root and under a sub-path."""

from __future__ import annotations

import re
import shutil

import pytest
from sitecheck import broken_links, build, html_files
from sites import SUB_URL

SITES = ["small", "small_sub", "paged", "paged_sub", "hostile"]


@pytest.mark.parametrize("name", SITES)
def test_every_internal_link_and_fragment_resolves(name, request):
    built = request.getfixturevalue(name)
    assert len(html_files(built.public)) > 5
    assert broken_links(built.public, built.base_url) == []


def test_sample_site_links_resolve_at_root_and_under_a_sub_path(built_sample):
    assert broken_links(built_sample.public, built_sample.base_url) == []
    build(built_sample.root, "--base-url", SUB_URL)
    assert broken_links(built_sample.public, SUB_URL) == []


def test_pages_link_relatively_and_404_links_from_the_base_path(small_sub):
    """Relative links work under any sub-path; 404.html is served at any depth, so it cannot."""
    entry = (small_sub.public / "briefings/alpha/index.html").read_text()
    assert 'href="../../tags/russia/"' in entry
    assert 'href="/' not in entry
    missing = (small_sub.public / "404.html").read_text()
    assert re.search(r'href="/digest/assets/briefing\.[0-9a-f]{10}\.css"', missing)
    assert 'href="/digest/tags/"' in missing


def test_sub_path_canonical_links_carry_the_base_url(small_sub):
    entry = (small_sub.public / "briefings/alpha/index.html").read_text()
    assert '<link rel="canonical" href="https://example.org/digest/briefings/alpha/">' in entry


# The checker itself must be able to fail, or the tests above prove nothing.


def test_link_checker_reports_a_missing_page_a_missing_fragment_and_a_bad_404_link(small_sub, tmp_path):
    public = shutil.copytree(small_sub.public, tmp_path / "public")
    entry = public / "briefings/alpha/index.html"
    entry.write_text(
        entry.read_text().replace(
            "</main>",
            '<a href="../nope/">x</a><a href="../bravo/#nowhere">y</a>'
            '<a href="../../../../up/">z</a><a href="/tags/">w</a></main>',
        )
    )
    notfound = public / "404.html"
    notfound.write_text(notfound.read_text().replace("</main>", '<a href="/tags/">v</a></main>'))
    problems = "\n".join(broken_links(public, small_sub.base_url))
    assert "no file briefings/nope/index.html" in problems
    assert "no id 'nowhere'" in problems
    assert "climbs above the site root" in problems
    assert "root-absolute link outside 404.html" in problems
    assert "does not start with the base path" in problems
    assert len(problems.splitlines()) == 5
