from pathlib import Path

import pytest

from flows.settings import SettingsError, load_settings


def test_defaults_without_file_or_environment(tmp_path):
    s = load_settings(env={}, cwd=tmp_path)
    assert s.db_path == Path("sahelwatch.duckdb") and s.smtp is None
    assert s.entities_file.name == "entities.yaml" and s.entities_file.exists()


def test_file_then_environment(tmp_path):
    (tmp_path / "sahelwatch.toml").write_text(
        '[paths]\ndatabase = "data/w.duckdb"\n[smtp]\nhost = "mail.test"\nport = 2525\n'
        '[[recipients]]\nname = "A"\nemail = "a@x.test"\nstatuses = ["new"]\n')
    s = load_settings(env={"SAHELWATCH_SMTP_PASSWORD": "hunter2", "SAHELWATCH_SMTP_PORT": "465"}, cwd=tmp_path)
    assert s.db_path == tmp_path / "data" / "w.duckdb"
    assert (s.smtp.host, s.smtp.port, s.smtp.password) == ("mail.test", 465, "hunter2")
    assert s.recipients[0].statuses == ("new",)
    assert "hunter2" not in repr(s)


def test_malformed_toml_names_the_file(tmp_path):
    (tmp_path / "sahelwatch.toml").write_text("[paths\n")
    with pytest.raises(SettingsError, match="sahelwatch.toml: malformed TOML"):
        load_settings(env={}, cwd=tmp_path)


def test_missing_config_named_by_environment(tmp_path):
    with pytest.raises(SettingsError, match="not found"):
        load_settings(env={"SAHELWATCH_CONFIG": str(tmp_path / "nope.toml")}, cwd=tmp_path)
