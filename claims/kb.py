"""The knowledge base as plain data: entities with aliases, and dated relations.

Built from records (the parsed `seeds/entities.yaml`); validation reports every problem
with the record's position so that the caller can point at the file and line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from claims.errors import KnowledgeBaseError
from claims.text import fold

ENTITY_KINDS = ("group", "person", "state", "force", "organisation")
RELATION_TYPES = ("pledged_to", "split_from", "merged_into", "renamed_to", "leads", "allied_with")


@dataclass(frozen=True, slots=True)
class DatedAlias:
    """A name valid over dates (ISGS took "Islamic State Sahel Province" in 2022)."""
    alias: str
    valid_from: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    valid_until: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()  # every alias, dated or not
    country: str | None = None
    note: str | None = None
    dated_aliases: tuple[DatedAlias, ...] = ()  # the aliases that have a validity
    # Names this entity shares with entities of other countries ("Ansar al-Sharia": the groups of
    # Libya, Tunisia and Mali): in a document, such a name means the one of the country in context.
    shared_names: tuple[str, ...] = ()

    def alias_valid_at(self, alias: str, when: str | None) -> bool:
        """False only when `alias` has a validity and `when` falls outside it."""
        for d in self.dated_aliases:
            if d.alias == alias and when:
                return not (_before(when, d.valid_from) or _after(when, d.valid_until))
        return True


@dataclass(frozen=True, slots=True)
class SharedName:
    """A name several entities of different countries go by. `by_country`: (country, entity id)
    pairs, in file order; `default`: the entity whose own name or alias it is (the name means it
    when no country decides), else None (no country: an unknown actor of that name)."""
    name: str
    by_country: tuple[tuple[str, str], ...]
    default: str | None = None

    def entity_of(self, country: str | None) -> str | None:
        """The entity of `country`, else None."""
        return next((e for c, e in self.by_country if c == country), None)

    def countries(self) -> frozenset[str]:
        return frozenset(c for c, _ in self.by_country)


@dataclass(frozen=True, slots=True)
class Relation:
    subject: str
    relation: str
    object: str
    date: str | None = None  # when it began: YYYY, YYYY-MM or YYYY-MM-DD
    until: str | None = None  # when it ended, if it did
    note: str | None = None  # short source note

    def holds_at(self, when: str) -> bool:
        """The relation had begun and not yet ended at `when` (any precision)."""
        return not (_before(when, self.date) or _after(when, self.until))


@dataclass(frozen=True)
class KnowledgeBase:
    entities: Mapping[str, Entity]
    relations: tuple[Relation, ...] = field(default=())
    # The relations by (subject, relation) and the renamings by the new name, in file order
    # (the extractor asks for them for many mentions: a scan of every relation each time costs more).
    _by_subject: Mapping[tuple[str, str], tuple[Relation, ...]] = field(init=False, repr=False, compare=False)
    _renamings: Mapping[str, tuple[Relation, ...]] = field(init=False, repr=False, compare=False)
    # The shared names by their folded spelling (built from the entities' `shared_names`).
    _shared: Mapping[str, SharedName] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_subject: dict[tuple[str, str], list[Relation]] = {}
        renamings: dict[str, list[Relation]] = {}
        for r in self.relations:
            by_subject.setdefault((r.subject, r.relation), []).append(r)
            if r.relation == "renamed_to":
                renamings.setdefault(r.object, []).append(r)
        object.__setattr__(self, "_by_subject", {k: tuple(v) for k, v in by_subject.items()})
        object.__setattr__(self, "_renamings", {k: tuple(v) for k, v in renamings.items()})
        object.__setattr__(self, "_shared", _shared_names(self.entities.values(), []))

    @classmethod
    def from_records(cls, data: Mapping[str, Any], where: Mapping[str, str] | None = None) -> "KnowledgeBase":
        """Validate and build. `where` maps "entities[3]" style paths to "line N" for messages."""
        where = where or {}
        problems: list[str] = []
        entities = _entities(data.get("entities") or [], problems, where)
        relations = _relations(data.get("relations") or [], entities, problems, where)
        _shared_names(entities.values(), problems, _entity_paths(data.get("entities"), where))
        if problems:
            raise KnowledgeBaseError(problems)
        return cls(entities=entities, relations=tuple(relations))

    def shared_names(self) -> tuple[SharedName, ...]:
        """Every shared name (one per spelling), in file order."""
        return tuple(self._shared.values())

    def shared_name(self, name: str) -> SharedName | None:
        """The shared name spelt `name` (case, diacritics and spaces aside), else None."""
        return self._shared.get(_name_key(name)) if self._shared else None

    def find(self, subject: str, relation: str, object: str) -> Relation | None:
        return next((r for r in self._by_subject.get((subject, relation), ()) if r.object == object), None)

    def relations_of(self, subject: str, relation: str) -> list[Relation]:
        return list(self._by_subject.get((subject, relation), ()))

    def existed_at(self, entity_id: str, when: str) -> bool:
        """False when the entity only took its name later (GSPC was renamed AQIM in 2007)."""
        return not any(r.date and _before(when, r.date) for r in self._renamings.get(entity_id, ()))

    def leader_group(self, person_id: str, when: str | None = None) -> str | None:
        """The group a person leads (a pledge to a leader counts as a pledge to his group):
        at `when` if given and known, else the latest he led (an open-ended one first)."""
        led = self.relations_of(person_id, "leads")
        if when:
            led = [r for r in led if r.holds_at(when) and self.existed_at(r.object, when)] or led
        led.sort(key=lambda r: (r.until is None, r.until or "", r.date or ""))
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
        aliases, dated = _aliases(rec.get("aliases") or [], path, problems, where)
        shared = rec.get("shared_names") or []
        if not (isinstance(shared, list) and all(isinstance(n, str) and n.strip() for n in shared)):
            problems.append(f"{_at(path, where)}: shared_names must be a list of names")
            shared = []
        elif shared and not rec.get("country"):
            problems.append(f"{_at(path, where)}: shared_names need a country (the country in context "
                            "decides which entity a shared name means)")
        out[rec["id"]] = Entity(
            id=str(rec["id"]), name=str(rec["name"]), kind=str(rec["kind"]),
            aliases=tuple(aliases), country=rec.get("country"), note=rec.get("note"),
            dated_aliases=tuple(dated), shared_names=tuple(shared),
        )
    return out


def _name_key(name: str) -> str:
    return " ".join(fold(name).split())


def _entity_paths(records: Any, where: Mapping[str, str]) -> dict[str, str]:
    """entity id -> "entities[3] (line N)" for the messages about shared names."""
    if not isinstance(records, list):
        return {}
    return {str(r["id"]): _at(f"entities[{i}]", where) for i, r in enumerate(records)
            if isinstance(r, Mapping) and r.get("id")}


def _shared_names(entities: Iterable[Entity], problems: list[str],
                  paths: Mapping[str, str] | None = None) -> dict[str, SharedName]:
    """The shared names by folded spelling. A shared name is listed in `shared_names` by the
    entities that share it and may be the name or an alias of one more (its default); the
    entities sharing one must be at least two, of different countries, with at most one default."""
    entities = list(entities)
    sharers: dict[str, list[Entity]] = {}
    for ent in entities:
        for n in ent.shared_names:
            sharers.setdefault(_name_key(n), []).append(ent)
    if not sharers:
        return {}
    owners: dict[str, list[Entity]] = {}
    for ent in entities:
        for n in {ent.name, *ent.aliases}:
            k = _name_key(n)
            if k in sharers and ent not in owners.setdefault(k, []):
                owners[k].append(ent)
    paths = paths or {}
    out: dict[str, SharedName] = {}
    for k, ents in sharers.items():
        first = next(n for n in ents[0].shared_names if _name_key(n) == k)
        at = paths.get(ents[0].id, f"entity {ents[0].id!r}")
        own = owners.get(k, [])
        if len(own) > 1:
            problems.append(f"{at}: shared name {first!r} is the name or an alias of several entities "
                            f"({', '.join(e.id for e in own)}): at most one may keep it as its own")
            continue
        if own and own[0] in ents:
            problems.append(f"{at}: {own[0].id!r} lists {first!r} both as a name or alias and in shared_names")
            continue
        everyone = own + [e for i, e in enumerate(ents) if e not in ents[:i]]
        if len(everyone) < 2:
            problems.append(f"{at}: shared name {first!r} is no other entity's (list it in shared_names "
                            "of the entities that share it, or in aliases)")
            continue
        countries = [e.country for e in everyone]
        same = sorted({str(c) for c in countries if countries.count(c) > 1})
        if same or None in countries:
            why = f"several are of {', '.join(same)}" if same else "one has no country"
            problems.append(f"{at}: shared name {first!r}: the entities that share it must be of different "
                            f"countries ({why}: {', '.join(e.id for e in everyone)})")
            continue
        out[k] = SharedName(first, tuple((str(e.country), e.id) for e in everyone), own[0].id if own else None)
    return out


def _aliases(items: Any, path: str, problems: list[str], where) -> tuple[list[str], list[DatedAlias]]:
    """Aliases are strings, or mappings {name, valid_from, valid_until} for dated names."""
    if not isinstance(items, list):
        problems.append(f"{_at(path, where)}: aliases must be a list")
        return [], []
    names: list[str] = []
    dated: list[DatedAlias] = []
    for item in items:
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, Mapping) and isinstance(item.get("name"), str) and _valid_dates(item):
            names.append(item["name"])
            dated.append(DatedAlias(item["name"], _opt_str(item.get("valid_from")),
                                    _opt_str(item.get("valid_until"))))
        else:
            problems.append(f"{_at(path, where)}: alias {item!r} is neither a string nor "
                            "{name, valid_from, valid_until} with YYYY[-MM[-DD]] dates")
    return names, dated


_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _valid_dates(rec: Mapping[str, Any], keys=("valid_from", "valid_until")) -> bool:
    return all(rec.get(k) is None or _DATE.match(str(rec[k])) for k in keys)


def _before(when: str, start: str | None) -> bool:
    """`when` ends before `start` begins (dates of any precision compare on their prefix)."""
    return start is not None and when[:len(start)] < start[:len(when)]


def _after(when: str, end: str | None) -> bool:
    return end is not None and when[:len(end)] > end[:len(when)]


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
        if not _valid_dates(rec, ("date", "until")):
            problems.append(f"{_at(path, where)}: date and until must be YYYY, YYYY-MM or YYYY-MM-DD")
            continue
        if rec.get("date") and rec.get("until") and _after(str(rec["date"]), str(rec["until"])):
            problems.append(f"{_at(path, where)}: until {rec['until']} is before date {rec['date']}")
            continue
        out.append(Relation(
            subject=rec["subject"], relation=rec["relation"], object=rec["object"],
            date=_opt_str(rec.get("date")), until=_opt_str(rec.get("until")), note=rec.get("note"),
        ))
    return out


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)
