"""Production settings refuse to start without a secret key, a mail backend,
or the organisation and privacy contact the privacy notice names."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.production_env import PRODUCTION_CONTACTS, PRODUCTION_ENV

ROOT = Path(__file__).resolve().parents[2]


def run_settings(env_overrides: dict[str, str]) -> subprocess.CompletedProcess:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "EMAIL_BACKEND", "DJANGO_SETTINGS_MODULE"}
        and k not in PRODUCTION_CONTACTS
    }
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "-c", "import ltoreview.settings"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_settings_refuse_to_start_without_secret_key():
    result = run_settings({})
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_settings_start_with_a_secret_key_a_mail_backend_and_contacts():
    result = run_settings({"SECRET_KEY": "x" * 60, **PRODUCTION_ENV})
    assert result.returncode == 0, result.stderr


def test_production_settings_refuse_to_start_without_an_email_backend():
    result = run_settings({"SECRET_KEY": "x" * 60, **PRODUCTION_CONTACTS})
    assert result.returncode != 0
    assert "EMAIL_BACKEND is not set" in result.stderr


def test_production_settings_start_with_the_console_backend_chosen_explicitly():
    console = "django.core.mail.backends.console.EmailBackend"
    env = {**PRODUCTION_ENV, "EMAIL_BACKEND": console}
    result = run_settings({"SECRET_KEY": "x" * 60, **env})
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("missing", sorted(PRODUCTION_CONTACTS))
def test_production_settings_refuse_to_start_without_the_privacy_contacts(missing):
    contacts = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = run_settings({"SECRET_KEY": "x" * 60, **contacts})
    assert result.returncode != 0
    assert f"{missing} not set. Production refuses to start" in result.stderr


def test_development_settings_start_without_secret_key():
    result = run_settings({"DEBUG": "1"})
    assert result.returncode == 0, result.stderr
