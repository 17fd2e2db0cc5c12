"""Frameworks (the questions, as versioned data), reviews, invitations and answers.

Rules the database can hold are database constraints: the score range, one answer
per statement per response, a rating never alongside "don't know", one response
per invitation.
"""

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from partnerships import access
from partnerships.models import Appointment, Area, Membership, Person, StaffRole
from reviews.analysis.words import (
    ANSWER_STATE_CHOICES,
    COLUMNS,
    LIKE,
    NOW,
    PERSPECTIVE_CHOICES,
    PERSPECTIVE_LABELS,
    THEN,
)


class Capital(models.TextChoices):
    SOCIAL = "social", "Social"
    ECONOMIC = "economic", "Economic"
    CULTURAL = "cultural", "Cultural"
    OVERARCHING = "overarching", "Overarching"


# Built from the analysis package's words, so a perspective has one name everywhere.
# django-stubs types no functional TextChoices call, hence the ignore.
Perspective = models.TextChoices(  # type: ignore[call-overload]
    "Perspective",
    [(value.upper(), (value, label)) for value, label in PERSPECTIVE_CHOICES],
)


# Perspectives whose answers come from one or two people and so may be recognisable.
SMALL_GROUP_PERSPECTIVES = frozenset(
    {Perspective.LTO_STAFF, Perspective.WORKER, Perspective.REP}
)


# The widest scale any framework version may use. The database holds every rating
# to these limits; a version's own, narrower bounds are enforced by the
# questionnaire form, whose choices are `FrameworkVersion.scale`.
RATING_LIMITS = (0, 100)


class Framework(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class FrameworkVersion(models.Model):
    framework = models.ForeignKey(
        Framework, on_delete=models.PROTECT, related_name="versions"
    )
    number = models.PositiveSmallIntegerField()
    instruction = models.TextField()
    then_label = models.CharField(
        max_length=200, default="Where was the relationship at first?"
    )
    now_label = models.CharField(
        max_length=200, default="Where is the relationship now?"
    )
    like_label = models.CharField(
        max_length=200, default="Where would you like the relationship to be?"
    )
    comments_prompt = models.CharField(max_length=200, default="Any other comments?")
    scale_min = models.PositiveSmallIntegerField(default=1)
    scale_max = models.PositiveSmallIntegerField(default=10)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["framework", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "number"], name="frameworkversion_unique_number"
            ),
            models.CheckConstraint(
                condition=Q(scale_max__gt=models.F("scale_min")),
                name="frameworkversion_scale_ordered",
            ),
            models.CheckConstraint(
                condition=Q(scale_min__gte=RATING_LIMITS[0])
                & Q(scale_max__lte=RATING_LIMITS[1]),
                name="frameworkversion_scale_within_limits",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.framework} v{self.number}"

    @property
    def is_frozen(self) -> bool:
        """A version in use by any review is frozen: editing means a new version."""
        return self.reviews.exists()

    @property
    def scale(self) -> range:
        return range(self.scale_min, self.scale_max + 1)

    @property
    def scale_hint(self) -> str:
        """The instruction every rating carries, in this version's own numbers."""
        return f"{self.scale_min} is least, {self.scale_max} is most"


class Statement(models.Model):
    version = models.ForeignKey(
        FrameworkVersion, on_delete=models.CASCADE, related_name="statements"
    )
    # Stable across versions, so reworded statements still line up over time.
    key = models.SlugField(max_length=60)
    order = models.PositiveSmallIntegerField()
    text = models.TextField()
    short_label = models.CharField(max_length=60)
    capital = models.CharField(max_length=20, choices=Capital.choices)
    help_text = models.TextField(blank=True)

    class Meta:
        ordering = ["version", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "key"], name="statement_unique_key"
            ),
            models.UniqueConstraint(
                fields=["version", "order"], name="statement_unique_order"
            ),
            models.CheckConstraint(
                condition=Q(
                    capital__in=["social", "economic", "cultural", "overarching"]
                ),
                name="statement_capital_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.short_label}"


# Released results are visible beyond the rep; one condition, used in two places.
RELEASED = Q(released_at__isnull=False)


class ReviewQuerySet(models.QuerySet):
    def open(self) -> "ReviewQuerySet":
        return self.filter(status=Review.Status.OPEN)

    def closed(self) -> "ReviewQuerySet":
        return self.filter(status=Review.Status.CLOSED)

    def released(self) -> "ReviewQuerySet":
        return self.filter(RELEASED)

    def unreleased(self) -> "ReviewQuerySet":
        return self.filter(released_at__isnull=True)

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
        """Reviews as history lists show them: LTO, area, stored summary and the
        count of submitted responses, in one query."""
        return self.select_related(
            "appointment__organisation", "appointment__partnership__area", "summary"
        ).annotate(
            submitted=models.Count(
                "responses",
                filter=Q(
                    responses__status=Response.Status.SUBMITTED,
                    responses__set_aside_at__isnull=True,
                ),
            )
        )


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


# A response the rep has set aside counts nowhere: not in results, exports,
# summaries or progress. One condition, so every count agrees.
COUNTED = Q(status="submitted", set_aside_at__isnull=True)


class ResponseQuerySet(models.QuerySet):
    def submitted(self) -> "ResponseQuerySet":
        """Submitted and counted: a set-aside response is left out everywhere."""
        return self.filter(COUNTED)

    def set_aside(self) -> "ResponseQuerySet":
        return self.filter(set_aside_at__isnull=False)

    def through_code(self) -> "ResponseQuerySet":
        return self.filter(via_meeting_code=True)

    def drafts(self) -> "ResponseQuerySet":
        return self.filter(status=Response.Status.DRAFT)


class Response(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"

    review = models.ForeignKey(
        Review, on_delete=models.CASCADE, related_name="responses"
    )
    perspective = models.CharField(max_length=20, choices=Perspective.choices)
    invitation = models.ForeignKey(
        Invitation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="responses",
    )
    # A meeting-code respondent is identified by an opaque per-browser key.
    meeting_key = models.CharField(max_length=64, blank=True)
    via_meeting_code = models.BooleanField(default=False)
    # A meeting-code respondent's own results link: only its SHA-256 is kept, and
    # the link itself is shown once, on the thank-you page.
    results_secret_hash = models.CharField(max_length=64, blank=True)
    # Pseudonyms ("Partnership member 3") are numbered in the order of this random
    # key, never in the order people opened their link or answered.
    pseudonym_key = models.UUIDField(default=uuid.uuid4, editable=False)
    set_aside_at = models.DateTimeField(null=True, blank=True)
    set_aside_reason = models.CharField(max_length=300, blank=True)
    set_aside_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Set when a rep typed in a paper response on someone's behalf.",
    )
    entered_at = models.DateTimeField(null=True, blank=True)
    not_involved_at_start = models.BooleanField(default=False)
    comments = models.TextField(blank=True)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    objects = ResponseQuerySet.as_manager()

    class Meta:
        ordering = ["review", "created"]
        constraints = [
            models.UniqueConstraint(
                fields=["invitation"],
                condition=Q(invitation__isnull=False),
                name="response_one_per_invitation",
            ),
            models.UniqueConstraint(
                fields=["review", "meeting_key"],
                condition=~Q(meeting_key=""),
                name="response_one_per_meeting_key",
            ),
            models.UniqueConstraint(
                fields=["results_secret_hash"],
                condition=~Q(results_secret_hash=""),
                name="response_unique_results_secret",
            ),
        ]

    def __str__(self) -> str:
        return f"Response {self.pk} ({self.get_perspective_display()})"

    @property
    def is_submitted(self) -> bool:
        return self.status == self.Status.SUBMITTED

    @property
    def is_set_aside(self) -> bool:
        return self.set_aside_at is not None


class AnswerQuerySet(models.QuerySet):
    def submitted(self) -> "AnswerQuerySet":
        """Answers of submitted, counted responses: the only ones results read."""
        return self.filter(
            response__status=Response.Status.SUBMITTED,
            response__set_aside_at__isnull=True,
        )


class Answer(models.Model):
    """One statement's answer in each column: a rating, or one of two states."""

    # django-stubs types no functional TextChoices call, hence the ignore.
    State = models.TextChoices(  # type: ignore[call-overload]
        "State",
        [(value.upper(), (value, label)) for value, label in ANSWER_STATE_CHOICES],
    )

    COLUMNS = COLUMNS

    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, related_name="answers"
    )
    statement = models.ForeignKey(
        Statement, on_delete=models.PROTECT, related_name="answers"
    )
    then_rating = models.PositiveSmallIntegerField(null=True, blank=True)
    then_state = models.CharField(max_length=12, choices=State.choices, blank=True)
    now_rating = models.PositiveSmallIntegerField(null=True, blank=True)
    now_state = models.CharField(max_length=12, choices=State.choices, blank=True)
    like_rating = models.PositiveSmallIntegerField(null=True, blank=True)
    like_state = models.CharField(max_length=12, choices=State.choices, blank=True)

    objects = AnswerQuerySet.as_manager()

    class Meta:
        ordering = ["response", "statement__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["response", "statement"], name="answer_one_per_statement"
            ),
            *[
                models.CheckConstraint(
                    condition=Q(**{f"{col}_rating__isnull": True})
                    | Q(
                        **{
                            f"{col}_rating__gte": RATING_LIMITS[0],
                            f"{col}_rating__lte": RATING_LIMITS[1],
                        }
                    ),
                    name=f"answer_{col}_rating_in_range",
                )
                for col in ("then", "now", "like")
            ],
            *[
                models.CheckConstraint(
                    condition=Q(**{f"{col}_rating__isnull": True})
                    | Q(**{f"{col}_state": ""}),
                    name=f"answer_{col}_rating_or_state",
                )
                for col in ("then", "now", "like")
            ],
            *[
                models.CheckConstraint(
                    condition=Q(
                        **{f"{col}_state__in": ["", "dont_know", "not_relevant"]}
                    ),
                    name=f"answer_{col}_state_valid",
                )
                for col in ("then", "now", "like")
            ],
        ]

    def __str__(self) -> str:
        return f"Answer to {self.statement_id} in response {self.response_id}"

    def cell(self, column: str) -> int | str | None:
        """The column's value as analysis reads it: a rating, a state, or None."""
        rating = getattr(self, f"{column}_rating")
        if rating is not None:
            return rating
        return getattr(self, f"{column}_state") or None


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


class ReviewSummary(models.Model):
    """A closed review's headline numbers, stored when it closes.

    Pages across the programme read these rather than re-reading every answer;
    `reviews.summaries.summarise_review` writes them.
    """

    review = models.OneToOneField(
        Review, on_delete=models.CASCADE, related_name="summary"
    )
    computed_at = models.DateTimeField(default=timezone.now)
    responses = models.PositiveIntegerField("submitted responses", default=0)
    invited = models.PositiveIntegerField(default=0)
    # How the responses came, for the programme's response rates: stored so the
    # overview never reads invitations or responses.
    invitations_answered = models.PositiveIntegerField(
        "live invitations with a submitted response", default=0
    )
    through_code = models.PositiveIntegerField(
        "submitted responses through a meeting code", default=0
    )
    on_paper = models.PositiveIntegerField(
        "submitted responses entered from paper", default=0
    )
    discussion_points = models.PositiveIntegerField(default=0)
    flat_review = models.BooleanField(default=False)

    class Meta:
        verbose_name_plural = "review summaries"

    def __str__(self) -> str:
        return f"Summary of {self.review}"

    @property
    def response_rate(self) -> float | None:
        return self.responses / self.invited if self.invited else None


class StatementSummary(models.Model):
    """One statement of a closed review: the flags and the "now" means by group.

    `key` repeats the statement's key so reviews on different framework versions
    line up without a join. `now_by_perspective` maps a perspective to
    {"n": ratings, "mean": average}, for change over time.
    """

    review = models.ForeignKey(
        Review, on_delete=models.CASCADE, related_name="statement_summaries"
    )
    statement = models.ForeignKey(Statement, on_delete=models.PROTECT, related_name="+")
    key = models.SlugField(max_length=60)
    gap_flagged = models.BooleanField(
        "members and LTO staff differ by the gap threshold now", default=False
    )
    disagreement_flagged = models.BooleanField(
        "partnership members disagree among themselves now", default=False
    )
    now_mean = models.FloatField(null=True, blank=True)
    now_by_perspective = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["review", "statement__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "statement"], name="statementsummary_one_per_review"
            ),
        ]
        # Key first, then the flags: the overview's divergence counts read the
        # index alone (at 177,000 rows, 140 ms to 20 ms on SQLite).
        indexes = [
            models.Index(
                fields=["key", "gap_flagged", "disagreement_flagged"],
                name="statementsummary_key_flags",
            )
        ]

    def __str__(self) -> str:
        return f"{self.key} in {self.review}"


# An open action due within this many days is "due soon" on the rep's pages.
DUE_SOON_DAYS = 14


class AgreedActionQuerySet(models.QuerySet):
    def for_display(self) -> "AgreedActionQuerySet":
        """Everything an action list shows, in three queries however long."""
        return self.select_related(
            "review__appointment__organisation",
            "review__appointment__partnership__area",
        ).prefetch_related(
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
