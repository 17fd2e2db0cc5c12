"""Summaries: a closed review's stored headline numbers and statement flags."""

from django.db import models
from django.utils import timezone

from reviews.models.frameworks import Statement
from reviews.models.reviews import Review


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
    # A gap wide enough to mark the area "needs attention" (analysis.attention).
    wide_gap = models.BooleanField(default=False)

    class Meta:
        verbose_name_plural = "review summaries"

    def __str__(self) -> str:
        return f"Summary of {self.review}"

    @property
    def response_rate(self) -> float | None:
        return self.responses / self.invited if self.invited else None


class StatementSummary(models.Model):
    """One statement of a closed review: the flags and the means by group.

    `key` repeats the statement's key so reviews on different framework versions
    line up without a join. `now_by_perspective` and `then_by_perspective` map a
    perspective to {"n": ratings, "mean": average} in the "now" and "at first"
    columns, for change over time.
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
    then_by_perspective = models.JSONField(default=dict, blank=True)

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


class ProgrammeRollup(models.Model):
    """The programme's figures that come from review summaries, added up once.

    One row, rewritten by `reviews.rollups.refresh_programme_rollup` whenever
    summaries are stored or forgotten, so the programme overview reads one small
    row instead of grouping every summary (at 1,500 areas: a window over 18,000
    reviews and counts over 180,000 statement summaries, about 100 ms). Figures
    that depend on today's date are not here: the overview keeps them live.
    """

    computed_at = models.DateTimeField(default=timezone.now)
    # {"rates": [[year, reviews, invited, answered, code, paper], ...],
    #  "divergence": [[key, reviews, gaps, disagreements], ...],
    #  "now_share": {key: [[tenths of a percent, areas], ...]}}: see
    #  `reviews.rollups`.
    figures = models.JSONField(default=dict, blank=True)

    def __str__(self) -> str:
        return f"Programme figures of {self.computed_at:%Y-%m-%d %H:%M}"
