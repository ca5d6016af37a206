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
        best = from_bytes(data).best()
        if best is None:
            raise NotText("its encoding cannot be detected") from None
        text = str(best)
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text and _looks_binary(text):
        raise NotText("it is mostly control characters, so it is binary, not text")
    text = _CONTROL.sub("", text)
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ").replace("\t", " ")
    return "\n".join(line.rstrip() for line in text.split("\n"))


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = len(_CONTROL.findall(sample)) + sample.count("\ufffd")
    return controls > max(8, len(sample) // 20)
