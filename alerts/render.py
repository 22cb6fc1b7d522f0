"""Rendering: a `DigestContext` through templates/digest.html.j2 and templates/digest.txt.j2.

HTML is autoescaped (every value, article text included, is escaped by jinja2; the templates
never mark article text `|safe`); the plain-text template is not escaped, it is text.
`StrictUndefined` turns a template that names something the context lacks into an error.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jinja2

from alerts.digest import DigestContext, subject_line
from alerts.errors import RenderError

log = logging.getLogger(__name__)

HTML_TEMPLATE = "digest.html.j2"
TEXT_TEMPLATE = "digest.txt.j2"


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


def _render(env: jinja2.Environment, name: str, ctx: DigestContext, subject: str) -> str:
    try:
        return env.get_template(name).render(ctx=ctx, subject=subject)
    except jinja2.TemplateNotFound as exc:
        raise RenderError(f"template {name} not found in {env.loader.searchpath}") from exc
    except (jinja2.UndefinedError, jinja2.TemplateSyntaxError) as exc:
        raise RenderError(f"template {name}: {exc}") from exc


def _autoescape(template_name: str | None) -> bool:
    return template_name is None or not template_name.endswith(".txt.j2")


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
