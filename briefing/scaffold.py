"""`briefing new DIR`: a working site to start from, as `hugo new site` gives one."""

from __future__ import annotations

from pathlib import Path

from briefing.errors import BriefingError

CONFIG = """# Site settings; every key is optional. See the Briefing README, "Configuration".
title = "{title}"
description = "Daily briefings on defence and security."
# Where the site will be published; a path works too (https://user.github.io/digest/).
base_url = "http://localhost:8000/"
language = "en"
page_size = 10
timezone = "UTC"
"""

ENTITIES = """# Your additions to the entity registry; every key is optional.
# add:                          # entities the shipped registry lacks
#   - name: Acme Dynamics
#     type: organisations       # countries, people, organisations, weapon_systems, topics
#     aliases: [Acme, ADX]
# aliases:                      # more aliases for an existing entity
#   S-400: [Triumf system]
# rename:                       # a new canonical name; the old one stays an alias
#   Turkey: Türkiye
# block:                        # never tag these
#   - Chad
"""

THEME_README = """Templates here override the default theme's, one file at a time: copy one
(for example entry.html) from the default theme into templates/ and edit it.
Files in static/ are copied to the root of public/, over the default's.
"""

SAMPLE_SEED = """Norway orders additional NASAMS air defence batteries
2024-05-14

Norway will buy two more NASAMS air defence batteries from Kongsberg, the Norwegian Ministry of Defence said on Tuesday, as NATO allies expand their ground-based air defence after lessons from the war in Ukraine.

The order covers launchers, radars and fire-distribution centres, with deliveries planned from 2026. Officials said the new batteries would protect air bases and the capital region.

Kongsberg developed NASAMS with Raytheon; the system fires AMRAAM missiles and is in service with a dozen countries, including Ukraine, which received batteries from several NATO members.
"""


def new_site(target: Path) -> list[Path]:
    """Create a site in `target` (new or empty); return the files written."""
    if target.exists() and not target.is_dir():
        raise BriefingError(f"{target} is a file, not a folder", hint="choose a new folder name")
    if target.exists() and any(target.iterdir()):
        raise BriefingError(
            f"{target} already exists and is not empty", hint="choose a new folder name, or empty this one"
        )
    title = target.name.replace("-", " ").replace("_", " ").strip().title() or "Briefing"
    files = {
        "briefing.toml": CONFIG.format(title=title.replace('"', "'")),
        "entities.yml": ENTITIES,
        "seeds/norway-orders-nasams.txt": SAMPLE_SEED,
        "themes/default/README.txt": THEME_README,
        "themes/default/templates/.keep": "",
        "themes/default/static/.keep": "",
        "content/.keep": "",
        ".gitignore": "/public/\n.briefing-cache/\n",
    }
    written = []
    try:
        for name, text in files.items():
            path = target / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written.append(path)
    except OSError as exc:
        raise BriefingError(
            f"cannot create the site: {exc.strerror}", target, hint="check the folder's permissions"
        ) from exc
    return written
