"""A partnership's and an organisation's review history, and how the "at first"
and "now" ratings changed from one review to the next.

Reviews may be asked on framework versions with different rating scales, so
change over time draws every average as a share of its own review's scale
(`reviews.analysis.scale`), and its table gives each average on its own scale
beside the share.

Reviews are found through `Review.objects.visible_to`, so people who neither
represent the area nor work for Local Trust see only released reviews. Figures
come from the stored review summaries, never from individual answers, so each
page costs a fixed number of queries however much history there is.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from partnerships.access import AnyUser
from partnerships.models import Area, Organisation
from programme.change_charts import change_chart, lto_changes
from reviews.analysis import (
    COLUMN_HEADINGS,
    NOW,
    THEN,
    is_suppressed,
)
from reviews.models import AgreedAction, Review, StatementSummary
from reviews.results.page_charts import Chart
from reviews.results.pages import RELEASE_PROTECTED
from reviews.results.reading import scale_of

# Statement key -> column -> perspective -> the mean at each review (None: none).
Series = dict[str, dict[str, dict[str, list[float | None]]]]

# What change over time draws, chosen by `?show=`: "now" unless asked.
CHANGE_VIEWS = {"now": (NOW,), "then": (THEN,), "both": (THEN, NOW)}
CHANGE_VIEW_LABELS = {
    "now": COLUMN_HEADINGS[NOW],
    "then": COLUMN_HEADINGS[THEN],
    "both": "Both",
}
STORED = {THEN: "then_by_perspective", NOW: "now_by_perspective"}


def change_view(value: str | None) -> str:
    """The change-over-time view asked for, or "now" for anything else."""
    return value if value in CHANGE_VIEWS else "now"


def partnership_reviews(user: AnyUser, area: Area) -> list[Review]:
    """The partnership's reviews this person may see, oldest first."""
    return list(
        Review.objects.visible_to(user)
        .filter(appointment__partnership__area=area)
        .for_history()
        .order_by("opens", "pk")
    )


def partnership_actions(user: AnyUser, area: Area) -> list[AgreedAction]:
    """Agreed actions of every review of the partnership this person may see,
    newest review first."""
    return list(
        AgreedAction.objects.filter(
            review__in=Review.objects.visible_to(user).filter(
                appointment__partnership__area=area
            )
        )
        .for_display()
        .order_by("-review__opens", "-review_id", "due", "pk")
    )


def organisation_reviews(user: AnyUser, organisation: Organisation) -> list[Review]:
    """The reviews of this organisation as LTO that this person may see, newest
    first."""
    return list(
        Review.objects.visible_to(user)
        .filter(appointment__organisation=organisation)
        .for_history()
        .order_by("-opens", "-pk")
    )


def review_label(review: Review) -> str:
    return f"{review.opens:%b %Y} ({review.get_purpose_display().split(' ')[0]})"


def _unique_labels(reviews: Iterable[Review]) -> list[str]:
    # The chart's x axis is categorical: two reviews with one label would merge.
    labels: list[str] = []
    for review in reviews:
        label = review_label(review)
        while label in labels:
            label += "\u2032"
        labels.append(label)
    return labels


def _means(
    summarised: Sequence[Review], *, protect: bool
) -> tuple[Series, dict[str, str], dict[str, int]]:
    """The "at first" and "now" series by statement key, with each key's label
    and order, from the stored statement summaries in one query."""
    rows = (
        StatementSummary.objects.filter(review__in=[r.pk for r in summarised])
        .select_related("statement")
        .order_by("review__opens", "review_id", "statement__order")
    )
    position = {r.pk: i for i, r in enumerate(summarised)}
    k_of = {r.pk: r.min_group_size for r in summarised}
    labels: dict[str, str] = {}
    order: dict[str, int] = {}
    means: Series = {}
    for row in rows:
        # The newest wording of a statement names it; rows arrive oldest first.
        labels[row.key] = row.statement.short_label
        order.setdefault(row.key, row.statement.order)
        by_column = means.setdefault(row.key, {THEN: {}, NOW: {}})
        for column, field in STORED.items():
            for p, figures in getattr(row, field).items():
                # Released results hide a small group in either column alike.
                hidden = protect and p in RELEASE_PROTECTED
                if hidden and is_suppressed(figures["n"], k_of[row.review_id]):
                    continue
                series = by_column[column].setdefault(p, [None] * len(summarised))
                series[position[row.review_id]] = figures["mean"]
    return means, labels, order


def change_over_time(
    reviews: Sequence[Review], *, protect: bool, view: str = "now"
) -> list[Chart]:
    """Per statement key, the "now" (or, by `view`, "at first", or both) mean by
    perspective across the reviews.

    Reviews on different framework versions line up by statement key, each
    mean put as a share of its own review's scale. With
    `protect`, a perspective that released results would hide (fewer than the
    review's k) is left out, in each column by its own count.
    """
    summarised = [r for r in reviews if getattr(r, "summary", None) is not None]
    if not summarised:
        return []
    means, labels, order = _means(summarised, protect=protect)
    x = _unique_labels(summarised)
    ltos = [r.appointment.organisation.name for r in summarised]
    scales = [scale_of(r) for r in summarised]
    changes = lto_changes(summarised)
    return [
        change_chart(
            key,
            labels[key],
            x,
            {column: means[key][column] for column in CHANGE_VIEWS[view]},
            ltos,
            scales,
            changes,
        )
        for key in sorted(means, key=lambda k: (order[k], k))
    ]
