"""Production settings refuse to start without a secret key or a mail backend."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_settings(env_overrides: dict[str, str]) -> subprocess.CompletedProcess:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "EMAIL_BACKEND", "DJANGO_SETTINGS_MODULE"}
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


SMTP = "django.core.mail.backends.smtp.EmailBackend"


def test_production_settings_start_with_a_secret_key_and_a_mail_backend():
    result = run_settings({"SECRET_KEY": "x" * 60, "EMAIL_BACKEND": SMTP})
    assert result.returncode == 0, result.stderr


def test_production_settings_refuse_to_start_without_an_email_backend():
    result = run_settings({"SECRET_KEY": "x" * 60})
    assert result.returncode != 0
    assert "EMAIL_BACKEND is not set" in result.stderr


def test_production_settings_start_with_the_console_backend_chosen_explicitly():
    console = "django.core.mail.backends.console.EmailBackend"
    result = run_settings({"SECRET_KEY": "x" * 60, "EMAIL_BACKEND": console})
    assert result.returncode == 0, result.stderr


def test_development_settings_start_without_secret_key():
    result = run_settings({"DEBUG": "1"})
    assert result.returncode == 0, result.stderr
