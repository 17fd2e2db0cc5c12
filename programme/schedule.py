"""Which relationships are due a review, and which are overdue.

Every current appointment of an area that has not completed has a next review
date (`Appointment.next_review_due`, from the programme's cadence or the rep's
override). Dates are worked out in Python from one query over the scheduled
appointments, annotated with their last closed review, so each page here costs a
fixed number of queries however many areas and reviews there are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from django.db.models import Prefetch

from partnerships.access import AnyUser
from partnerships.cadence import add_months
from partnerships.models import Appointment, Region, RepAssignment

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


def scheduled_appointments(user: AnyUser, *, with_reps: bool = False):
    """The scheduled appointments this person manages, ready for dates."""
    rows = (
        Appointment.objects.scheduled()
        .managed_by(user)
        .with_schedule()
        .select_related("partnership__area", "organisation")
    )
    if with_reps:
        rows = rows.prefetch_related(
            Prefetch(
                "partnership__area__rep_assignments",
                queryset=RepAssignment.objects.current()
                .select_related("person")
                .order_by("started"),
                to_attr="current_reps",
            )
        )
    return rows


def schedule(appointments: Iterable[Appointment]) -> list[Scheduled]:
    """Each appointment with its next review date, soonest first."""
    rows = []
    for appointment in appointments:
        due = appointment.next_review_due
        if due is not None:
            rows.append(Scheduled(appointment, due))
    rows.sort(key=lambda r: (r.due, r.appointment.partnership.area.name))
    return rows


def overdue(user: AnyUser, today: dt.date) -> list[Scheduled]:
    """Overdue relationships, longest overdue first, with their reps."""
    rows = schedule(scheduled_appointments(user, with_reps=True))
    return [r for r in rows if state_of(r.due, today) == "overdue"]


def area_ids(user: AnyUser, today: dt.date, state: str) -> list[int]:
    """Areas with at least one relationship in this state."""
    rows = schedule(scheduled_appointments(user))
    return sorted(
        {
            r.appointment.partnership.area_id
            for r in rows
            if state_of(r.due, today) == state
        }
    )


@dataclass(frozen=True)
class RegionSchedule:
    label: str
    due: int
    overdue: int


def counts_by_region(user: AnyUser, today: dt.date) -> list[RegionSchedule]:
    """Relationships due in the next month and overdue, region by region (every
    region listed, so a zero reads as a zero)."""
    counts = {value: {"due": 0, "overdue": 0} for value in Region.values}
    for row in schedule(scheduled_appointments(user)):
        state = state_of(row.due, today)
        if state:
            counts[row.appointment.partnership.area.region][state] += 1
    names = dict(Region.choices)
    rows = [RegionSchedule(names[r], c["due"], c["overdue"]) for r, c in counts.items()]
    rows.sort(key=lambda r: r.label)
    return rows


def all_regions(rows: Sequence[RegionSchedule]) -> RegionSchedule:
    return RegionSchedule(
        "All regions", sum(r.due for r in rows), sum(r.overdue for r in rows)
    )
