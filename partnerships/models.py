"""Areas, partnerships, organisations, LTO appointments and the people around them.

An appointment is the relationship a review looks at: one organisation acting as
LTO for one partnership, dated, with the functions it covers. An area may have
several at once, and a history of them.
"""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from partnerships import access, cadence


class Region(models.TextChoices):
    NORTH_EAST = "north_east", "North East"
    NORTH_WEST = "north_west", "North West"
    YORKSHIRE = "yorkshire", "Yorkshire and the Humber"
    EAST_MIDLANDS = "east_midlands", "East Midlands"
    WEST_MIDLANDS = "west_midlands", "West Midlands"
    EAST = "east", "East of England"
    LONDON = "london", "London"
    SOUTH_EAST = "south_east", "South East"
    SOUTH_WEST = "south_west", "South West"


class AreaQuerySet(models.QuerySet):
    def visible_to(self, user: access.AnyUser) -> "AreaQuerySet":
        """Areas a person may look at: staff all; others their own areas."""
        if access.is_programme_staff(user):
            return self.all()
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            Q(pk__in=RepAssignment.objects.current().of(user).values("area_id"))
            | Q(
                partnership__in=Membership.objects.current()
                .of(user)
                .values("partnership_id")
            )
            | Q(
                partnership__appointments__organisation__in=StaffRole.objects.current()
                .of(user)
                .values("organisation_id")
            )
        ).distinct()

    def represented_by(self, user: access.AnyUser) -> "AreaQuerySet":
        """Areas whose reviews a person manages: a rep's own, or all for staff."""
        if access.is_programme_staff(user):
            return self.all()
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            pk__in=RepAssignment.objects.current().of(user).values("area_id")
        )


class Area(models.Model):
    class Phase(models.TextChoices):
        GETTING_STARTED = "getting_started", "Getting started"
        CONSOLIDATING = "consolidating", "Consolidating"
        SPENDING_OUT = "spending_out", "Spending out"
        COMPLETED = "completed", "Completed"

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    region = models.CharField(max_length=20, choices=Region)
    local_authority = models.CharField(max_length=200)
    phase = models.CharField(
        max_length=20, choices=Phase.choices, default=Phase.GETTING_STARTED
    )

    objects = AreaQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(region__in=Region.values), name="area_region_valid"
            ),
            models.CheckConstraint(
                condition=Q(
                    phase__in=[
                        "getting_started",
                        "consolidating",
                        "spending_out",
                        "completed",
                    ]
                ),
                name="area_phase_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class PartnershipQuerySet(models.QuerySet):
    def visible_to(self, user: access.AnyUser) -> "PartnershipQuerySet":
        """Partnerships a person may look at: those of the areas they can see."""
        return self.filter(area__in=Area.objects.visible_to(user))


class Partnership(models.Model):
    area = models.OneToOneField(
        Area, on_delete=models.CASCADE, related_name="partnership"
    )
    name = models.CharField(max_length=200)
    formed = models.DateField(null=True, blank=True)

    objects = PartnershipQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class OrganisationQuerySet(models.QuerySet):
    def visible_to(self, user: access.AnyUser) -> "OrganisationQuerySet":
        """Staff see all; others the organisations they work for or that act (or
        acted) as LTO for a partnership they can see."""
        if access.is_programme_staff(user):
            return self.all()
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            Q(pk__in=StaffRole.objects.current().of(user).values("organisation_id"))
            | Q(appointments__partnership__in=Partnership.objects.visible_to(user))
        ).distinct()


class Organisation(models.Model):
    class Kind(models.TextChoices):
        CVS = "cvs", "Council for voluntary service"
        HOUSING = "housing", "Housing association"
        ENVIRONMENTAL = "environmental", "Groundwork trust or environmental charity"
        LOCAL_AUTHORITY = "local_authority", "Local authority"
        COMMUNITY = "community", "Community organisation"
        DEVELOPMENT_TRUST = "development_trust", "Development trust"
        SCHOOL = "school", "School"
        FAITH = "faith", "Faith organisation"
        PRIVATE = "private", "Private company"
        OWN_BODY = "own_body", "The partnership's own incorporated body"

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=30, choices=Kind.choices)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class AppointmentQuerySet(models.QuerySet):
    def current(self) -> "AppointmentQuerySet":
        return self.filter(ended__isnull=True)

    def scheduled(self) -> "AppointmentQuerySet":
        """Relationships that are due reviews: current appointments of areas
        that have not completed the programme."""
        return self.current().exclude(partnership__area__phase=Area.Phase.COMPLETED)

    def current_or_ending(self, today: dt.date) -> "AppointmentQuerySet":
        """Current appointments, and those given an end date still to come."""
        return self.filter(Q(ended__isnull=True) | Q(ended__gte=today))

    def managed_by(self, user: access.AnyUser) -> "AppointmentQuerySet":
        """Appointments whose reviews this person may open and run."""
        return self.filter(partnership__area__in=Area.objects.represented_by(user))


class Appointment(models.Model):
    class Function(models.TextChoices):
        FUND_HOLDING = "fund_holding", "Fund holding"
        EMPLOYING = "employing", "Employing workers"
        ASSETS = "assets", "Holding leases or assets"
        CONTRACTS = "contracts", "Managing contracts"
        SERVICES = "services", "Delivering services"

    class EndReason(models.TextChoices):
        CHANGED_LTO = "changed_lto", "Changed LTO"
        OWN_LTO = "own_lto", "Partnership became its own LTO"
        PROGRAMME_ENDED = "programme_ended", "Programme ended"
        OTHER = "other", "Other"

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="appointments"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="appointments"
    )
    # Several functions per appointment; stored as a list of Function values.
    functions = models.JSONField(default=list, blank=True)
    started = models.DateField()
    ended = models.DateField(null=True, blank=True)
    end_reason = models.CharField(max_length=20, choices=EndReason.choices, blank=True)
    # The rep may move the next review from the date the cadence gives
    # (programme.schedule), saying why.
    next_review_override = models.DateField("next review on", null=True, blank=True)
    next_review_reason = models.CharField("why this date", max_length=300, blank=True)

    objects = AppointmentQuerySet.as_manager()
    # Annotated by the app that holds the reviews (this app knows none of its
    # tables): the closing date of the latest closed review, which the dates
    # below read, and whether an exit interview has been opened.
    last_closed_review: dt.date | None
    has_exit_review: bool

    class Meta:
        ordering = ["partnership", "-started"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended__isnull=True) | Q(ended__gte=models.F("started")),
                name="appointment_ends_after_start",
                violation_error_message="The appointment ends before it starts.",
            ),
            models.CheckConstraint(
                condition=Q(next_review_override__isnull=True)
                | ~Q(next_review_reason=""),
                name="appointment_override_has_reason",
                violation_error_message="Say why the next review is on this date.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} for {self.partnership}"

    @property
    def is_current(self) -> bool:
        return self.ended is None

    def function_labels(self) -> list[str]:
        labels = dict(self.Function.choices)
        return [labels.get(value, value) for value in self.functions]

    @property
    def is_scheduled(self) -> bool:
        """Whether reviews fall due: current, and the area has not completed."""
        return self.is_current and (self.partnership.area.phase != Area.Phase.COMPLETED)

    @property
    def next_review_due(self) -> dt.date | None:
        """When the next review falls due, or None for an ended appointment or a
        completed area. Needs `last_closed_review` annotated."""
        if not self.is_scheduled:
            return None
        return cadence.next_review_date(
            started=self.started,
            last_closed=self.last_closed_review,
            override=self.next_review_override,
            cadence=cadence.programme_cadence(),
        )

    @property
    def exit_interview_due(self) -> dt.date | None:
        """The end date an exit interview is due before, while the appointment
        has an end date still to come and no exit interview is opened; else
        None. Needs `has_exit_review` annotated (`reviews.models.with_exit_review`)."""
        if self.ended is None or self.ended < timezone.localdate():
            return None
        return None if self.has_exit_review else self.ended

    @property
    def next_review_basis(self) -> str:
        """Where the next review date comes from, in words."""
        if self.next_review_override is not None:
            return f"set by the rep: {self.next_review_reason}"
        every = cadence.programme_cadence()
        if self.last_closed_review is None:
            return f"inception review, {every.inception_months} months after it began"
        return f"{every.regular_months} months after the last closed review"


class Person(models.Model):
    name = models.CharField(max_length=200)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    # Their invitation and reminders are written in it (a code from
    # settings.LANGUAGES); blank means English.
    preferred_language = models.CharField(max_length=10, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return self.name


class DatedRoleQuerySet(models.QuerySet):
    def current(self) -> "DatedRoleQuerySet":
        """Roles that have not ended."""
        return self.filter(ended__isnull=True)

    def of(self, user: access.AnyUser) -> "DatedRoleQuerySet":
        """Roles held by the person behind this login."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(person__user_id=user.pk)


class DatedRole(models.Model):
    """Start and optional end shared by every role a person holds."""

    started = models.DateField()
    ended = models.DateField(null=True, blank=True)

    objects = DatedRoleQuerySet.as_manager()

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(ended__isnull=True) | Q(ended__gte=models.F("started")),
                name="%(class)s_ends_after_start",
                violation_error_message="The role ends before it starts.",
            ),
        ]

    @property
    def is_current(self) -> bool:
        return self.ended is None


class Membership(DatedRole):
    class Role(models.TextChoices):
        MEMBER = "member", "Member"
        CHAIR = "chair", "Chair"
        WORKER = "worker", "Worker"

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="memberships"
    )
    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.MEMBER)

    class Meta(DatedRole.Meta):
        ordering = ["partnership", "person"]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()}, {self.partnership})"


class StaffRole(DatedRole):
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="staff_roles"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="staff_roles"
    )
    job_title = models.CharField(max_length=200, blank=True)

    class Meta(DatedRole.Meta):
        ordering = ["organisation", "person"]

    def __str__(self) -> str:
        return f"{self.person} (staff, {self.organisation})"


class RepAssignment(DatedRole):
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="rep_assignments"
    )
    area = models.ForeignKey(
        Area, on_delete=models.CASCADE, related_name="rep_assignments"
    )

    class Meta(DatedRole.Meta):
        ordering = ["area", "-started"]

    def __str__(self) -> str:
        return f"{self.person} (rep, {self.area})"
