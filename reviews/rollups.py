"""The programme's figures that come from stored review summaries, added up when
summaries change rather than on every view of the programme overview.

`refresh_programme_rollup()` rewrites the one `ProgrammeRollup` row; the summary
writers in `reviews.summaries` call it after storing or forgetting summaries.
Each figure is kept as plain counts, so the overview shows exactly what grouping
the summaries would show:

- "rates": per year a closed review opened, [year, reviews, invited, answered an
  invitation, through a meeting code, on paper];
- "divergence": per statement key, [key, reviews, gaps flagged, disagreements
  flagged];
- "now_share": per statement key, the average "now" rating at each area's
  latest summarised review as a share of that review's own scale (one scale at
  a time: `reviews.analysis.scale`), in percent rounded half up to one
  decimal, as [[tenths of a percent, areas], ...];
- "now_scales": per statement key, the scales those reviews asked on, as
  ["1–10", ...], so the overview's table names them.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Count, F, Q, QuerySet, Sum, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from reviews.analysis import Scale, half_up, share_of_scale
from reviews.models import ProgrammeRollup, Review, ReviewSummary, StatementSummary


def response_counts_by_year() -> list[list[int]]:
    rows = (
        ReviewSummary.objects.values_list("review__opens")
        .annotate(
            n=Count("pk"),
            invited=Sum("invited"),
            answered=Sum("invitations_answered"),
            code=Sum("through_code"),
            paper=Sum("on_paper"),
        )
        .order_by()
    )
    # Grouped by opening day and added up by year here: SQLite extracts a year
    # through a Python function on every row.
    years: dict[int, list[int]] = {}
    for day, *counts in rows:
        total = years.setdefault(day.year, [0] * len(counts))
        for i, count in enumerate(counts):
            total[i] += count
    return [[year, *counts] for year, counts in sorted(years.items())]


def divergence_counts() -> list[list[Any]]:
    rows = (
        StatementSummary.objects.values_list("key")
        .annotate(
            reviews=Count("pk"),
            gaps=Count("pk", filter=Q(gap_flagged=True)),
            disagreements=Count("pk", filter=Q(disagreement_flagged=True)),
        )
        .order_by("key")
    )
    return [list(row) for row in rows]


def latest_summarised_reviews() -> QuerySet[Review]:
    """Each area's most recent summarised review, by a window function."""
    ranked = Review.objects.filter(summary__isnull=False).annotate(
        rank=Window(
            RowNumber(),
            partition_by=F("appointment__partnership__area"),
            order_by=(F("closes").desc(), F("pk").desc()),
        )
    )
    return ranked.filter(rank=1).values("pk")


def now_spread() -> dict[str, list[list[int]]]:
    rows = StatementSummary.objects.filter(
        review__in=latest_summarised_reviews(), now_mean__isnull=False
    ).values_list(
        "key",
        "now_mean",
        "review__framework_version__scale_min",
        "review__framework_version__scale_max",
    )
    counts: dict[str, dict[int, int]] = {}
    for key, mean, low, high in rows.iterator(chunk_size=5000):
        assert mean is not None  # excluded by the filter above
        tenths = int(half_up(share_of_scale(mean, Scale(low, high))).scaleb(1))
        by_value = counts.setdefault(key, {})
        by_value[tenths] = by_value.get(tenths, 0) + 1
    return {
        key: [[tenths, n] for tenths, n in sorted(by_value.items())]
        for key, by_value in sorted(counts.items())
    }


def now_scales() -> dict[str, list[str]]:
    rows = (
        StatementSummary.objects.filter(
            review__in=latest_summarised_reviews(), now_mean__isnull=False
        )
        .values_list(
            "key",
            "review__framework_version__scale_min",
            "review__framework_version__scale_max",
        )
        .distinct()
        .order_by()
    )
    scales: dict[str, set[tuple[int, int]]] = {}
    for key, low, high in rows:
        scales.setdefault(key, set()).add((low, high))
    return {
        key: [Scale(low, high).label for low, high in sorted(found)]
        for key, found in sorted(scales.items())
    }


def programme_figures() -> dict[str, Any]:
    """Every rolled-up figure, worked out from the stored summaries."""
    return {
        "rates": response_counts_by_year(),
        "divergence": divergence_counts(),
        "now_share": now_spread(),
        "now_scales": now_scales(),
    }


@transaction.atomic
def refresh_programme_rollup() -> ProgrammeRollup:
    """Work the figures out again and store them: a few grouped queries."""
    # The row is locked first, so of two refreshes at once the second works
    # from what the first committed and neither overwrites newer figures.
    rollup = ProgrammeRollup.objects.select_for_update().order_by("pk").first()
    if rollup is None:
        rollup = ProgrammeRollup()
    rollup.figures = programme_figures()
    rollup.computed_at = timezone.now()
    rollup.save()
    return rollup


def stored_figures() -> dict[str, Any]:
    """The figures as last stored; empty before anything was summarised."""
    rollup = ProgrammeRollup.objects.order_by("pk").only("figures").first()
    return rollup.figures if rollup is not None else {}
