"""Measure the main pages in-process with Django's test client, warm.

For each page: server time over repeated requests (median and 95th percentile),
the number of queries, and for writes the number of transactions they commit.
`/healthz` is timed in the same process, so each page can be read as a multiple
of the floor (routing, middleware, an empty response) on whatever machine runs it.

`bench.worker` sets Django up, builds the data set and calls `measure()` once
per data-set size; `bench.run` compares the sizes and judges the numbers.
"""

from __future__ import annotations

import random
import statistics
import time

from django.test import Client

from bench.data import Respondents, _counts, ensure_big_review, staff_client, targets
from bench.pages import (
    _row,
    measure_autosave,
    measure_cold,
    measure_get,
    measure_submission,
    programme_pages,
    weigh,
)
from bench.timing import Row, Settings, repeat
from reviews.analysis import NOW, THEN, ResponseData, StatementInfo, analyse


def analysis_throughput(count: int, seed: int = 3) -> dict:
    """Responses per second through `analyse`, on synthetic answers in memory."""
    rng = random.Random(seed)
    statements = [
        StatementInfo(f"s{i}", f"Statement {i}", f"Statement {i}", "social", i)
        for i in range(1, 11)
    ]
    mix = ("member",) * 6 + ("lto_staff", "worker", "rep", "other")
    responses = [
        ResponseData(
            n,
            rng.choice(mix),
            {
                s.key: {THEN: rng.randint(1, 10), NOW: rng.randint(1, 10)}
                for s in statements
            },
        )
        for n in range(count)
    ]
    samples = []
    for _ in range(3):
        start = time.perf_counter()
        analyse(statements, responses)
        samples.append(time.perf_counter() - start)
    best = statistics.median(samples)
    return {
        "responses": count,
        "seconds": round(best, 4),
        "responses_per_second": round(count / best),
    }


def measure_programme(s: Settings) -> dict:
    """Only /healthz and the programme pages named in `s.only`: the ten-times
    data set's rows."""
    t = targets()
    staff = staff_client()
    anonymous = Client()
    healthz = Row("healthz", "/healthz", "GET", "/healthz", "floor")
    measure_get(anonymous, healthz, s)
    if s.timed:
        healthz.samples_ms = repeat(
            lambda: anonymous.get("/healthz", secure=True), s, s.healthz_runs
        )
    rows = [healthz]
    for key, name, path in programme_pages(t):
        if key in (s.only or ()):
            rows.append(measure_get(staff, _row(key, name, path), s))
    return {"counts": _counts(), "rows": [row.as_dict() for row in rows]}


def measure(s: Settings | None = None) -> dict:
    """Measure every main page on the data in the default database."""
    s = s or Settings()
    if s.only is not None:
        return measure_programme(s)
    t = targets()
    staff = staff_client()
    respondents = Respondents(t["open"])
    closed = t["closed"].pk
    try:
        questionnaire_client = respondents.open()
        # One client per page: a new Client loads the middleware stack again.
        anonymous = Client()
        healthz = Row("healthz", "/healthz", "GET", "/healthz", "floor")
        measure_get(anonymous, healthz, s)
        if s.timed:
            healthz.samples_ms = repeat(
                lambda: anonymous.get("/healthz", secure=True), s, s.healthz_runs
            )
        questionnaire = measure_get(
            questionnaire_client,
            Row(
                "questionnaire",
                "Questionnaire",
                "GET",
                f"/respond/{t['open'].pk}/",
                "respondent",
            ),
            s,
        )
        weigh(questionnaire_client, questionnaire)
        rows = [healthz, measure_get(anonymous, _row("landing", "Landing", "/"), s)]
        rows += [questionnaire, *measure_submission(respondents, s)]
        rows.append(measure_autosave(respondents, s))
        pages = [
            ("results", "Results", f"/reviews/{closed}/results/"),
            ("pack", "Meeting pack", f"/reviews/{closed}/pack/"),
            ("export", "CSV export", f"/reviews/{closed}/export.csv"),
            *programme_pages(t),
        ]
        for key, name, path in pages:
            rows.append(measure_get(staff, _row(key, name, path), s))
        weigh(staff, rows[len(rows) - len(pages)])
        rows += _measure_big_review(staff, rows, s)
    finally:
        respondents.clean_up()
    analysis = analysis_throughput(s.analysis_responses) if s.timed else None
    return {
        "counts": _counts(),
        "rows": [row.as_dict() for row in rows],
        "analysis": analysis,
    }


def _measure_big_review(staff: Client, rows: list[Row], s: Settings) -> list[Row]:
    """The review pages again on a review with many responses: timed, and their
    query counts set beside the ordinary review's."""
    if not s.big_review:
        return []
    big = ensure_big_review(s.big_review)
    suffix = {"results": "results/", "pack": "pack/", "export": "export.csv"}
    extra = []
    for row in [r for r in rows if r.key in suffix]:
        name = f"{row.name} ({s.big_review} responses)"
        path = f"/reviews/{big.pk}/{suffix[row.key]}"
        big_row = measure_get(staff, _row(f"{row.key}-big", name, path), s)
        row.queries_big = big_row.queries
        extra.append(big_row)
        if row.key == "results":
            name = f"Results, first view ({s.big_review} responses, uncached)"
            cold = measure_cold(staff, _row("results-big-cold", name, path), s)
            extra.append(cold)
    return extra
