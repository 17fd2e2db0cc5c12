"""Security headers, our own error pages, and the deploy checklist."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings

from tests.production_env import PRODUCTION_ENV

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db


def test_pages_send_a_strict_content_security_policy(client):
    response = client.get("/")
    policy = response.headers["Content-Security-Policy"]
    directives = dict(
        (part.split()[0], part.split()[1:])
        for part in policy.split(";")
        if part.strip()
    )
    assert directives["script-src"] == ["'self'"]
    assert directives["default-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert "'unsafe-eval'" not in policy


def test_pages_send_the_hardening_headers(client):
    response = client.get("/")
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.parametrize("path", ["/", "/meet/", "/static/css/app.css", "/healthz"])
def test_every_response_switches_off_camera_microphone_and_location(client, path):
    policy = client.get(path).headers["Permissions-Policy"]
    features = dict(part.strip().split("=") for part in policy.split(","))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert features[feature] == "()"


@override_settings(DEBUG=False)
def test_an_unknown_page_gets_our_plain_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert "Traceback" not in html
    assert "urlpatterns" not in html


def test_a_server_error_gets_our_plain_500_without_a_stack_trace(client, settings):
    settings.DEBUG = False
    client.raise_request_exception = False
    with override_settings(ROOT_URLCONF="tests.views.broken_urls"):
        response = client.get("/boom/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, something went wrong" in html
    assert "Traceback" not in html
    assert "secret-detail" not in html


@pytest.mark.slow
def test_check_deploy_reports_nothing_with_production_settings():
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "DJANGO_SETTINGS_MODULE"}
    }
    env["SECRET_KEY"] = "a-long-random-production-key-" + "x" * 40
    env |= PRODUCTION_ENV
    env["DJANGO_SETTINGS_MODULE"] = "ltoreview.settings"
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_a_post_without_a_csrf_token_gets_our_plain_403():
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post("/meet/", {"code": "ABCDEFGH"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "This form has expired" in html
    assert "CSRF verification failed" not in html


@override_settings(DEBUG=False)
def test_a_bad_request_gets_our_plain_400(client):
    response = client.get("/", headers={"host": "not-an-allowed-host.example"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Something in that request was not right" in html
    assert "ALLOWED_HOSTS" not in html
