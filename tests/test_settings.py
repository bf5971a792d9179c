"""Settings are layered defaults -> config file -> environment -> overrides, and checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerdiff.errors import ConfigError
from careerdiff.settings import DEFAULT_DB_URL, Settings, load_settings


def test_defaults_without_config_or_environment(tmp_path: Path) -> None:
    settings = load_settings(config_path=None, environ={})
    assert settings == Settings()
    assert settings.db_url == DEFAULT_DB_URL
    assert settings.rate == 1.0 and settings.concurrency == 2


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "careerdiff.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_layers_apply_in_written_order(tmp_path: Path) -> None:
    config = _write(
        tmp_path, '[careerdiff]\nrate = 3\nconcurrency = 4\nseeds = ["https://a.test/"]\n'
    )
    env = {"CAREERDIFF_CONCURRENCY": "6", "CAREERDIFF_ALLOW_HOSTS": "a.test, b.test"}
    settings = load_settings({"concurrency": None, "max_pages": 9}, config_path=config, environ=env)
    assert settings.rate == 3.0  # from the file
    assert settings.concurrency == 6  # the environment beats the file
    assert settings.allow_hosts == ("a.test", "b.test")
    assert settings.seeds == ("https://a.test/",)
    assert settings.max_pages == 9  # overrides beat everything; None means "not given"


def test_config_file_named_by_environment(tmp_path: Path) -> None:
    config = _write(tmp_path, "[careerdiff]\nmax_depth = 2\n")
    assert load_settings(environ={"CAREERDIFF_CONFIG": str(config)}).max_depth == 2


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[careerdiff]\nrate = 'fast'\n", "'rate'"),
        ("[careerdiff]\nspeed = 1\n", "unknown setting 'speed'"),
        ("[careerdiff\n", "not valid TOML"),
        ("[careerdiff]\nconcurrency = 0\n", "at least 1"),
        ("[careerdiff]\nrate = -1\n", "must not be negative"),
        ("[careerdiff]\nmax_pages = 2.5\n", "'max_pages'"),
        ("[careerdiff]\ncomparison_pattern = '(['\n", "regular expression"),
    ],
)
def test_bad_config_is_one_clear_error(tmp_path: Path, text: str, message: str) -> None:
    config = _write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_settings(config_path=config, environ={})
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_missing_named_config_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_settings(config_path=tmp_path / "nope.toml", environ={})


def test_bad_environment_value_names_the_setting() -> None:
    with pytest.raises(ConfigError, match="'concurrency'"):
        load_settings(environ={"CAREERDIFF_CONCURRENCY": "many"})


def test_replace_checks_values() -> None:
    with pytest.raises(ConfigError, match="'read_timeout'"):
        Settings().replace(read_timeout=0)
    with pytest.raises(ConfigError, match="unknown setting"):
        Settings().replace(colour="blue")
