"""Claims and their parts: the stable shapes every stage (and the JSONL contract) uses."""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from typing import Any

CLAIM_TYPES = ("pledge", "split", "merger", "attack")
POLARITIES = ("asserted", "hedged", "denied")


@dataclass(frozen=True, slots=True)
class EntityRef:
    """A party as named in the text. `id` is the knowledge-base id, None for an unknown actor."""

    id: str | None
    name: str  # canonical name from the KB, or the surface form for an unknown actor
    text: str  # the surface form as it appears in the text


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence that states the claim, with its character offsets in the article text."""

    sentence: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Claim:
    type: str  # one of CLAIM_TYPES
    subject: EntityRef | None
    object: EntityRef | None
    evidence: Evidence
    members: tuple[EntityRef, ...] = ()
    date: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    place: str | None = None
    country: str | None = None
    killed: int | None = None
    wounded: int | None = None
    kidnapped: int | None = None
    polarity: str = "asserted"  # one of POLARITIES
    confidence: float = 0.5

    def to_dict(self) -> dict[str, Any]:
        """The JSONL contract's fields (without `source`, which the caller adds)."""
        d = asdict(self)
        d["members"] = [asdict(m) for m in self.members]
        d["evidence"] = asdict(self.evidence)
        return d


def claim_id_for(article_id: str, claim: Claim) -> str:
    """Deterministic claim id from its defining fields (hash of canonical JSON)."""
    key = {
        "article": article_id,
        "type": claim.type,
        "subject": _party_key(claim.subject),
        "object": _party_key(claim.object),
        "members": sorted(_party_key(m) for m in claim.members),
        "date": claim.date,
        "place": claim.place,
        "start": claim.evidence.start,
    }
    blob = json.dumps(key, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def _party_key(ref: EntityRef | None) -> str | None:
    if ref is None:
        return None
    return ref.id or "?" + " ".join(ref.name.casefold().split())
