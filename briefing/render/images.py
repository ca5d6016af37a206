"""Photos for the web: each entry's photo at a few widths, for `srcset`, made with Pillow.

Output is deterministic (same source bytes, same settings, same bytes out),
so photos take part in byte-identical builds like every other file.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from briefing.errors import ContentError

WIDTHS = (480, 960, 1600)
QUALITY = 82


@dataclass(frozen=True)
class Variant:
    file: str  # output path under public/
    width: int
    height: int


def photo_size(path: Path) -> tuple[int, int]:
    """Width and height as displayed (EXIF rotation applied), reading only the header."""
    from PIL import Image as Pillow  # imported here: only sites with photos need it

    try:
        with Pillow.open(path) as image:
            width, height = image.size
            orientation = image.getexif().get(0x0112, 1)
    except (OSError, ValueError, Pillow.DecompressionBombError) as exc:
        raise ContentError(
            f"photo {path.name} cannot be read: {exc}",
            path,
            hint="replace it with a valid JPEG, PNG or WebP file",
        ) from exc
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)


def photo_problem(path: Path) -> str | None:
    """Why the photo cannot be used (unreadable, or cut short: a half-copied file), or None.

    Truncation is told from the file's structure (JPEG's end-of-image marker after its last
    scan, PNG's IEND chunk, WebP's RIFF length), which costs no decoding: resizing a
    cut-short JPEG fails only when its page is rendered, after every other page.
    """
    try:
        photo_size(path)
        data = path.read_bytes()
    except (ContentError, OSError) as exc:
        return str(getattr(exc, "message", exc))
    if data.startswith(b"\xff\xd8") and data.find(b"\xff\xd9", max(0, data.rfind(b"\xff\xda"))) == -1:
        return "the JPEG file is cut short"  # no end-of-image marker after the last scan
    if data.startswith(b"\x89PNG") and b"IEND" not in data[-64:]:
        return "the PNG file is cut short"
    if data.startswith(b"RIFF") and int.from_bytes(data[4:8], "little") + 8 > len(data):
        return "the WebP file is cut short"
    return None


def variants(slug: str, source: str, width: int, height: int) -> list[Variant]:
    """The widths made for a photo: the standard ones it is wider than, or its own."""
    suffix = ".png" if source.lower().endswith(".png") else ".jpg"
    widths = [w for w in WIDTHS if w <= width] or [width]
    if width not in widths and width < WIDTHS[-1] and widths[-1] < width:
        widths.append(width)
    return [Variant(f"images/{slug}-{w}{suffix}", w, max(1, round(height * w / width))) for w in widths]


def resize(path: Path, variant: Variant) -> bytes:
    from PIL import Image as Pillow
    from PIL import ImageOps

    with Pillow.open(path) as original:
        image = ImageOps.exif_transpose(original)
        image = image.resize((variant.width, variant.height), Pillow.Resampling.LANCZOS)
        out = io.BytesIO()
        if variant.file.endswith(".png"):
            image.save(out, "PNG", optimize=True)
        else:
            if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
                # JPEG has no transparency: lay the photo on white, not on black.
                backdrop = Pillow.new("RGB", image.size, (255, 255, 255))
                backdrop.paste(image, mask=image.convert("RGBA").getchannel("A"))
                image = backdrop
            image.convert("RGB").save(out, "JPEG", quality=QUALITY, optimize=True, progressive=True)
        return out.getvalue()
