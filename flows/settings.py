"""Configuration at the edge: one frozen Settings, read once (file, then environment).

Every key is optional. `sahelwatch.toml` in the working directory (or the file named by
SAHELWATCH_CONFIG) is read first; environment variables override it. Secrets (the SMTP
password) come only from the environment or a Prefect Secret block, and are never logged.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sources.policy import FetchPolicy, policy_from_mapping

ROOT = Path(__file__).resolve().parents[1]  # the project checkout (editable install)
ALERT_STATUSES = ("new", "known", "contradicts", "unknown_actor")
EVENT_STATUSES = ALERT_STATUSES + ("historical",)
CLAIM_TYPES = ("pledge", "split", "merger", "attack")
FREQUENCIES = ("each_run", "daily")


class SettingsError(Exception):
    """The configuration file or an environment variable is invalid."""


@dataclass(frozen=True, slots=True)
class Watchlist:
    """What a recipient follows; an empty tuple follows everything.

    `entities`: KB ids, names or aliases; their lineage (groups that merged into or pledged
    to them, renamings, leaders) is followed too. `types`: claim types. `countries`: any case.
    """

    entities: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Recipient:
    name: str
    email: str
    statuses: tuple[str, ...] = ALERT_STATUSES
    watch: Watchlist = Watchlist()
    frequency: str = "each_run"  # or "daily": one digest a day, from `hour` in `timezone`
    hour: int = 7
    timezone: str = "UTC"
    max_events: int = 500  # per digest, the most pressing first; the rest wait for the next one


@dataclass(frozen=True, slots=True)
class ScheduleSettings:
    """`sahelwatch serve`: the deployment's name and cron schedule (in `timezone`)."""

    cron: str = "*/30 * * * *"
    timezone: str = "UTC"
    deployment: str = "sahelwatch-monitor"


@dataclass(frozen=True, slots=True)
class RunnerSettings:
    """`[runner]`: where the fetch and extract tasks run (issue 7).

    `task_runner`: "default" (Prefect's thread pool, in the flow's process), "dask" (a
    Dask LocalCluster of `workers` processes started for the run), or the address of a
    running Dask scheduler ("tcp://host:8786"). Warehouse writes always stay in the flow's
    process; extraction is mapped over the runner in batches of `batch_size` articles.
    """

    task_runner: str = "default"
    workers: int = 2
    batch_size: int = 500
    processes: bool = True  # "dask": worker processes (False: threads of one process, for tests)


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    host: str
    port: int = 587
    username: str | None = None
    password: str | None = field(default=None, repr=False)  # from the environment only
    starttls: bool = True
    ssl: bool = False
    password_secret: str | None = None  # name of a Prefect Secret block holding the password
    timeout_s: float = 30.0


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
    schedule: ScheduleSettings = ScheduleSettings()
    fetch: FetchPolicy = FetchPolicy()  # [fetch]: timeouts, user agent, per-host limits, caps
    historical_days: int = 90  # [ledger]: an event this much older than its first report is historical
    runner: RunnerSettings = RunnerSettings()  # [runner]: task runner for fetch and extract
    analyst_copy: Path | None = None  # [paths] analyst_copy; None: "<database>-analyst.duckdb" beside it
    publish_analyst_copy: bool = True  # [paths] analyst_copy = "" turns the copy off
    db_memory_limit: str = "512MB"  # [warehouse] memory_limit (SAHELWATCH_DB_MEMORY_LIMIT): DuckDB's buffer pool

    @property
    def analyst_db_path(self) -> Path | None:
        """The read-only copy analysts query (refreshed after each run); None when disabled."""
        if not self.publish_analyst_copy:
            return None
        if self.analyst_copy is not None:
            return self.analyst_copy
        return self.db_path.with_name(f"{self.db_path.stem}-analyst{self.db_path.suffix or '.duckdb'}")

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
    copy = env.get("SAHELWATCH_ANALYST_DB", paths.get("analyst_copy"))  # "" turns the copy off
    return Settings(
        db_path=_path(env.get("SAHELWATCH_DB") or paths.get("database"), defaults.db_path, base),
        seeds_dir=_path(env.get("SAHELWATCH_SEEDS") or paths.get("seeds"), defaults.seeds_dir, base),
        templates_dir=_path(paths.get("templates"), defaults.templates_dir, base),
        outbox_dir=_path(env.get("SAHELWATCH_OUTBOX") or paths.get("outbox"), defaults.outbox_dir, base),
        sender=env.get("SAHELWATCH_SENDER") or data.get("email", {}).get("sender", defaults.sender),
        recipients=_recipients(data.get("recipients")) or defaults.recipients,
        smtp=_smtp(data.get("smtp", {}), env),
        schedule=_schedule(data.get("schedule", {}), env),
        fetch=_fetch(data.get("fetch", {}), env),
        historical_days=_historical_days(data.get("ledger", {}), env, defaults.historical_days),
        runner=_runner(data.get("runner", {}), env),
        analyst_copy=_path(copy, None, base) if copy else None,  # type: ignore[arg-type]
        publish_analyst_copy=copy is None or bool(str(copy).strip()),
        db_memory_limit=str(env.get("SAHELWATCH_DB_MEMORY_LIMIT")
                            or data.get("warehouse", {}).get("memory_limit", defaults.db_memory_limit)),
    )


def _runner(table: Mapping[str, Any], env: Mapping[str, str]) -> RunnerSettings:
    """The `[runner]` table; SAHELWATCH_TASK_RUNNER overrides its task_runner."""
    default = RunnerSettings()
    name = str(env.get("SAHELWATCH_TASK_RUNNER") or table.get("task_runner", default.task_runner)).strip()
    if name not in ("default", "dask") and not name.startswith(("tcp://", "tls://", "ucx://", "inproc://")):
        raise SettingsError(f"[runner] task_runner: expected 'default', 'dask' or a Dask scheduler address "
                            f"such as 'tcp://10.0.0.5:8786', got {name!r}")
    values = {}
    for key in ("workers", "batch_size"):
        raw = table.get(key, getattr(default, key))
        if not isinstance(raw, int) or isinstance(raw, bool) or raw < 1:
            raise SettingsError(f"[runner] {key}: expected a whole number >= 1, got {raw!r}")
        values[key] = raw
    processes = table.get("processes", True)
    if not isinstance(processes, bool):
        raise SettingsError(f"[runner] processes: expected true or false, got {processes!r}")
    return RunnerSettings(task_runner=name, processes=processes, **values)


def _historical_days(table: Mapping[str, Any], env: Mapping[str, str], default: int) -> int:
    """`[ledger] historical_days` (SAHELWATCH_HISTORICAL_DAYS overrides): a whole number >= 0."""
    raw = env.get("SAHELWATCH_HISTORICAL_DAYS", table.get("historical_days", default))
    try:
        days = int(raw)
    except (TypeError, ValueError):
        raise SettingsError(f"[ledger] historical_days: expected a whole number of days, got {raw!r}") from None
    if days < 0 or isinstance(raw, bool):
        raise SettingsError(f"[ledger] historical_days: expected a whole number of days >= 0, got {raw!r}")
    return days


def _fetch(table: Mapping[str, Any], env: Mapping[str, str]) -> FetchPolicy:
    """The `[fetch]` table; SAHELWATCH_USER_AGENT and SAHELWATCH_ALLOW_PRIVATE_NETWORKS override."""
    table = dict(table)
    if env.get("SAHELWATCH_USER_AGENT"):
        table["user_agent"] = env["SAHELWATCH_USER_AGENT"]
    if env.get("SAHELWATCH_ALLOW_PRIVATE_NETWORKS"):
        table["allow_private_networks"] = env["SAHELWATCH_ALLOW_PRIVATE_NETWORKS"]
    try:
        return policy_from_mapping(table)
    except ValueError as exc:
        raise SettingsError(str(exc)) from None


def _path(value: str | None, default: Path, base: Path) -> Path:
    if not value:
        return default
    p = Path(value).expanduser()
    return p if p.is_absolute() else base / p


def _recipients(records: Any) -> tuple[Recipient, ...]:
    if records is None:
        return ()
    if not isinstance(records, list):
        raise SettingsError("recipients: expected [[recipients]] tables")
    out = [_recipient(i, rec) for i, rec in enumerate(records)]
    emails = [r.email.lower() for r in out]
    if len(set(emails)) != len(emails):
        raise SettingsError("recipients: the same email appears twice")
    return tuple(out)


def _recipient(i: int, rec: Any) -> Recipient:
    where = f"recipients[{i}]"
    if not isinstance(rec, dict) or not isinstance(rec.get("email"), str) or "@" not in rec["email"]:
        raise SettingsError(f"{where}: each recipient needs an 'email' address")
    frequency = rec.get("frequency", "each_run")
    if frequency not in FREQUENCIES:
        raise SettingsError(f"{where}: frequency must be one of {FREQUENCIES}, not {frequency!r}")
    hour = rec.get("hour", 7)
    if not isinstance(hour, int) or not 0 <= hour <= 23:
        raise SettingsError(f"{where}: hour must be a whole hour 0..23, not {hour!r}")
    max_events = rec.get("max_events", 500)
    if not isinstance(max_events, int) or isinstance(max_events, bool) or max_events < 1:
        raise SettingsError(f"{where}: max_events must be a whole number of at least 1, not {max_events!r}")
    watch = Watchlist(entities=_strings(rec, "entities", where),
                      types=_strings(rec, "types", where, CLAIM_TYPES),
                      countries=_strings(rec, "countries", where))
    return Recipient(name=rec.get("name", rec["email"]), email=rec["email"],
                     statuses=_strings(rec, "statuses", where, EVENT_STATUSES) or ALERT_STATUSES,
                     watch=watch, frequency=frequency, hour=hour, max_events=max_events,
                     timezone=_zone(rec.get("timezone", "UTC"), f"{where}.timezone"))


def _strings(rec: Mapping[str, Any], key: str, where: str, allowed: tuple[str, ...] = ()) -> tuple[str, ...]:
    """A list of strings (empty when absent), each in `allowed` when that is given."""
    values = rec.get(key, [])
    if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
        raise SettingsError(f"{where}.{key}: expected a list of names")
    wrong = [v for v in values if allowed and v not in allowed]
    if wrong:
        raise SettingsError(f"{where}.{key}: {wrong} not among {allowed}")
    return tuple(v.strip() for v in values)


def _zone(name: Any, where: str) -> str:
    try:
        ZoneInfo(str(name))
    except (ZoneInfoNotFoundError, ValueError):
        raise SettingsError(f"{where}: unknown time zone {name!r} (e.g. 'UTC', 'Africa/Bamako')") from None
    return str(name)


def _schedule(table: Mapping[str, Any], env: Mapping[str, str]) -> ScheduleSettings:
    default = ScheduleSettings()
    cron = env.get("SAHELWATCH_CRON") or table.get("cron", default.cron)
    if not isinstance(cron, str) or len(cron.split()) not in (5, 6):
        raise SettingsError(f"schedule.cron: not a cron expression: {cron!r} (e.g. '*/30 * * * *')")
    return ScheduleSettings(cron=cron, timezone=_zone(table.get("timezone", default.timezone), "schedule.timezone"),
                            deployment=table.get("deployment", default.deployment))


def _smtp(table: Mapping[str, Any], env: Mapping[str, str]) -> SmtpSettings | None:
    host = env.get("SAHELWATCH_SMTP_HOST") or table.get("host")
    if not host:
        return None
    try:
        port = int(env.get("SAHELWATCH_SMTP_PORT") or table.get("port", 587))
    except ValueError:
        raise SettingsError("SAHELWATCH_SMTP_PORT must be a port number") from None
    ssl = _flag(env.get("SAHELWATCH_SMTP_SSL"), table.get("ssl", False))
    starttls = _flag(env.get("SAHELWATCH_SMTP_STARTTLS"), table.get("starttls", not ssl))
    if ssl and starttls:
        raise SettingsError("smtp: choose ssl (implicit TLS, port 465) or starttls (port 587), not both")
    return SmtpSettings(host=host, port=port,
                        username=env.get("SAHELWATCH_SMTP_USER") or table.get("username"),
                        password=env.get("SAHELWATCH_SMTP_PASSWORD"),
                        starttls=starttls, ssl=ssl,
                        password_secret=env.get("SAHELWATCH_SMTP_PASSWORD_SECRET") or table.get("password_secret"),
                        timeout_s=float(table.get("timeout_s", 30.0)))


def _flag(value: str | None, default: bool) -> bool:
    if value is None:
        return bool(default)
    return value.strip().lower() in ("1", "true", "yes", "on")
