"""The area directory: which areas a person sees, the filters, and the
"needs attention" marker (its rules are `reviews.analysis.ATTENTION`, in words
`describe_attention()`).

Every figure comes from annotations and subqueries scoped through the access
rules (`Area.objects.visible_to`, `Review.objects.visible_to`), so a page of the
directory costs a fixed number of queries however much history there is.
Nothing here orders areas by any score: the directory sorts by name or region
only, and "needs attention" is a marker, not a rank.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypedDict, cast

from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce

from partnerships.access import AnyUser
from partnerships.models import Appointment, Area, RepAssignment
from reviews.analysis import ATTENTION
from reviews.models import AgreedAction, Response, Review

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

SORTS = {"name": ("name",), "region": ("region", "name")}


# For type checks only: the attributes the directory's queries put on its rows.
class HistoryCounts(TypedDict):
    """What `Review.objects.for_history()` annotates."""

    submitted: int


class CurrentAppointments(TypedDict):
    """What `area_directory` prefetches on each area's partnership."""

    current_appointments: list[Appointment]


class DirectoryAnnotations(TypedDict):
    """What `area_directory` annotates and prefetches on each area, and
    `attach_last_reviews` adds."""

    last_review_id: int | None
    lagging: bool
    wide_gap: bool | None
    action_overdue: bool
    current_reps: list[RepAssignment]
    last_review: WithAnnotations[Review, HistoryCounts] | None
    attention_reasons: list[str]
    needs_attention: bool


if TYPE_CHECKING:
    DirectoryArea = WithAnnotations[Area, DirectoryAnnotations]


@dataclass(frozen=True)
class DirectoryFilters:
    q: str = ""
    region: str = ""
    phase: str = ""
    kind: str = ""
    attention: bool = False
    sort: str = "name"
    # "due" or "overdue" (programme.schedule.STATES); "" for any.
    schedule: str = ""


def submitted_count(review_ref: str = "pk") -> Coalesce:
    """Submitted responses of the review at OuterRef(review_ref), 0 when none."""
    counts = (
        Response.objects.counted()
        .filter(review=OuterRef(review_ref))
        .order_by()
        .values("review")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), Value(0))


def area_directory(
    user: AnyUser, today: dt.date, filters: DirectoryFilters = DirectoryFilters()
) -> QuerySet[DirectoryArea]:
    """The areas a person may see, annotated for the directory and filtered."""
    of_area = Review.objects.visible_to(user).filter(
        appointment__partnership__area=OuterRef("pk")
    )
    lagging = (
        of_area.open()
        .filter(opens__lte=today - dt.timedelta(days=ATTENTION.open_grace_days))
        .annotate(n=submitted_count())
        .filter(n__lt=ATTENTION.few_responses)
    )
    # Start from the area's own reviews: a subquery over every closed review would
    # be scanned once per area.
    last_closed = of_area.closed().order_by("-closes", "-pk")
    overdue_actions = AgreedAction.objects.still_open().filter(
        review__appointment__partnership__area=OuterRef("pk"),
        due__lt=today - dt.timedelta(days=ATTENTION.action_overdue_days),
    )
    areas = (
        Area.objects.visible_to(user)
        .select_related("partnership")
        .annotate(
            last_review_id=Subquery(of_area.order_by("-opens", "-pk").values("pk")[:1]),
            lagging=Exists(lagging),
            wide_gap=Subquery(last_closed.values("summary__wide_gap")[:1]),
            action_overdue=Exists(overdue_actions),
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


def _filtered(
    areas: QuerySet[DirectoryArea], f: DirectoryFilters
) -> QuerySet[DirectoryArea]:
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
                Appointment.objects.current().filter(
                    partnership__area=OuterRef("pk"), organisation__kind=f.kind
                )
            )
        )
    if f.attention:
        # Filtering repeats the subqueries in WHERE, so only when asked.
        areas = areas.filter(
            Q(lagging=True) | Q(wide_gap=True) | Q(action_overdue=True)
        )
    return areas.order_by(*SORTS.get(f.sort, SORTS["name"]))


def attach_last_reviews(areas: Sequence[DirectoryArea]) -> None:
    """Set `area.last_review` (one query for all the areas) and the reasons the
    area needs attention on each area."""
    ids = [a.last_review_id for a in areas if a.last_review_id]
    by_id = cast(
        "dict[int, WithAnnotations[Review, HistoryCounts]]",
        Review.objects.filter(pk__in=ids).for_history().in_bulk(),
    )
    for area in areas:
        review_id = area.last_review_id
        area.last_review = by_id.get(review_id) if review_id else None
        area.attention_reasons = attention_reasons(area)
        area.needs_attention = bool(area.attention_reasons)


def attention_reasons(area: DirectoryArea) -> list[str]:
    """Why an area is marked, one short phrase per rule of `ATTENTION`."""
    reasons = []
    if area.wide_gap:
        reasons.append("Wide gap between perspectives in the last review")
    if area.action_overdue:
        reasons.append("Agreed action overdue by more than a month")
    if area.lagging:
        reasons.append("Open review with few responses")
    return reasons
