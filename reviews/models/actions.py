"""Agreed actions: what a meeting agreed to do, and dated updates on each."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from reviews.models.frameworks import Statement
from reviews.models.reviews import Review

# An open action due within this many days is "due soon" on the rep's pages.
DUE_SOON_DAYS = 14


class AgreedActionQuerySet(models.QuerySet):
    def for_display(self) -> "AgreedActionQuerySet":
        """Everything an action list shows, in three queries however long: of its
        review, the title alone (the lists are shown beside their relationship)."""
        return self.select_related("review").prefetch_related(
            models.Prefetch("statements", queryset=Statement.objects.order_by("order")),
            models.Prefetch(
                "updates", queryset=AgreedActionUpdate.objects.order_by("at", "pk")
            ),
        )

    def still_open(self) -> "AgreedActionQuerySet":
        return self.filter(
            status__in=[AgreedAction.Status.AGREED, AgreedAction.Status.IN_PROGRESS]
        )

    def by_due_date(self) -> "AgreedActionQuerySet":
        """Open actions first, soonest (so overdue) first; done and dropped last."""
        closed = Q(status__in=[AgreedAction.Status.DONE, AgreedAction.Status.DROPPED])
        return self.annotate(
            finished=models.Case(
                models.When(closed, then=models.Value(1)),
                default=models.Value(0),
                output_field=models.IntegerField(),
            )
        ).order_by("finished", "due", "pk")

    def last_time(self, review: "Review") -> "AgreedActionQuerySet":
        """The actions of the latest earlier review of the same appointment that
        recorded any: what "Last time you agreed..." lists."""
        earlier = (
            Review.objects.filter(appointment_id=review.appointment_id)
            .filter(Q(opens__lt=review.opens) | Q(opens=review.opens, pk__lt=review.pk))
            .filter(agreed_actions__isnull=False)
            .order_by("-opens", "-pk")
            .values("pk")[:1]
        )
        return self.filter(review__in=earlier)


class AgreedAction(models.Model):
    """Something the meeting agreed to do, who leads it and by when."""

    class Lead(models.TextChoices):
        PARTNERSHIP = "partnership", "The partnership"
        LTO = "lto", "The LTO"
        REP = "rep", "The rep"
        LOCAL_TRUST = "local_trust", "Local Trust"
        OTHER = "other", "Another organisation"

    class Status(models.TextChoices):
        AGREED = "agreed", "Agreed"
        IN_PROGRESS = "in_progress", "In progress"
        DONE = "done", "Done"
        DROPPED = "dropped", "Dropped"

    review = models.ForeignKey(
        Review, on_delete=models.CASCADE, related_name="agreed_actions"
    )
    what = models.TextField("what was agreed", max_length=1000)
    statements = models.ManyToManyField(
        Statement, blank=True, related_name="agreed_actions"
    )
    lead = models.CharField("who leads", max_length=20, choices=Lead.choices)
    lead_other = models.CharField("the other organisation", max_length=200, blank=True)
    due = models.DateField("by when")
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.AGREED
    )
    created = models.DateTimeField(default=timezone.now)
    # The form it was recorded from, once: a double click or a resent form
    # carries the same key and finds this action instead of adding another.
    form_key = models.UUIDField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = AgreedActionQuerySet.as_manager()

    class Meta:
        ordering = ["review", "due", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(lead__in=["partnership", "lto", "rep", "local_trust"])
                & Q(lead_other="")
                | Q(lead="other") & ~Q(lead_other=""),
                name="agreedaction_other_lead_named",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["agreed", "in_progress", "done", "dropped"]),
                name="agreedaction_status_valid",
            ),
            models.UniqueConstraint(
                fields=["review", "form_key"], name="agreedaction_once_per_form"
            ),
        ]
        indexes = [models.Index(fields=["review", "due"], name="agreedaction_due")]

    def __str__(self) -> str:
        return self.what[:80]

    @property
    def lead_label(self) -> str:
        return (
            self.lead_other if self.lead == self.Lead.OTHER else self.get_lead_display()
        )

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.AGREED, self.Status.IN_PROGRESS)

    def is_overdue(self, today: "dt.date") -> bool:
        return self.is_open and self.due < today

    def is_due_soon(self, today: "dt.date") -> bool:
        soon = today + dt.timedelta(days=DUE_SOON_DAYS)
        return self.is_open and today <= self.due <= soon

    @property
    def timing(self) -> str:
        """ "Overdue", "Due soon" or "" as of today, for badges."""
        today = timezone.localdate()
        if self.is_overdue(today):
            return "Overdue"
        if self.is_due_soon(today):
            return "Due soon"
        return ""


class AgreedActionUpdate(models.Model):
    """A dated note on an action: its status from then on, and why."""

    action = models.ForeignKey(
        AgreedAction, on_delete=models.CASCADE, related_name="updates"
    )
    status = models.CharField(max_length=20, choices=AgreedAction.Status.choices)
    note = models.TextField(max_length=1000, blank=True)
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["action", "at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["agreed", "in_progress", "done", "dropped"]),
                name="agreedactionupdate_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_status_display()} on {self.at:%Y-%m-%d}"
