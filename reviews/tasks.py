"""Work that must not hold up a request: respondents' emails and review summaries.

Each send mints the person's link as it sends, so a link never sits in the task
queue: the token exists only in the message, and the invitation's stored hash
changes only once the mail server has taken the message (a failed reminder
leaves the earlier link working). A batch goes through one connection. A send
that fails is tried again later with growing gaps when the backend can defer
(the database queue in production); after the last try, or at once where it
cannot (the immediate backend of `make run` and the tests), the invitation is
marked "could not be sent" and the rep's review page offers to send it again.
"""

import datetime as dt
import logging
from collections.abc import Sequence

from django.core import mail
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from reviews import emails
from reviews.models import Invitation, Review
from reviews.models.invitations import RELEASE_MESSAGES
from reviews.responding.tokens import new_token
from reviews.summaries import summarise_review

log = logging.getLogger(__name__)

Message = Invitation.Message
SendStatus = Invitation.SendStatus

# The gap before each further try: a mail server that is down for an hour
# loses nothing.
RETRY_DELAYS = (
    dt.timedelta(minutes=1),
    dt.timedelta(minutes=10),
    dt.timedelta(hours=1),
)


def _stamp(kind: str, now: dt.datetime) -> dict[str, dt.datetime]:
    if kind == Message.REMINDER:
        return {"reminded_at": now}
    if kind in RELEASE_MESSAGES:
        return {"release_sent_at": now}
    return {"sent_at": now}


def _to_send(invitation_ids: Sequence[int], kind: str) -> list[Invitation]:
    rows = (
        Invitation.objects.live()
        .filter(pk__in=invitation_ids)
        .exclude(person__email="")
        .exclude(person__isnull=True)
        .select_related("person", "review")
        .order_by("pk")
    )
    if kind in RELEASE_MESSAGES:
        # However often this runs, a person hears of a release once.
        rows = rows.filter(release_sent_at__isnull=True)
    return list(rows)


def _send_batch(invitations: list[Invitation], kind: str) -> list[int]:
    """Send each its message through one connection; the ids that failed."""
    failed: list[int] = []
    connection = mail.get_connection()
    try:
        connection.open()
    except Exception:  # the server is unreachable: every message waits
        log.exception("Could not connect to the mail server")
        return [i.pk for i in invitations]
    try:
        for invitation in invitations:
            token, digest = new_token()
            try:
                emails.send_invitation(
                    invitation, token, kind=kind, connection=connection
                )
            except Exception:  # one refused address must not stop the batch
                log.exception("Could not email invitation %s", invitation.pk)
                failed.append(invitation.pk)
                continue
            # A release link is added beside the person's link, not in its place.
            link = "results_token_hash" if kind in RELEASE_MESSAGES else "token_hash"
            Invitation.objects.filter(pk=invitation.pk).update(
                **{link: digest},
                send_status=SendStatus.SENT,
                send_failures=0,
                **_stamp(kind, timezone.now()),
            )
    finally:
        connection.close()
    return failed


@task()
def send_messages(invitation_ids: list[int], kind: str, attempt: int = 1) -> int:
    """Email each invitation its kind of message with a fresh link; how many went."""
    invitations = _to_send(invitation_ids, kind)
    failed = _send_batch(invitations, kind) if invitations else []
    if failed:
        _after_failure(failed, kind, attempt)
    return len(invitations) - len(failed)


def _after_failure(invitation_ids: list[int], kind: str, attempt: int) -> None:
    rows = Invitation.objects.filter(pk__in=invitation_ids)
    deferred = send_messages.get_backend().supports_defer
    if deferred and attempt <= len(RETRY_DELAYS):
        rows.update(
            send_status=SendStatus.RETRYING, send_failures=F("send_failures") + 1
        )
        retry = send_messages.using(
            run_after=timezone.now() + RETRY_DELAYS[attempt - 1]
        )
        retry.enqueue(invitation_ids, kind, attempt + 1)
    else:
        rows.update(send_status=SendStatus.FAILED, send_failures=F("send_failures") + 1)


def queue_messages(invitation_ids: Sequence[int], kind: str) -> set[int]:
    """Queue one batch; returns the ids that have already failed for good (only
    possible with a backend that runs the task at once)."""
    ids = list(invitation_ids)
    if not ids:
        return set()
    Invitation.objects.filter(pk__in=ids).update(
        send_kind=kind, send_status=SendStatus.QUEUED
    )
    send_messages.enqueue(ids, kind)
    failed = Invitation.objects.filter(pk__in=ids, send_status=SendStatus.FAILED)
    return set(failed.values_list("pk", flat=True))


@task()
def summarise(review_id: int) -> bool:
    """Store a closed review's summary; False if it was reopened meanwhile."""
    review = Review.objects.filter(pk=review_id, status=Review.Status.CLOSED).first()
    if review is None:
        return False
    summarise_review(review)
    return True
