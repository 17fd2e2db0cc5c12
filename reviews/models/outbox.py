"""Outgoing messages: each email the app sends, with the state of its delivery.

A row is written when a message is queued and moves queued -> sending -> sent (or
failed after its last try). "sending" is committed before the mail server is
given the message, so a worker that dies mid-send leaves a row that says so, and
a stale claim is picked up again (`reviews.outbox.sweep`). A row names what the
message is for (an invitation, a user), never a personal link: links are minted
as the message is sent.
"""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone

from partnerships.models import Person
from reviews.models.invitations import Invitation
from reviews.models.reviews import Review


class OutgoingMessageQuerySet(models.QuerySet):
    def failed(self) -> "OutgoingMessageQuerySet":
        return self.filter(status=OutgoingMessage.Status.FAILED)

    def due(self, now: dt.datetime) -> "OutgoingMessageQuerySet":
        """Queued and due to be tried."""
        return self.filter(status=OutgoingMessage.Status.QUEUED, next_try_at__lte=now)

    def of_live_invitations(self, review: Review) -> "OutgoingMessageQuerySet":
        """A review's messages to people whose invitation still stands."""
        return self.filter(review=review, invitation__revoked=False)

    def counts_by_perspective(self) -> dict[str, dict[str, int]]:
        """{perspective: {"queued": n, "sent": n, "failed": n}}; "sending" counts
        as queued, since to the rep it is not sent yet."""
        Status = OutgoingMessage.Status
        rows = self.values("invitation__perspective").annotate(
            queued=Count("pk", filter=Q(status__in=[Status.QUEUED, Status.SENDING])),
            sent=Count("pk", filter=Q(status=Status.SENT)),
            failed=Count("pk", filter=Q(status=Status.FAILED)),
        )
        return {
            row.pop("invitation__perspective"): row
            for row in rows.order_by("invitation__perspective")
        }


class OutgoingMessage(models.Model):
    class Kind(models.TextChoices):
        # The first four are an invitation's messages (`Invitation.Message`).
        INVITATION = "invitation", "Invitation"
        REMINDER = "reminder", "Reminder"
        RELEASE = "release", "Results released"
        RELEASE_NOT_ANSWERED = "release_unanswered", "Results released (no answer)"
        DIGEST = "digest", "Digest"
        PASSWORD_RESET = "password_reset", "Password reset"

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to be sent"
        SENDING = "sending", "Being sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Could not be sent"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    review = models.ForeignKey(
        Review,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="outgoing_messages",
    )
    invitation = models.ForeignKey(
        Invitation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="outgoing_messages",
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="outgoing_messages",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="outgoing_messages",
    )
    # Only a digest keeps its text: it holds no link of anyone's own, and is
    # what the day looked like when it was written.
    subject = models.CharField(max_length=200, blank=True)
    body = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    # Times this message was found "sending" after its worker died: the mail
    # server may or may not have taken it, so it was sent again.
    interrupted = models.PositiveSmallIntegerField(default=0)
    # The kind of error only (e.g. "SMTPRecipientsRefused"), never its text,
    # which can hold the address.
    last_error = models.CharField(max_length=100, blank=True)
    next_try_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    objects = OutgoingMessageQuerySet.as_manager()

    class Meta:
        ordering = ["created", "pk"]
        indexes = [
            models.Index(fields=["status", "next_try_at"], name="outgoing_due"),
            models.Index(fields=["review", "status"], name="outgoing_review_status"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["queued", "sending", "sent", "failed"]),
                name="outgoing_status_known",
            ),
            models.CheckConstraint(
                condition=~Q(status="sending") | Q(claimed_at__isnull=False),
                name="outgoing_sending_is_claimed",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.pk} ({self.status})"

    @property
    def recipient(self) -> str:
        """The address it goes to (read at send time, so a corrected one counts)."""
        if self.person_id is not None:
            return self.person.email  # type: ignore[union-attr]
        return self.user.email if self.user_id is not None else ""  # type: ignore[union-attr]
