"""Near-duplicate text: syndicated copies of one wire story become one story.

Each text gets a bottom-k sketch: the k smallest 63-bit hashes of its word 5-shingles (one
hash per shingle, pure Python). Two sketches estimate the Jaccard similarity of the shingle
sets: among the k smallest hashes of their union, the share present in both. Stored
sketches are found by shared hashes (the warehouse does that join), then confirmed here.
Measured on the local site's articles: copies with a changed headline, dateline and
credit line score 0.7-0.95; different reports of the same event stay under 0.1.
"""
from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from dataclasses import dataclass
from itertools import chain
from typing import Iterable, Sequence

K = 64
SHINGLE = 5
THRESHOLD = 0.5
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = SHINGLE) -> set[str]:
    words = _WORD.findall(text.casefold())
    if len(words) < n:
        return {" ".join(words)} if words else set()
    return set(map(" ".join, zip(*(words[i:] for i in range(n)))))


_blake2b, _from_bytes = hashlib.blake2b, int.from_bytes  # bound once: called per shingle


def sketch(text: str, k: int = K) -> tuple[int, ...]:
    """The k smallest shingle hashes, ascending (fewer for a very short text)."""
    hashes = {_from_bytes(_blake2b(s.encode("utf-8"), digest_size=8).digest(), "big") >> 1 for s in shingles(text)}
    return tuple(sorted(hashes)[:k])


def similarity(a: Sequence[int], b: Sequence[int], k: int = K) -> float:
    """Estimated Jaccard similarity of the texts behind two sketches."""
    if not a or not b:
        return 0.0
    sa, sb = set(a), set(b)
    union = sorted(sa | sb)[:k]
    return sum(1 for h in union if h in sa and h in sb) / len(union)


@dataclass(frozen=True, slots=True)
class Known:
    """A stored article that shares hashes with a new one."""

    article_id: str
    story_id: str
    sketch: tuple[int, ...]


def assign_stories(new: Sequence[tuple[str, tuple[int, ...]]], known: Iterable[Known],
                   threshold: float = THRESHOLD) -> dict[str, str]:
    """story_id for each new (article_id, sketch): the story of the most similar stored or
    earlier new article at or above `threshold`, else its own id (a new story).

    A similarity of at least `threshold` needs at least threshold x len(sketch) shared
    hashes (the union's k smallest hold the whole shorter sketch), so each new sketch is
    compared only with the texts sharing that many (an index by hash, in pool order): the
    same stories as comparing every pair, which made a 10,000-article run quadratic (issue 7)."""
    pool: list[Known] = list(known)
    by_hash: dict[int, list[int]] = {}
    for i, other in enumerate(pool):
        _index(by_hash, i, other.sketch)
    out: dict[str, str] = {}
    for article_id, sk in new:
        best, best_sim = None, threshold
        for i in _candidates(by_hash, sk, threshold):
            sim = similarity(sk, pool[i].sketch)
            if sim >= best_sim:
                best, best_sim = pool[i], sim
        out[article_id] = best.story_id if best else article_id
        pool.append(Known(article_id, out[article_id], sk))
        _index(by_hash, len(pool) - 1, sk)
    return out


def _candidates(by_hash: dict[int, list[int]], sk: Sequence[int], threshold: float) -> list[int]:
    """Pool positions sharing enough hashes with `sk` to reach `threshold`, in pool order
    (counted by `Counter` over the hashes' position lists: C speed, not a Python loop)."""
    get = by_hash.get
    shared = Counter(chain.from_iterable(get(h, ()) for h in sk))
    need = min_shared(len(sk), threshold)
    return sorted(i for i, n in shared.items() if n >= need)


def min_shared(length: int, threshold: float = THRESHOLD) -> int:
    """Hashes a sketch of `length` must share with another to reach `threshold` (the union's
    k smallest hold the whole shorter sketch): a stored text sharing fewer is never its copy."""
    return max(1, math.ceil(threshold * length - 1e-9))


def _index(by_hash: dict[int, list[int]], position: int, sk: Sequence[int]) -> None:
    for h in sk:
        by_hash.setdefault(h, []).append(position)
