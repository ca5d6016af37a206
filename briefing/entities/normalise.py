"""Text to match keys: one length-preserving fold shared by aliases and articles.

Every character maps to exactly one character, so a match at [start, end) in the
folded text is the same span of the original: the matcher can check the original's
capitals without an offset table. The fold lowercases, strips diacritics ("Erdoğan"
is "erdogan"), turns every non-alphanumeric character into a space (so "Russia's" is
"russia s" and "S-400" is "s 400") and spells "defense" and "organization" the British
way (same lengths), so aliases need not list both spellings.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters NFKD does not decompose to a base letter, but readers treat as one.
_SPECIAL = {
    "ı": "i",
    "ø": "o",
    "Ø": "o",
    "đ": "d",
    "Đ": "d",
    "ł": "l",
    "Ł": "l",
    "ß": "s",
    "æ": "a",
    "Æ": "a",
    "œ": "o",
    "Œ": "o",
    "þ": "t",
    "ð": "d",
    "ħ": "h",
    "Ħ": "h",
}


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x80, 0x250):
        char = chr(code)
        folded = _SPECIAL.get(char)
        if folded is None:
            base = "".join(
                c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
            ).lower()
            folded = base if len(base) == 1 and base.isascii() and base.isalnum() else " "
        table[code] = folded
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = chr(code + 32)
    return table


_TABLE = _build_table()
_NOT_WORD = re.compile(r"[^0-9a-z]")
# _NOT_WORD as a byte table for ASCII text: digits and lower-case letters stay, all else is a space.
_WORD_BYTES = bytes(b if chr(b).isdigit() or "a" <= chr(b) <= "z" else 32 for b in range(256))
_SPELLING = re.compile(r"\b(defen)s(e|es)\b|\b(organi)z(ation|ations|ed)\b")


def _british(match: re.Match[str]) -> str:
    if match.group(1):
        return f"{match.group(1)}c{match.group(2)}"
    return f"{match.group(3)}s{match.group(4)}"


def prepare(text: str) -> str:
    """The original text in the form every span refers to (composed Unicode)."""
    return unicodedata.normalize("NFC", text)


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_LOWER_TABLE = {chr(code): folded for code, folded in _TABLE.items() if code >= 0x80}


def _fold_char(match: re.Match[str]) -> str:
    return _LOWER_TABLE.get(match.group(), " ")


def fold(text: str) -> str:
    """The match key of prepared text: same length, lowercase ASCII words and spaces."""
    # str.lower() runs in C; only the few non-ASCII characters (quotes, accents) go through
    # the table. A character whose lower case is longer ("İ") takes the table's slow path.
    lowered = text.lower()
    if len(lowered) != len(text):
        words = _NOT_WORD.sub(" ", text.translate(_TABLE))
    else:
        if not lowered.isascii():
            lowered = _NON_ASCII.sub(_fold_char, lowered)  # now ASCII: the table maps to ASCII
        # Bytes.translate, not a regex substitution at every space and comma.
        words = lowered.encode("ascii").translate(_WORD_BYTES).decode("ascii")
    if "defens" in words or "organiz" in words:  # the spellings _SPELLING rewrites
        return _SPELLING.sub(_british, words)
    return words


@lru_cache(maxsize=1 << 16)
def key(alias: str) -> str:
    """An alias's key: folded, with runs of separators collapsed to one space."""
    return " ".join(fold(prepare(alias)).split())


_DIGIT = re.compile("[0-9]")
_LETTER_DIGIT = re.compile(r"(?<=[a-z]) ?(?=[0-9])")


@lru_cache(maxsize=1 << 16)
def variants(alias: str, plural: bool = False) -> tuple[str, ...]:
    """Keys an alias can appear as: "S-400" is also "S 400" and "S400".

    Between a letter and the digits after it the separator is optional, so both the
    spaced and the joined forms are keys; `plural` adds "F-16s"-style plurals.
    """
    folded = fold(prepare(alias))
    base = " ".join(folded.split())  # key(alias), without folding it twice
    if not base:
        return ()
    # Punctuation before a space folds to two spaces in running text ("U.S. Army" is
    # "u s  army"), so the alias's own uncollapsed fold is a key too.
    raw = folded.strip()
    forms = dict.fromkeys((base, raw))
    if _DIGIT.search(base):  # most aliases have no digits: no other forms (keys are ASCII)
        for text in (base, raw):
            forms[_LETTER_DIGIT.sub(" ", text)] = None
            forms[_LETTER_DIGIT.sub("", text)] = None
    if plural:
        for form in list(forms):
            if form[-1] != "s":
                forms[form + "s"] = None
    return tuple(forms)
