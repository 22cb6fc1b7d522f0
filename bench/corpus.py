"""Synthetic but realistic article pages for the benchmarks (3-8 KB of text each, with
claims in them): paragraphs of the demo site's stories (real events, our words) mixed
with our own templates of attacks, pledges, splits and kidnappings, and context
paragraphs, varied by a seeded random generator so that no two pages are near-duplicates.
"""
from __future__ import annotations

import random
from datetime import date, timedelta
from html import escape

from bench.common import ROOT  # noqa: F401  (puts the project on sys.path)
from flows.demo.content import load_content

GROUPS = ["JNIM", "the Islamic State Sahel Province", "AQIM", "Ansarul Islam", "Katiba Macina",
          "al-Mourabitoun", "ISWAP", "Boko Haram", "Ansar Dine", "the Islamic State in the Greater Sahara"]
PLACES = [("Djibo", "Burkina Faso"), ("Menaka", "Mali"), ("Tillaberi", "Niger"), ("Mopti", "Mali"),
          ("Fada N'Gourma", "Burkina Faso"), ("Diffa", "Niger"), ("Gao", "Mali"), ("Kaya", "Burkina Faso"),
          ("Tahoua", "Niger"), ("Timbuktu", "Mali"), ("Dori", "Burkina Faso"), ("Ansongo", "Mali")]
ATTACK = ["Fighters of {g} attacked an army post near {p}, {c}, on {d}, killing {k} soldiers and wounding {w}, "
          "according to local officials.",
          "Gunmen believed to belong to {g} ambushed a supply convoy outside {p} in {c} on {d}; {k} people were "
          "killed, security sources said.",
          "{g} claimed responsibility for a raid on a gendarmerie base in {p} on {d} in which {k} gendarmes died."]
PLEDGE = ["A splinter faction based around {p} pledged allegiance to {g} in a video released on {d}.",
          "Local commanders in the {c} border area announced on {d} that they had joined {g}."]
SPLIT = ["A group of fighters broke away from {g} in {m}, accusing its leaders of favouring one clan, "
         "residents of {p} said."]
KIDNAP = ["Residents said men linked to {g} kidnapped {k} civilians on the road between {p} and {q} on {d}."]
CONTEXT = ["Humanitarian agencies in {c} say that the number of displaced people around {p} has grown to about "
           "{n} thousand since the start of the year, and that several schools remain closed.",
           "Analysts at a regional research centre note that the armed groups tax herders and gold miners in "
           "the area of {p}, which gives them income the state cannot match.",
           "The government of {c} has reorganised its volunteer militias twice in {y}; critics say the "
           "volunteers receive little training and are often accused of abuses against civilians.",
           "Roads around {p} are cut for weeks during the rainy season, and the army relies on helicopters "
           "to reach outposts that have been besieged for {n} months.",
           "Traders in the market of {p} said prices of millet and fuel had doubled, as convoys from the "
           "capital were escorted only once every {n} days.",
           "Diplomats in the region expect talks between {c} and its neighbours on border security to resume "
           "in {m}, after a summit that ended without a joint statement.",
           "A local radio station in {p} stopped broadcasting after its journalists received threats, "
           "leaving {n} villages without news in their own language."]


def _date(rng: random.Random, published: date) -> str:
    d = published - timedelta(days=rng.randint(1, 20))
    return f"{d.day} {d.strftime('%B')} {d.year}"


def _fill(rng: random.Random, template: str, published: date) -> str:
    (p, c), (q, _) = rng.sample(PLACES, 2)
    return template.format(g=rng.choice(GROUPS), p=p, c=c, q=q, d=_date(rng, published),
                           k=rng.randint(3, 60), w=rng.randint(0, 40), n=rng.randint(2, 90),
                           m=(published - timedelta(days=rng.randint(20, 60))).strftime("%B %Y"),
                           y=published.year)


def article(i: int, stories, rng: random.Random) -> tuple[str, date, list[str]]:
    """(title, published, paragraphs) of article i: 3-8 KB of text, several claims."""
    published = date(2024, 1, 1) + timedelta(days=rng.randint(0, 600))
    paras = [_fill(rng, rng.choice(ATTACK), published)]
    paras += list(rng.choice(stories).paragraphs[:2])
    kinds = [ATTACK, PLEDGE, SPLIT, KIDNAP]
    target = rng.randint(3000, 7500)
    while sum(len(p) + 1 for p in paras) < target:
        pool = rng.choice(kinds) if rng.random() < 0.3 else CONTEXT
        paras.append(f"{_fill(rng, rng.choice(pool), published)} (Report {i}-{len(paras)}.)")
    rng.shuffle(paras[1:])
    title = f"Sahel security report {i}: " + paras[0].split(",")[0][:60]
    return title, published, paras


def page(i: int, title: str, published: date, paras: list[str], base: str = "http://bench.test") -> str:
    body = "\n".join(f"      <p>{escape(p)}</p>" for p in paras)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)} | Bench Daily</title>
<link rel="canonical" href="{base}/a/{i}.html">
<meta property="article:published_time" content="{published.isoformat()}"></head>
<body><header><nav><a href="/">Bench Daily</a> | <a href="/sahel/">Sahel</a> | <a href="/about">About</a></nav></header>
<main><article><h1>{escape(title)}</h1>
<p class="byline">Bench Daily - <time datetime="{published.isoformat()}">{published.isoformat()}</time></p>
{body}
</article></main>
<aside><h2>Most read</h2><ul><li><a href="/x">Elections postponed</a></li><li><a href="/y">Gold prices</a></li></ul></aside>
<footer><p>Copyright Bench Daily. Subscribe to our newsletter. Follow us.</p></footer></body></html>
"""


def pages(n: int, seed: int = 7, start: int = 0) -> list[tuple[str, bytes]]:
    """n (url, HTML bytes) pages, deterministic for a seed."""
    _, stories = load_content()
    stories = [s for s in stories if len(s.paragraphs) >= 2]
    rng = random.Random(seed)
    out = []
    for i in range(start, start + n):
        title, published, paras = article(i, stories, rng)
        out.append((f"http://bench.test/a/{i}.html", page(i, title, published, paras).encode("utf-8")))
    return out
