"""Entry bodies from Markdown to HTML, safely.

Seeds are escaped at ingest, but editors write Markdown by hand and entries
can come from anywhere: raw HTML is off unless the site allows it (as in
Hugo), and links with script-running schemes are dropped either way.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

import markdown
from markdown.treeprocessors import InlineProcessor, Treeprocessor
from markdown.util import AMP_SUBSTITUTE, ETX, STX

_EXTENSIONS = ["tables", "fenced_code", "footnotes", "sane_lists", "def_list", "abbr"]
_SAFE_SCHEME = re.compile(r"^(?:https?:|mailto:|#|/|\.|[^:/?#]*(?:[/?#]|$))", re.IGNORECASE)


class _SafeLinks(Treeprocessor):
    """Drop href/src values whose scheme could run script (javascript:, data:, vbscript:)."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is not None and not _SAFE_SCHEME.match(_as_browsers_read(value)):
                    element.set(attribute, "#")


def _as_browsers_read(value: str) -> str:
    """The URL a browser acts on: character references decoded ("javascript&#58;" is
    "javascript:"; Markdown keeps them, behind its placeholder for "&"), then spaces and
    control characters dropped (URL parsers strip or ignore them: "java\tscript:")."""
    decoded = html.unescape(value.replace(AMP_SUBSTITUTE, "&"))
    return "".join(ch for ch in decoded if ch > " " and ch != "\x7f")


# What each inline pattern we run needs in a text before it can match: backtick, escape,
# links, images and references ("[", "!["), footnotes ("[^"), autolinks, mail and HTML ("<"),
# entities ("&"), a hard break ("  \n"), and the stash's placeholders. Emphasis delimiters
# are added from the instance itself.
_KNOWN_INLINE = {
    "backtick": "`\\",
    "escape": "\\",
    "reference": "[",
    "link": "[",
    "image_link": "!",
    "image_reference": "!",
    "short_reference": "[",
    "short_image_ref": "!",
    "autolink": "<",
    "automail": "<",
    "linebreak": "",
    "html": "<",
    "entity": "&",
    "em_strong": "",
    "footnote": "[",
}


class _QuickInline(InlineProcessor):
    """Python-Markdown's inline step, which returns at once a text no pattern can match.

    Most of a briefing is plain prose, yet each text node is searched once per inline
    pattern (some fifteen regex scans and their Python around them): half the cost of
    a body. One scan for the characters every pattern needs gives the same HTML, which
    tests/build/test_markdown_fastpath.py checks against the unmodified processor.
    """

    def __init__(self, md: markdown.Markdown, triggers: re.Pattern[str]) -> None:
        super().__init__(md)
        self._triggers = triggers

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        if patternIndex == 0 and self._triggers.search(data) is None:
            return data
        return InlineProcessor._InlineProcessor__handleInline(self, data, patternIndex)  # type: ignore[attr-defined]


def _install_quick_inline(md: markdown.Markdown) -> None:
    """Use _QuickInline when every inline pattern is one we know the trigger characters of."""
    names = [name for name in _KNOWN_INLINE if name in md.inlinePatterns]
    delimiters = getattr(md.delimiters, "delimiters", None)
    if (
        not hasattr(InlineProcessor, "_InlineProcessor__handleInline")
        or delimiters is None
        or len(names) != len(md.inlinePatterns)
    ):
        return  # another Python-Markdown or extension: keep its own inline step
    chars = {c for name in names for c in _KNOWN_INLINE[name]} | set("".join(delimiters)) | {STX, ETX}
    triggers = re.compile("[" + re.escape("".join(sorted(chars))) + "]|  \n")
    md.treeprocessors.register(_QuickInline(md, triggers), "inline", 20)


# Python-Markdown's serializer: "&" becomes "&amp;" unless it starts a character reference.
_BARE_AMP = re.compile(r"&(?!(?:\#[0-9]+|\#x[0-9a-f]+|[0-9a-z]+);)", re.IGNORECASE)


class _Prose:
    """Bodies that are only paragraphs of prose, rendered without the parser, to the same HTML.

    Ingest writes a seed as one line per paragraph, with every markup character
    backslash-escaped: the odd "*", "_" or "[text](url)" of real copy sends a line
    through every inline pattern of Python-Markdown for nothing (some 5 ms a body,
    most of a cold build). A body qualifies when each paragraph is one line, blank
    lines between, and nothing in a line can start a block or an inline pattern:
    no unescaped markup character, no backslash that escapes nothing, no line that
    opens a heading, list, quote, definition or fence. Its HTML is then what
    Python-Markdown makes of it: escapes resolved, "&", "<", ">" as its serializer
    writes them, "<p>" per line. Anything else returns None and takes the parser;
    tests/build/test_markdown_prose.py compares the two on any text.
    """

    def __init__(self, md: markdown.Markdown) -> None:
        escapable = re.escape("".join(sorted(md.ESCAPED_CHARS)))
        self._escape = re.compile(r"\\([" + escapable + "])")
        # What may not be left once the escapes are taken out: markup that can open anywhere
        # in a line (emphasis, code, links, HTML), a backslash that escapes nothing
        # (the parser keeps it; rare), and characters the parser normalises (tabs, controls,
        # its own STX/ETX placeholders).
        self._markup = re.compile("[`*_\\[\\]<\\\\\x00-\x1f\x7f]")
        # Line starts that open a block: heading, quote, list, rule, setext underline,
        # definition, fence, numbered list.
        self._block = re.compile(r"[#>+\-=:~]|\d+[.)]")

    def html(self, text: str) -> str | None:
        paragraphs = []
        after_blank = True
        for line in text.split("\n"):
            if not line:
                after_blank = True
                continue
            if (
                not after_blank  # two lines in one paragraph
                or line != line.strip()
                or self._block.match(line)
                or self._markup.search(self._escape.sub("", line))
            ):
                return None
            after_blank = False
            line = self._escape.sub(r"\1", line)
            if "&" in line:
                line = _BARE_AMP.sub("&amp;", line)
            if ">" in line:
                line = line.replace(">", "&gt;")
            paragraphs.append(f"<p>{line}</p>")
        return "\n".join(paragraphs)


def _prose_applies(md: markdown.Markdown) -> bool:
    """The prose path is exact only for the Python-Markdown it was checked against: escapes
    resolved in the tree (UnescapeTreeprocessor, 3.4 on), the pipeline this module sets up."""
    return "unescape" in md.treeprocessors and "escape" in md.inlinePatterns


class MarkdownRenderer:
    """One configured Python-Markdown instance, reset between bodies (reuse is 5x faster)."""

    def __init__(self, allow_html: bool = False, quick: bool = True) -> None:
        self._md = markdown.Markdown(extensions=_EXTENSIONS, output_format="html")
        if not allow_html:
            self._md.preprocessors.deregister("html_block")
            self._md.inlinePatterns.deregister("html")
        self._md.treeprocessors.register(_SafeLinks(self._md), "briefing_safe_links", 0)
        self._prose = _Prose(self._md) if quick and _prose_applies(self._md) else None
        if quick:
            _install_quick_inline(self._md)

    def render(self, text: str) -> str:
        if self._prose is not None:
            html = self._prose.html(text)
            if html is not None:
                return html
        try:
            return self._md.reset().convert(text)
        finally:
            self._md.reset()
