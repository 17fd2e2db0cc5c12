"""Work that must not hold up a request: every outgoing email, review summaries
and retention (`remove_expired_identities`, queued daily by cron).

Every email is an `OutgoingMessage` row first (`reviews.outbox`); a task sends a
batch of them through one connection, minting each personal link as it sends,
so a link never sits in the queue. A send that fails is tried again later with
growing gaps when the backend can defer (the database queue in production);
after the last try, or at once where it cannot (the immediate backend of
`make run` and the tests), the message is "failed" and the rep's review page
offers to send it again. The worker's sweep (`sweep_outbox`) picks up what a
dead worker left.
"""

import logging
from collections.abc import Sequence

from django.utils import timezone
from django_tasks import task

from reviews import outbox
from reviews.actions import retention
from reviews.models import Invitation, OutgoingMessage, Review
from reviews.summaries import summarise_review

log = logging.getLogger(__name__)


@task()
def send_outgoing(message_ids: list[int]) -> int:
    """Send these queued messages; how many went."""
    may_retry = send_outgoing.get_backend().supports_defer
    result = outbox.deliver(message_ids, may_retry=may_retry)
    for when, ids in result.retries.items():
        send_outgoing.using(run_after=when).enqueue(ids)
    return result.sent


def send_queued(messages: Sequence[OutgoingMessage]) -> None:
    """Hand queued rows to the task queue (one task, one connection)."""
    if messages:
        send_outgoing.enqueue([m.pk for m in messages])


def queue_messages(invitations: Sequence[Invitation], kind: str) -> set[int]:
    """Queue one batch; returns the invitation ids whose message has already
    failed for good (only possible with a backend that runs the task at once)."""
    messages = outbox.queue_for_invitations(invitations, kind)
    send_queued(messages)
    failed = OutgoingMessage.objects.failed().filter(pk__in=[m.pk for m in messages])
    return set(failed.values_list("invitation_id", flat=True))


def sweep_outbox() -> int:
    """Queue again what dead workers left; how many messages it handed on."""
    ids = outbox.sweep(timezone.now())
    if ids:
        send_outgoing.enqueue(ids)
    return len(ids)


@task()
def summarise(review_id: int) -> bool:
    """Store a closed review's summary; False if it was reopened meanwhile."""
    review = Review.objects.closed().filter(pk=review_id).first()
    if review is None:
        return False
    summarise_review(review)
    return True


@task()
def remove_expired_identities() -> list[str]:
    """Retention (`reviews.actions.retention`), queued by `manage.py apply_retention`
    from cron; returns the report's lines, which name no one."""
    return retention.remove_expired_identities().lines()
