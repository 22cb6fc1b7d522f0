"""`sahelwatch serve`: the deployment it builds (schedule, concurrency), without serving it."""
from __future__ import annotations

from dataclasses import replace

import pytest
from prefect.client.schemas.objects import ConcurrencyLimitStrategy

from flows.cli import main
from flows.commands.serve import build_deployment
from flows.settings import ScheduleSettings, SettingsError, load_settings


def test_deployment_has_the_configured_cron_and_one_run_at_a_time():
    settings = replace(load_settings(env={}), schedule=ScheduleSettings(
        cron="15 6 * * *", timezone="Africa/Bamako", deployment="desk-monitor"))
    deployment = build_deployment(settings)
    [schedule] = deployment.schedules
    assert (schedule.schedule.cron, schedule.schedule.timezone) == ("15 6 * * *", "Africa/Bamako")
    assert deployment.name == "desk-monitor" and deployment.flow_name == "monitor"
    assert deployment.concurrency_limit == 1
    assert deployment.concurrency_options.collision_strategy == ConcurrencyLimitStrategy.CANCEL_NEW
    assert deployment.parameters == {}  # settings (and secrets) are read at run time
    assert deployment.entrypoint == "flows.monitor.monitor"


def test_default_schedule_is_every_half_hour():
    [schedule] = build_deployment(load_settings(env={})).schedules
    assert schedule.schedule.cron == "*/30 * * * *"


@pytest.mark.parametrize("cron, tz", [("every day", "UTC"), ("0 6 * * *", "Mars/Olympus")])
def test_invalid_schedule_is_a_settings_error(cron, tz):
    with pytest.raises(SettingsError, match="schedule"):
        build_deployment(replace(load_settings(env={}), schedule=ScheduleSettings(cron=cron, timezone=tz)))


def test_serve_without_a_prefect_server_says_how_to_start_one(monkeypatch, capsys, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.setenv("PREFECT_PROFILES_PATH", str(tmp_path / "profiles.toml"))
    assert main(["serve", "--cron", "0 * * * *"]) == 2
    assert "prefect server start" in capsys.readouterr().err
    assert main(["serve", "--cron", "not a cron"]) == 2
    assert "schedule" in capsys.readouterr().err
