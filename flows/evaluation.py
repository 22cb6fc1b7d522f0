"""`sahelwatch eval`: read a gold set and its documents, extract, score (claims.evaluate)."""
from __future__ import annotations

import json
from pathlib import Path

from claims.evaluate import format_report, score
from claims.extract import Extractor
from claims.kb import KnowledgeBase
from flows.settings import SettingsError
from sources.seedfiles import load_seed_articles, seed_file


def read_gold(path: Path) -> list[dict]:
    rows = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise SettingsError(f"{path}: cannot read gold set ({exc.strerror})") from None
    for n, line in enumerate(lines, 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise SettingsError(f"{path}: line {n}: malformed JSON ({exc.msg})") from None
    return rows


def predictions_for(kb: KnowledgeBase, docs_dir: Path) -> dict[str, list]:
    """Claims of every document of a gold set's manifest, keyed by file name."""
    articles, errors = load_seed_articles(docs_dir)
    if errors:
        raise SettingsError("; ".join(str(e) for e in errors))
    extractor = Extractor(kb)
    return {seed_file(a.url): extractor.extract(a.text, published=a.published, lang=a.lang)
            for a in articles}


def evaluate_gold_set(kb: KnowledgeBase, gold_path: Path, docs_dir: Path):
    report = score(read_gold(gold_path), predictions_for(kb, docs_dir), kb)
    return format_report(report)
