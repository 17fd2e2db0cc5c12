"""Invitations: a person's link to answer a review, and what was emailed."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from partnerships.models import Person
from reviews.models.counting import COUNTED
from reviews.models.frameworks import Perspective
from reviews.models.reviews import Review


def not_revoked(through: str = "") -> Q:
    """Invitations the rep has not revoked, as a condition on an invitation, or
    on another model reached through the relation `through` ("invitations")."""
    prefix = f"{through}__" if through else ""
    return Q(**{f"{prefix}revoked": False})


class InvitationQuerySet(models.QuerySet):
    def live(self) -> "InvitationQuerySet":
        """Invitations the rep has not revoked (they count towards progress)."""
        return self.filter(not_revoked())

    def emailable(self) -> "InvitationQuerySet":
        """Live invitations to a person with an email address."""
        return self.live().exclude(person__isnull=True).exclude(person__email="")

    def _counted_response(self) -> Exists:
        # The response model through the reverse relation: it imports this module.
        response = self.model._meta.get_field("responses").related_model
        return Exists(response.objects.filter(COUNTED, invitation=OuterRef("pk")))

    def answered(self) -> "InvitationQuerySet":
        """Invitations whose person has a counted (submitted) response."""
        return self.filter(self._counted_response())

    def not_answered(self) -> "InvitationQuerySet":
        return self.exclude(self._counted_response())

    def release_untold(self) -> "InvitationQuerySet":
        """Emailable people not yet told of this review's release: a second
        release (or a double click) never tells anyone twice."""
        return self.emailable().filter(release_sent_at__isnull=True)

    def reminded_recently(self, now: dt.datetime | None = None) -> "InvitationQuerySet":
        return self.filter(reminded_at__gt=_reminder_cutoff(now))

    def remindable(self, now: dt.datetime | None = None) -> "InvitationQuerySet":
        """Not reminded within `REMINDER_MIN_HOURS`: one reminder a person a day."""
        return self.exclude(reminded_at__gt=_reminder_cutoff(now))


def _reminder_cutoff(now: dt.datetime | None) -> dt.datetime:
    hours = settings.REMINDER_MIN_HOURS
    return (now or timezone.now()) - dt.timedelta(hours=hours)


class Invitation(models.Model):
    class Message(models.TextChoices):
        # The same values as the first three `OutgoingMessage.Kind`s.
        INVITATION = "invitation", "Invitation"
        REMINDER = "reminder", "Reminder"
        RELEASE = "release", "Results released"
        # To someone invited who never answered, only if the rep chose it.
        RELEASE_NOT_ANSWERED = "release_unanswered", "Results released (no answer)"

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


# Both release messages carry a results link and are sent to a person once.
RELEASE_MESSAGES = frozenset(
    {Invitation.Message.RELEASE, Invitation.Message.RELEASE_NOT_ANSWERED}
)
