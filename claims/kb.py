"""The knowledge base as plain data: entities with aliases, and dated relations.

Built from records (the parsed `seeds/entities.yaml`); validation reports every problem
with the record's position so that the caller can point at the file and line.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from claims.errors import KnowledgeBaseError

ENTITY_KINDS = ("group", "person", "state", "force", "organisation")
RELATION_TYPES = ("pledged_to", "split_from", "merged_into", "renamed_to", "leads", "allied_with")


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Relation:
    subject: str
    relation: str
    object: str
    date: str | None = None  # when it began: YYYY, YYYY-MM or YYYY-MM-DD
    until: str | None = None  # when it ended, if it did
    note: str | None = None  # short source note


@dataclass(frozen=True)
class KnowledgeBase:
    entities: Mapping[str, Entity]
    relations: tuple[Relation, ...] = field(default=())

    @classmethod
    def from_records(cls, data: Mapping[str, Any], where: Mapping[str, str] | None = None) -> "KnowledgeBase":
        """Validate and build. `where` maps "entities[3]" style paths to "line N" for messages."""
        where = where or {}
        problems: list[str] = []
        entities = _entities(data.get("entities") or [], problems, where)
        relations = _relations(data.get("relations") or [], entities, problems, where)
        if problems:
            raise KnowledgeBaseError(problems)
        return cls(entities=entities, relations=tuple(relations))

    def find(self, subject: str, relation: str, object: str) -> Relation | None:
        for rel in self.relations:
            if (rel.subject, rel.relation, rel.object) == (subject, relation, object):
                return rel
        return None

    def relations_of(self, subject: str, relation: str) -> list[Relation]:
        return [r for r in self.relations if r.subject == subject and r.relation == relation]

    def leader_group(self, person_id: str) -> str | None:
        """The group a person leads (a pledge to a leader counts as a pledge to his group)."""
        led = self.relations_of(person_id, "leads")
        return led[-1].object if led else None


def _at(path: str, where: Mapping[str, str]) -> str:
    return f"{path} ({where[path]})" if path in where else path


def _entities(records: Iterable[Any], problems: list[str], where) -> dict[str, Entity]:
    out: dict[str, Entity] = {}
    for i, rec in enumerate(records):
        path = f"entities[{i}]"
        if not isinstance(rec, Mapping):
            problems.append(f"{_at(path, where)}: expected a mapping")
            continue
        missing = [k for k in ("id", "name", "kind") if not rec.get(k)]
        if missing:
            problems.append(f"{_at(path, where)}: missing {', '.join(missing)}")
            continue
        if rec["kind"] not in ENTITY_KINDS:
            problems.append(f"{_at(path, where)}: kind {rec['kind']!r} not one of {ENTITY_KINDS}")
        if rec["id"] in out:
            problems.append(f"{_at(path, where)}: duplicate id {rec['id']!r}")
        aliases = rec.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            problems.append(f"{_at(path, where)}: aliases must be a list of strings")
            aliases = []
        out[rec["id"]] = Entity(
            id=str(rec["id"]), name=str(rec["name"]), kind=str(rec["kind"]),
            aliases=tuple(aliases), country=rec.get("country"), note=rec.get("note"),
        )
    return out


def _relations(records: Iterable[Any], entities, problems: list[str], where) -> list[Relation]:
    out: list[Relation] = []
    for i, rec in enumerate(records):
        path = f"relations[{i}]"
        if not isinstance(rec, Mapping):
            problems.append(f"{_at(path, where)}: expected a mapping")
            continue
        bad = [k for k in ("subject", "object") if rec.get(k) not in entities]
        if bad:
            problems.append(f"{_at(path, where)}: unknown entity in {', '.join(bad)}: "
                            + ", ".join(repr(rec.get(k)) for k in bad))
            continue
        if rec.get("relation") not in RELATION_TYPES:
            problems.append(f"{_at(path, where)}: relation {rec.get('relation')!r} not one of {RELATION_TYPES}")
            continue
        out.append(Relation(
            subject=rec["subject"], relation=rec["relation"], object=rec["object"],
            date=_opt_str(rec.get("date")), until=_opt_str(rec.get("until")), note=rec.get("note"),
        ))
    return out


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)
