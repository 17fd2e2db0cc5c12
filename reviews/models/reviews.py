"""Reviews: one review of an appointment, and the queries that find reviews."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils import timezone

from partnerships import access
from partnerships.cadence import add_months
from partnerships.models import (
    Appointment,
    AppointmentQuerySet,
    Area,
    Membership,
    StaffRole,
)
from reviews.analysis.words import LIKE, NOW, PERSPECTIVE_LABELS, THEN
from reviews.models.counting import counted
from reviews.models.frameworks import FrameworkVersion

# Released results are visible beyond the rep; one condition, used in two places.
RELEASED = Q(released_at__isnull=False)


def retention_cutoff() -> dt.date:
    """Reviews that closed before this day are past retention."""
    return add_months(timezone.localdate(), -settings.RETENTION_MONTHS)


class ReviewQuerySet(models.QuerySet):
    def open(self) -> "ReviewQuerySet":
        return self.filter(status=Review.Status.OPEN)

    def closed(self) -> "ReviewQuerySet":
        return self.filter(status=Review.Status.CLOSED)

    def released(self) -> "ReviewQuerySet":
        return self.filter(RELEASED)

    def unreleased(self) -> "ReviewQuerySet":
        return self.filter(released_at__isnull=True)

    def past_retention(self) -> "ReviewQuerySet":
        """Closed reviews whose closing date is more than RETENTION_MONTHS ago:
        what identifies their people is due to go (`reviews.actions.retention`)."""
        return self.closed().filter(closes__lt=retention_cutoff())

    def latest_of_relationship(self) -> "ReviewQuerySet":
        """Reviews no later review of the same appointment has opened after: a
        released review stays in view until the next one takes answers."""
        later = Review.objects.exclude(status=Review.Status.DRAFT).filter(
            Q(opens__gt=OuterRef("opens"))
            | Q(opens=OuterRef("opens"), pk__gt=OuterRef("pk")),
            appointment=OuterRef("appointment"),
        )
        return self.exclude(Exists(later))

    def meeting_code_live(self) -> "ReviewQuerySet":
        """Open reviews whose meeting code is switched on and not yet expired."""
        return self.open().filter(
            meeting_code_active=True, meeting_code_expires__gt=timezone.now()
        )

    def with_context(self) -> "ReviewQuerySet":
        """The partnership, organisation and framework every review page names."""
        return self.select_related(
            "appointment__partnership__area",
            "appointment__organisation",
            "framework_version__framework",
        )

    def managed_by(self, user) -> "ReviewQuerySet":
        """Reviews a person runs and sees in full: their areas' as rep, all as staff."""
        if access.is_programme_staff(user):
            return self.all()
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            appointment__partnership__area__in=Area.objects.represented_by(user)
        )

    def visible_to(self, user) -> "ReviewQuerySet":
        """Managed reviews, plus released ones of a member's partnership or an LTO's."""
        if access.is_programme_staff(user):
            return self.all()
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            Q(appointment__partnership__area__in=Area.objects.represented_by(user))
            | RELEASED
            & (
                Q(
                    appointment__partnership__in=Membership.objects.current()
                    .of(user)
                    .values("partnership_id")
                )
                | Q(
                    appointment__organisation__in=StaffRole.objects.current()
                    .of(user)
                    .values("organisation_id")
                )
            )
        )

    def for_history(self) -> "ReviewQuerySet":
        """Reviews as history lists show them: LTO, area, rating scale, stored
        summary and the count of submitted responses, in one query."""
        return self.select_related(
            "appointment__organisation",
            "appointment__partnership__area",
            "framework_version",
            "summary",
        ).annotate(submitted=models.Count("responses", filter=counted("responses")))


class Review(models.Model):
    class Purpose(models.TextChoices):
        INCEPTION = "inception", "Inception of a new LTO"
        REGULAR = "regular", "Regular review"
        FINANCE = "finance", "Finance review"
        MEDIATION = "mediation", "Troubleshooting or mediation"
        WORKERS = "workers", "Reviewing workers and commissioned services"
        CHANGE_LTO = "change_lto", "Deciding whether to change LTO or become own LTO"
        COMMUNICATION = "communication", "Communication"
        LEGACY = "legacy", "Legacy planning"
        EXIT = "exit", "Exit interview"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"

    appointment = models.ForeignKey(
        Appointment, on_delete=models.PROTECT, related_name="reviews"
    )
    framework_version = models.ForeignKey(
        FrameworkVersion, on_delete=models.PROTECT, related_name="reviews"
    )
    purpose = models.CharField(max_length=20, choices=Purpose.choices)
    title = models.CharField(max_length=200)
    opens = models.DateField()
    closes = models.DateField()
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    asks_would_like = models.BooleanField(
        "ask where people would like it to be", default=False
    )
    min_group_size = models.PositiveSmallIntegerField(
        "minimum group size (k)",
        default=3,
        help_text="Members' results are shown to respondents only when this many "
        "members answered.",
    )
    meeting_code = models.CharField(max_length=8, blank=True)
    meeting_code_active = models.BooleanField(default=False)
    # Which perspectives the code lets people answer as: the rep chooses them, so
    # nobody at a workshop can claim to be "the rep" or "LTO staff" unasked.
    meeting_code_perspectives = models.JSONField(default=list, blank=True)
    meeting_code_expires = models.DateTimeField(null=True, blank=True)
    meeting_code_cap = models.PositiveIntegerField(
        "most answers through the code", null=True, blank=True
    )
    released_at = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-opens", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes__gte=models.F("opens")),
                name="review_closes_after_opens",
            ),
            models.CheckConstraint(
                condition=Q(min_group_size__gte=1),
                name="review_min_group_size_positive",
            ),
            models.UniqueConstraint(
                fields=["meeting_code"],
                condition=~Q(meeting_code=""),
                name="review_unique_meeting_code",
            ),
        ]
        indexes = [
            # The programme overview's reviews by purpose and year read this
            # index alone, already grouped (18,000 reviews: no scan, no sort).
            models.Index(fields=["opens", "purpose"], name="review_opens_purpose"),
            # Each relationship's last closed review, for the review schedule:
            # one seek per appointment, already in closing order.
            models.Index(
                fields=["appointment", "status", "closes"],
                name="review_appointment_closes",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_released(self) -> bool:
        return self.released_at is not None

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED

    @property
    def can_close(self) -> bool:
        return not self.is_closed

    @property
    def can_reopen(self) -> bool:
        """Released results stay as they were shared: no more answers."""
        return self.is_closed and not self.is_released

    @property
    def can_release(self) -> bool:
        return self.is_closed and not self.is_released

    @property
    def can_withdraw(self) -> bool:
        return self.is_released

    @property
    def can_change_settings(self) -> bool:
        return not self.is_released

    @property
    def meeting_code_live(self) -> bool:
        """The code lets new people in: switched on, not expired, review open."""
        expires = self.meeting_code_expires
        return (
            self.is_open
            and self.meeting_code_active
            and bool(self.meeting_code)
            and expires is not None
            and expires > timezone.now()
        )

    @property
    def meeting_code_perspective_labels(self) -> list[str]:
        return [
            PERSPECTIVE_LABELS[p]
            for p in self.meeting_code_perspectives
            if p in PERSPECTIVE_LABELS
        ]

    @property
    def can_set_aside(self) -> bool:
        """Released results stay as they were shared: nothing set aside after."""
        return not self.is_released

    @property
    def column_keys(self) -> tuple[str, ...]:
        """The columns this review asks: "would like" only when chosen."""
        return (THEN, NOW, LIKE) if self.asks_would_like else (THEN, NOW)


def with_last_closed_review(appointments: AppointmentQuerySet) -> AppointmentQuerySet:
    """Annotate each appointment's `last_closed_review`, the closing date of its
    latest closed review, which its next review date (`next_review_due`) reads.
    One subquery: a seek per appointment in `review_appointment_closes`."""
    last = (
        Review.objects.closed()
        .filter(appointment=OuterRef("pk"))
        .order_by("-closes", "-pk")
        .values("closes")[:1]
    )
    return appointments.annotate(
        last_closed_review=Subquery(last, output_field=models.DateField())
    )


def with_exit_review(appointments: AppointmentQuerySet) -> AppointmentQuerySet:
    """Annotate each appointment's `has_exit_review`: whether an exit interview
    of it has been opened (or drafted), which `exit_interview_due` reads."""
    exits = Review.objects.filter(
        appointment=OuterRef("pk"), purpose=Review.Purpose.EXIT
    )
    return appointments.annotate(has_exit_review=Exists(exits))


def awaiting_exit_interview(
    appointments: AppointmentQuerySet, today: dt.date
) -> AppointmentQuerySet:
    """Appointments given an end date still to come, with no exit interview."""
    return with_exit_review(appointments.filter(ended__gte=today)).filter(
        has_exit_review=False
    )
