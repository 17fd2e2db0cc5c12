"""Timing and counting: repeated requests timed in ms, and the queries and
committed transactions of one request."""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field

from django.db import connections

CONTROL = ("BEGIN", "SAVEPOINT", "RELEASE", "ROLLBACK", "COMMIT")
WRITES = ("INSERT", "UPDATE", "DELETE")
# data-plotly: the chart pages name plotly.js for charts.js to fetch when needed.


@dataclass
class Settings:
    """How hard to measure: repeats per page and a time cap per page."""

    warmup: int = 3
    runs: int = 30
    seconds: float = 15.0
    healthz_runs: int = 300
    big_review: int = 500
    analysis_responses: int = 10_000
    timed: bool = True
    # Only these programme pages (by key), for the ten-times set; None: all.
    only: tuple[str, ...] | None = None


@dataclass
class Row:
    key: str
    name: str
    method: str
    path: str
    kind: str
    samples_ms: list[float] = field(default_factory=list)
    queries: int = 0
    transactions: int = 0
    status: int = 0
    weight_kb: float | None = None
    plotly_kb: float | None = None
    queries_big: int | None = None

    @property
    def median_ms(self) -> float | None:
        return statistics.median(self.samples_ms) if self.samples_ms else None

    @property
    def p95_ms(self) -> float | None:
        if not self.samples_ms:
            return None
        ordered = sorted(self.samples_ms)
        return ordered[math.ceil(0.95 * len(ordered)) - 1]

    def as_dict(self) -> dict:
        data = asdict(self)
        data.pop("samples_ms")
        data.update(
            runs=len(self.samples_ms), median_ms=self.median_ms, p95_ms=self.p95_ms
        )
        return data


@dataclass
class Watch:
    queries: int = 0
    commits: int = 0
    autocommitted_writes: int = 0
    statements: list[str] = field(default_factory=list)

    @property
    def transactions(self) -> int:
        return self.commits + self.autocommitted_writes


@contextmanager
def watch_database() -> Iterator[Watch]:
    """Count queries and committed transactions on the default database.

    A write outside `transaction.atomic` commits on its own (autocommit), so the
    transactions are the explicit commits plus every such write.
    """
    connection = connections["default"]
    watch = Watch()
    real_commit = connection.commit

    def commit() -> None:
        watch.commits += 1
        real_commit()

    def wrapper(execute, sql, params, many, context):
        verb = sql.lstrip().split(None, 1)[0].upper() if sql.strip() else ""
        if verb not in CONTROL:
            watch.queries += 1
            watch.statements.append(sql)
        if verb in WRITES and not connection.in_atomic_block:
            watch.autocommitted_writes += 1
        return execute(sql, params, many, context)

    connection.commit = commit
    try:
        with connection.execute_wrapper(wrapper):
            yield watch
    finally:
        del connection.commit


def body(reply) -> bytes:
    if getattr(reply, "streaming", False):
        return b"".join(reply.streaming_content)
    return reply.content


def repeat(call: Callable[[], object], s: Settings, runs: int | None = None) -> list:
    """Warm up, then time `call` up to `runs` times or `s.seconds`, in ms."""
    for _ in range(s.warmup):
        call()
    samples = []
    deadline = time.perf_counter() + s.seconds
    for _ in range(runs or s.runs):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
        if time.perf_counter() > deadline:
            break
    return samples
