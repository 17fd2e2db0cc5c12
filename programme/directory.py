"""Reads for the area directory and the partnership and organisation pages.

Every function takes the user and scopes through the access rules
(`Area.objects.visible_to`, `Review.objects.visible_to`), and every figure comes
from the database (annotations, subqueries) or from stored review summaries: no
page here reads individual answers, so each renders in a fixed number of
queries however much history there is.

Nothing here orders areas or organisations by any score: the directory sorts
by name or region only, and "needs attention" is a marker, not a rank.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    Window,
)
from django.db.models.functions import Coalesce, RowNumber

from partnerships.models import Appointment, Area, Organisation, RepAssignment
from reviews import charts
from reviews.analysis import (
    DEFAULT_THRESHOLDS,
    PERSPECTIVE_LABELS,
    PERSPECTIVES,
    is_suppressed,
)
from reviews.models import (
    Response,
    Review,
    ReviewSummary,
    Statement,
    StatementSummary,
)
from reviews.results import RELEASE_PROTECTED, Chart, Table

# The "needs attention" rules, in one place and shown on the page.
ATTENTION_WINDOW_DAYS = 365
FEW_RESPONSES = 5
OPEN_GRACE_DAYS = 14
MANY_POINTS = 20
ATTENTION_RULES = (
    "no review opened in the last 12 months",
    f"a review open for more than {OPEN_GRACE_DAYS} days with fewer than "
    f"{FEW_RESPONSES} responses",
    f"the last closed review raised {MANY_POINTS} or more discussion points",
)
GAP_FLAG = DEFAULT_THRESHOLDS.gap_flag
SORTS = {"name": ("name",), "region": ("region", "name")}
SUBMITTED = Response.Status.SUBMITTED
DASH = "\u2013"


@dataclass(frozen=True)
class DirectoryFilters:
    q: str = ""
    region: str = ""
    phase: str = ""
    kind: str = ""
    attention: bool = False
    sort: str = "name"


def submitted_count(review_ref: str = "pk") -> Subquery:
    """Submitted responses of the review at OuterRef(review_ref), 0 when none."""
    counts = (
        Response.objects.filter(review=OuterRef(review_ref), status=SUBMITTED)
        .order_by()
        .values("review")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), Value(0))


def area_directory(
    user, today: dt.date, filters: DirectoryFilters = DirectoryFilters()
) -> QuerySet[Area]:
    """The areas a person may see, annotated for the directory and filtered."""
    reviews = Review.objects.visible_to(user)
    of_area = reviews.filter(appointment__partnership__area=OuterRef("pk"))
    recent = today - dt.timedelta(days=ATTENTION_WINDOW_DAYS)
    lagging = (
        of_area.filter(
            status=Review.Status.OPEN,
            opens__lte=today - dt.timedelta(days=OPEN_GRACE_DAYS),
        )
        .annotate(n=submitted_count())
        .filter(n__lt=FEW_RESPONSES)
    )
    # Start from the area's own reviews: a subquery over every closed review would
    # be scanned once per area.
    last_closed_points = of_area.filter(status=Review.Status.CLOSED).order_by(
        "-closes", "-pk"
    )
    areas = (
        Area.objects.visible_to(user)
        .select_related("partnership")
        .annotate(
            last_review_id=Subquery(of_area.order_by("-opens", "-pk").values("pk")[:1]),
            stale=~Exists(of_area.filter(opens__gte=recent)),
            lagging=Exists(lagging),
            last_points=Subquery(
                last_closed_points.values("summary__discussion_points")[:1]
            ),
        )
        .prefetch_related(
            Prefetch(
                "partnership__appointments",
                queryset=Appointment.objects.current()
                .select_related("organisation")
                .order_by("started"),
                to_attr="current_appointments",
            ),
            Prefetch(
                "rep_assignments",
                queryset=RepAssignment.objects.current()
                .select_related("person")
                .order_by("started"),
                to_attr="current_reps",
            ),
        )
    )
    return _filtered(areas, filters)


def _filtered(areas: QuerySet[Area], f: DirectoryFilters) -> QuerySet[Area]:
    if f.q:
        areas = areas.filter(
            Q(name__icontains=f.q)
            | Q(local_authority__icontains=f.q)
            | Q(partnership__name__icontains=f.q)
        )
    if f.region:
        areas = areas.filter(region=f.region)
    if f.phase:
        areas = areas.filter(phase=f.phase)
    if f.kind:
        areas = areas.filter(
            Exists(
                Appointment.objects.filter(
                    partnership__area=OuterRef("pk"),
                    ended__isnull=True,
                    organisation__kind=f.kind,
                )
            )
        )
    if f.attention:
        # Filtering repeats the three subqueries in WHERE, so only when asked.
        areas = areas.filter(
            Q(stale=True) | Q(lagging=True) | Q(last_points__gte=MANY_POINTS)
        )
    return areas.order_by(*SORTS.get(f.sort, SORTS["name"]))


def attach_last_reviews(areas: Sequence[Area]) -> None:
    """Set `area.last_review` (one query for all the areas) and the reasons the
    area needs attention on each area."""
    ids = [a.last_review_id for a in areas if a.last_review_id]
    by_id = Review.objects.filter(pk__in=ids).for_history().in_bulk()
    for area in areas:
        area.last_review = by_id.get(area.last_review_id)
        area.attention_reasons = attention_reasons(area)
        area.needs_attention = bool(area.attention_reasons)


def attention_reasons(area: Area) -> list[str]:
    reasons = []
    if area.stale:
        reasons.append("No review in the last 12 months")
    if area.lagging:
        reasons.append("Open review with few responses")
    if area.last_points is not None and area.last_points >= MANY_POINTS:
        reasons.append(f"{area.last_points} discussion points last time")
    return reasons


def partnership_reviews(user, area: Area) -> list[Review]:
    """The partnership's reviews this person may see, oldest first."""
    return list(
        Review.objects.visible_to(user)
        .filter(appointment__partnership__area=area)
        .for_history()
        .order_by("opens", "pk")
    )


def organisation_reviews(user, organisation: Organisation) -> list[Review]:
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


def change_over_time(reviews: Sequence[Review], *, protect: bool) -> list[Chart]:
    """Per statement key, the "now" mean by perspective across the reviews.

    Reads stored statement summaries in one query and lines reviews on different
    framework versions up by statement key. With `protect`, a perspective that
    released results would hide (fewer than the review's k) is left out.
    """
    summarised = [r for r in reviews if getattr(r, "summary", None) is not None]
    if not summarised:
        return []
    rows = (
        StatementSummary.objects.filter(review__in=[r.pk for r in summarised])
        .select_related("statement")
        .order_by("review__opens", "review_id", "statement__order")
    )
    position = {r.pk: i for i, r in enumerate(summarised)}
    k_of = {r.pk: r.min_group_size for r in summarised}
    labels: dict[str, str] = {}
    order: dict[str, int] = {}
    means: dict[str, dict[str, list[float | None]]] = {}
    for row in rows:
        # The newest wording of a statement names it; rows arrive oldest first.
        labels[row.key] = row.statement.short_label
        order.setdefault(row.key, row.statement.order)
        by_p = means.setdefault(row.key, {})
        for p, figures in row.now_by_perspective.items():
            hidden = protect and p in RELEASE_PROTECTED
            if hidden and is_suppressed(figures["n"], k_of[row.review_id]):
                continue
            series = by_p.setdefault(p, [None] * len(summarised))
            series[position[row.review_id]] = figures["mean"]
    x = _unique_labels(summarised)
    result = []
    for key in sorted(means, key=lambda k: (order[k], k)):
        series = {p: means[key][p] for p in PERSPECTIVES if p in means[key]}
        result.append(
            Chart(
                id=f"change-{key}",
                title=labels[key],
                figure=charts.with_config(charts.change_over_time(x, series)),
                table=Table(
                    caption=f"{labels[key]}: average rating now, by review and "
                    "perspective",
                    headers=("Review", *(PERSPECTIVE_LABELS[p] for p in series)),
                    rows=tuple(
                        (
                            label,
                            tuple(
                                DASH if v[i] is None else f"{v[i]:.1f}"
                                for v in series.values()
                            ),
                        )
                        for i, label in enumerate(x)
                    ),
                ),
            )
        )
    return result


# The programme overview (Local Trust staff): shares and spreads by region,
# year and statement, never by area or LTO.


@dataclass(frozen=True)
class Share:
    label: str
    part: int
    whole: int

    @property
    def share(self) -> float | None:
        return self.part / self.whole if self.whole else None


def coverage_by_region(today: dt.date) -> list[Share]:
    """Areas with a review opened in the last 12 months, region by region."""
    recent = Review.objects.filter(
        appointment__partnership__area=OuterRef("pk"),
        opens__gte=today - dt.timedelta(days=ATTENTION_WINDOW_DAYS),
    )
    rows = (
        Area.objects.annotate(covered=Exists(recent))
        .values("region")
        .annotate(total=Count("pk"), with_review=Count("pk", filter=Q(covered=True)))
        .order_by("region")
    )
    names = dict(Area._meta.get_field("region").choices)
    shares = [Share(names[r["region"]], r["with_review"], r["total"]) for r in rows]
    shares.sort(key=lambda s: s.label)
    return shares


def reviews_by_purpose_and_year() -> tuple[list[int], list[tuple[str, list[int]]]]:
    """Counts of reviews opened, as (years, [(purpose label, count per year)])."""
    rows = (
        Review.objects.values_list("opens__year", "purpose")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts = {(year, purpose): n for year, purpose, n in rows}
    years = sorted({year for year, _ in counts})
    table = [
        (label, [counts.get((year, value), 0) for year in years])
        for value, label in Review.Purpose.choices
        if any(counts.get((year, value)) for year in years)
    ]
    return years, table


def response_rates_by_year() -> list[tuple[int, int, Share]]:
    """Per year of closed, summarised reviews: (year, reviews, responses/invited)."""
    rows = (
        ReviewSummary.objects.values_list("review__opens__year")
        .annotate(
            reviews=Count("pk"),
            responses=Coalesce(Sum("responses"), 0),
            invited=Coalesce(Sum("invited"), 0),
        )
        .order_by("review__opens__year")
    )
    return [
        (year, reviews, Share(str(year), responses, invited))
        for year, reviews, responses, invited in rows
    ]


@dataclass(frozen=True)
class Divergence:
    key: str
    label: str
    reviews: int
    gaps: Share
    disagreements: Share


def statement_labels() -> dict[str, tuple[int, str]]:
    """Each statement key's order and newest short label, across versions."""
    rows = Statement.objects.order_by("version__number").values_list(
        "key", "order", "short_label"
    )
    return {key: (order, label) for key, order, label in rows}


def divergence_by_statement(labels: dict[str, tuple[int, str]]) -> list[Divergence]:
    """How often reviews flagged a members-vs-LTO gap, or members disagreeing."""
    rows = (
        StatementSummary.objects.values_list("key")
        .annotate(
            reviews=Count("pk"),
            gaps=Count("pk", filter=Q(gap_flagged=True)),
            disagreements=Count("pk", filter=Q(disagreement_flagged=True)),
        )
        .order_by()
    )
    result = [
        Divergence(
            key,
            labels.get(key, (0, key))[1],
            n,
            Share("gap", gaps, n),
            Share("disagreement", disagreements, n),
        )
        for key, n, gaps, disagreements in rows
    ]
    result.sort(key=lambda d: (labels.get(d.key, (0, d.key))[0], d.key))
    return result


def _quartiles(values: Sequence[float]) -> tuple[str, ...]:
    if not values:
        return (DASH,) * 5
    ordered = sorted(values)
    if len(ordered) == 1:
        q1 = median = q3 = ordered[0]
    else:
        q1, median, q3 = statistics.quantiles(ordered, n=4, method="inclusive")
    return tuple(f"{v:.1f}" for v in (ordered[0], q1, median, q3, ordered[-1]))


def latest_closed_reviews() -> QuerySet[Review]:
    """Each area's most recent summarised review, by a window function."""
    ranked = Review.objects.filter(summary__isnull=False).annotate(
        rank=Window(
            RowNumber(),
            partition_by=F("appointment__partnership__area"),
            order_by=(F("closes").desc(), F("pk").desc()),
        )
    )
    return ranked.filter(rank=1).values("pk")


def now_distribution(labels: dict[str, tuple[int, str]]) -> Chart | None:
    """The spread of average "now" ratings, statement by statement, where each
    area's most recent closed review gives one value (its stored mean).

    So the chart says where relationships stand now, and its size follows the
    number of areas, not of reviews or answers.
    """
    rows = StatementSummary.objects.filter(
        review__in=latest_closed_reviews(), now_mean__isnull=False
    ).values_list("key", "now_mean")
    by_key: dict[str, list[float]] = {}
    for key, mean in rows.iterator(chunk_size=5000):
        by_key.setdefault(key, []).append(round(mean, 1))
    if not by_key:
        return None
    keys = sorted(by_key, key=lambda k: (labels.get(k, (0, k))[0], k))
    names = [labels.get(k, (0, k))[1] for k in keys]
    return Chart(
        id="programme-now",
        title="Average rating now at each area's latest review, by statement",
        figure=charts.with_config(
            charts.box_by_statement(names, [by_key[k] for k in keys])
        ),
        table=Table(
            caption="Average rating now at each area's latest closed review, by "
            "statement: lowest, lower quartile, median, upper quartile, highest",
            headers=("Statement", "Areas", "Lowest", "Q1", "Median", "Q3", "Highest"),
            rows=tuple(
                (name, (str(len(by_key[k])), *_quartiles(by_key[k])))
                for name, k in zip(names, keys, strict=True)
            ),
        ),
        wide=True,
    )
