"""`sahelwatch eval`: score extraction against the gold sets."""
from __future__ import annotations

import argparse
from pathlib import Path

from flows.commands import fail, knowledge_base
from flows.settings import ROOT

GOLD_SETS = (
    ("seeds", ROOT / "tests" / "gold_seeds.jsonl", ROOT / "seeds"),
    ("own", ROOT / "tests" / "gold" / "own.jsonl", ROOT / "tests" / "gold" / "own"),
    ("ar", ROOT / "tests" / "gold" / "ar.jsonl", ROOT / "tests" / "gold" / "ar"),
    ("blind", ROOT / "tests" / "gold" / "blind.jsonl", ROOT / "tests" / "gold" / "blind"),
)


def register(sub) -> None:
    ev = sub.add_parser("eval", help="score extraction against the gold sets")
    ev.add_argument("--gold", type=Path, help="a gold JSONL file (default: the project's gold sets)")
    ev.add_argument("--docs", type=Path, help="folder of the gold file's documents, with manifest.yaml")
    ev.set_defaults(func=cmd_eval)


def cmd_eval(args: argparse.Namespace) -> int:
    from flows.evaluation import evaluate_gold_set

    kb = knowledge_base()
    if bool(args.gold) != bool(args.docs):
        return fail("--gold and --docs go together")
    sets = [(args.gold.stem, args.gold, args.docs)] if args.gold else GOLD_SETS
    for name, gold, docs in sets:
        print(f"== gold set {name}: {gold}")
        print(evaluate_gold_set(kb, gold, docs))
    return 0
