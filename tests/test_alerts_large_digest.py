"""Large digests (issue 7): the Markdown artifact previews them (the first items of each
section, the others counted, the subject and overview of the whole digest)."""
from __future__ import annotations

from pathlib import Path

from alerts.digest import build_digest, preview, subject_line
from alerts.render import render_markdown
from test_alerts_examples import GENERATED_AT, RUN, item

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
ATTACKS = [item(event_id=f"ev-{i:04d}", date=f"2026-11-{1 + i % 28:02d}", evidence=f"Gunmen attacked post {i}.")
           for i in range(30)]


def digest():
    return build_digest(ATTACKS, RUN, recipient_name="Desk", generated_at=GENERATED_AT)


def test_preview_keeps_the_first_items_of_each_section_and_counts_the_others():
    ctx = digest()
    short = preview(ctx, 4)
    (section,) = short.sections
    assert section.items == ctx.sections[0].items[:4] and section.omitted == 26 and section.count == 30
    assert short.overview == ctx.overview and preview(ctx, 100) == ctx


def test_markdown_artifact_is_a_preview_and_the_mail_is_whole():
    ctx = digest()
    md = render_markdown(ctx, TEMPLATES, per_section=4)
    assert md.count("**New**") == 4 and "Attacks (30)" in md and "26 more in the full digest" in md
    assert subject_line(ctx) in md.replace("\\", "")  # the whole digest's subject
    assert "more in the full digest" not in render_markdown(ctx, TEMPLATES)  # 30 <= PREVIEW_ITEMS

