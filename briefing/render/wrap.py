"""Text that wraps well on a phone: long names break anywhere, designations never at their hyphen.

A line may break after a hyphen, so "S-400" could end one line with "S-" and start
the next with "400". `nobreak` wraps each short designation (S-400, Su-57, F-35A,
MQ-9B, IRIS-T) in a span the stylesheet keeps on one line. Only short tokens: a long
hyphenated name ("Kosiniak-Kamysz", "Bosnia and Herzegovina") must still wrap, or
it would push a 390 px page sideways. The text itself is unchanged, so find-in-page,
copy and search see the plain hyphen (a U+2011 hyphen would not match "S-400").
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

# Parts of letters and digits joined by hyphens, 12 characters at most, with a digit in
# it or a last part of one or two letters (IRIS-T, Agni-V).
_DESIGNATION = re.compile(r"(?<![\w-])(?=[\w-]{3,12}(?![\w-]))[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+(?![\w-])")


def _is_designation(token: str) -> bool:
    return any(c.isdigit() for c in token) or len(token.rsplit("-", 1)[1]) <= 2


def nobreak(text: object) -> Markup:
    """HTML of `text` with its designations in <span class="nw">."""
    escaped = str(escape(text))
    return Markup(
        _DESIGNATION.sub(
            lambda m: f'<span class="nw">{m.group(0)}</span>' if _is_designation(m.group(0)) else m.group(0),
            escaped,
        )
    )
