"""Production mode refuses unsafe settings; with safe ones, Django's deploy check is clean."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bridgehub.config import UnsafeConfiguration, load

SAFE = {
    "BRIDGEHUB_MODE": "production",
    "BRIDGEHUB_SECRET_KEY": "k" * 20 + "-a-long-random-production-secret-key-0123456789",
    "BRIDGEHUB_ALLOWED_HOSTS": "hub.example.org",
    "BRIDGEHUB_DEBUG": "0",
    "BRIDGEHUB_SITE_URL": "https://hub.example.org",
}


def run_check(env_changes: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    # DJANGO_ALLOW_ASYNC_UNSAFE is set for the browser tests only; the deploy check rightly refuses it.
    env = {key: value for key, value in os.environ.items()
           if not key.startswith("BRIDGEHUB_") and key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(env_changes)
    env["BRIDGEHUB_DATA_DIR"] = os.environ.get("BRIDGEHUB_DATA_DIR", str(Path(__file__).parent.parent / "var"))
    command = [sys.executable, "-m", "bridgehub", "check", *args]
    # Our own interpreter and module with fixed arguments: nothing untrusted reaches the command.
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False)  # noqa: S603


@pytest.mark.parametrize(("change", "problem"), [
    ({"BRIDGEHUB_DEBUG": "1"}, "BRIDGEHUB_DEBUG is on"),
    ({"BRIDGEHUB_SECRET_KEY": ""}, "BRIDGEHUB_SECRET_KEY is unset or shorter than 50 characters"),
    ({"BRIDGEHUB_SITE_URL": "http://hub.example.org"}, "BRIDGEHUB_SITE_URL is not an https:// address"),
    ({"BRIDGEHUB_ALLOWED_HOSTS": ""}, "BRIDGEHUB_ALLOWED_HOSTS is empty"),
])
def test_production_refuses_to_start_with_unsafe_settings(monkeypatch, tmp_path, change, problem):
    for key, value in {**SAFE, **change}.items():
        if value:
            monkeypatch.setenv(key, value)
        else:
            monkeypatch.delenv(key, raising=False)
    with pytest.raises(UnsafeConfiguration) as error:
        load(tmp_path)
    assert problem in str(error.value)


def test_production_process_exits_with_the_reason():
    result = run_check({**SAFE, "BRIDGEHUB_DEBUG": "1"})
    assert result.returncode != 0
    assert "refusing to start in production mode: BRIDGEHUB_DEBUG is on" in result.stderr


def test_deploy_check_is_clean_in_production_mode():
    result = run_check(SAFE, "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_a_malformed_flag_is_an_error_not_a_guess(monkeypatch, tmp_path):
    monkeypatch.setenv("BRIDGEHUB_DEBUG", "maybe")
    with pytest.raises(UnsafeConfiguration) as error:
        load(tmp_path)
    assert "BRIDGEHUB_DEBUG='maybe'" in str(error.value)


def test_embedded_mode_makes_one_secret_key_per_installation(monkeypatch, tmp_path):
    monkeypatch.delenv("BRIDGEHUB_SECRET_KEY", raising=False)
    monkeypatch.delenv("BRIDGEHUB_MODE", raising=False)
    monkeypatch.delenv("BRIDGEHUB_DATA_DIR", raising=False)
    first, again = load(tmp_path / "one"), load(tmp_path / "one")
    other = load(tmp_path / "two")
    assert first.secret_key == again.secret_key != other.secret_key
    assert len(first.secret_key) >= 50
    assert (tmp_path / "one" / "var" / "secret_key").stat().st_mode & 0o777 == 0o600


def test_embedded_debug_pages_are_for_loopback_only(monkeypatch, tmp_path):
    monkeypatch.delenv("BRIDGEHUB_MODE", raising=False)
    monkeypatch.setenv("BRIDGEHUB_ALLOWED_HOSTS", "hub.example.org")
    with pytest.raises(UnsafeConfiguration) as error:
        load(tmp_path)
    assert "debug pages are for loopback only" in str(error.value)
    monkeypatch.setenv("BRIDGEHUB_DEBUG", "0")
    assert load(tmp_path).allowed_hosts == ["hub.example.org"]


def test_runserver_refuses_a_public_address_while_debug_is_on(settings):
    from django.core.management import CommandError, call_command

    settings.DEBUG = True
    with pytest.raises(CommandError) as error:
        call_command("runserver", "0.0.0.0:8765", use_reloader=False)
    assert "refusing to serve 0.0.0.0 with BRIDGEHUB_DEBUG on" in str(error.value)
