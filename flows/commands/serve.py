"""`sahelwatch serve`: the monitor flow as a Prefect deployment on a cron schedule.

This process registers the deployment with the Prefect server named by PREFECT_API_URL and
executes its runs until interrupted (Ctrl-C pauses the schedule). Never two runs at once:
the deployment has a concurrency limit of 1 with the CANCEL_NEW collision strategy (a run
that comes due while one is still going is cancelled, not queued behind it), and the runner
itself executes one run at a time. Runs take no parameters: each reads sahelwatch.toml and
the environment when it starts, so no secret is stored with the deployment.
"""
from __future__ import annotations

import argparse
from dataclasses import replace

from flows.commands import fail
from flows.settings import ScheduleSettings, Settings, SettingsError, load_settings

NO_SERVER = ("sahelwatch serve needs a Prefect server to schedule runs: start one "
             "(`.venv/bin/prefect server start`) and set PREFECT_API_URL=http://127.0.0.1:4200/api")


def register(sub) -> None:
    serve = sub.add_parser("serve", help="run the monitor flow on a schedule (a Prefect deployment)")
    serve.add_argument("--cron", help="cron schedule (default: [schedule] cron, or '*/30 * * * *')")
    serve.add_argument("--timezone", help="time zone of the cron schedule (default: UTC)")
    serve.add_argument("--name", help="deployment name (default: sahelwatch-monitor)")
    serve.set_defaults(func=cmd_serve)


def build_deployment(settings: Settings):
    """The RunnerDeployment of the monitor flow for `settings.schedule` (nothing is started)."""
    from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy
    from prefect.deployments.runner import EntrypointType
    from prefect.schedules import Cron
    from pydantic import ValidationError

    from flows.monitor import monitor

    schedule = settings.schedule
    try:
        return monitor.to_deployment(
            name=schedule.deployment,
            schedule=Cron(schedule.cron, timezone=schedule.timezone),
            concurrency_limit=ConcurrencyLimitConfig(limit=1, collision_strategy=ConcurrencyLimitStrategy.CANCEL_NEW),
            parameters={},
            description="sahelwatch: fetch, extract, compare, and send each analyst a digest.",
            tags=["sahelwatch"],
            entrypoint_type=EntrypointType.MODULE_PATH,  # flows.monitor.monitor, from any directory
        )
    except (ValueError, ValidationError) as exc:
        reason = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else str(exc)
        raise SettingsError(f"schedule: {schedule.cron!r} in {schedule.timezone!r}: {reason}") from None


def cmd_serve(args: argparse.Namespace) -> int:
    settings = _with_overrides(load_settings(), args)
    deployment = build_deployment(settings)  # validates the schedule before anything starts
    from prefect import serve
    from prefect.settings import PREFECT_API_URL

    if not PREFECT_API_URL.value():  # the temporary local server has no scheduler
        return fail(NO_SERVER)

    print(f"serving {deployment.name}: {settings.schedule.cron} ({settings.schedule.timezone}), "
          "one run at a time; Ctrl-C to stop")
    serve(deployment, limit=1, print_starting_message=False)
    return 0


def _with_overrides(settings: Settings, args: argparse.Namespace) -> Settings:
    s = settings.schedule
    schedule = ScheduleSettings(cron=args.cron or s.cron, timezone=args.timezone or s.timezone,
                                deployment=args.name or s.deployment)
    return replace(settings, schedule=schedule)
