"""The sources to watch (seeds/sources.yaml), validated into frozen specs."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sources.errors import ConfigError
from sources.yamlfile import load_yaml

SOURCE_KINDS = ("seed_files", "feed", "page", "news_search", "gdelt")
WEB_KINDS = ("feed", "page", "news_search", "gdelt")
# kind -> the option it cannot do without
REQUIRED = {"seed_files": "manifest", "feed": "url", "page": "url", "news_search": "template", "gdelt": "template"}
GRADES = tuple("ABCDEF")


@dataclass(frozen=True, slots=True)
class SourceSpec:
    id: str
    kind: str
    enabled: bool = True
    lang: str | None = None
    reliability: str = "C"
    poll_minutes: int = 60
    options: dict[str, Any] = field(default_factory=dict)  # kind-specific: manifest, url, query...

    @property
    def is_web(self) -> bool:
        return self.kind in WEB_KINDS

    def as_row(self) -> dict[str, Any]:
        return {"source_id": self.id, "kind": self.kind, "url": self.options.get("url") or self.options.get("template"),
                "lang": self.lang, "enabled": self.enabled, "reliability": self.reliability,
                "poll_minutes": self.poll_minutes, "config": dict(self.options)}


def parse_sources(data: Any, where: dict[str, str], name: str) -> tuple[list[SourceSpec], list[str]]:
    """Valid specs, and one problem line per invalid source (which is skipped)."""
    if not isinstance(data, dict) or not isinstance(data.get("sources"), list):
        raise ConfigError(f"{name}: expected a mapping with a 'sources' list")
    specs, problems = [], []
    for i, rec in enumerate(data["sources"]):
        at = f"{name}: {where.get(f'sources[{i}]', f'item {i}')}"
        try:
            specs.append(_spec(rec))
        except ValueError as exc:
            problems.append(f"{at}: {exc}")
    return specs, problems


def load_sources(path: Path) -> tuple[list[SourceSpec], list[str]]:
    data, where = load_yaml(path)
    return parse_sources(data, where, str(path))


def _spec(rec: Any) -> SourceSpec:
    if not isinstance(rec, dict):
        raise ValueError("expected a mapping")
    if not rec.get("id"):
        raise ValueError("missing 'id'")
    kind = rec.get("kind")
    if kind not in SOURCE_KINDS:
        raise ValueError(f"source {rec['id']!r}: kind {kind!r} not one of {', '.join(SOURCE_KINDS)}")
    grade = str(rec.get("reliability", "C")).upper()
    if grade not in GRADES:
        raise ValueError(f"source {rec['id']!r}: reliability {grade!r} not a grade A-F")
    poll = rec.get("poll_minutes", 60)
    if not isinstance(poll, int) or poll <= 0:
        raise ValueError(f"source {rec['id']!r}: poll_minutes must be a positive whole number")
    need = REQUIRED[kind]
    if need != "manifest" and not isinstance(rec.get(need), str):
        raise ValueError(f"source {rec['id']!r}: kind {kind} needs '{need}'")
    if kind in ("news_search", "gdelt") and "{query}" not in rec[need]:
        raise ValueError(f"source {rec['id']!r}: template has no {{query}} placeholder")
    known = {"id", "kind", "enabled", "lang", "reliability", "poll_minutes"}
    return SourceSpec(id=str(rec["id"]), kind=kind, enabled=bool(rec.get("enabled", True)),
                      lang=rec.get("lang"), reliability=grade, poll_minutes=poll,
                      options={k: v for k, v in rec.items() if k not in known})
