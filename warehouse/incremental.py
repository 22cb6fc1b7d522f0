"""Reads whose cost follows the run, not the warehouse (issue 7: a run over 10 new
articles costs the same with 1k or 1M stored).

`ledger_candidates` gives the ledger events a batch's claims may join: those sharing a
merge key and of a compatible date (an attack's place holds every date it was attacked),
where `ledger.ledger_index` reads every event. `pending_articles` finds the
articles an extractor version has not read among those stored after its watermark: the
last article row of a plan whose every batch was stored (`set_extracted_through`), kept
per extractor version in `ledger_state` (a new version starts from the first article).
Articles are never deleted, so their row ids only grow.
"""
from __future__ import annotations

from typing import Iterable

import duckdb

from warehouse.ledger import set_state, state
from warehouse.rows import as_list
from warehouse.sql import sql


def _mark(extractor_version: str) -> str:
    return f"extracted_through:{extractor_version}"


def pending_articles(con: duckdb.DuckDBPyConnection, extractor_version: str) -> tuple[list[str], int]:
    """(ids of the articles this version has not read, oldest loads first; the row id of the
    last stored article, the watermark to record once they are all stored)."""
    after = int(state(con, _mark(extractor_version)) or -1)
    ids = [r[0] for r in con.execute(sql("articles_to_extract_since"), {"after_rowid": after}).fetchall()]
    read = {r[0] for r in con.execute(sql("extractions_among"), {"extractor_version": extractor_version,
                                                               "article_ids": ids}).fetchall()} if ids else set()
    return [i for i in ids if i not in read], con.execute(sql("articles_last_rowid")).fetchall()[0][0]


def set_extracted_through(con: duckdb.DuckDBPyConnection, extractor_version: str, last_rowid: int) -> None:
    """Every article up to row `last_rowid` has been read by this version."""
    set_state(con, _mark(extractor_version), str(last_rowid))


def ledger_candidates(con: duckdb.DuckDBPyConnection, wanted: Iterable[tuple[str, str | None]],
                      event_ids: Iterable[str]) -> dict[str, list[tuple[str, str | None]]]:
    """merge_key -> [(event_id, date)] of the ledger events a batch's claims may join:
    under the merge key of a claim (`wanted`: (merge_key, the claim's date)) with a date
    compatible with that claim's (`claims.events.compatible`), or among `event_ids` (the ids
    the claims would open, redirect targets). `claims.events.choose_event` looks at no
    other event, so it chooses as it would over the whole ledger (`ledger.ledger_index`)."""
    pairs = sorted(set(wanted), key=lambda p: (p[0], p[1] or ""))
    out: dict[str, list[tuple[str, str | None]]] = {}
    if not pairs:
        return out
    params = {"merge_keys": [k for k, _ in pairs], "dates": [d or "" for _, d in pairs],
              "event_ids": as_list(event_ids)}
    for mkey, event_id, date in con.execute(sql("ledger_candidates"), params).fetchall():
        out.setdefault(mkey, []).append((event_id, date))
    return out
