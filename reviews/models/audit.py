"""Audit: who did what to a review, and wrong meeting codes tried."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from partnerships.models import Person
from reviews.models.reviews import Review

# How an erased person (or their disabled login) reads wherever they once appeared.
ERASED_NAME = "a person whose details were erased"
ERASED_USERNAME_PREFIX = "erased-"
# Where the names of an event's people go in its detail; filled in when shown, so
# an erased person's history reads ERASED_NAME without rewriting the row.
PEOPLE_PLACEHOLDER = "{people}"


class AuditEventQuerySet(models.QuerySet):
    def about(self, person: Person) -> "AuditEventQuerySet":
        """Events naming the person, or done by their login."""
        about = Q(people=person)
        if person.user_id is not None:
            about |= Q(actor_id=person.user_id)
        return self.filter(about).distinct()

    def for_display(self) -> "AuditEventQuerySet":
        return self.select_related("review", "actor").prefetch_related("people")


class AuditEvent(models.Model):
    """Who did what to a review, for the rep and staff to see later.

    People appear by key (`people`), never by a name written into `detail`, so
    erasing a person erases them from history written before the erasure too.
    """

    class Action(models.TextChoices):
        OPENED = "opened", "Opened the review"
        EDITED = "edited", "Changed the review's settings"
        INVITED = "invited", "Invited people"
        REVOKED = "revoked", "Revoked an invitation"
        REMINDED = "reminded", "Sent reminders"
        CLOSED = "closed", "Closed the review"
        REOPENED = "reopened", "Reopened the review"
        RELEASED = "released", "Released the results"
        WITHDRAWN = "withdrawn", "Withdrew the released results"
        PAPER_ENTRY = "paper_entry", "Entered a paper response"
        SET_ASIDE = "set_aside", "Set a response aside"
        COUNTED_AGAIN = "counted_again", "Counted a set-aside response again"
        VIEWED_RESULTS = "viewed_results", "Viewed the results"
        VIEWED_INDIVIDUALS = "viewed_individuals", "Viewed individual responses"
        VIEWED_PACK = "viewed_pack", "Viewed the meeting pack"
        EXPORTED_CSV = "exported_csv", "Exported the answers (CSV)"
        ACTION_RECORDED = "action_recorded", "Recorded an agreed action"
        ACTION_EDITED = "action_edited", "Changed an agreed action"
        ACTION_STATUS = "action_status", "Changed an agreed action's status"

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    detail = models.CharField(max_length=300, blank=True)
    people = models.ManyToManyField(Person, blank=True, related_name="audit_events")
    at = models.DateTimeField(default=timezone.now)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["review", "at"]
        indexes = [
            models.Index(fields=["review", "at"], name="auditevent_review_at"),
            models.Index(fields=["at"], name="auditevent_at"),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} ({self.at:%Y-%m-%d %H:%M})"

    @property
    def description(self) -> str:
        """The detail with its people's names as they are now (prefetch `people`)."""
        names = ", ".join(sorted(str(p) for p in self.people.all()))
        return self.detail.replace(PEOPLE_PLACEHOLDER, names or ERASED_NAME)

    @property
    def actor_label(self) -> str:
        if self.actor is None:
            return "Automatic"
        if self.actor.username.startswith(ERASED_USERNAME_PREFIX):
            return ERASED_NAME
        return self.actor.get_full_name() or self.actor.username


class MeetingCodeAttempt(models.Model):
    """One wrong meeting code, kept in the database so every server sees it.

    Rows older than the limiter's window are deleted as new ones are written.
    """

    address = models.GenericIPAddressField()
    # The code as typed (normalised), so one code tried from many addresses is
    # limited too.
    code = models.CharField(max_length=20, blank=True)
    at = models.DateTimeField(default=timezone.now)
    succeeded = models.BooleanField(default=False)

    class Meta:
        indexes = [
            models.Index(fields=["address", "at"], name="meetingattempt_address_at"),
            models.Index(fields=["code", "at"], name="meetingattempt_code_at"),
            models.Index(fields=["at"], name="meetingattempt_at"),
        ]

    def __str__(self) -> str:
        return f"{self.address} at {self.at:%H:%M:%S}"
