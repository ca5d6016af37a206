"""Photos (issue 9): an image file beside a seed with the same name (seeds/NAME.jpg, .png, .webp)
is recorded by ingest and published resized for the web: several widths with srcset, width and
height set, loaded eagerly, with the alt text, caption and credit from the seed. No image: no
empty frame."""

from __future__ import annotations

import io
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from reading import briefing, file_of, must, page, resolve, text, write_files

PIL = pytest.importorskip("PIL.Image")

CONFIG = 'title = "Photo Desk"\nbase_url = "https://photos.example/"\ntimezone = "UTC"\n'


def picture(width: int, height: int, kind: str) -> bytes:
    """A gradient picture of the given size, encoded as `kind` (JPEG, PNG, WEBP)."""
    across = PIL.linear_gradient("L").rotate(90).resize((width, height))
    down = PIL.linear_gradient("L").resize((width, height))
    image = PIL.merge("RGB", (across, down, PIL.new("L", (width, height), 128)))
    out = io.BytesIO()
    image.save(out, kind)
    return out.getvalue()


@dataclass(frozen=True)
class Seed:
    title: str
    alt: str = ""
    caption: str = ""
    credit: str = ""
    suffix: str = ""  # the photo's extension; "" for no photo
    size: tuple[int, int] = (0, 0)

    def text(self) -> str:
        lines = [
            self.title,
            "2024-05-14",
            "",
            f"The first paragraph of {self.title.lower()}, about air defence in Norway.",
            "",
        ]
        if self.caption:
            lines += [self.alt, f"{self.caption} (Picture source: {self.credit})", ""]
        lines += ["A second paragraph, so the picture lines sit between paragraphs as in seeds.", ""]
        return "\n".join(lines)


SEEDS = {
    "big-jpeg": Seed(
        "Norway fields a new NASAMS battery",
        "A NASAMS launcher in snow",
        "NASAMS launcher at a firing range",
        "Kongsberg",
        ".jpg",
        (2000, 1200),
    ),
    "small-png": Seed(
        "Poland receives Patriot radars", "A radar on a truck", "LTAMDS radar", "Raytheon", ".png", (300, 200)
    ),
    "mid-webp": Seed(
        "Finland buys David's Sling",
        "Interceptor launch",
        "A Stunner interceptor leaves its launcher",
        "Rafael",
        ".webp",
        (1000, 600),
    ),
    "upper-case": Seed(
        "Estonia orders IRIS-T SLM",
        "IRIS-T launcher",
        "IRIS-T SLM on parade",
        "Diehl Defence",
        ".JPEG",
        (1200, 900),
    ),
    "caption-only": Seed("Latvia signs for IRIS-T", "A launcher", "An IRIS-T launcher", "Bundeswehr"),
    "no-image": Seed("Lithuania extends NASAMS order"),
}
KINDS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}


@pytest.fixture(scope="module")
def photo_site(tmp_path_factory) -> Path:
    files: dict[str, str | bytes] = {"briefing.toml": CONFIG}
    for name, made in SEEDS.items():
        files[f"seeds/{name}.txt"] = made.text()
        if made.suffix:
            files[f"seeds/{name}{made.suffix}"] = picture(*made.size, KINDS[made.suffix.lower()])
    root = write_files(tmp_path_factory.mktemp("photos"), files)
    must(briefing("ingest", "--site", str(root)), "ingest")
    must(briefing("build", "--site", str(root)), "build")
    return root


def entry_of(root: Path, title: str) -> tuple[dict, str]:
    """(front matter, slug) of the entry ingest made from the seed titled `title`."""
    for path in (root / "content").glob("*.md"):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        if meta["title"] == title:
            return meta, meta["slug"]
    raise AssertionError(f"no entry titled {title!r}")


def srcset(img) -> list[tuple[str, int]]:
    found = []
    for candidate in img.get("srcset").split(","):
        url, descriptor = candidate.split()
        assert descriptor.endswith("w"), candidate
        found.append((url, int(descriptor[:-1])))
    return found


def photo_of(root: Path, name: str):
    _meta, slug = entry_of(root, SEEDS[name].title)
    here = f"briefings/{slug}/"
    doc = page(root / "public", here)
    return doc, here


@pytest.mark.parametrize("name", ["big-jpeg", "mid-webp", "upper-case"])
def test_ingest_records_the_photo_beside_the_seed(photo_site, name):
    meta, _slug = entry_of(photo_site, SEEDS[name].title)
    image = meta.get("image") or {}
    assert image.get("file"), meta
    assert (photo_site / "content" / image["file"]).is_file()


@pytest.mark.parametrize("name", ["big-jpeg", "mid-webp", "upper-case"])
def test_the_photo_reaches_the_entry_page_at_several_widths(photo_site, name):
    doc, here = photo_of(photo_site, name)
    (img,) = doc.xpath("//article//img")
    candidates = srcset(img)
    widths = [w for _url, w in candidates]
    assert len(widths) >= 2, candidates
    assert widths == sorted(set(widths))
    source_width, source_height = SEEDS[name].size
    assert max(widths) <= source_width, "no upscaling"
    for url, width in candidates:
        path = file_of(photo_site / "public", resolve(here, url))
        assert path.is_file(), url
        with PIL.open(path) as made:
            assert made.width == width, url
            # Same proportions as the original, to the pixel.
            assert abs(made.height - width * source_height / source_width) <= 1, url


@pytest.mark.parametrize("name", ["big-jpeg", "small-png", "mid-webp", "upper-case"])
def test_the_img_has_width_height_eager_loading_and_an_existing_src(photo_site, name):
    doc, here = photo_of(photo_site, name)
    (img,) = doc.xpath("//article//img")
    # The hero photo is the page's largest paint: lazy loading would only delay it (issue 17).
    assert img.get("loading") != "lazy" and img.get("fetchpriority") == "high"
    src = file_of(photo_site / "public", resolve(here, img.get("src")))
    assert src.is_file()
    with PIL.open(src) as shown:
        assert (int(img.get("width")), int(img.get("height"))) == shown.size
    assert img.get("sizes"), "srcset with w descriptors needs sizes"


@pytest.mark.parametrize("name", ["big-jpeg", "small-png", "mid-webp", "upper-case"])
def test_the_photo_carries_the_seeds_alt_text_caption_and_credit(photo_site, name):
    doc, _here = photo_of(photo_site, name)
    made = SEEDS[name]
    (img,) = doc.xpath("//article//img")
    assert img.get("alt") == made.alt
    (figure,) = doc.xpath("//article//figure[.//img]")
    caption = text(figure.xpath(".//figcaption")[0])
    assert made.caption in caption
    assert made.credit in caption


def test_a_small_photo_is_not_upscaled(photo_site):
    doc, _here = photo_of(photo_site, "small-png")
    (img,) = doc.xpath("//article//img")
    assert all(width <= 300 for _url, width in srcset(img))
    assert int(img.get("width")) <= 300


def test_without_a_photo_file_there_is_no_image_frame_but_the_credit_stays(photo_site):
    doc, _here = photo_of(photo_site, "caption-only")
    article = doc.xpath("//article")[0]
    assert not article.xpath(".//img") and not article.xpath(".//figure")
    assert "Bundeswehr" in text(article)


def test_without_any_image_there_is_no_frame_and_no_credit(photo_site):
    doc, _here = photo_of(photo_site, "no-image")
    article = doc.xpath("//article")[0]
    assert not article.xpath(".//img") and not article.xpath(".//figure")
    assert not article.xpath(".//*[contains(@class, 'photo')]")
    assert "Picture source" not in text(article)


# -- edges: sizes at the limits, transparency, rotation, metadata, bad and removed photos ------

EDGES = {
    "exactly-1600": Seed(
        "Sweden orders a 1600 pixel photo", "Wide", "A wide photo", "Saab", ".jpg", (1600, 900)
    ),
    "just-over-1600": Seed(
        "Denmark orders a 1601 pixel photo", "Wider", "A wider photo", "Terma", ".jpg", (1601, 900)
    ),
    "transparent": Seed(
        "Czechia shows a transparent logo", "Logo", "A logo on nothing", "CSG", ".webp", (1000, 600)
    ),
    "rotated": Seed(
        "Slovakia photographs a radar upright",
        "Upright radar",
        "A radar, portrait",
        "MoD SR",
        ".jpg",
        (1200, 800),
    ),
}


def edge_picture(name: str) -> bytes:
    made = EDGES[name]
    out = io.BytesIO()
    if name == "transparent":
        # Left half opaque red, right half fully transparent (its colour channels zero).
        image = PIL.new("RGBA", made.size, (0, 0, 0, 0))
        image.paste((255, 0, 0, 255), (0, 0, made.size[0] // 2, made.size[1]))
        image.save(out, "WEBP", lossless=True)
    else:
        image = PIL.new("RGB", made.size, (40, 90, 160))
        exif = PIL.Exif()
        exif[0x013B] = "Photographer Name"  # Artist
        exif[0x8825] = {2: (59.0, 20.0, 0.0)}  # GPSInfo: latitude
        if name == "rotated":
            exif[0x0112] = 6  # shown rotated 90°: 800 wide, 1200 high
        image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


@pytest.fixture(scope="module")
def edge_site(tmp_path_factory) -> Path:
    files: dict[str, str | bytes] = {"briefing.toml": CONFIG}
    for name, made in EDGES.items():
        files[f"seeds/{name}.txt"] = made.text()
        files[f"seeds/{name}{made.suffix}"] = edge_picture(name)
    root = write_files(tmp_path_factory.mktemp("edges"), files)
    must(briefing("ingest", "--site", str(root)), "ingest")
    must(briefing("build", "--site", str(root)), "build")
    return root


def edge_img(root: Path, name: str):
    _meta, slug = entry_of(root, EDGES[name].title)
    here = f"briefings/{slug}/"
    (img,) = page(root / "public", here).xpath("//article//img")
    return img, here


def test_a_photo_exactly_as_wide_as_the_largest_width_is_published_at_that_width(edge_site):
    """1601 px gets a 1600 variant; 1600 px must too, not stop at 960."""
    wider, _ = edge_img(edge_site, "just-over-1600")
    exact, _ = edge_img(edge_site, "exactly-1600")
    assert max(w for _u, w in srcset(wider)) == 1600
    assert max(w for _u, w in srcset(exact)) == 1600, srcset(exact)


def test_transparent_areas_do_not_turn_black(edge_site):
    img, here = edge_img(edge_site, "transparent")
    for url, _width in srcset(img):
        with PIL.open(file_of(edge_site / "public", resolve(here, url))) as made:
            rgba = made.convert("RGBA")
            r, g, b, a = rgba.getpixel((rgba.width * 3 // 4, rgba.height // 2))
            assert a == 0 or min(r, g, b) > 200, f"{url}: the transparent half is now {(r, g, b, a)}"


def test_a_rotated_photo_is_published_upright_with_matching_width_and_height(edge_site):
    img, here = edge_img(edge_site, "rotated")
    assert int(img.get("height")) > int(img.get("width"))
    for url, width in srcset(img):
        with PIL.open(file_of(edge_site / "public", resolve(here, url))) as made:
            assert made.width == width and made.height == round(width * 1200 / 800), url


def test_published_photos_carry_no_camera_metadata(edge_site):
    """The photographer's GPS position and name stay out of the published files."""
    for path in sorted((edge_site / "public").rglob("*.jpg")):
        with PIL.open(path) as made:
            exif = made.getexif()
            assert 0x8825 not in exif and 0x013B not in exif, path.name


def test_a_removed_photo_leaves_the_entry_and_its_published_sizes(edge_site, tmp_path):
    root = Path(shutil.copytree(edge_site, tmp_path / "removed"))
    (root / "seeds" / "rotated.jpg").unlink()
    must(briefing("ingest", "--site", str(root)), "ingest")
    must(briefing("build", "--site", str(root)), "build")
    _meta, slug = entry_of(root, EDGES["rotated"].title)
    article = page(root / "public", f"briefings/{slug}/").xpath("//article")[0]
    assert not article.xpath(".//img")
    assert "MoD SR" in text(article), "the seed's credit line is still there"
    assert not list((root / "public").rglob(f"{slug}-*.jpg"))


def test_a_corrupt_photo_beside_a_seed_does_not_stop_the_build(tmp_path):
    """One unreadable photo is reported and the site still builds (as a failed seed does)."""
    made = SEEDS["big-jpeg"]
    root = write_files(
        tmp_path / "corrupt",
        {
            "briefing.toml": CONFIG,
            "seeds/bad.txt": made.text(),
            "seeds/bad.jpg": b"not a jpeg",
            "seeds/good.txt": SEEDS["no-image"].text(),
        },
    )
    ingest = briefing("ingest", "--site", str(root))
    assert "Traceback" not in ingest.err
    build = briefing("build", "--site", str(root))
    assert build.code == 0, f"one bad photo stopped the whole build:\n{build.err}"
    assert "bad.jpg" in ingest.err + build.err, "the bad photo is named"
