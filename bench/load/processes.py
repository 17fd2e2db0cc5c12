"""The processes a production-like run needs, shared by `make load` and `make
faults`: production settings for plain-HTTP loopback, a fresh PostgreSQL
database, gunicorn servers (started, waited for, warmed up, their workers found
for killing) and the task worker, and stopping them all."""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse, urlunparse

LOAD = Path(__file__).resolve().parent
ROOT = LOAD.parent.parent
OUT = LOAD / "out"
BIN = Path(sys.executable).parent
DATABASE_URL = os.environ.get(
    "LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/ltoreview_load"
)
STEP_TIMEOUT = 300


def production_env() -> dict[str, str]:
    """Production settings, as an operator would set them, for plain-HTTP loopback."""
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG"}}
    env.update(
        DJANGO_SETTINGS_MODULE="ltoreview.settings",
        DATABASE_URL=DATABASE_URL,
        SECRET_KEY=secrets.token_urlsafe(50),
        ORGANISATION_NAME="LTO Review load test",
        PRIVACY_CONTACT_EMAIL="privacy@example.org",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        # Plain HTTP on loopback: no TLS to redirect to, so cookies cannot be
        # Secure-only. Never set these in a real deployment.
        SECURE_SSL_REDIRECT="0",
        SESSION_COOKIE_SECURE="0",
        CSRF_COOKIE_SECURE="0",
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
        # The load test sends no email; production must name a real backend.
        EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend",
        # The reps sign in with a password only: a second factor is not what is
        # measured, and without this every rep page redirects to it.
        REQUIRE_TWO_FACTOR="0",
    )
    return env


def recreate_database(url: str = DATABASE_URL) -> None:
    import psycopg

    parts = urlparse(url)
    assert parts.hostname in {"127.0.0.1", "localhost"}, "loopback only"
    name = parts.path.lstrip("/")
    admin = urlunparse(parts._replace(path="/postgres"))
    connection = psycopg.connect(admin, autocommit=True)
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()


def step(env: dict[str, str], *args: str) -> None:
    subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, check=True, timeout=STEP_TIMEOUT
    )


def start_server(env: dict[str, str], port: int, out: Path = OUT) -> subprocess.Popen:
    command = [
        str(BIN / "gunicorn"),
        "ltoreview.wsgi",
        f"--bind=127.0.0.1:{port}",
        "--workers=2",
        "--threads=4",
        "--timeout=30",
        "--graceful-timeout=10",
        f"--error-logfile={out / f'gunicorn-{port}.log'}",
    ]
    return subprocess.Popen(command, cwd=ROOT, env=env)


def wait_until_up(port: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"gunicorn on port {port} did not answer in {seconds} s")


def warm_up(port: int, rounds: int = 12) -> None:
    """A few anonymous pages on each server before the clock starts, as a server
    that has been running would be: every worker has imported the views and
    compiled the templates. (A worker killed mid-run starts cold, as it would.)"""
    for _ in range(rounds):
        for path in ("/", "/accounts/login/", "/r/not-a-real-link/"):
            url = f"http://127.0.0.1:{port}{path}"
            try:
                with urllib.request.urlopen(url, timeout=10):
                    pass
            except OSError:
                pass  # a 404 raises too; it has done its work


def workers_of(master: int) -> list[int]:
    """The pids of a gunicorn master's worker processes, from /proc."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text()
    return [int(pid) for pid in children.split()]


def start_task_worker(env: dict[str, str], out: Path = OUT) -> subprocess.Popen:
    log = open(out / "db_worker.log", "a")  # noqa: SIM115 - closed with the process
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def stop(servers: list[subprocess.Popen]) -> None:
    for server in servers:
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)
    for server in servers:
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
