"""Invitations: a person's link to answer a review, and what was emailed."""

from django.db import models
from django.db.models import Q

from partnerships.models import Person
from reviews.models.frameworks import Perspective
from reviews.models.reviews import Review


class InvitationQuerySet(models.QuerySet):
    def live(self) -> "InvitationQuerySet":
        """Invitations the rep has not revoked (they count towards progress)."""
        return self.filter(revoked=False)

    def could_not_send(self) -> "InvitationQuerySet":
        """Emails that failed every try: the rep's page offers to send them again."""
        return self.filter(send_status=Invitation.SendStatus.FAILED)


class Invitation(models.Model):
    class Message(models.TextChoices):
        INVITATION = "invitation", "Invitation"
        REMINDER = "reminder", "Reminder"
        RELEASE = "release", "Results released"

    class SendStatus(models.TextChoices):
        NONE = "", "Not emailed"
        QUEUED = "queued", "Waiting to be sent"
        SENT = "sent", "Sent"
        RETRYING = "retrying", "Not sent yet: trying again"
        FAILED = "failed", "Could not be sent"

    review = models.ForeignKey(
        Review, on_delete=models.CASCADE, related_name="invitations"
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations",
    )
    perspective = models.CharField(max_length=20, choices=Perspective.choices)
    # Only the SHA-256 of the token is stored; the token itself lives in the link.
    token_hash = models.CharField(max_length=64, unique=True)
    expires = models.DateTimeField()
    revoked = models.BooleanField(default=False)
    first_used = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    # Emails go out from a task (reviews.tasks): the latest message's fate, so
    # the rep's page can say what could not be sent and offer to send it again.
    send_kind = models.CharField(max_length=20, choices=Message.choices, blank=True)
    send_status = models.CharField(
        max_length=20, choices=SendStatus.choices, blank=True, default=""
    )
    send_failures = models.PositiveSmallIntegerField(default=0)
    # Set once: a second release (or a double click) never sends a second message.
    release_sent_at = models.DateTimeField(null=True, blank=True)
    # The link in the release message gets its own hash, so the link a person
    # already holds keeps opening their results too.
    results_token_hash = models.CharField(max_length=64, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["review", "created"]
        constraints = [
            models.UniqueConstraint(
                fields=["results_token_hash"],
                condition=~Q(results_token_hash=""),
                name="invitation_unique_results_token",
            ),
        ]

    def __str__(self) -> str:
        return f"Invitation {self.pk} to {self.review}"

    @property
    def invitee_name(self) -> str:
        """Whom the rep's list names: an invitation whose person was deleted (or
        never recorded, as in generated data) still heads its row."""
        return self.person.name if self.person else "Name not recorded"
