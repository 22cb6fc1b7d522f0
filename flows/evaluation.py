"""`sahelwatch eval`: read a gold set and its documents, extract, score (claims.evaluate)."""
from __future__ import annotations

import json
from pathlib import Path

from claims.batch import link_claim
from claims.evaluate import format_report, score
from claims.extract import Extractor
from claims.kb import KnowledgeBase
from claims.linking import Linker
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


def extract_docs(kb: KnowledgeBase, docs_dir: Path) -> dict[str, tuple[str | None, list]]:
    """file name -> (language, claims) for every document of a gold set's manifest; the claims'
    parties linked as a monitoring run links them (claims.batch.link_claim), so the score is
    that of what analysts receive."""
    articles, errors = load_seed_articles(docs_dir)
    if errors:
        raise SettingsError("; ".join(str(e) for e in errors))
    extractor, linker = Extractor(kb), Linker(kb)
    return {seed_file(a.url): (a.lang, [link_claim(c, linker) for c in
                                         extractor.extract(a.text, published=a.published, lang=a.lang)])
            for a in articles}


def evaluate_gold_set(kb: KnowledgeBase, gold_path: Path, docs_dir: Path) -> str:
    """The report of a gold set; when its documents are in several languages, followed by
    one report per language (scored on that language's documents only)."""
    gold, docs = read_gold(gold_path), extract_docs(kb, docs_dir)
    preds = {doc: claims for doc, (_, claims) in docs.items()}
    parts = [format_report(score(gold, preds, kb))]
    langs = sorted({lang for lang, _ in docs.values() if lang})
    for lang in langs if len(langs) > 1 else ():
        names = {doc for doc, (lg, _) in docs.items() if lg == lang}
        sub = score([g for g in gold if g["doc"] in names], {d: preds[d] for d in names}, kb)
        parts.append(f"-- language {lang} ({len(names)} documents)\n" + format_report(sub, show_errors=False))
    return "\n".join(parts)
