"""Accounts: log in and out, lockout after five failures, Argon2, session cookies."""

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse
from django_tasks import task_backends

from ltoreview import settings as real_settings
from reviews.models import OutgoingMessage
from tests.factories import UserFactory
from tests.production_env import PRODUCTION_ENV

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery staple"
OFFICE = "203.0.113.7"


def log_in(username: str, password: str, address: str = OFFICE):
    client = Client(REMOTE_ADDR=address)
    response = client.post(
        reverse("login"), {"username": username, "password": password}
    )
    return client, response


def test_login_page_renders_in_the_site_style():
    response = Client().get(reverse("login"))
    assert response.status_code == 200
    assert b"Forgotten your password?" in response.content
    assert b"LTO Review" in response.content


def test_a_rep_logs_in_to_their_areas_and_logout_ends_the_session():
    UserFactory(username="rita")
    client, response = log_in("rita", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("reviews:my-areas")
    session_key = client.session.session_key

    client.post(reverse("logout"))

    from django.contrib.sessions.models import Session

    assert not Session.objects.filter(session_key=session_key).exists()
    assert client.get(reverse("reviews:my-areas")).status_code == 302


@override_settings(AXES_ENABLED=True)
def test_five_failures_lock_that_username_from_that_address_only():
    UserFactory(username="rita")
    UserFactory(username="colleague")
    for _ in range(4):
        _, response = log_in("rita", "wrong")
        assert response.status_code == 200
    _, response = log_in("rita", "wrong")
    assert response.status_code == 429
    assert b"Too many attempts" in response.content

    _, response = log_in("rita", PASSWORD)
    assert response.status_code == 429, "the right password is refused while locked"

    _, response = log_in("colleague", PASSWORD)
    assert response.status_code == 302, "others on the same address are unaffected"
    _, response = log_in("rita", PASSWORD, address="198.51.100.9")
    assert response.status_code == 302, "the same person elsewhere is unaffected"


@override_settings(AXES_ENABLED=True)
def test_the_lock_lifts_after_fifteen_minutes():
    UserFactory(username="rita")
    for _ in range(5):
        log_in("rita", "wrong")
    assert log_in("rita", PASSWORD)[1].status_code == 429

    AccessAttempt.objects.update(
        attempt_time=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=16)
    )

    assert log_in("rita", PASSWORD)[1].status_code == 302


def test_lockout_settings_are_five_tries_fifteen_minutes_by_username_and_address():
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 15 * 60
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"


def test_new_password_hashes_are_argon2():
    with override_settings(PASSWORD_HASHERS=real_settings.PASSWORD_HASHERS):
        user = UserFactory(username="newcomer")
        user.set_password("a long new passphrase 42")
        user.save()
    user.refresh_from_db()
    assert user.password.startswith("argon2")


def test_weak_passwords_are_refused_when_setting_a_new_one():
    user = UserFactory(username="rita")
    client = Client()
    client.force_login(user)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "password",
            "new_password2": "password",
        },
    )
    assert response.status_code == 200
    assert b"too common" in response.content


def test_password_reset_sends_a_link_that_sets_a_new_password():
    UserFactory(username="rita", email="rita@example.org")
    response = Client().post(reverse("password_reset"), {"email": "rita@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.split() if "/reset/" in line)
    client = Client()
    form_page = client.get(link, follow=True)
    assert b"Set a new password" in form_page.content
    done = client.post(
        form_page.redirect_chain[-1][0],
        {
            "new_password1": "a fresh passphrase 97",
            "new_password2": "a fresh passphrase 97",
        },
    )
    assert done.status_code == 302
    assert log_in("rita", "a fresh passphrase 97")[1].status_code == 302


def test_production_cookies_are_secure_httponly_and_samesite():
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "DJANGO_SETTINGS_MODULE"}
    }
    env["SECRET_KEY"] = "x" * 60
    env |= PRODUCTION_ENV
    code = (
        "import json, ltoreview.settings as s; print(json.dumps(["
        "s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY,"
        " s.SESSION_COOKIE_SAMESITE, s.CSRF_COOKIE_SECURE]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [True, True, "Lax", True]


@override_settings(AXES_ENABLED=True)
@pytest.mark.parametrize("length", [151, 300, 5000])
def test_a_username_of_any_length_gets_a_form_error_not_a_500(length):
    _, response = log_in("x" * length, "whatever")
    assert response.status_code == 200
    assert b"Please enter a correct username and password" in response.content
    assert not AccessAttempt.objects.filter(username__startswith="x" * 151).exists()


def test_password_reset_is_queued_not_sent_in_the_request_and_once_per_wait(settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    user = UserFactory(username="rita", email="rita@example.org")

    for _ in range(2):  # a double click
        Client().post(reverse("password_reset"), {"email": "rita@example.org"})

    assert mail.outbox == []
    [message] = OutgoingMessage.objects.all()
    assert (message.kind, message.user, message.status) == (
        "password_reset",
        user,
        "queued",
    )
    assert message.body == ""  # the link is minted when it is sent
    [job] = task_backends["default"].results
    assert job.task.call(*job.args) == 1
    assert "/reset/" in mail.outbox[0].body
