"""Per-review aggregates, computed once when a review closes and stored.

The area directory, partnership pages and programme overview read
`ReviewSummary` and `StatementSummary` rows instead of re-reading every answer on
every page view. `summarise_review()` is called by the close action;
`summarise_reviews()` fills in any closed review that lacks a summary (after a
demo or data load, or from the `summarise_reviews` command). Every write here
also refreshes the programme's rolled-up figures (`reviews.rollups`).

The numbers come from `reviews.analysis`, so a summary says exactly what the
review's own report says.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from reviews.analysis import HEADLINE_PAIR, NOW, THEN, Analysis, has_wide_gap
from reviews.models import (
    Response,
    Review,
    ReviewSummary,
    Statement,
    StatementSummary,
)
from reviews.results.reading import analyse_review, load_review_data
from reviews.rollups import refresh_programme_rollup

MEMBER = "member"


@dataclass(frozen=True)
class ResponseCounts:
    """How a review's submitted responses came: the programme's response rates."""

    invited: int = 0
    answered: int = 0
    through_code: int = 0
    on_paper: int = 0


def response_counts(review: Review) -> ResponseCounts:
    """Live invitations, those answered, and the responses without an invitation
    by how they came: two aggregate queries."""
    counts = (
        Response.objects.counted()
        .not_revoked()
        .filter(review=review)
        .aggregate(
            # Each live invitation once, however many responses it has.
            answered=Count("invitation", distinct=True),
            code=Count("pk", filter=Q(invitation__isnull=True, via_meeting_code=True)),
            paper=Count(
                "pk", filter=Q(invitation__isnull=True, entered_at__isnull=False)
            ),
        )
    )
    return ResponseCounts(
        invited=review.invitations.live().count(),
        answered=counts["answered"],
        through_code=counts["code"],
        on_paper=counts["paper"],
    )


def _means_by_perspective(
    result: Analysis, key: str, column: str
) -> tuple[dict[str, dict[str, float]], float | None]:
    """{perspective: {"n": ratings, "mean": average}} for one statement's column,
    as the review's report counts them ("don't know" is not a rating, and someone
    not involved at the start gives no "at first" rating), and the mean of every
    rating in the column."""
    means = {}
    total: float = 0
    n = 0
    for p in result.perspectives:
        group = result.group(key, column, p)
        mean = group.summary.mean if group is not None else None
        if group is None or mean is None:
            continue
        means[p] = {"n": group.summary.n, "mean": round(mean, 3)}
        total += mean * group.summary.n
        n += group.summary.n
    return means, round(total / n, 3) if n else None


def summary_rows(
    review: Review,
    result: Analysis,
    *,
    counts: ResponseCounts,
    statement_ids: Mapping[str, int],
) -> tuple[ReviewSummary, list[StatementSummary]]:
    """Unsaved summary rows for one review's analysis; no database access."""
    now = timezone.now()
    summary = ReviewSummary(
        review=review,
        computed_at=now,
        responses=sum(result.respondents.values()),
        invited=counts.invited,
        invitations_answered=counts.answered,
        through_code=counts.through_code,
        on_paper=counts.on_paper,
        discussion_points=len(result.discussion_points),
        flat_review=result.flat_review,
        wide_gap=has_wide_gap(result),
    )
    gap_keys = {
        g.statement
        for g in result.flagged_gaps
        if g.column == NOW and (g.a, g.b) == HEADLINE_PAIR
    }
    rows = []
    for statement in result.statements:
        if statement.key not in statement_ids:
            continue
        now_by_perspective, now_mean = _means_by_perspective(result, statement.key, NOW)
        then_by_perspective, _ = _means_by_perspective(result, statement.key, THEN)
        members = result.group(statement.key, NOW, MEMBER)
        rows.append(
            StatementSummary(
                review=review,
                statement_id=statement_ids[statement.key],
                key=statement.key,
                gap_flagged=statement.key in gap_keys,
                disagreement_flagged=bool(members and members.disagreement),
                now_mean=now_mean,
                now_by_perspective=now_by_perspective,
                then_by_perspective=then_by_perspective,
            )
        )
    return summary, rows


@transaction.atomic
def store_summaries(
    pairs: Iterable[tuple[ReviewSummary, list[StatementSummary]]],
    *,
    refresh: bool = True,
) -> int:
    """Replace the stored summaries of the given reviews with new ones, and the
    programme's figures with them (`refresh=False`: the caller refreshes once
    after storing many batches)."""
    pairs = list(pairs)
    review_ids = [summary.review_id for summary, _ in pairs]
    ReviewSummary.objects.filter(review_id__in=review_ids).delete()
    StatementSummary.objects.filter(review_id__in=review_ids).delete()
    ReviewSummary.objects.bulk_create([summary for summary, _ in pairs])
    StatementSummary.objects.bulk_create(
        [row for _, rows in pairs for row in rows], batch_size=2000
    )
    if refresh:
        refresh_programme_rollup()
    return len(pairs)


def _statement_ids(version_id: int) -> dict[str, int]:
    return dict(
        Statement.objects.filter(version_id=version_id).values_list("key", "id")
    )


def summarise_review(review: Review, *, refresh: bool = True) -> ReviewSummary:
    """Compute and store one review's summary: a handful of queries, any size."""
    data = load_review_data(review)
    result = analyse_review(review, data)
    summary, rows = summary_rows(
        review,
        result,
        counts=response_counts(review),
        statement_ids=_statement_ids(review.framework_version_id),
    )
    store_summaries([(summary, rows)], refresh=refresh)
    return summary


def unsummarised() -> QuerySet[Review]:
    return (
        Review.objects.closed()
        .filter(summary__isnull=True)
        .select_related("framework_version")
    )


def summarise_reviews(reviews: Iterable[Review] | None = None) -> int:
    """Summarise every closed review that lacks a summary (or those given)."""
    count = 0
    for review in unsummarised() if reviews is None else reviews:
        summarise_review(review, refresh=False)
        count += 1
    # Once for the lot: after a data load this may be thousands of reviews.
    refresh_programme_rollup()
    return count


@transaction.atomic
def forget_summary(review: Review) -> None:
    """Drop a review's stored summary, for a review reopened for more answers."""
    ReviewSummary.objects.filter(review=review).delete()
    StatementSummary.objects.filter(review=review).delete()
    refresh_programme_rollup()
