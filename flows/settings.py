"""Configuration at the edge: one frozen Settings, read once (file, then environment).

Every key is optional. `sahelwatch.toml` in the working directory (or the file named by
SAHELWATCH_CONFIG) is read first; environment variables override it. Secrets (the SMTP
password) come only from the environment and are never logged.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

ROOT = Path(__file__).resolve().parents[1]  # the project checkout (editable install)
ALERT_STATUSES = ("new", "known", "contradicts", "unknown_actor")


class SettingsError(Exception):
    """The configuration file or an environment variable is invalid."""


@dataclass(frozen=True, slots=True)
class Recipient:
    name: str
    email: str
    statuses: tuple[str, ...] = ALERT_STATUSES


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    host: str
    port: int = 587
    username: str | None = None
    password: str | None = field(default=None, repr=False)  # from the environment only
    starttls: bool = True
    ssl: bool = False


@dataclass(frozen=True, slots=True)
class Settings:
    db_path: Path = Path("sahelwatch.duckdb")
    seeds_dir: Path = ROOT / "seeds"
    templates_dir: Path = ROOT / "templates"
    outbox_dir: Path = Path("outbox")
    sender: str = "sahelwatch <sahelwatch@localhost>"
    recipients: tuple[Recipient, ...] = (Recipient("Analyst", "analyst@localhost"),)
    smtp: SmtpSettings | None = None  # None: digests go to outbox_dir
    db_wait_s: float = 3.0

    @property
    def sources_file(self) -> Path:
        return self.seeds_dir / "sources.yaml"

    @property
    def entities_file(self) -> Path:
        return self.seeds_dir / "entities.yaml"


def load_settings(env: Mapping[str, str] | None = None, cwd: Path | None = None) -> Settings:
    """Read the optional TOML file, then the environment. Raises SettingsError."""
    env = os.environ if env is None else env
    cwd = cwd or Path.cwd()
    path = Path(env.get("SAHELWATCH_CONFIG") or cwd / "sahelwatch.toml")
    data = _read_toml(path) if path.exists() or "SAHELWATCH_CONFIG" in env else {}
    return _from_mapping(data, env, base=path.parent)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SettingsError(f"{path}: configuration file not found (SAHELWATCH_CONFIG)") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}: malformed TOML: {exc}") from None


def _from_mapping(data: Mapping[str, Any], env: Mapping[str, str], base: Path) -> Settings:
    paths = data.get("paths", {})
    defaults = Settings()
    return Settings(
        db_path=_path(env.get("SAHELWATCH_DB") or paths.get("database"), defaults.db_path, base),
        seeds_dir=_path(env.get("SAHELWATCH_SEEDS") or paths.get("seeds"), defaults.seeds_dir, base),
        templates_dir=_path(paths.get("templates"), defaults.templates_dir, base),
        outbox_dir=_path(env.get("SAHELWATCH_OUTBOX") or paths.get("outbox"), defaults.outbox_dir, base),
        sender=env.get("SAHELWATCH_SENDER") or data.get("email", {}).get("sender", defaults.sender),
        recipients=_recipients(data.get("recipients")) or defaults.recipients,
        smtp=_smtp(data.get("smtp", {}), env),
    )


def _path(value: str | None, default: Path, base: Path) -> Path:
    if not value:
        return default
    p = Path(value).expanduser()
    return p if p.is_absolute() else base / p


def _recipients(records: Any) -> tuple[Recipient, ...]:
    if records is None:
        return ()
    out = []
    for i, rec in enumerate(records):
        if not isinstance(rec, dict) or not rec.get("email"):
            raise SettingsError(f"recipients[{i}]: each recipient needs an 'email'")
        statuses = tuple(rec.get("statuses", ALERT_STATUSES))
        out.append(Recipient(name=rec.get("name", rec["email"]), email=rec["email"], statuses=statuses))
    return tuple(out)


def _smtp(table: Mapping[str, Any], env: Mapping[str, str]) -> SmtpSettings | None:
    host = env.get("SAHELWATCH_SMTP_HOST") or table.get("host")
    if not host:
        return None
    try:
        port = int(env.get("SAHELWATCH_SMTP_PORT") or table.get("port", 587))
    except ValueError:
        raise SettingsError("SAHELWATCH_SMTP_PORT must be a port number") from None
    return SmtpSettings(host=host, port=port,
                        username=env.get("SAHELWATCH_SMTP_USER") or table.get("username"),
                        password=env.get("SAHELWATCH_SMTP_PASSWORD"),
                        starttls=_flag(env.get("SAHELWATCH_SMTP_STARTTLS"), table.get("starttls", True)),
                        ssl=_flag(env.get("SAHELWATCH_SMTP_SSL"), table.get("ssl", False)))


def _flag(value: str | None, default: bool) -> bool:
    if value is None:
        return bool(default)
    return value.strip().lower() in ("1", "true", "yes", "on")
