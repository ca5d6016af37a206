"""A site's own `entities.yml`: extend or override the shipped registry.

Every key is optional; an empty or missing file changes nothing::

    # entities.yml, at the site root (next to briefing.toml)
    add:                          # entities the shipped registry lacks
      - name: Acme Dynamics
        type: organisations       # countries, people, organisations, weapon_systems, topics
        aliases: [Acme, ADX]      # optional
        weak: [Roadrunner]        # optional: aliases that count only in context
        kind: firm                # optional: lets topics fire on it (see topics.yml)
    aliases:                      # more aliases for an existing entity
      S-400: [Triumf system]
    rename:                       # a new canonical name; the old one stays an alias.
      Turkey: Türkiye             # Also renames names found by the text rules.
    block:                        # never tag these. A canonical name drops the entity,
      - Chad                      # an alias drops that alias, other text drops a name
      - Acme Widgets              # found by the text rules; all stop matching as phrases.

Errors name the file and line and raise `ConfigError`, never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from briefing.entities.model import ENTITY_GROUPS, Entity
from briefing.errors import ConfigError

FILENAME = "entities.yml"
_KEYS = ("add", "aliases", "rename", "block")
_RECORD_KEYS = ("name", "type", "aliases", "weak", "kind", "surnames", "implied_by")
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Located:
    """A value from the file with the 1-based line it was written on."""

    value: str
    line: int


@dataclass
class SiteRules:
    add: list[tuple[Entity, int]] = field(default_factory=list)
    aliases: list[tuple[Located, list[Located]]] = field(default_factory=list)
    rename: list[tuple[Located, Located]] = field(default_factory=list)
    block: list[Located] = field(default_factory=list)


class _Reader:
    """Walks the composed YAML nodes so every error can say where it is."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, message: str, node: yaml.Node | None, hint: str | None = None) -> ConfigError:
        line = node.start_mark.line + 1 if node is not None else None
        return ConfigError(message, self.path, line, hint=hint)

    def mapping(self, node: yaml.Node, what: str) -> list[tuple[yaml.ScalarNode, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(f"{what} must be a mapping of `key: value` lines", node)
        pairs = []
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.fail(f"{what} has a key that is not plain text", key_node)
            pairs.append((key_node, value_node))
        return pairs

    def text(self, node: yaml.Node, what: str) -> Located:
        if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
            raise self.fail(f"{what} must be a non-empty name", node)
        return Located(" ".join(str(node.value).split()), node.start_mark.line + 1)

    def texts(self, node: yaml.Node, what: str) -> list[Located]:
        """A list of names; a single name is accepted as a list of one."""
        if isinstance(node, yaml.ScalarNode):
            if node.tag.endswith(":null"):
                return []
            return [self.text(node, what)]
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(f"{what} must be a list of names", node, hint="write [a, b]")
        return [self.text(item, what) for item in node.value]


def read_site_rules(site_root: Path) -> SiteRules | None:
    """The site's rules, or None when it has no `entities.yml`."""
    path = site_root / FILENAME
    if not path.is_file():
        return None
    try:
        source = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read it: {error}", path, hint="save it as UTF-8 text") from None
    try:
        root = yaml.compose(source, Loader=Loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or "it is not valid YAML"
        raise ConfigError(
            f"invalid YAML: {problem}",
            path,
            mark.line + 1 if mark is not None else None,
            hint="check the indentation and quoting near that line",
        ) from None
    rules = SiteRules()
    if root is None or (isinstance(root, yaml.ScalarNode) and root.tag.endswith(":null")):
        return rules
    reader = _Reader(path)
    for key_node, value in reader.mapping(root, "the file"):
        key = key_node.value
        if key not in _KEYS:
            raise reader.fail(f"unknown key `{key}`", key_node, hint=f"use {', '.join(_KEYS)}")
        if isinstance(value, yaml.ScalarNode) and value.tag.endswith(":null"):
            continue
        if key == "add":
            rules.add += _entities(reader, value)
        elif key == "aliases":
            for name, extra in reader.mapping(value, "`aliases`"):
                rules.aliases.append(
                    (
                        reader.text(name, "an `aliases` key"),
                        reader.texts(extra, f"the aliases of {name.value}"),
                    )
                )
        elif key == "rename":
            for old, new in reader.mapping(value, "`rename`"):
                rules.rename.append(
                    (reader.text(old, "a `rename` key"), reader.text(new, f"the new name of {old.value}"))
                )
        else:
            rules.block += reader.texts(value, "`block`")
    return rules


def _entities(reader: _Reader, node: yaml.Node) -> list[tuple[Entity, int]]:
    if not isinstance(node, yaml.SequenceNode):
        raise reader.fail("`add` must be a list of entities", node, hint="start each one with `- name: ...`")
    found = []
    for item in node.value:
        fields: dict[str, yaml.Node] = {}
        for key_node, value in reader.mapping(item, "an `add` entry"):
            if key_node.value not in _RECORD_KEYS:
                raise reader.fail(
                    f"unknown field `{key_node.value}` in an `add` entry",
                    key_node,
                    hint=f"use {', '.join(_RECORD_KEYS)}",
                )
            fields[key_node.value] = value
        if "name" not in fields or "type" not in fields:
            raise reader.fail("an `add` entry needs a `name` and a `type`", item)
        name = reader.text(fields["name"], "`name`")
        group = reader.text(fields["type"], "`type`")
        if group.value not in ENTITY_GROUPS:
            raise reader.fail(
                f"unknown type `{group.value}`", fields["type"], hint=f"use one of {', '.join(ENTITY_GROUPS)}"
            )
        lists = {
            field_name: _names(reader, fields, field_name, name.value)
            for field_name in ("aliases", "weak", "surnames", "implied_by")
        }
        kind = reader.text(fields["kind"], "`kind`").value if "kind" in fields else ""
        entity = Entity(name=name.value, type=group.value, kind=kind, **lists)
        found.append((entity, name.line))
    return found


def _names(reader: _Reader, fields: dict[str, yaml.Node], field_name: str, owner: str) -> tuple[str, ...]:
    value = fields.get(field_name)
    if value is None:
        return ()
    return tuple(v.value for v in reader.texts(value, f"`{field_name}` of {owner}"))
