"""Tag slugs from the tag's name alone, so a published tag URL does not move when other tags come.

slugify drops symbols it cannot spell: "C", "C#" and "C++" would all be "c", and numbering
them in sort order ("c", "c-2", "c-3") moved C++'s page whenever C# arrived. The symbols that
tell such names apart are spelt out instead ("c-sharp", "c-plus-plus"). Names that still
meet on one slug differ only in case, accents or punctuation ("S-400", "S 400" written by
hand): the plainest spelling keeps the bare slug, and each other one gets a suffix made
from its own name, never from what else the site holds.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable

from slugify import slugify

MAX_LENGTH = 80

# Only symbols that slugify would drop without a trace; "&" between words already leaves a
# hyphen ("larsen-toubro"), so published slugs of such names stay as they were.
_SPELLED = [["++", " plus plus "], ["+", " plus "], ["#", " sharp "]]


def base_slug(name: str) -> str:
    """The slug a tag named `name` gets unless another spelling of it is plainer."""
    return slugify(name, max_length=MAX_LENGTH, replacements=_SPELLED) or "tag"


def tag_slugs(names: Iterable[str]) -> dict[str, str]:
    """Each name's slug: its base slug, with a suffix of its own for the less plain of names
    that share one."""
    sharing: dict[str, list[str]] = defaultdict(list)
    for name in names:
        sharing[base_slug(name)].append(name)
    slugs: dict[str, str] = {}
    for base, group in sharing.items():
        group.sort(key=_plainness)
        slugs[group[0]] = base
        for other in group[1:]:
            slugs[other] = f"{base}-{hashlib.blake2s(other.encode('utf-8'), digest_size=3).hexdigest()}"
    return slugs


def _plainness(name: str) -> tuple[int, int, str]:
    """Fewer marks, then fewer capitals, then the name itself: a fixed order of spellings."""
    marks = sum(1 for char in name if not (char.isalnum() or char in " -"))
    capitals = sum(1 for char in name if char.isupper())
    return marks, capitals, name
