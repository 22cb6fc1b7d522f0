"""Read YAML configuration files with errors that name the file and the line."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from sources.errors import ConfigError

# libyaml's C loader when PyYAML has it (the wheels do): several times faster on the KB.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: Path) -> tuple[Any, dict[str, str]]:
    """Parse a YAML file. Returns the data and a map from item paths ("entities[3]") to
    "line N" so that validators can point at the line. Raises ConfigError."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"{path}: file not found") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 (invalid byte at offset {exc.start})") from None
    return parse_yaml(text, str(path))


def parse_yaml(text: str, name: str) -> tuple[Any, dict[str, str]]:
    """Pure part of load_yaml: text in, (data, where) out."""
    try:
        loader = _LOADER(text)
        try:
            node = loader.get_single_node()  # the node tree gives item lines ...
            data = loader.construct_document(node) if node is not None else None  # ... and the data
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        raise ConfigError(f"{name}: malformed YAML{_mark(exc)}") from None
    if data is None:
        raise ConfigError(f"{name}: empty file")
    return data, _item_lines(node)


def _mark(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or ""
    where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
    return f"{where}: {problem}" if problem else where


def _item_lines(node: yaml.Node | None) -> dict[str, str]:
    """Line of each item of each top-level list: {"entities[0]": "line 5", ...}."""
    lines: dict[str, str] = {}
    if not isinstance(node, yaml.MappingNode):
        return lines
    for key, value in node.value:
        if isinstance(value, yaml.SequenceNode):
            for i, item in enumerate(value.value):
                lines[f"{key.value}[{i}]"] = f"line {item.start_mark.line + 1}"
    return lines
