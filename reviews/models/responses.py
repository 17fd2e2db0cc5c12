"""Responses and their answers: what people said, and which of it counts."""

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from reviews.analysis.words import ANSWER_STATE_CHOICES, COLUMNS
from reviews.models.counting import COUNTED, SET_ASIDE
from reviews.models.counting import counted as counted_through
from reviews.models.frameworks import RATING_LIMITS, Perspective, Statement
from reviews.models.invitations import Invitation, not_revoked
from reviews.models.reviews import Review

# A draft through a meeting code stops holding a place under the code's cap when
# nothing has been saved to it for this long.
CODE_DRAFT_HOLDS_FOR = dt.timedelta(minutes=30)


class ResponseQuerySet(models.QuerySet):
    def counted(self) -> "ResponseQuerySet":
        """Submitted and not set aside: the responses every count and result
        reads (a set-aside response is left out everywhere)."""
        return self.filter(COUNTED)

    def set_aside(self) -> "ResponseQuerySet":
        return self.filter(SET_ASIDE)

    def through_code(self) -> "ResponseQuerySet":
        return self.filter(via_meeting_code=True)

    def drafts(self) -> "ResponseQuerySet":
        return self.filter(status=Response.Status.DRAFT)

    def not_revoked(self) -> "ResponseQuerySet":
        """Responses not given through a link the rep has revoked: a revoked
        link's response is no longer anyone's to open (a meeting-code or paper
        response has no link, and stays)."""
        return self.filter(Q(invitation=None) | not_revoked("invitation"))

    def holding_code_places(self) -> "ResponseQuerySet":
        """What a meeting code's cap counts: submitted answers that count, and
        drafts saved to in the last half hour. A started, empty draft holds no
        place, so five starts without answering cannot fill a cap, and a
        set-aside answer frees its place."""
        since = timezone.now() - CODE_DRAFT_HOLDS_FOR
        has_answers = Exists(Answer.objects.filter(response=OuterRef("pk")))
        recently_saved = Q(draft_saved_at__gte=since) | (
            Q(updated__gte=since) & has_answers
        )
        return self.through_code().filter(
            COUNTED | (Q(status=Response.Status.DRAFT) & recently_saved)
        )


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
    # The language it was answered in (a code from settings.LANGUAGES), so the
    # next visit through the same link speaks it again; never read by results.
    language = models.CharField(max_length=10, blank=True)
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
    # What the questionnaire's script last autosaved (form field names to values),
    # kept apart from the answers until the person continues: results, exports
    # and summaries never read it, and a submitted response's answers stay whole.
    draft = models.JSONField(null=True, blank=True)
    draft_saved_at = models.DateTimeField(null=True, blank=True)
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
    def counted(self) -> "AnswerQuerySet":
        """Answers of counted responses: the only ones results read."""
        return self.filter(counted_through("response"))


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
