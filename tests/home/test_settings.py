"""Production settings are checked in a subprocess: they are read once, at import."""

import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
GOOD_KEY = "x" * 20 + "production-secret-key-for-tests-only-0123456789"


def run_manage(*args, **env):
    full_env = {
        key: value for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    full_env.update({"DJANGO_SETTINGS_MODULE": "webassoc.settings.production", **env})
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=full_env,
        capture_output=True, text=True, timeout=120,
    )


def test_production_settings_refuse_to_start_without_secret_key():
    result = run_manage("check", ALLOWED_HOSTS="webassoc.example")

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_settings_refuse_the_development_secret_key():
    result = run_manage(
        "check", ALLOWED_HOSTS="webassoc.example",
        SECRET_KEY="django-insecure-local-development-key-never-used-in-production",
    )

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_settings_refuse_to_start_without_allowed_hosts():
    result = run_manage("check", SECRET_KEY=GOOD_KEY)

    assert result.returncode != 0
    assert "ALLOWED_HOSTS must list" in result.stderr


def test_check_deploy_is_clean_with_production_settings():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING",
        SECRET_KEY=GOOD_KEY, ALLOWED_HOSTS="webassoc.example",
    )

    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_base_settings_speak_french_in_paris_time():
    from django.conf import settings

    assert settings.LANGUAGE_CODE == "fr"
    assert settings.TIME_ZONE == "Europe/Paris"
    assert settings.USE_TZ is True
