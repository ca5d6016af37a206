"""Valid little photos for the tests, made with Pillow."""

from __future__ import annotations

import io


def jpeg_bytes(colour: str = "red", size: tuple[int, int] = (40, 30)) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG")
    return buffer.getvalue()
