"""`make faults`: what a dead process costs, on a production-like deployment.

On PostgreSQL (its own database, `ltoreview_faults`, recreated), two gunicorn
instances and the task worker with DEBUG off, and a local SMTP sink that takes
half a second to accept each message (`bench/faults/smtp_sink.py`):

(a) Mail: 50 invitations are queued (one task); once the sink has 15 of them the
    task worker is killed with SIGKILL and started again. Every address the sink
    receives is counted until all 50 messages are recorded as sent (polled every
    2 s, for at most 5 minutes). Passes with 50 of 50 addresses, at most one
    received twice (the message in flight when the worker died) and nothing
    left queued, sending or failed.
(b) Submissions: 50 respondents, each with their answers saved, submit at the
    same moment, every request alternating between the two servers; one
    gunicorn worker is killed with SIGKILL as they do, and cut requests are
    retried as a browser's user would. Passes with 50 submitted responses,
    every answer stored, 0 lost and 0 duplicated (bench/load/check.py).

Prints the figures and exits non-zero when one fails. Not part of CI.
Environment: FAULTS_DATABASE_URL, FAULTS_PORTS (two, comma-separated),
FAULTS_SMTP_PORT.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import requests

from bench.load.journey import form_data
from bench.load.processes import (
    production_env,
    recreate_database,
    start_server,
    start_task_worker,
    step,
    stop,
    wait_until_up,
    warm_up,
    workers_of,
)

FAULTS = Path(__file__).resolve().parent
ROOT = FAULTS.parent.parent
OUT = FAULTS / "out"
DATABASE_URL = os.environ.get(
    "FAULTS_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/ltoreview_faults"
)
PORTS = tuple(int(p) for p in os.environ.get("FAULTS_PORTS", "8121,8122").split(","))
SMTP_PORT = int(os.environ.get("FAULTS_SMTP_PORT", "8125"))
SMTP_DELAY = 0.5  # seconds the sink waits before it accepts a message
INVITATIONS = 50
KILL_WHEN_RECEIVED = 15
SUBMISSIONS = 50
STUCK_AFTER = 300  # seconds after the restart: anything not sent by then is stuck
MAX_TRIES = 6
RETRYABLE = {502, 503, 504}

PEOPLE = OUT / "people.json"
TOKENS = OUT / "submit_tokens.json"
RECEIVED = OUT / "received.txt"


def faults_env() -> dict[str, str]:
    env = production_env()
    env.update(
        DATABASE_URL=DATABASE_URL,
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(SMTP_PORT),
        EMAIL_TIMEOUT="10",
    )
    return env


def start_sink() -> subprocess.Popen:
    RECEIVED.write_text("")
    command = [
        sys.executable,
        "-m",
        "bench.faults.smtp_sink",
        f"--port={SMTP_PORT}",
        f"--delay={SMTP_DELAY}",
        f"--log={RECEIVED}",
    ]
    return subprocess.Popen(command, cwd=ROOT)


def received() -> Counter[str]:
    return Counter(RECEIVED.read_text().split())


def message_states() -> tuple[dict[str, int], int]:
    """Outgoing messages by status, and how many were found interrupted."""
    import psycopg

    with psycopg.connect(DATABASE_URL) as connection:
        rows = connection.execute(
            "SELECT status, count(*), coalesce(sum(interrupted), 0)"
            " FROM reviews_outgoingmessage GROUP BY status"
        ).fetchall()
    return {s: n for s, n, _ in rows}, sum(int(i) for _, _, i in rows)


def wait_for(condition, seconds: float, every: float = 0.2) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(every)
    return False


def mail_fault(
    env: dict[str, str], worker: subprocess.Popen
) -> tuple[dict, subprocess.Popen]:
    """(a): kill the task worker mid-batch, restart it, count what arrives."""
    step(env, "-m", "bench.faults.prepare", "invite", f"--data={PEOPLE}")
    queued_at = time.monotonic()
    if not wait_for(lambda: sum(received().values()) >= KILL_WHEN_RECEIVED, 120):
        raise RuntimeError("the worker sent nothing to the sink in 2 minutes")
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait()
    at_kill = sum(received().values())
    states_at_kill, _ = message_states()
    worker = start_task_worker(env, OUT)
    restarted = time.monotonic()
    all_sent = None
    while time.monotonic() - restarted < STUCK_AFTER:
        states, interrupted = message_states()
        if states.get("sent") == INVITATIONS and len(received()) == INVITATIONS:
            all_sent = round(time.monotonic() - restarted, 1)
            break
        time.sleep(2)
    states, interrupted = message_states()
    counts = received()
    data = json.loads(PEOPLE.read_text())
    figures = {
        "queued": INVITATIONS,
        "received_before_kill": at_kill,
        "sending_at_kill": states_at_kill.get("sending", 0),
        "addresses_received": sum(1 for a in data["addresses"] if counts[a]),
        "received_twice": sum(1 for n in counts.values() if n > 1),
        "messages_received": sum(counts.values()),
        "found_interrupted": interrupted,
        "stuck": INVITATIONS - states.get("sent", 0),
        "states": states,
        "seconds_queue_to_kill": round(restarted - queued_at, 1),
        "seconds_restart_to_all_sent": all_sent,
    }
    figures["pass"] = (
        figures["addresses_received"] == INVITATIONS
        and figures["received_twice"] <= 1
        and figures["stuck"] == 0
    )
    return figures, worker


class Browser:
    """One respondent's browser: its cookies, which server it asks next (they
    alternate), and how many of its requests were cut and tried again."""

    def __init__(self, index: int) -> None:
        self.session = requests.Session()
        self.turn = index
        self.cut = 0

    def request(self, method: str, path: str, data: dict | None = None) -> int:
        for attempt in range(MAX_TRIES):
            base = f"http://127.0.0.1:{PORTS[self.turn % len(PORTS)]}"
            self.turn += 1
            headers = {"X-CSRFToken": self.session.cookies.get("csrftoken", "")}
            try:
                reply = self.session.request(
                    method,
                    base + path,
                    data=data,
                    headers=headers,
                    allow_redirects=False,
                    timeout=30,
                )
            except requests.ConnectionError:
                self.cut += 1
                continue
            if reply.status_code in RETRYABLE and attempt + 1 < MAX_TRIES:
                self.cut += 1
                continue
            return reply.status_code
        return 0


def submit_fault(servers: list[subprocess.Popen]) -> dict:
    """(b): 50 submissions at once, with a web worker killed among them."""
    data = json.loads(TOKENS.read_text())
    keys, review = data["keys"], data["review"]
    here = f"/respond/{review}/"
    ready = threading.Barrier(SUBMISSIONS + 1)
    outcomes: list[tuple[int, int, int]] = []

    def journey(index: int, token: str) -> None:
        browser = Browser(index)
        browser.request("GET", f"/r/{token}/")
        browser.request("GET", here)
        answers = dict(form_data(index, keys), action="continue")
        browser.request("POST", here, answers)
        ready.wait(timeout=120)
        status = browser.request("POST", here + "submit/")
        outcomes.append((index, status, browser.cut))

    threads = [
        threading.Thread(target=journey, args=pair)
        for pair in enumerate(data["tokens"])
    ]
    for thread in threads:
        thread.start()
    ready.wait(timeout=120)
    time.sleep(0.05)  # the submissions are on their way
    victim = workers_of(servers[0].pid)[0]
    os.kill(victim, signal.SIGKILL)
    for thread in threads:
        thread.join(timeout=120)
    reply = subprocess.run(
        [sys.executable, "-m", "bench.load.check", f"--tokens={TOKENS}"],
        cwd=ROOT,
        env=faults_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    check = json.loads(reply.stdout.strip().splitlines()[-1])
    duplicated = sum(
        1
        for p in check["problems"]
        if p.endswith(" responses") and not p.endswith(": 0 responses")
    )
    figures = {
        "submissions": SUBMISSIONS,
        "answered_302": sum(1 for _, status, _ in outcomes if status == 302),
        "requests_cut_and_retried": sum(cut for _, _, cut in outcomes),
        "submitted_responses": check["submitted_responses"],
        "lost": SUBMISSIONS - check["submitted_responses"],
        "duplicated": duplicated,
        "answers": f"{check['answers']} / {check['expected_answers']}",
        "problems": check["problems"],
    }
    figures["pass"] = figures["lost"] == 0 and duplicated == 0 and not check["problems"]
    return figures


def report(mail: dict, submit: dict) -> str:
    verdict = {True: "PASS", False: "FAIL"}
    return "\n".join(
        [
            "| (a) mail, task worker killed mid-batch | value |",
            "|---|--:|",
            f"| invitations queued | {mail['queued']} |",
            f"| received by the sink when the worker was killed | "
            f"{mail['received_before_kill']} |",
            f"| messages 'sending' at the kill | {mail['sending_at_kill']} |",
            f"| addresses received | {mail['addresses_received']}"
            f" of {mail['queued']} |",
            f"| addresses received twice | {mail['received_twice']} |",
            f"| messages received in all | {mail['messages_received']} |",
            f"| found interrupted and sent again | {mail['found_interrupted']} |",
            f"| not sent after {STUCK_AFTER} s (stuck) | {mail['stuck']} |",
            f"| seconds from restart to all sent | "
            f"{mail['seconds_restart_to_all_sent']} |",
            f"| result (50 of 50, at most 1 twice, 0 stuck) | "
            f"{verdict[mail['pass']]} |",
            "",
            "| (b) submissions, web worker killed | value |",
            "|---|--:|",
            f"| concurrent submissions | {submit['submissions']} |",
            f"| requests cut and retried | {submit['requests_cut_and_retried']} |",
            f"| submits answered 302 | {submit['answered_302']} |",
            f"| submitted responses | {submit['submitted_responses']} |",
            f"| answers stored / expected | {submit['answers']} |",
            f"| lost | {submit['lost']} |",
            f"| duplicated | {submit['duplicated']} |",
            f"| result (0 lost, 0 duplicated) | {verdict[submit['pass']]} |",
        ]
    )


def main() -> int:
    OUT.mkdir(exist_ok=True)
    (OUT / "db_worker.log").write_text("")
    env = faults_env()
    print("Preparing the faults database…", file=sys.stderr, flush=True)
    recreate_database(DATABASE_URL)
    step(env, "manage.py", "migrate", "--no-input", "-v0")
    step(env, "manage.py", "collectstatic", "--no-input", "-v0")
    step(env, "-m", "bench.faults.prepare", "people", f"--out={PEOPLE}")
    step(
        env,
        "-m",
        "bench.load.prepare",
        f"--invitations={SUBMISSIONS}",
        f"--out={TOKENS}",
        "--name=faults-submit",
    )
    sink = start_sink()
    servers = [start_server(env, port, OUT) for port in PORTS]
    worker = start_task_worker(env, OUT)
    try:
        for port in PORTS:
            wait_until_up(port)
            warm_up(port, rounds=3)
        print("(a) mail: killing the task worker mid-batch…", file=sys.stderr)
        mail, worker = mail_fault(env, worker)
        print("(b) submissions: killing a web worker…", file=sys.stderr)
        submit = submit_fault(servers)
    finally:
        stop([*servers, worker, sink])
    (OUT / "results.json").write_text(
        json.dumps({"mail": mail, "submit": submit}, indent=2) + "\n"
    )
    print(f"\n## make faults ({os.cpu_count()} CPUs)\n\n{report(mail, submit)}")
    for problem in submit["problems"][:20]:
        print(f"- {problem}")
    return 0 if mail["pass"] and submit["pass"] else 1


if __name__ == "__main__":
    sys.exit(main())
