"""Delivering outgoing messages: claim, compose, send, record; and the sweep.

Each message is claimed on its own by one conditional UPDATE, committed as
"sending" before the mail server sees it, so two workers never send the same row
and a worker that dies leaves a trace. After `CLAIM_EXPIRES` a "sending" row is
taken to be a dead worker's: it is queued again (the one case that may send a
duplicate, counted in `interrupted`), and queued rows that no task took in that
time are handed to a new task. The worker runs `sweep` every half minute
(`reviews/management/commands/db_worker.py`). Links are minted as a message is
composed; an invitation's stored hash changes only once the server took it.
"""

import datetime as dt
import logging
import smtplib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from reviews import emails
from reviews.models import Invitation, OutgoingMessage
from reviews.responding.tokens import new_token

log = logging.getLogger(__name__)

Kind = OutgoingMessage.Kind
Status = OutgoingMessage.Status

# The gap before each further try: a mail server that is down for an hour
# loses nothing. After the last, the message is "failed".
RETRY_DELAYS = (
    dt.timedelta(minutes=1),
    dt.timedelta(minutes=10),
    dt.timedelta(hours=1),
)
# A claim older than this belongs to a dead worker: one send is bounded by
# EMAIL_TIMEOUT (10 s by default) per step of the SMTP conversation.
CLAIM_EXPIRES = dt.timedelta(minutes=2)
RELEASE_KINDS = {Kind.RELEASE, Kind.RELEASE_NOT_ANSWERED}
INVITATION_KINDS = {Kind.INVITATION, Kind.REMINDER, *RELEASE_KINDS}


@dataclass
class Delivery:
    sent: int = 0
    # When to try again -> the messages to try then.
    retries: dict[dt.datetime, list[int]] = field(
        default_factory=lambda: defaultdict(list)
    )


def queue_for_invitations(
    invitations: Iterable[Invitation], kind: str
) -> list[OutgoingMessage]:
    """One queued row per invitation (the caller enqueues the task). An
    invitation whose message of this kind is still queued gets no second row: it
    is made due now, so a double click sends one message."""
    invitations = list(invitations)
    waiting = list(
        OutgoingMessage.objects.filter(
            invitation__in=invitations, kind=kind, status=Status.QUEUED
        )
    )
    if waiting:
        OutgoingMessage.objects.filter(pk__in=[m.pk for m in waiting]).update(
            next_try_at=timezone.now()
        )
    have = {m.invitation_id for m in waiting}
    return waiting + OutgoingMessage.objects.bulk_create(
        OutgoingMessage(
            kind=kind,
            review_id=invitation.review_id,
            invitation=invitation,
            person_id=invitation.person_id,
        )
        for invitation in invitations
        if invitation.pk not in have
    )


def _claim(pk: int) -> OutgoingMessage | None:
    now = timezone.now()
    claimed = (
        OutgoingMessage.objects.due(now)
        .filter(pk=pk)
        .update(status=Status.SENDING, claimed_at=now, attempts=F("attempts") + 1)
    )
    if not claimed:  # sent, failed, not due, or another worker's
        return None
    return OutgoingMessage.objects.select_related(
        "invitation__person", "invitation__review", "person", "user"
    ).get(pk=pk)


def _invitation_email(
    message: OutgoingMessage,
) -> tuple[EmailMessage, dict[str, object]] | None:
    invitation = message.invitation
    if invitation is None or invitation.revoked or not message.recipient:
        return None
    if message.kind in RELEASE_KINDS and invitation.release_sent_at:
        return None  # however often a review is released, one message
    token, digest = new_token()
    email = emails.invitation_message(invitation, token, kind=message.kind)
    now = timezone.now()
    if message.kind in RELEASE_KINDS:
        # A release link is added beside the person's link, not in its place.
        return email, {"results_token_hash": digest, "release_sent_at": now}
    stamp = "reminded_at" if message.kind == Kind.REMINDER else "sent_at"
    return email, {"token_hash": digest, stamp: now}


def _password_reset_email(message: OutgoingMessage) -> EmailMessage | None:
    user = message.user
    if user is None or not user.is_active or not user.email:
        return None
    site = urlsplit(settings.SITE_URL)
    context = {
        "email": user.email,
        "domain": site.netloc,
        "site_name": site.netloc,
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "user": user,
        "token": default_token_generator.make_token(user),
        "protocol": site.scheme,
    }
    subject = render_to_string("registration/password_reset_subject.txt", context)
    body = render_to_string("registration/password_reset_email.html", context)
    return EmailMultiAlternatives(" ".join(subject.splitlines()), body, to=[user.email])


def compose(message: OutgoingMessage) -> tuple[EmailMessage, dict[str, object]] | None:
    """The email, and what to store on its invitation once it went; None when
    there is nothing to send any more (a revoked invitation, a removed address)."""
    if message.kind in INVITATION_KINDS:
        return _invitation_email(message)
    if message.kind == Kind.PASSWORD_RESET:
        email = _password_reset_email(message)
    else:
        email = EmailMessage(message.subject, message.body, to=[message.recipient])
    return (email, {}) if email is not None and message.recipient else None


def _error_name(error: Exception) -> str:
    """What went wrong, without the server's text (which may hold the address)."""
    code = getattr(error, "smtp_code", None)
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = {c for c, _ in error.recipients.values()}
        code = min(codes) if codes else None
    return f"{type(error).__name__} {code}" if code else type(error).__name__


def _record_failure(
    message: OutgoingMessage, error: Exception, *, may_retry: bool, into: Delivery
) -> None:
    name = _error_name(error)
    log.warning("Could not send message %s (%s): %s", message.pk, message.kind, name)
    rows = OutgoingMessage.objects.filter(pk=message.pk, status=Status.SENDING)
    if may_retry and message.attempts <= len(RETRY_DELAYS):
        when = timezone.now() + RETRY_DELAYS[message.attempts - 1]
        rows.update(
            status=Status.QUEUED, next_try_at=when, claimed_at=None, last_error=name
        )
        into.retries[when].append(message.pk)
    else:
        rows.update(status=Status.FAILED, claimed_at=None, last_error=name)


@transaction.atomic
def _record_sent(message: OutgoingMessage, updates: dict[str, object]) -> None:
    OutgoingMessage.objects.filter(pk=message.pk).update(
        status=Status.SENT, sent_at=timezone.now(), claimed_at=None, last_error=""
    )
    if updates and message.invitation_id is not None:
        Invitation.objects.filter(pk=message.invitation_id).update(**updates)


def deliver(message_ids: Sequence[int], *, may_retry: bool) -> Delivery:
    """Send each message this worker can claim, through one connection while the
    server holds it. `may_retry`: a failure waits for a later try (the task
    backend can defer), else it is "failed" at once."""
    result = Delivery()
    connection = None
    try:
        for pk in message_ids:
            message = _claim(pk)
            if message is None:
                continue
            try:
                composed = compose(message)
                if composed is None:
                    log.info("Message %s has nothing left to send", pk)
                    message.delete()
                    continue
                email, updates = composed
                if connection is None:
                    connection = mail.get_connection()
                    connection.open()
                email.connection = connection
                email.send()
            except Exception as error:  # one refused address must not stop the rest
                _record_failure(message, error, may_retry=may_retry, into=result)
                if connection is not None:  # start afresh with the next one
                    connection.close()
                connection = None
                continue
            _record_sent(message, updates)
            result.sent += 1
    finally:
        if connection is not None:
            connection.close()
    return result


def sweep(now: dt.datetime) -> list[int]:
    """Free what dead workers held; the ids that need a task to send them."""
    stale = now - CLAIM_EXPIRES
    with transaction.atomic():
        interrupted = OutgoingMessage.objects.filter(
            status=Status.SENDING, claimed_at__lt=stale
        ).select_for_update()
        ids = list(interrupted.values_list("pk", flat=True))
        if ids:
            OutgoingMessage.objects.filter(pk__in=ids).update(
                status=Status.QUEUED,
                claimed_at=None,
                next_try_at=now,
                interrupted=F("interrupted") + 1,
            )
            log.warning(
                "%s messages were being sent when their worker stopped: "
                "queued again (each may arrive twice)",
                len(ids),
            )
    # Queued and due for longer than a claim lasts: the task that held them is
    # gone. A live but busy task may still hold some; the claim keeps it at one
    # send each.
    orphaned = OutgoingMessage.objects.due(stale).values_list("pk", flat=True)
    return sorted({*ids, *orphaned})


def send_again(rows) -> list[OutgoingMessage]:
    """Queue failed messages once more with a fresh set of tries; a second
    click finds them no longer failed and queues nothing."""
    with transaction.atomic():
        failed = list(
            rows.failed().select_for_update(of=("self",)).select_related("person")
        )
        OutgoingMessage.objects.filter(
            pk__in=[m.pk for m in failed], status=Status.FAILED
        ).update(
            status=Status.QUEUED, attempts=0, next_try_at=timezone.now(), last_error=""
        )
    return failed
