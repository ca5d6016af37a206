"""Entity tagging: a registry of countries, people, organisations, weapon systems and
topics with their aliases, and a tagger that finds them in an article."""

from briefing.entities.model import ENTITY_GROUPS, Entity, Tagging
from briefing.entities.registry import Registry, load_registry
from briefing.entities.tagger import tag_article

__all__ = ["ENTITY_GROUPS", "Entity", "Registry", "Tagging", "load_registry", "tag_article"]
