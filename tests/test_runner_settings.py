"""`[runner]` and `[paths] analyst_copy` settings (issue 7)."""
import pytest

from flows.settings import RunnerSettings, SettingsError, load_settings


def settings_from(tmp_path, toml, env=None):
    (tmp_path / "sahelwatch.toml").write_text(toml, encoding="utf-8")
    return load_settings(env=env or {}, cwd=tmp_path)


def test_the_runner_defaults_to_the_flows_own_and_accepts_dask_or_an_address(tmp_path):
    assert load_settings(env={}, cwd=tmp_path).runner == RunnerSettings()
    s = settings_from(tmp_path, '[runner]\ntask_runner = "dask"\nworkers = 4\nbatch_size = 100\nprocesses = false\n')
    assert s.runner == RunnerSettings("dask", workers=4, batch_size=100, processes=False)
    s = settings_from(tmp_path, "", env={"SAHELWATCH_TASK_RUNNER": "tcp://10.0.0.5:8786"})
    assert s.runner.task_runner == "tcp://10.0.0.5:8786"


@pytest.mark.parametrize("toml, message", [
    ('[runner]\ntask_runner = "ray"\n', "task_runner"),
    ("[runner]\nworkers = 0\n", "workers"),
    ('[runner]\nbatch_size = "big"\n', "batch_size"),
    ('[runner]\nprocesses = "no"\n', "processes"),
])
def test_a_bad_runner_setting_is_refused_with_its_key(tmp_path, toml, message):
    with pytest.raises(SettingsError, match=message):
        settings_from(tmp_path, toml)


def test_the_analysts_copy_sits_beside_the_warehouse_moves_or_turns_off(tmp_path):
    s = settings_from(tmp_path, '[paths]\ndatabase = "desk.duckdb"\n')
    assert s.analyst_db_path == tmp_path / "desk-analyst.duckdb"
    s = settings_from(tmp_path, '[paths]\nanalyst_copy = "shared/copy.duckdb"\n')
    assert s.analyst_db_path == tmp_path / "shared" / "copy.duckdb"
    assert settings_from(tmp_path, '[paths]\nanalyst_copy = ""\n').analyst_db_path is None
    assert settings_from(tmp_path, "", env={"SAHELWATCH_ANALYST_DB": ""}).analyst_db_path is None
