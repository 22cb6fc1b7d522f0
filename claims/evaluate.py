"""Scoring extracted claims against a hand-annotated gold set.

Matching rule, within one document:

* a prediction can match a gold claim when the claim type is equal, the evidence overlaps
  (the predicted sentence is contained in the gold evidence or the gold evidence in the
  predicted sentence, after whitespace folding), and, for pledge / split / merger, the
  linked parties are equal: subject and object, and for a merger the resulting group and
  the set of members. Gold parties are names; they are resolved through the knowledge
  base's names and aliases to ids (a name the KB lacks compares by normalised text). For
  attacks the perpetrator is a slot, not part of the identity;
* pairs are made greedily one-to-one, the pair with the best slot agreement first;
* a gold claim marked `optional: true` that is matched is neither a true nor a false
  positive; one left unmatched is not a false negative.

Slots, compared on matched non-optional pairs: date (the prediction cut to the gold's
precision), place (gazetteer name or normalised text), country, killed, wounded,
kidnapped, perpetrator (attacks only) and polarity.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from claims.dates import at_precision
from claims.kb import KnowledgeBase
from claims.model import CLAIM_TYPES, Claim, EntityRef
from claims.places import Gazetteer
from claims.text import norm_name, squash_ws

SLOTS = ("date", "place", "country", "killed", "wounded", "kidnapped", "perpetrator", "polarity")


@dataclass
class Report:
    counts: dict[str, dict[str, int]] = field(default_factory=lambda: {t: {"tp": 0, "fp": 0, "fn": 0} for t in CLAIM_TYPES})
    slots: dict[str, list[int]] = field(default_factory=lambda: {s: [0, 0] for s in SLOTS})  # [agree, total]
    errors: list[str] = field(default_factory=list)

    def prf(self, ctype: str | None = None) -> tuple[float, float, float]:
        rows = [self.counts[ctype]] if ctype else list(self.counts.values())
        tp, fp, fn = (sum(r[k] for r in rows) for k in ("tp", "fp", "fn"))
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def slot_accuracy(self, slot: str | None = None) -> float:
        rows = [self.slots[slot]] if slot else list(self.slots.values())
        agree, total = sum(r[0] for r in rows), sum(r[1] for r in rows)
        return agree / total if total else 1.0


class _Names:
    def __init__(self, kb: KnowledgeBase):
        self.by_name: dict[str, str] = {}
        for ent in kb.entities.values():
            for n in (ent.name, *ent.aliases):
                self.by_name.setdefault(norm_name(n), ent.id)
            self.by_name.setdefault(norm_name(ent.id), ent.id)

    def gold(self, name: str | None) -> str | None:
        if not name:
            return None
        key = norm_name(name)
        return self.by_name.get(key, "?" + key)

    def pred(self, ref: EntityRef | None) -> str | None:
        if ref is None:
            return None
        return ref.id or self.by_name.get(norm_name(ref.name), "?" + norm_name(ref.name))


def score(gold_rows: list[dict], predictions: dict[str, list[Claim]], kb: KnowledgeBase) -> Report:
    """Score predictions (keyed by the gold's "doc" name) against gold rows (see module doc)."""
    names, gaz, report = _Names(kb), Gazetteer.load(), Report()
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for row in gold_rows:
        by_doc[row["doc"]].append(row)
    for doc in sorted(set(by_doc) | set(predictions)):
        _score_doc(doc, by_doc.get(doc, []), predictions.get(doc, []), names, gaz, report)
    return report


def _score_doc(doc, golds, preds, names, gaz, report) -> None:
    pairs = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            if _same_claim(g, p, names):
                pairs.append((-_agreement(g, p, names, gaz)[0], gi, pi))
    pairs.sort()
    used_g, used_p = set(), set()
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        g = golds[gi]
        if g.get("optional"):
            continue
        report.counts[g["type"]]["tp"] += 1
        for slot, ok in _agreement(g, preds[pi], names, gaz)[1].items():
            report.slots[slot][0] += ok
            report.slots[slot][1] += 1
            if not ok:
                report.errors.append(f"{doc}: {g['type']} slot {slot}: gold {_gold_slot(g, slot)!r} "
                                     f"got {_pred_slot(preds[pi], slot, names)!r} | {squash_ws(g['evidence'])[:70]}")
    for gi, g in enumerate(golds):
        if gi not in used_g and not g.get("optional"):
            report.counts[g["type"]]["fn"] += 1
            report.errors.append(f"{doc}: missed {g['type']} {g.get('subject')} -> {g.get('object')} | {squash_ws(g['evidence'])[:70]}")
    for pi, p in enumerate(preds):
        if pi not in used_p:
            report.counts[p.type]["fp"] += 1
            report.errors.append(f"{doc}: spurious {p.type} {_name(p.subject)} -> {_name(p.object)} "
                                 f"{[m.name for m in p.members]} | {squash_ws(p.evidence.sentence)[:70]}")


def _name(ref):
    return ref.name if ref else None


def _same_claim(g: dict, p: Claim, names: _Names) -> bool:
    if g["type"] != p.type:
        return False
    ge, pe = squash_ws(g["evidence"]), squash_ws(p.evidence.sentence)
    if not (pe in ge or ge in pe):
        return False
    if p.type == "attack":
        return True
    if p.type == "merger":
        return (names.gold(g.get("object")) == names.pred(p.object)
                and {names.gold(m) for m in g.get("members") or []} == {names.pred(m) for m in p.members})
    return names.gold(g.get("subject")) == names.pred(p.subject) and names.gold(g.get("object")) == names.pred(p.object)


def _gold_slot(g: dict, slot: str):
    return g.get("subject") if slot == "perpetrator" else g.get(slot)


def _pred_slot(p: Claim, slot: str, names: _Names):
    return _name(p.subject) if slot == "perpetrator" else getattr(p, slot)


def _agreement(g: dict, p: Claim, names: _Names, gaz: Gazetteer) -> tuple[int, dict[str, bool]]:
    res = {
        "date": at_precision(p.date, g.get("date")) == g.get("date") and (g.get("date") is not None or p.date is None),
        "place": gaz.canonical(p.place) == gaz.canonical(g.get("place")),
        "country": (p.country or None) == (g.get("country") or None),
        "killed": p.killed == g.get("killed"),
        "wounded": p.wounded == g.get("wounded"),
        "kidnapped": p.kidnapped == g.get("kidnapped"),
        "polarity": p.polarity == g.get("polarity", "asserted"),
    }
    if p.type == "attack":
        res["perpetrator"] = names.pred(p.subject) == names.gold(g.get("subject"))
    return sum(res.values()), res


def format_report(report: Report, show_errors: bool = True) -> str:
    lines = [f"{'type':<8} {'tp':>4} {'fp':>4} {'fn':>4} {'prec':>6} {'rec':>6} {'f1':>6}"]
    for t in (*CLAIM_TYPES, None):
        c = report.counts[t] if t else {k: sum(r[k] for r in report.counts.values()) for k in ("tp", "fp", "fn")}
        p, r, f = report.prf(t)
        lines.append(f"{t or 'micro':<8} {c['tp']:>4} {c['fp']:>4} {c['fn']:>4} {p:>6.3f} {r:>6.3f} {f:>6.3f}")
    lines.append("slot accuracy (matched non-optional gold):")
    for s in SLOTS:
        agree, total = report.slots[s]
        lines.append(f"  {s:<12} {agree:>3}/{total:<3} {report.slot_accuracy(s):.3f}")
    lines.append(f"  {'all':<12} {report.slot_accuracy():.3f}")
    if show_errors and report.errors:
        lines.append("differences:")
        lines += [f"  {e}" for e in report.errors]
    return "\n".join(lines)
