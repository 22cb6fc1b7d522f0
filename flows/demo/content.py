"""The local site's content: outlets and articles (content/articles.yaml), rendered as
article pages, RSS 2.0 or Atom feeds, news-search RSS and GDELT-style JSON."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from email.utils import format_datetime
from html import escape
from importlib import resources
from typing import Iterable, Sequence
from xml.sax.saxutils import escape as xesc

import yaml


@dataclass(frozen=True, slots=True)
class Outlet:
    id: str
    name: str
    lang: str
    format: str
    tracking: bool = False


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    outlet: Outlet
    wave: int
    published: date
    title: str
    paragraphs: tuple[str, ...]

    @property
    def path(self) -> str:
        return f"/{self.outlet.id}/{self.published.year}/{self.id}.html"

    @property
    def text(self) -> str:
        return " ".join((self.title, *self.paragraphs))

    @property
    def when(self) -> datetime:
        return datetime.combine(self.published, time(8, 0), tzinfo=timezone.utc)


def load_content(data: str | None = None) -> tuple[dict[str, Outlet], list[Story]]:
    raw = yaml.safe_load(data or resources.files("flows.demo").joinpath("content/articles.yaml").read_text("utf-8"))
    outlets = {o["id"]: Outlet(**o) for o in raw["outlets"]}
    recs = {a["id"]: a for a in raw["articles"]}
    stories = [_story(rec, recs, outlets) for rec in raw["articles"]]
    return outlets, stories


def _story(rec: dict, recs: dict, outlets: dict[str, Outlet]) -> Story:
    body = rec.get("body")
    if rec.get("copy_of"):
        original = recs[rec["copy_of"]]["body"]
        body = [f"{rec['intro']} {original[0]}", *original[1:], rec["outro"]]
    return Story(rec["id"], outlets[rec["outlet"]], int(rec["wave"]), rec["published"], rec["title"], tuple(body))


def page_html(story: Story, base: str) -> str:
    paras = "\n".join(f"      <p>{escape(p)}</p>" for p in story.paragraphs)
    return f"""<!DOCTYPE html>
<html lang="{story.outlet.lang}">
<head>
  <meta charset="utf-8">
  <title>{escape(story.title)} | {escape(story.outlet.name)}</title>
  <link rel="canonical" href="{base}{story.path}">
  <meta property="og:site_name" content="{escape(story.outlet.name)}">
  <meta property="article:published_time" content="{story.published.isoformat()}">
</head>
<body>
  <header><nav><a href="/">{escape(story.outlet.name)}</a> | <a href="/{story.outlet.id}/">Latest</a> | <a href="/about">About</a></nav></header>
  <main>
    <article>
      <h1>{escape(story.title)}</h1>
      <p class="byline">{escape(story.outlet.name)} - <time datetime="{story.published.isoformat()}">{story.published.isoformat()}</time></p>
{paras}
    </article>
  </main>
  <footer><p>Copyright {escape(story.outlet.name)}. Subscribe to our newsletter. Follow us.</p></footer>
</body>
</html>
"""


def link(story: Story, base: str) -> str:
    suffix = "?utm_source=rss&utm_medium=feed&utm_campaign=sahel" if story.outlet.tracking else ""
    return f"{base}{story.path}{suffix}"


def rss(title: str, home: str, stories: Sequence[Story], base: str, lang: str = "en", charset: str = "utf-8") -> str:
    items = "\n".join(
        f"""    <item><title>{xesc(s.title)}</title><link>{xesc(link(s, base))}</link>
      <guid isPermaLink="false">{s.id}</guid><pubDate>{format_datetime(s.when)}</pubDate>
      <description>{xesc(s.paragraphs[0])}</description></item>""" for s in stories)
    return f"""<?xml version="1.0" encoding="{charset}"?>
<rss version="2.0"><channel><title>{xesc(title)}</title><link>{xesc(home)}</link>
  <description>{xesc(title)}</description><language>{lang}</language>
{items}
</channel></rss>
"""


def atom(outlet: Outlet, stories: Sequence[Story], base: str) -> str:
    updated = max((s.when for s in stories), default=datetime(2024, 1, 1, tzinfo=timezone.utc))
    entries = "\n".join(
        f"""  <entry><title>{xesc(s.title)}</title><link rel="alternate" href="{xesc(link(s, base))}"/>
    <id>tag:{outlet.id},{s.published.isoformat()}:{s.id}</id><updated>{s.when.isoformat()}</updated>
    <summary>{xesc(s.paragraphs[0])}</summary></entry>""" for s in stories)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{outlet.lang}"><title>{xesc(outlet.name)}</title>
  <id>{base}/{outlet.id}/</id><updated>{updated.isoformat()}</updated>
{entries}
</feed>
"""


def matches(stories: Iterable[Story], query: str) -> list[Story]:
    """Stories whose title or text holds one of the query's quoted terms (or its words)."""
    terms = [t.lower() for t in query.split('"')[1::2]] or [w.lower() for w in query.split() if w != "OR"]
    return [s for s in stories if any(t in s.text.lower() for t in terms)]


def gdelt_json(stories: Sequence[Story], base: str) -> str:
    langs = {"en": "English", "fr": "French", "ar": "Arabic"}
    arts = [{"url": f"{base}{s.path}", "url_mobile": "", "title": s.title,
             "seendate": s.when.strftime("%Y%m%dT%H%M%SZ"), "socialimage": "", "domain": "127.0.0.1",
             "language": langs.get(s.outlet.lang, "English"), "sourcecountry": "Mali"} for s in stories]
    return json.dumps({"articles": arts} if arts else {}, ensure_ascii=False)
