"""Our deploy check: with DEBUG off, a mail backend that delivers nothing is an
error that `check --deploy` reports (reviews.E001)."""

import pytest
from django.core.checks import run_checks
from django.test import override_settings

CONSOLE = "django.core.mail.backends.console.EmailBackend"
SMTP = "django.core.mail.backends.smtp.EmailBackend"


def mail_errors() -> list[str]:
    return [
        message.id
        for message in run_checks(include_deployment_checks=True)
        if message.id == "reviews.E001"
    ]


@pytest.mark.parametrize(
    "backend", [CONSOLE, "django.core.mail.backends.locmem.EmailBackend"]
)
def test_check_deploy_reports_a_backend_that_delivers_nothing_with_debug_off(backend):
    with override_settings(DEBUG=False, EMAIL_BACKEND=backend):
        assert mail_errors() == ["reviews.E001"]


def test_check_deploy_is_quiet_about_smtp():
    with override_settings(DEBUG=False, EMAIL_BACKEND=SMTP):
        assert mail_errors() == []


def test_the_console_is_fine_in_development():
    with override_settings(DEBUG=True, EMAIL_BACKEND=CONSOLE):
        assert mail_errors() == []


def test_the_check_is_not_run_without_deploy():
    with override_settings(DEBUG=False, EMAIL_BACKEND=CONSOLE):
        assert not [m for m in run_checks() if m.id == "reviews.E001"]
