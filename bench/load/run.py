"""`make load`: two gunicorn servers on PostgreSQL with the task worker running,
in two profiles: Workshop (a human pace, a killed worker, a check) and Stress
(the arrival rate stepped up until p95 passes 500 ms).

1. Recreates the PostgreSQL database `ltoreview_load` on 127.0.0.1, migrates it,
   collects static files and prepares 100 personal links and a rep's login.
2. Starts two gunicorn instances with production settings (2 workers x 4 threads
   each) on 127.0.0.1:8101 and :8102.
   Also starts `manage.py db_worker`, the background task worker.
3. Workshop: runs locust headless, bounded in users and time, 100 respondents
   and 5 reps with 3-10 s between steps; every request alternates between the
   two instances. KILL_AFTER seconds in, one gunicorn worker is killed with
   SIGKILL; gunicorn starts a new one and the clients retry what was cut. Then
   checks the database: one submitted response per invitation, every answer
   stored, nothing partial or duplicated; p95 per request type under 300 ms.
4. Stress, on its own review and links: /healthz alone for a few seconds (the
   floor's throughput in this run), then the respondent mix stepped up; the
   highest step whose p95 stays under 500 ms is the sustained rate.
5. Stops everything, prints both tables and writes bench/load/results.json.
"""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime

from bench.load.processes import (
    BIN,
    LOAD,
    OUT,
    ROOT,
    STEP_TIMEOUT,
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
from bench.load.steps import RUN_SECONDS, STEPS, users_at

TOKENS = LOAD / "tokens.json"
RESULTS = LOAD / "results.json"
PORTS = (8101, 8102)
RESPONDENTS = 100
REPS = 5
RUN_TIME = 150  # seconds: locust stops here even if journeys are unfinished
KILL_AFTER = 20.0  # seconds after locust starts, while journeys are under way
STRESS_TOKENS = LOAD / "stress_tokens.json"
STRESS_LINKS = users_at(STEPS - 1) + 10  # more than the profile's most users
STRESS_RUN_TIME = RUN_SECONDS + 3
WORKSHOP_P95_MS = 300
STRESS_P95_MS = 500
STRESS_TARGET = 100  # requests/s of the respondent mix
# Seconds at the start of each stress step left out while users join.
SETTLE = 3


def run_locust(env: dict[str, str], master: int) -> dict:
    """Run locust; SIGKILL one worker of `master` after KILL_AFTER seconds."""
    hosts = ",".join(f"http://127.0.0.1:{port}" for port in PORTS)
    command = [
        str(BIN / "locust"),
        f"--locustfile={LOAD / 'locustfile.py'}",
        "--headless",
        f"--users={RESPONDENTS + REPS}",
        "--spawn-rate=10",
        f"--run-time={RUN_TIME}s",
        "--stop-timeout=10",
        f"--csv={OUT / 'locust'}",
        "--only-summary",
        "--loglevel=WARNING",
        "Respondent",
        "Rep",
    ]
    locust_env = dict(
        env, LOAD_HOSTS=hosts, LOAD_TOKENS=str(TOKENS), LOAD_PROFILE="workshop"
    )
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


def run_stress(env: dict[str, str]) -> dict:
    """The stress profile; its per-step figures from locust's request log."""
    from bench.load.steps import steps

    hosts = ",".join(f"http://127.0.0.1:{port}" for port in PORTS)
    log = OUT / "stress_log.csv"
    command = [
        str(BIN / "locust"),
        f"--locustfile={LOAD / 'locustfile.py'}",
        "--headless",
        f"--run-time={STRESS_RUN_TIME}s",
        "--stop-timeout=5",
        "--only-summary",
        "--loglevel=WARNING",
    ]
    locust_env = dict(
        env,
        LOAD_HOSTS=hosts,
        LOAD_TOKENS=str(STRESS_TOKENS),
        LOAD_PROFILE="stress",
        LOAD_LOG=str(log),
    )
    subprocess.run(
        command, cwd=ROOT, env=locust_env, timeout=STRESS_RUN_TIME + 60, check=False
    )
    with open(log, newline="") as source:
        rows = [(float(t), n, float(ms), int(f)) for t, n, ms, f in csv.reader(source)]
    return steps(rows, STRESS_P95_MS, SETTLE)


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
        f"| respondents (3-10 s between steps) | {RESPONDENTS} |",
        f"| reps reading results | {REPS} |",
        f"| application servers | {len(PORTS)} x gunicorn (2 workers x 4 threads) |",
        f"| requests | {s['requests']:,} |",
        f"| throughput | {s['requests_per_second']} requests/s |",
        f"| p50 | {s['p50_ms']:.0f} ms |",
        f"| p95, all requests | {s['p95_ms']:.0f} ms |",
        *(
            f"| p95, {name} | {row['p95_ms']:.0f} ms |"
            for name, row in sorted(s["by_name"].items())
            if not name.startswith("retried")
        ),
        f"| worker killed (SIGKILL) at | {f['killed_at_s']} s |",
        f"| requests cut and retried | {s['retried']} |",
        f"| failures after retries | {s['failures']} |",
        f"| submitted responses / invitations | {c['submitted_responses']}"
        f" / {c['invitations']} |",
        f"| answers stored / expected | {c['answers']} / {c['expected_answers']} |",
        f"| partial or duplicate responses | {len(c['problems'])} |",
        f"| result (p95 < {WORKSHOP_P95_MS} ms for every type, nothing lost) "
        f"| {result['result']} |",
    ]
    return "\n".join(lines)


def stress_report(result: dict) -> str:
    stress = result["stress"]
    healthz = stress["healthz"]
    lines = [
        "| users | offered req/s | served req/s | p95 ms | failures | under 500 ms |",
        "|--:|--:|--:|--:|--:|---|",
    ]
    for row in stress["steps"]:
        lines.append(
            f"| {row['users']} | {row['offered_per_second']:.0f} "
            f"| {row['requests_per_second']} | {row['p95_ms']:.0f} "
            f"| {row['failures']} | {'yes' if row['under_limit'] else 'no'} |"
        )
    best = stress["sustained"] or {}
    lines += [
        "",
        f"/healthz alone, same run: {healthz.get('requests_per_second')} requests/s "
        f"(p95 {healthz.get('p95_ms')} ms). Highest sustained respondent mix with "
        f"p95 under {STRESS_P95_MS} ms: {best.get('requests_per_second', 0)} "
        f"requests/s (target {STRESS_TARGET}): {result['stress_result']}.",
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
    step(
        env,
        "-m",
        "bench.load.prepare",
        f"--invitations={STRESS_LINKS}",
        f"--out={STRESS_TOKENS}",
        "--name=stress",
    )
    servers = [start_server(env, port) for port in PORTS]
    worker = start_task_worker(env)
    try:
        for port in PORTS:
            wait_until_up(port)
            warm_up(port)
        print("Workshop: running locust…", file=sys.stderr, flush=True)
        fault = run_locust(env, servers[0].pid)
        workshop_stats = stats()
        workshop_check = check(env)
        print("Stress: running locust…", file=sys.stderr, flush=True)
        stress = run_stress(env)
    finally:
        stop([*servers, worker])
    slow = {
        name: row["p95_ms"]
        for name, row in workshop_stats["by_name"].items()
        if row["p95_ms"] >= WORKSHOP_P95_MS
    }
    result = {
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "fault": fault,
        "stats": workshop_stats,
        "check": workshop_check,
        "slow_request_types": slow,
        "stress": stress,
    }
    ok = (
        not workshop_check["problems"]
        and workshop_stats["failures"] == 0
        and workshop_check["submitted_responses"] == RESPONDENTS
    )
    result["result"] = "PASS" if ok and not slow else "FAIL"
    sustained = (stress["sustained"] or {}).get("requests_per_second", 0)
    result["stress_result"] = "PASS" if sustained >= STRESS_TARGET else "FAIL"
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"\n## Workshop ({os.cpu_count()} CPUs)\n\n{report(result)}")
    for problem in workshop_check["problems"][:20]:
        print(f"- {problem}")
    print(f"\n## Stress ({os.cpu_count()} CPUs)\n\n{stress_report(result)}")
    return 0 if result["result"] == result["stress_result"] == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
