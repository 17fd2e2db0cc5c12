"""Digests off the request: built by the worker, then sent through the outbox
(`reviews.outbox`), so a digest that fails is retried and shown like any message."""

import datetime as dt

from django_tasks import task

from programme.digests import Digest, daily_digests, weekly_digests
from reviews import tasks as review_tasks
from reviews.models import OutgoingMessage


def _queue(digests: list[Digest]) -> int:
    """Queue each digest as it reads today and send them in one batch."""
    messages = OutgoingMessage.objects.bulk_create(
        OutgoingMessage(
            kind=OutgoingMessage.Kind.DIGEST,
            user=digest.user,
            subject=str(email.subject),
            body=str(email.body),
        )
        for digest in digests
        for email in [digest.message()]
    )
    review_tasks.send_queued(messages)
    return len(messages)


@task()
def send_daily_digests(today: str) -> int:
    """Reps' digests for `today` (an ISO date); how many were queued."""
    return _queue(daily_digests(dt.date.fromisoformat(today)))


@task()
def send_weekly_digests(today: str) -> int:
    """Local Trust staff's weekly digests; how many were queued."""
    return _queue(weekly_digests(dt.date.fromisoformat(today)))
