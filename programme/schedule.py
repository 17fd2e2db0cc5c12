"""Which relationships are due a review, and which are overdue.

Every current appointment of an area that has not completed has a next review
date (`Appointment.next_review_due`, from the programme's cadence or the rep's
override). Dates are worked out in Python from one query over the scheduled
appointments, annotated with their last closed review, so each page here costs a
fixed number of queries however many areas and reviews there are. The counts and
the overdue list read plain values (`dated`), not model rows: at ten times the
programme that is about 1,900 appointments, and only a page of them is shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from partnerships.access import AnyUser
from partnerships.cadence import add_months, next_review_date, programme_cadence
from partnerships.models import Appointment, Region, RepAssignment
from reviews.models import with_last_closed_review

State = Literal["due", "overdue"]
STATES: dict[str, str] = {
    "due": "Due in the next month",
    "overdue": "Overdue",
}


@dataclass(frozen=True)
class Scheduled:
    """One relationship's place in the schedule."""

    appointment: Appointment
    due: dt.date

    @property
    def last_review(self) -> dt.date | None:
        return self.appointment.last_closed_review

    @property
    def overridden(self) -> bool:
        return self.appointment.next_review_override is not None


def state_of(due: dt.date, today: dt.date) -> State | None:
    """Overdue once the date has passed; due when it falls within a month."""
    if due < today:
        return "overdue"
    if due <= add_months(today, 1):
        return "due"
    return None


def scheduled_appointments(user: AnyUser):
    """The scheduled appointments this person manages, ready for dates."""
    return with_last_closed_review(
        Appointment.objects.scheduled()
        .managed_by(user)
        .select_related("partnership__area", "organisation")
    )


def schedule(appointments: Iterable[Appointment]) -> list[Scheduled]:
    """Each appointment with its next review date, soonest first."""
    rows = []
    for appointment in appointments:
        due = appointment.next_review_due
        if due is not None:
            rows.append(Scheduled(appointment, due))
    rows.sort(key=lambda r: (r.due, r.appointment.partnership.area.name))
    return rows


@dataclass(frozen=True)
class Dated:
    """One relationship's next review date with what the overdue list shows of
    it, read as plain values."""

    appointment_id: int
    area_id: int
    area_name: str
    area_slug: str
    region: str
    organisation: str
    last_review: dt.date | None
    overridden: bool
    due: dt.date

    @property
    def region_label(self) -> str:
        return Region(self.region).label


def _scheduled_values(user: AnyUser, *fields: str):
    """The scheduled appointments this person manages as plain rows of `fields`
    followed by what their dates need (started, last closed, override)."""
    return with_last_closed_review(
        Appointment.objects.scheduled().managed_by(user)
    ).values_list(*fields, "started", "last_closed_review", "next_review_override")


def dated(user: AnyUser) -> list[Dated]:
    """Every scheduled relationship this person manages, soonest due first: one
    values query, no model rows."""
    every = programme_cadence()
    rows = _scheduled_values(
        user,
        "pk",
        "partnership__area_id",
        "partnership__area__name",
        "partnership__area__slug",
        "partnership__area__region",
        "organisation__name",
    )
    result = [
        Dated(
            pk,
            area_id,
            name,
            slug,
            region,
            lto,
            last,
            override is not None,
            next_review_date(
                started=started, last_closed=last, override=override, cadence=every
            ),
        )
        for pk, area_id, name, slug, region, lto, started, last, override in rows
    ]
    result.sort(key=lambda r: (r.due, r.area_name))
    return result


def overdue(user: AnyUser, today: dt.date) -> list[Dated]:
    """Overdue relationships, longest overdue first (reps: `reps_by_area`)."""
    return [r for r in dated(user) if state_of(r.due, today) == "overdue"]


def reps_by_area(rows: Iterable[Dated]) -> dict[int, list[str]]:
    """The current reps' names of these rows' areas, for one page: one query."""
    reps: dict[int, list[str]] = {}
    assignments = (
        RepAssignment.objects.current()
        .filter(area_id__in={r.area_id for r in rows})
        .order_by("started")
        .values_list("area_id", "person__name")
    )
    for area_id, name in assignments:
        reps.setdefault(area_id, []).append(name)
    return reps


def area_ids(user: AnyUser, today: dt.date, state: str) -> list[int]:
    """Areas with at least one relationship in this state."""
    return sorted({r.area_id for r in dated(user) if state_of(r.due, today) == state})


@dataclass(frozen=True)
class RegionSchedule:
    label: str
    due: int
    overdue: int


def counts_by_region(user: AnyUser, today: dt.date) -> list[RegionSchedule]:
    """Relationships due in the next month and overdue, region by region (every
    region listed, so a zero reads as a zero)."""
    counts = {value: {"due": 0, "overdue": 0} for value in Region.values}
    every = programme_cadence()
    # Only what the dates need: no names, no organisation, no `Dated` rows.
    appointments = _scheduled_values(user, "partnership__area__region").order_by()
    for region, started, last, override in appointments:
        due = next_review_date(
            started=started, last_closed=last, override=override, cadence=every
        )
        state = state_of(due, today)
        if state:
            counts[region][state] += 1
    names = dict(Region.choices)
    rows = [RegionSchedule(names[r], c["due"], c["overdue"]) for r, c in counts.items()]
    rows.sort(key=lambda r: r.label)
    return rows


def all_regions(rows: Sequence[RegionSchedule]) -> RegionSchedule:
    return RegionSchedule(
        "All regions", sum(r.due for r in rows), sum(r.overdue for r in rows)
    )
