"""Measure the main pages in-process with Django's test client, warm.

For each page: server time over repeated requests (median and 95th percentile),
the number of queries, and for writes the number of transactions they commit.
`/healthz` is timed in the same process, so each page can be read as a multiple
of the floor (routing, middleware, an empty response) on whatever machine runs it.

`bench.worker` sets Django up, builds the data set and calls `measure()` once
per data-set size; `bench.run` compares the sizes and judges the numbers.
"""

from __future__ import annotations

import datetime as dt
import gzip
import math
import random
import re
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connections
from django.test import Client
from django.utils import timezone

from partnerships.access import LOCAL_TRUST_STAFF
from partnerships.models import Area, Organisation
from reviews.analysis import NOW, THEN, ResponseData, StatementInfo, analyse
from reviews.models import Answer, Invitation, Response, Review, Statement
from reviews.tokens import new_token

STAFF_USERNAME = "bench-staff"
BIG_REVIEW_TITLE = "Bench review with many responses"
# Statements that open or close a transaction, not work the page asked for.
CONTROL = ("BEGIN", "SAVEPOINT", "RELEASE", "ROLLBACK", "COMMIT")
WRITES = ("INSERT", "UPDATE", "DELETE")
# data-plotly: the chart pages name plotly.js for charts.js to fetch when needed.
ASSET = re.compile(r'(?:href|src|data-plotly)="(/static/[^"]+\.(?:css|js))"')


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


def staff_client() -> Client:
    user, _ = get_user_model().objects.get_or_create(username=STAFF_USERNAME)
    group, _ = Group.objects.get_or_create(name=LOCAL_TRUST_STAFF)
    user.groups.add(group)
    client = Client()
    client.force_login(user)
    return client


def ensure_big_review(responses: int, seed: int = 7) -> Review:
    """One closed review with many responses, for "flat however many answer"."""
    review = Review.objects.filter(title=BIG_REVIEW_TITLE).first()
    if review is not None:
        return review
    model = Review.objects.filter(status=Review.Status.CLOSED).order_by("pk").first()
    review = Review.objects.create(
        appointment=model.appointment,
        framework_version=model.framework_version,
        purpose=Review.Purpose.REGULAR,
        title=BIG_REVIEW_TITLE,
        opens=model.opens,
        closes=model.closes,
        status=Review.Status.CLOSED,
    )
    rng = random.Random(seed)
    made = Response.objects.bulk_create(
        Response(
            review=review,
            perspective=rng.choice(("member", "member", "member", "lto_staff")),
            status=Response.Status.SUBMITTED,
            submitted_at=timezone.now(),
        )
        for _ in range(responses)
    )
    statements = list(review.framework_version.statements.all())
    Answer.objects.bulk_create(
        (
            Answer(
                response_id=r.pk,
                statement_id=s.pk,
                then_rating=rng.randint(1, 10),
                now_rating=rng.randint(1, 10),
            )
            for r in made
            for s in statements
        ),
        batch_size=5000,
    )
    return review


class Respondents:
    """Fresh invitations on one open review, each opened in its own client."""

    def __init__(self, review: Review) -> None:
        self.review = review
        self.invitations: list[int] = []
        statements = review.framework_version.statements.all()
        self.answers = {}
        for i, statement in enumerate(statements):
            self.answers[f"then-{statement.key}"] = str(1 + i % 10)
            self.answers[f"now-{statement.key}"] = str(1 + (i + 3) % 10)
        self.answers["comments"] = "Measured by the bench."
        self.answers["action"] = "continue"

    def open(self) -> Client:
        token, digest = new_token()
        invitation = Invitation.objects.create(
            review=self.review,
            perspective="member",
            token_hash=digest,
            expires=timezone.now() + dt.timedelta(days=1),
        )
        self.invitations.append(invitation.pk)
        client = Client()
        reply = client.get(f"/r/{token}/", secure=True)
        assert reply.status_code == 302, reply.status_code
        return client

    def clean_up(self) -> None:
        Response.objects.filter(invitation_id__in=self.invitations).delete()
        Invitation.objects.filter(pk__in=self.invitations).delete()


def page_weight(client: Client, html: bytes) -> dict[str, float]:
    """KB gzip-compressed, of the page ("") and each stylesheet and script it names."""
    sizes = {"": len(gzip.compress(html)) / 1024}
    for path in sorted(set(ASSET.findall(html.decode()))):
        reply = client.get(path, secure=True)
        assert reply.status_code == 200, (path, reply.status_code)
        sizes[path] = len(gzip.compress(body(reply))) / 1024
    return sizes


def weigh(client: Client, row: Row) -> None:
    sizes = page_weight(client, body(client.get(row.path, secure=True)))
    row.weight_kb = round(sum(sizes.values()), 1)
    plotly = [kb for path, kb in sizes.items() if "plotly" in path]
    row.plotly_kb = round(sum(plotly), 1) if plotly else None


def measure_get(client: Client, row: Row, s: Settings) -> Row:
    def call():
        reply = client.get(row.path, secure=True)
        body(reply)
        return reply

    with watch_database() as watch:
        reply = call()
    row.status, row.queries = reply.status_code, watch.queries
    if s.timed:
        row.samples_ms = repeat(call, s)
    return row


def measure_autosave(respondents: Respondents, s: Settings) -> Row:
    """The questionnaire's script saving a half-answered draft, as it does after
    each change: one respondent, the same draft posted again and again."""
    pk = respondents.review.pk
    row = Row("autosave", "Autosave", "POST", f"/respond/{pk}/autosave/", "autosave")
    client = respondents.open()
    draft = {k: v for k, v in respondents.answers.items() if k != "action"}
    draft["action"] = "save"

    def call():
        reply = client.post(row.path, draft, secure=True)
        assert reply.status_code == 200, reply.status_code
        return reply

    with watch_database() as watch:
        reply = call()
    row.status, row.queries = reply.status_code, watch.queries
    row.transactions = watch.transactions
    if s.timed:
        row.samples_ms = repeat(call, s)
    return row


def measure_cold(client: Client, row: Row, s: Settings) -> Row:
    """A page's first view: the review cache emptied before every request."""

    def call():
        cache.clear()
        reply = client.get(row.path, secure=True)
        body(reply)
        return reply

    with watch_database() as watch:
        reply = call()
    row.status, row.queries = reply.status_code, watch.queries
    if s.timed:
        samples = []
        for _ in range(s.warmup + min(s.runs, 15)):
            cache.clear()
            start = time.perf_counter()
            body(client.get(row.path, secure=True))
            samples.append((time.perf_counter() - start) * 1000)
        row.samples_ms = samples[s.warmup :]
    return row


def measure_submission(respondents: Respondents, s: Settings) -> list[Row]:
    """The real flow: open a link, post a complete answer set, then confirm."""
    pk = respondents.review.pk
    answers = Row("answers", "Submission: answers", "POST", f"/respond/{pk}/", "write")
    confirm = Row(
        "confirm", "Submission: confirm", "POST", f"/respond/{pk}/submit/", "write"
    )
    runs = s.runs if s.timed else 1
    for i in range(s.warmup + runs):
        client = respondents.open()
        watching = i == 0
        for row, data in ((answers, respondents.answers), (confirm, {})):
            start = time.perf_counter()
            if watching:
                with watch_database() as watch:
                    reply = client.post(row.path, data, secure=True)
                row.queries, row.transactions = watch.queries, watch.transactions
                row.status = reply.status_code
            else:
                reply = client.post(row.path, data, secure=True)
            elapsed = (time.perf_counter() - start) * 1000
            assert reply.status_code == 302, (row.path, reply.status_code)
            if s.timed and i >= s.warmup and not watching:
                row.samples_ms.append(elapsed)
    return [answers, confirm]


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


def targets() -> dict:
    """The objects the pages are measured on; the same slugs at every size."""
    closed = (
        Review.objects.filter(status=Review.Status.CLOSED, title__startswith="Scale")
        .order_by("pk")
        .first()
    )
    open_review = (
        Review.objects.filter(status=Review.Status.OPEN, title__startswith="Scale")
        .order_by("pk")
        .first()
    )
    area = Area.objects.filter(slug__startswith="scale-").order_by("slug").first()
    organisation = (
        Organisation.objects.filter(slug__startswith="scale-").order_by("slug").first()
    )
    return {
        "closed": closed,
        "open": open_review,
        "area": area,
        "organisation": organisation,
    }


PROGRAMME_PAGES = ("areas", "partnership", "overdue", "programme")


def programme_pages(t: dict) -> list[tuple[str, str, str]]:
    return [
        ("areas", "Areas", "/areas/"),
        ("partnership", "Partnership", f"/areas/{t['area'].slug}/"),
        ("organisation", "Organisation", f"/organisations/{t['organisation'].slug}/"),
        ("overdue", "Overdue list", "/programme/overdue/"),
        ("programme", "Programme overview", "/programme/"),
    ]


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


def _row(key: str, name: str, path: str) -> Row:
    return Row(key, name, "GET", path, "page")


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


def _counts() -> dict[str, int]:
    return {
        "areas": Area.objects.count(),
        "reviews": Review.objects.count(),
        "responses": Response.objects.count(),
        "answers": Answer.objects.count(),
        "statements": Statement.objects.count(),
    }
