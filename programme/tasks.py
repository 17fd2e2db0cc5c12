"""Digests off the request: built and sent by the worker, one connection a batch."""

import datetime as dt
import logging

from django.core import mail
from django_tasks import task

from programme.digests import Digest, daily_digests, weekly_digests

log = logging.getLogger(__name__)


def _send(digests: list[Digest]) -> int:
    sent = 0
    with mail.get_connection() as connection:
        for digest in digests:
            message = digest.message()
            message.connection = connection
            try:
                message.send()
            except Exception:  # one refused address must not stop the rest
                log.exception("Could not send a digest to user %s", digest.user.pk)
                continue
            sent += 1
    return sent


@task()
def send_daily_digests(today: str) -> int:
    """Reps' digests for `today` (an ISO date); how many were sent."""
    return _send(daily_digests(dt.date.fromisoformat(today)))


@task()
def send_weekly_digests(today: str) -> int:
    """Local Trust staff's weekly digests; how many were sent."""
    return _send(weekly_digests(dt.date.fromisoformat(today)))
