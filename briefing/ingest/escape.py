"""Plain seed text to Markdown that renders back to exactly the same visible text."""

from __future__ import annotations

import re

# Characters that are markup anywhere in a line (Python-Markdown escapes all of them).
_INLINE = re.compile(r"([\\`*_\[\]{}])")
# Entity references would be decoded ("&amp;" would show as "&"); "<" starts raw HTML.
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# Line starts that open a block: headings, quotes, lists, rules.
# ("=" lines cannot be setext underlines: a paragraph is one line.)
_BLOCK_START = re.compile(r"^(\s*)([#>+\-]|\d+(?=[.)]))")
# Line starts that Python-Markdown cannot backslash-escape but that reach across paragraphs:
# ":" makes the paragraph before it a definition term (def_list), "~~~" opens a fenced code
# block that swallows every paragraph up to the next "~~~". A character reference defuses both.
_UNESCAPABLE_START = {":": "&#58;", "~": "&#126;"}


def escape_markdown(text: str) -> str:
    """Escape one paragraph of plain text so Markdown shows it verbatim."""
    text = _INLINE.sub(r"\\\1", text)
    text = _ENTITY.sub("&amp;", text)
    text = text.replace("<", "&lt;")
    if text[:1] in _UNESCAPABLE_START:
        return _UNESCAPABLE_START[text[0]] + text[1:]
    match = _BLOCK_START.match(text)
    if match:
        marker = match.group(2)
        if marker[0].isdigit():
            end = match.end()
            text = text[:end] + "\\" + text[end:]
        else:
            text = text[: match.start(2)] + "\\" + text[match.start(2) :]
    return text
