"""The pages and writes measured, one `Row` each: GET pages warm and cold, the
page weight, autosave and the two-step submission."""

from __future__ import annotations

import gzip
import re
import time
from urllib.parse import urlencode

from django.core.cache import cache
from django.test import Client

from bench.data import Respondents
from bench.timing import Row, Settings, body, repeat, watch_database

FORM_ENCODED = "application/x-www-form-urlencoded"
ASSET = re.compile(r'(?:href|src|data-plotly)="(/static/[^"]+\.(?:css|js))"')


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
    """The questionnaire's script saving the form as a draft, as it does after
    each change: one respondent, who has the page open, posting the same draft
    again and again (each one UPDATE of the response's draft)."""
    pk = respondents.review.pk
    row = Row("autosave", "Autosave", "POST", f"/respond/{pk}/autosave/", "autosave")
    client = respondents.open()
    assert client.get(f"/respond/{pk}/", secure=True).status_code == 200
    draft = {k: v for k, v in respondents.answers.items() if k != "action"}
    # URL-encoded, as the page's script sends it.
    encoded = urlencode({**draft, "action": "save"})

    def call():
        reply = client.post(row.path, encoded, FORM_ENCODED, secure=True)
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


PROGRAMME_PAGES = ("areas", "partnership", "overdue", "programme")


def programme_pages(t: dict) -> list[tuple[str, str, str]]:
    return [
        ("areas", "Areas", "/areas/"),
        ("partnership", "Partnership", f"/areas/{t['area'].slug}/"),
        ("organisation", "Organisation", f"/organisations/{t['organisation'].slug}/"),
        ("overdue", "Overdue list", "/programme/overdue/"),
        ("programme", "Programme overview", "/programme/"),
    ]


def _row(key: str, name: str, path: str) -> Row:
    return Row(key, name, "GET", path, "page")
