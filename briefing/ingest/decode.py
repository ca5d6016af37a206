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
    to charset-normalizer, checked against the alphabets of the languages the
    likely code pages serve (see _detect), line by line if some lines are UTF-8.
    """
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise NotText("it contains NUL bytes, so it is binary, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _decode_unknown(data)
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text and _looks_binary(text):
        raise NotText("it is mostly control characters, so it is binary, not text")
    text = _CONTROL.sub("", text)
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ").replace("\t", " ")
    return "\n".join(line.rstrip() for line in text.split("\n"))


# Single-byte code pages a seed that is not UTF-8 is most likely in, in the order a tie
# goes: Western European, then Central European (Windows, then ISO).
_EIGHT_BIT = ("cp1252", "cp1250", "iso8859_2")

# The accented Latin letters of the languages those code pages serve (lower case).
# A decoding whose accented letters no one language uses ("Èeská" with "ø", or
# "õ" beside "ö" and "û") read the bytes with the wrong code page.
_ALPHABETS = tuple(
    frozenset(letters)
    for letters in (
        "àâæçéèêëîïôœùûüÿ",  # French
        "äöü",  # German
        "áéíñóúü",  # Spanish
        "àáâãçéêíóôõú",  # Portuguese
        "àèéìíîòóùú",  # Italian
        "áäéëíïóöúüàè",  # Dutch
        "æøåéóàô",  # Danish, Norwegian
        "åäöéšž",  # Swedish, Finnish
        "áðéíóúýþæö",  # Icelandic
        "àçéèíïóòúü",  # Catalan
        "äõöüšž",  # Estonian
        "ąćęłńóśźż",  # Polish
        "áčďéěíňóřšťúůýž",  # Czech
        "áäčďéíĺľňóôŕšťúýž",  # Slovak
        "áéíóöőúüű",  # Hungarian
        "čćđšž",  # Slovene, Croatian, Bosnian
        "ăâîșşțţ",  # Romanian
        "çë",  # Albanian
        "çğıöşü",  # Turkish
    )
)
# Marks that sit against a word in real text; any other symbol there ("¶mig³owce")
# is a letter of another code page.
_WORD_MARKS = frozenset("“”‘’‚„«»‹›–—…•·¿¡°€£¥§©®™")
_C1 = re.compile("[\x80-\x9f]")
_NEXT_TO_LETTER = re.compile(r"(?<=[A-Za-z\u00c0-\u024f])[^\x00-\x7f]|[^\x00-\x7f](?=[A-Za-z\u00c0-\u024f])")


def _decode_unknown(data: bytes) -> str:
    """Bytes that are not UTF-8 as a whole: line by line if some lines are.

    A seed pasted together from two sources (a UTF-8 title over a cp1252 body) has
    lines in each; every line that is UTF-8 with accents is read as UTF-8, the other
    lines together in the code page they share.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _detect(data)  # UTF-16: its lines are not byte lines
    lines = data.split(b"\n")
    utf8 = {n for n, line in enumerate(lines) if not line.isascii() and _is_utf8(line)}
    if not utf8:
        return _detect(data)
    others = [n for n, line in enumerate(lines) if n not in utf8 and not line.isascii()]
    decoded = _detect(b"\n".join(lines[n] for n in others)).split("\n")
    if len(decoded) != len(others):
        return _detect(data)
    text = {n: lines[n].decode("utf-8") for n in utf8} | dict(zip(others, decoded, strict=True))
    return "\n".join(text.get(n) or line.decode("ascii") for n, line in enumerate(lines))


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _detect(data: bytes) -> str:
    """The text in the 8-bit or 16-bit encoding that reads it most like one language.

    charset-normalizer's measure often ties or errs on short Western and Central
    European text (cp1250's "naďve" for cp1252's "naïve", cp1252's "Èeská" for
    cp1250's "Česká", ISO-8859-14 for a Polish ISO-8859-2 seed). So the likely code
    pages that decode the bytes cleanly, and the detector's own best guess (Cyrillic,
    Greek, CJK...), are each read, and the one whose accented letters fit one
    language's alphabet, with no stray symbol or other script inside a Latin word,
    wins; a tie goes to cp1252, the most common, so Western seeds read as before.
    """
    found = [text for name in _EIGHT_BIT if (text := _clean_decode(data, name)) is not None]
    best = from_bytes(data).best()
    if best is not None:
        found.append(str(best))
    if not found:
        raise NotText("its encoding cannot be detected")
    return min(found, key=_misfit)  # the first of equals: the order above


def _clean_decode(data: bytes, encoding: str) -> str | None:
    """The bytes in `encoding`, or None if it leaves a byte undefined or a C1 control."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return None if _C1.search(text) else text


def _misfit(text: str) -> int:
    """How badly a decoding reads: accented letters no one language shares, plus
    symbols and letters of other scripts stuck to Latin letters."""
    letters = {ch for ch in set(text.casefold()) if ord(ch) > 127 and ch.isalpha() and _latin(ch)}
    foreign = min(len(letters - alphabet) for alphabet in _ALPHABETS) if letters else 0
    stuck = 0
    for found in _NEXT_TO_LETTER.finditer(text):
        ch = found.group()
        if ch not in _WORD_MARKS and not (ch.isalpha() and _latin(ch)):
            stuck += 1
    return foreign + stuck


def _latin(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith("LATIN")


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = len(_CONTROL.findall(sample)) + sample.count("\ufffd")
    return controls > max(8, len(sample) // 20)
