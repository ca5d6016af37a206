"""Seed bytes to clean text: detect the encoding, normalise line ends and spaces."""

from __future__ import annotations

import re
import unicodedata

from charset_normalizer import from_bytes

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff]")


class NotText(ValueError):
    """The bytes are not text in any encoding we can tell."""


def decode_seed(data: bytes) -> str:
    """Decode seed bytes to text with LF line ends and no trailing spaces.

    UTF-8 (with or without a BOM) is tried strictly first: it is by far the
    most common and a strict decode never guesses wrong. Anything else goes
    to charset-normalizer, which tells cp1252 from latin-1 and friends.
    """
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise NotText("it contains NUL bytes, so it is binary, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _detect(data)
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text and _looks_binary(text):
        raise NotText("it is mostly control characters, so it is binary, not text")
    text = _CONTROL.sub("", text)
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ").replace("\t", " ")
    return "\n".join(line.rstrip() for line in text.split("\n"))


def _detect(data: bytes) -> str:
    """The text in whatever 8-bit or 16-bit encoding the detector finds, Western first.

    On short Western text charset-normalizer often prefers another code page that
    decodes the same bytes with as little "mess", or less, by its weak measure:
    cp1250's "naďve" for cp1252's "naïve", DOS cp852 for curly quotes and dashes,
    cp720 or cp1006 for accents. Seeds that are not UTF-8 are overwhelmingly cp1252
    or latin-1 (whose printable characters cp1252 shares byte for byte), so cp1252
    wins whenever the detector accepts it as text at all; Cyrillic, Greek, Polish,
    Hebrew, Arabic and CJK bytes are too messy as cp1252 and keep the detector's answer.
    """
    western = from_bytes(data, cp_isolation=["cp1252"]).best()
    if western is not None:
        return str(western)
    best = from_bytes(data).best()
    if best is None:
        raise NotText("its encoding cannot be detected")
    return str(best)


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = len(_CONTROL.findall(sample)) + sample.count("\ufffd")
    return controls > max(8, len(sample) // 20)
