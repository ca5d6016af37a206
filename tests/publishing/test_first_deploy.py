"""A clean first deploy (issue 17, point 5): a warning while base_url is local, a favicon on
every page, an eagerly loaded hero photo, and stylesheets and scripts under content-hashed names."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
from publishing_support import NEW_YEAR, broken_links, build_at, entry, write_files

PNG = (  # a 1x1 photo
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
    b"\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef\x00\x00\x00\x00IEND\xaeB`\x82"
)


def files(base_url: str | None = None) -> dict[str, str | bytes]:
    config = 'title = "Deploy"\n' + (f'base_url = "{base_url}"\n' if base_url else "")
    return {
        "briefing.toml": config,
        "content/one.md": entry(
            "one",
            "One",
            "2024-12-30T08:00:00Z",
            image={"file": "images/one.png", "alt": "A ship", "credit": "Navy"},
        ),
        "content/images/one.png": PNG,
        "content/two.md": entry("two", "Two", "2024-12-29T08:00:00Z"),
    }


def warnings(run) -> list[str]:
    return [line for line in run.err_lines if line.startswith("warning:")]


def test_a_local_base_url_gets_one_warning_line_and_a_real_one_none(tmp_path: Path) -> None:
    default = write_files(tmp_path / "default", files())
    (line,) = warnings(build_at(default, NEW_YEAR))
    assert "base_url is http://localhost:8000/" in line and "briefing.toml" in line
    scaffolded = write_files(tmp_path / "scaffolded", files("http://127.0.0.1:8000/"))
    assert len(warnings(build_at(scaffolded, NEW_YEAR))) == 1
    real = write_files(tmp_path / "real", files("https://example.org/news/"))
    assert warnings(build_at(real, NEW_YEAR)) == []
    # Asked for on the command line, a local address is deliberate (a local check, a preview).
    assert warnings(build_at(default, NEW_YEAR, "--base-url", "http://localhost:9000/")) == []


def test_every_page_links_the_svg_favicon_and_hashed_assets_that_exist(tmp_path: Path) -> None:
    root = write_files(tmp_path / "site", files("https://example.org/news/"))
    build_at(root, NEW_YEAR)
    public = root / "public"
    favicon = (public / "favicon.svg").read_text()
    assert favicon.startswith("<svg") and "xmlns" in favicon
    css = sorted(p.name for p in (public / "assets").glob("*.css"))
    js = sorted(p.name for p in (public / "assets").glob("*.js"))
    assert css and all(re.fullmatch(r"[a-z]+\.[0-9a-f]{10}\.css", name) for name in css), css
    main_css = next(name for name in css if name.startswith("briefing."))
    assert len(js) == 1 and re.fullmatch(r"search\.[0-9a-f]{10}\.js", js[0])
    assert not (public / "assets/briefing.css").exists()
    pages = sorted(
        p for p in public.rglob("*.html") if "email" not in p.relative_to(public).as_posix()
    )  # emails are not pages
    assert len(pages) > 10
    for file in pages:
        doc = lxml.html.fromstring(file.read_bytes())
        name = file.relative_to(public).as_posix()
        assert doc.xpath("//link[@rel='icon'][@type='image/svg+xml']/@href"), name
        sheets = doc.xpath("//link[@rel='stylesheet']/@href")
        assert any(sheet.endswith(main_css) for sheet in sheets), name
        assert all(sheet.rsplit("/", 1)[-1] in css for sheet in sheets), name
    search = (public / "search/index.html").read_text()
    assert f'assets/{js[0]}"' in search
    assert broken_links(public, "https://example.org/news/") == []


def test_a_changed_stylesheet_gets_a_new_name_and_the_old_one_goes(tmp_path: Path) -> None:
    root = write_files(tmp_path / "site", files("https://example.org/news/"))
    build_at(root, NEW_YEAR)
    (before,) = (root / "public/assets").glob("briefing.*.css")
    write_files(root, {"themes/default/static/assets/briefing.css": "body { color: teal; }\n"})
    build_at(root, NEW_YEAR)
    (after,) = (root / "public/assets").glob("briefing.*.css")
    assert after.name != before.name and after.read_text() == "body { color: teal; }\n"
    assert after.name in (root / "public/briefings/one/index.html").read_text()


def test_a_theme_favicon_overrides_the_default(tmp_path: Path) -> None:
    mine = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>\n'
    root = write_files(tmp_path / "site", {**files(), "themes/default/static/favicon.svg": mine})
    build_at(root, NEW_YEAR)
    assert (root / "public/favicon.svg").read_text() == mine


def test_the_hero_photo_is_not_lazy_loaded(tmp_path: Path) -> None:
    root = write_files(tmp_path / "site", files())
    build_at(root, NEW_YEAR)
    doc = lxml.html.fromstring((root / "public/briefings/one/index.html").read_bytes())
    (img,) = doc.xpath("//figure[contains(@class,'photo')]/img")
    assert img.get("loading") in (None, "eager") and img.get("fetchpriority") == "high"
