"""`make load`: two gunicorn servers on PostgreSQL, locust, a killed worker, a check.

1. Recreates the PostgreSQL database `ltoreview_load` on 127.0.0.1, migrates it,
   collects static files and prepares 100 personal links and a rep's login.
2. Starts two gunicorn instances with production settings (2 workers x 4 threads
   each) on 127.0.0.1:8101 and :8102.
3. Runs locust headless, bounded in users and time; every respondent's requests
   alternate between the two instances.
4. A few seconds in, kills one gunicorn worker with SIGKILL (the fault test);
   gunicorn starts a new one and the clients retry what was cut.
5. Stops the servers and checks the database: one submitted response per
   invitation, every answer stored, nothing partial or duplicated; reports p50,
   p95 and throughput from locust's stats and writes bench/load/results.json.
"""

from __future__ import annotations

import csv
import json
import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlparse, urlunparse

LOAD = Path(__file__).resolve().parent
ROOT = LOAD.parent.parent
OUT = LOAD / "out"
TOKENS = LOAD / "tokens.json"
RESULTS = LOAD / "results.json"
BIN = Path(sys.executable).parent
DATABASE_URL = os.environ.get(
    "LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/ltoreview_load"
)
PORTS = (8101, 8102)
RESPONDENTS = 100
REPS = 5
RUN_TIME = 120  # seconds: locust stops here even if journeys are unfinished
KILL_AFTER = 5.0  # seconds after locust starts, while journeys are under way
STEP_TIMEOUT = 300


def production_env() -> dict[str, str]:
    """Production settings, as an operator would set them, for plain-HTTP loopback."""
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG"}}
    env.update(
        DJANGO_SETTINGS_MODULE="ltoreview.settings",
        DATABASE_URL=DATABASE_URL,
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        # Plain HTTP on loopback: no TLS to redirect to, so cookies cannot be
        # Secure-only. Never set these in a real deployment.
        SECURE_SSL_REDIRECT="0",
        SESSION_COOKIE_SECURE="0",
        CSRF_COOKIE_SECURE="0",
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )
    return env


def recreate_database() -> None:
    import psycopg2

    parts = urlparse(DATABASE_URL)
    assert parts.hostname in {"127.0.0.1", "localhost"}, "loopback only"
    name = parts.path.lstrip("/")
    connection = psycopg2.connect(urlunparse(parts._replace(path="/postgres")))
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()


def step(env: dict[str, str], *args: str) -> None:
    subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, check=True, timeout=STEP_TIMEOUT
    )


def start_server(env: dict[str, str], port: int) -> subprocess.Popen:
    command = [
        str(BIN / "gunicorn"),
        "ltoreview.wsgi",
        f"--bind=127.0.0.1:{port}",
        "--workers=2",
        "--threads=4",
        "--timeout=30",
        "--graceful-timeout=10",
        f"--error-logfile={OUT / f'gunicorn-{port}.log'}",
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


def workers_of(master: int) -> list[int]:
    """The pids of a gunicorn master's worker processes, from /proc."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text()
    return [int(pid) for pid in children.split()]


def run_locust(env: dict[str, str], master: int) -> dict:
    """Run locust; SIGKILL one worker of `master` after KILL_AFTER seconds."""
    hosts = ",".join(f"http://127.0.0.1:{port}" for port in PORTS)
    command = [
        str(BIN / "locust"),
        f"--locustfile={LOAD / 'locustfile.py'}",
        "--headless",
        f"--users={RESPONDENTS + REPS}",
        "--spawn-rate=50",
        f"--run-time={RUN_TIME}s",
        "--stop-timeout=10",
        f"--csv={OUT / 'locust'}",
        "--only-summary",
        "--loglevel=WARNING",
    ]
    locust_env = dict(env, LOAD_HOSTS=hosts, LOAD_TOKENS=str(TOKENS))
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=ROOT, env=locust_env)
    time.sleep(KILL_AFTER)
    victim = workers_of(master)[0]
    os.kill(victim, signal.SIGKILL)
    killed_at = round(time.monotonic() - started, 1)
    code = process.wait(timeout=RUN_TIME + 60)
    return {
        "exit_code": code,
        "killed_worker": victim,
        "killed_at_s": killed_at,
        "seconds": round(time.monotonic() - started, 1),
    }


def stop(servers: list[subprocess.Popen]) -> None:
    for server in servers:
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)
    for server in servers:
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


def stats() -> dict:
    """p50, p95, throughput and failures from locust's CSV, plus retried requests."""
    with open(OUT / "locust_stats.csv", newline="") as source:
        rows = list(csv.DictReader(source))
    total = next(r for r in rows if r["Name"] == "Aggregated")
    retried = sum(
        int(r["Request Count"]) for r in rows if r["Name"].startswith("retried")
    )
    return {
        "requests": int(total["Request Count"]),
        "failures": int(total["Failure Count"]),
        "retried": retried,
        "p50_ms": float(total["50%"]),
        "p95_ms": float(total["95%"]),
        "requests_per_second": round(float(total["Requests/s"]), 1),
        "by_name": {
            r["Name"]: {
                "requests": int(r["Request Count"]),
                "failures": int(r["Failure Count"]),
                "p50_ms": float(r["50%"]),
                "p95_ms": float(r["95%"]),
            }
            for r in rows
            if r["Name"] != "Aggregated"
        },
    }


def check(env: dict[str, str]) -> dict:
    reply = subprocess.run(
        [sys.executable, "-m", "bench.load.check", f"--tokens={TOKENS}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=STEP_TIMEOUT,
    )
    return json.loads(reply.stdout.strip().splitlines()[-1])


def report(result: dict) -> str:
    s, c, f = result["stats"], result["check"], result["fault"]
    lines = [
        "| measure | value |",
        "|---|--:|",
        f"| respondents (journeys of 7 requests) | {RESPONDENTS} |",
        f"| reps reading results | {REPS} |",
        f"| application servers | {len(PORTS)} x gunicorn (2 workers x 4 threads) |",
        f"| requests | {s['requests']:,} |",
        f"| throughput | {s['requests_per_second']} requests/s |",
        f"| p50 | {s['p50_ms']:.0f} ms |",
        f"| p95 | {s['p95_ms']:.0f} ms |",
        f"| worker killed (SIGKILL) at | {f['killed_at_s']} s |",
        f"| requests cut and retried | {s['retried']} |",
        f"| failures after retries | {s['failures']} |",
        f"| submitted responses / invitations | {c['submitted_responses']}"
        f" / {c['invitations']} |",
        f"| answers stored / expected | {c['answers']} / {c['expected_answers']} |",
        f"| partial or duplicate responses | {len(c['problems'])} |",
        f"| result | {result['result']} |",
    ]
    return "\n".join(lines)


def main() -> int:
    OUT.mkdir(exist_ok=True)
    env = production_env()
    print("Preparing ltoreview_load…", file=sys.stderr, flush=True)
    recreate_database()
    step(env, "manage.py", "migrate", "--no-input", "-v0")
    step(env, "manage.py", "collectstatic", "--no-input", "-v0")
    step(
        env,
        "-m",
        "bench.load.prepare",
        f"--invitations={RESPONDENTS}",
        f"--out={TOKENS}",
    )
    servers = [start_server(env, port) for port in PORTS]
    try:
        for port in PORTS:
            wait_until_up(port)
        print("Running locust…", file=sys.stderr, flush=True)
        fault = run_locust(env, servers[0].pid)
    finally:
        stop(servers)
    result = {
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "fault": fault,
        "stats": stats(),
        "check": check(env),
    }
    ok = (
        not result["check"]["problems"]
        and result["stats"]["failures"] == 0
        and result["check"]["submitted_responses"] == RESPONDENTS
    )
    result["result"] = "PASS" if ok else "FAIL"
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"\n## Load test ({os.cpu_count()} CPUs)\n\n{report(result)}")
    for problem in result["check"]["problems"][:20]:
        print(f"- {problem}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
