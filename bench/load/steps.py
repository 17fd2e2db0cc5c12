"""The stress profile's shape and its reading: per-step rate and p95.

Shared by the locustfile (which steps the users up) and bench/load/run.py (which
reads locust's request log, one row per request: time, name, ms, failed).
"""

from __future__ import annotations

import math

HEALTHZ_SECONDS = 10  # /healthz alone first: the floor's throughput
HEALTHZ_USERS = 20
PAUSE_SECONDS = 2  # nobody running between the floor and the mix
STEP_SECONDS = 12
START_USERS = 30  # users in the first step
STEP_USERS = 10  # users added each later step
STEPS = 18  # up to 200 users, 400 requests a second offered
PER_USER = 2.0  # requests a second each respondent sends
# The whole stress run: the floor, the pause, then every step.
RUN_SECONDS = HEALTHZ_SECONDS + PAUSE_SECONDS + STEPS * STEP_SECONDS


def users_at(step: int) -> int:
    """Respondents running in step `step` (from 0)."""
    return START_USERS + STEP_USERS * step


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)] if ordered else 0.0


def steps(
    rows: list[tuple[float, str, float, int]], limit_ms: float, settle: float
) -> dict:
    healthz = [r for r in rows if r[1].endswith("/healthz")]
    mix = [r for r in rows if not r[1].endswith("/healthz")]
    result: dict = {"healthz": {}, "steps": [], "sustained": None}
    if healthz:
        span = max(r[0] for r in healthz) - min(r[0] for r in healthz)
        result["healthz"] = {
            "requests": len(healthz),
            "requests_per_second": round(len(healthz) / span, 1) if span else None,
            "p95_ms": round(p95([r[2] for r in healthz]), 1),
        }
    if not mix:
        return result
    start = min(r[0] for r in mix)
    for k in range(STEPS):
        low = start + k * STEP_SECONDS + settle
        high = start + (k + 1) * STEP_SECONDS
        window = [r for r in mix if low <= r[0] < high]
        if not window:
            break
        step = {
            "users": users_at(k),
            "offered_per_second": users_at(k) * PER_USER,
            "requests_per_second": round(len(window) / (high - low), 1),
            "p95_ms": round(p95([r[2] for r in window]), 1),
            "failures": sum(r[3] for r in window),
        }
        step["under_limit"] = step["p95_ms"] < limit_ms and not step["failures"]
        result["steps"].append(step)
    good = [s for s in result["steps"] if s["under_limit"]]
    if good:
        result["sustained"] = max(good, key=lambda s: s["requests_per_second"])
    return result
