"""Python objects -> Arrow tables shaped like the warehouse tables (for bulk loads).

Every table has an explicit schema, so an empty batch or a column that is all None still
has the right types. Staged tables are registered under a fixed name that the SQL in
`queries/` reads (`staged_<what>`).
"""
from __future__ import annotations

import contextlib
import hashlib
import json
from typing import Any, Iterable, Iterator, Mapping, Sequence

import duckdb
import pyarrow as pa

from claims.kb import KnowledgeBase
from claims.model import Claim, EntityRef
from sources.model import Article

_S = pa.string()
_I = pa.int32()
_MEMBER = pa.struct([("id", _S), ("name", _S), ("text", _S)])

ARTICLES = pa.schema([
    ("article_id", _S), ("url", _S), ("canonical_url", _S), ("source_id", _S), ("title", _S),
    ("published", pa.date32()), ("lang", _S), ("text", _S), ("author", _S), ("publisher", _S),
    ("content_hash", _S),
])
CURSORS = pa.schema([("source_id", _S), ("url", _S), ("etag", _S), ("last_modified", _S)])
SOURCES = pa.schema([
    ("source_id", _S), ("kind", _S), ("url", _S), ("lang", _S), ("enabled", pa.bool_()),
    ("reliability", _S), ("poll_minutes", _I), ("config", _S),
])
ENTITIES = pa.schema([("entity_id", _S), ("name", _S), ("kind", _S), ("country", _S), ("note", _S)])
ALIASES = pa.schema([("entity_id", _S), ("alias", _S)])
RELATIONS = pa.schema([
    ("relation_no", _I), ("subject", _S), ("relation", _S), ("object", _S),
    ("date", _S), ("until", _S), ("note", _S),
])
CLAIMS = pa.schema([
    ("claim_id", _S), ("article_id", _S), ("event_id", _S), ("type", _S),
    ("subject_id", _S), ("subject_name", _S), ("subject_text", _S),
    ("object_id", _S), ("object_name", _S), ("object_text", _S),
    ("members", pa.list_(_MEMBER)), ("date", _S), ("place", _S), ("country", _S),
    ("killed", _I), ("wounded", _I), ("kidnapped", _I), ("polarity", _S),
    ("confidence", pa.float64()), ("sentence", _S), ("start_offset", _I), ("end_offset", _I),
])
EVENTS = pa.schema([
    ("event_id", _S), ("type", _S), ("subject_id", _S), ("subject_name", _S),
    ("object_id", _S), ("object_name", _S), ("members", pa.list_(_S)), ("date", _S),
    ("place", _S), ("country", _S), ("killed", _I), ("wounded", _I), ("kidnapped", _I),
    ("status", _S), ("reason", _S),
])
ERRORS = pa.schema([("error_id", _S), ("source_id", _S), ("item", _S), ("reason", _S)])

_SOURCE_COLUMNS = frozenset(SOURCES.names)


@contextlib.contextmanager
def staged(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> Iterator[None]:
    """Make `table` readable by SQL as `name` for the duration of the block."""
    con.register(name, table)
    try:
        yield
    finally:
        con.unregister(name)


def table(schema: pa.Schema, records: Iterable[Mapping[str, Any]]) -> pa.Table:
    """Arrow table of `schema` from dict records (missing keys are NULL)."""
    records = list(records)
    return pa.table({f.name: pa.array([r.get(f.name) for r in records], f.type) for f in schema}, schema=schema)


def unique_by(records: Iterable[Mapping[str, Any]], key: str, *, keep: str = "first") -> list[Mapping[str, Any]]:
    """Records with one per `key` value (the first or the last seen)."""
    out: dict[Any, Mapping[str, Any]] = {}
    for r in records:
        if keep == "last" or r[key] not in out:
            out[r[key]] = r
    return list(out.values())


def article_record(a: Article) -> dict[str, Any]:
    return {
        "article_id": a.article_id, "url": a.url, "canonical_url": a.canonical_url,
        "source_id": a.source_id, "title": a.title, "published": a.published, "lang": a.lang,
        "text": a.text, "author": a.author, "publisher": a.publisher, "content_hash": a.content_hash,
    }


def source_record(src: Mapping[str, Any]) -> dict[str, Any]:
    """A sources.yaml entry (`id` or `source_id`); keys that are not columns go into `config`."""
    extra = {k: v for k, v in src.items() if k not in _SOURCE_COLUMNS and k != "id"}
    config = {**extra, **(src.get("config") or {})}
    rec = {k: src.get(k) for k in _SOURCE_COLUMNS}
    rec["source_id"] = src.get("source_id") or src.get("id")
    if not rec["source_id"] or not rec["kind"]:
        raise ValueError(f"a source needs an id and a kind: {dict(src)!r}")
    rec["enabled"] = True if src.get("enabled") is None else bool(src["enabled"])
    rec["reliability"] = str(src["reliability"]).upper() if src.get("reliability") else None
    rec["config"] = json.dumps(config, sort_keys=True, ensure_ascii=False, default=str) if config else None
    return rec


def kb_tables(kb: KnowledgeBase) -> tuple[pa.Table, pa.Table, pa.Table]:
    """(entities, entity_aliases, relations) of the knowledge base."""
    ents = [{"entity_id": e.id, "name": e.name, "kind": e.kind, "country": e.country, "note": e.note}
            for e in kb.entities.values()]
    aliases = [{"entity_id": e.id, "alias": a} for e in kb.entities.values()
               for a in dict.fromkeys(e.aliases + e.shared_names)]  # a shared name: a row for each bearer
    rels = [{"relation_no": i, "subject": r.subject, "relation": r.relation, "object": r.object,
             "date": r.date, "until": r.until, "note": r.note} for i, r in enumerate(kb.relations)]
    return table(ENTITIES, ents), table(ALIASES, aliases), table(RELATIONS, rels)


def claim_record(claim_id: str, article_id: str, claim: Claim, event_id: str | None) -> dict[str, Any]:
    ev = claim.evidence
    return {
        "claim_id": claim_id, "article_id": article_id, "event_id": event_id, "type": claim.type,
        **_party("subject", claim.subject), **_party("object", claim.object),
        "members": [{"id": m.id, "name": m.name, "text": m.text} for m in claim.members],
        "date": claim.date, "place": claim.place, "country": claim.country,
        "killed": claim.killed, "wounded": claim.wounded, "kidnapped": claim.kidnapped,
        "polarity": claim.polarity, "confidence": claim.confidence,
        "sentence": ev.sentence, "start_offset": ev.start, "end_offset": ev.end,
    }


def _party(role: str, ref: EntityRef | None) -> dict[str, str | None]:
    if ref is None:
        return {f"{role}_id": None, f"{role}_name": None, f"{role}_text": None}
    return {f"{role}_id": ref.id, f"{role}_name": ref.name, f"{role}_text": ref.text}


def event_record(event: Mapping[str, Any]) -> dict[str, Any]:
    rec = {k: event.get(k) for k in EVENTS.names}
    rec["members"] = list(event.get("members") or [])
    return rec


def error_record(run_id: str, source_id: str | None, item: str | None, reason: str) -> dict[str, Any]:
    """An error row with its deterministic id (the same error recorded twice is one row)."""
    blob = json.dumps([run_id, source_id, item, reason], ensure_ascii=False)
    error_id = hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]
    return {"error_id": error_id, "source_id": source_id, "item": item, "reason": str(reason)}


def records(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """The rows of an executed query as dicts keyed by column name."""
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def as_list(values: Sequence[str] | Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))
