"""Rendering: a `DigestContext` through templates/digest.html.j2 and templates/digest.txt.j2.

HTML is autoescaped (every value, article text included, is escaped by jinja2; the templates
never mark article text `|safe`); the plain-text template is not escaped, it is text. The
Markdown version (templates/digest.md.j2, published as a Prefect artifact) passes every value
through `escape_markdown`, so article text can neither format nor inject HTML; it previews
the first PREVIEW_ITEMS items of each section (the whole digest is the e-mail).
`StrictUndefined` turns a template that names something the context lacks into an error.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jinja2

from alerts.digest import PREVIEW_ITEMS, DigestContext, preview, subject_line
from alerts.errors import RenderError

log = logging.getLogger(__name__)

HTML_TEMPLATE = "digest.html.j2"
TEXT_TEMPLATE = "digest.txt.j2"
MARKDOWN_TEMPLATE = "digest.md.j2"
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~&:])")


@dataclass(frozen=True, slots=True)
class RenderedDigest:
    subject: str
    html: str
    text: str


def render(ctx: DigestContext, templates_dir: Path) -> RenderedDigest:
    """Subject, HTML and plain text of the digest. Raises RenderError on a template problem."""
    env = _environment(Path(templates_dir).resolve())
    subject = subject_line(ctx)
    return RenderedDigest(
        subject=subject,
        html=_render(env, HTML_TEMPLATE, ctx, subject),
        text=_render(env, TEXT_TEMPLATE, ctx, subject),
    )


def render_markdown(ctx: DigestContext, templates_dir: Path, per_section: int = PREVIEW_ITEMS) -> str:
    """The digest as Markdown (for a Prefect artifact): at most `per_section` items in each
    section, the others counted (alerts.digest.preview). Raises RenderError."""
    env = _markdown_environment(Path(templates_dir).resolve())
    return _render(env, MARKDOWN_TEMPLATE, preview(ctx, per_section), subject_line(ctx))


def escape_markdown(value: object) -> str:
    """`value` as Markdown text: every ASCII punctuation that could format is backslashed."""
    return _MD_SPECIAL.sub(r"\\\1", "" if value is None else str(value))


def _render(env: jinja2.Environment, name: str, ctx: DigestContext, subject: str) -> str:
    try:
        return env.get_template(name).render(ctx=ctx, subject=subject)
    except jinja2.TemplateNotFound as exc:
        raise RenderError(f"template {name} not found in {env.loader.searchpath}") from exc
    except (jinja2.UndefinedError, jinja2.TemplateSyntaxError) as exc:
        raise RenderError(f"template {name}: {exc}") from exc


def _autoescape(template_name: str | None) -> bool:
    return template_name is None or not template_name.endswith((".txt.j2", ".md.j2"))


@lru_cache(maxsize=8)
def _markdown_environment(templates_dir: Path) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir),
        autoescape=False,
        finalize=escape_markdown,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@lru_cache(maxsize=8)
def _environment(templates_dir: Path) -> jinja2.Environment:
    log.debug("digest templates from %s", templates_dir)
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir),
        autoescape=_autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
