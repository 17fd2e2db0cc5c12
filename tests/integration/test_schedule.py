"""The review schedule: next review dates from the cadence, the rep's override,
and which relationships are left out."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from partnerships.cadence import Cadence, add_months, next_review_date
from partnerships.models import Appointment, Area
from programme import schedule
from reviews.models import Review, with_last_closed_review
from tests.factories import (
    AppointmentFactory,
    AreaFactory,
    PartnershipFactory,
    ReviewFactory,
    programme_staff_user,
)

pytestmark = pytest.mark.django_db
TODAY = dt.date(2025, 6, 15)


def scheduled(appointment: Appointment) -> Appointment:
    return with_last_closed_review(Appointment.objects.all()).get(pk=appointment.pk)


def due(appointment: Appointment) -> dt.date | None:
    return scheduled(appointment).next_review_due


def test_months_are_added_to_the_same_day_or_the_months_last_day():
    assert add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2024, 11, 15), 3) == dt.date(2025, 2, 15)
    assert add_months(dt.date(2024, 3, 1), 12) == dt.date(2025, 3, 1)


def test_the_override_wins_then_the_last_review_then_the_start():
    cadence = Cadence(regular_months=12, inception_months=3)
    start, last, moved = dt.date(2020, 1, 10), dt.date(2023, 5, 2), dt.date(2024, 1, 1)

    assert next_review_date(
        started=start, last_closed=None, override=None, cadence=cadence
    ) == dt.date(2020, 4, 10)
    assert next_review_date(
        started=start, last_closed=last, override=None, cadence=cadence
    ) == dt.date(2024, 5, 2)
    assert (
        next_review_date(
            started=start, last_closed=last, override=moved, cadence=cadence
        )
        == moved
    )


def test_a_new_appointment_is_due_its_inception_review_three_months_in():
    appointment = AppointmentFactory(started=dt.date(2025, 1, 20))

    assert due(appointment) == dt.date(2025, 4, 20)


def test_the_regular_review_falls_twelve_months_after_the_last_closed_one():
    appointment = AppointmentFactory(started=dt.date(2020, 1, 1))
    for closes in (dt.date(2023, 3, 1), dt.date(2024, 2, 10)):
        ReviewFactory(
            appointment=appointment,
            opens=closes - dt.timedelta(days=28),
            closes=closes,
            status=Review.Status.CLOSED,
        )
    # An open review does not move the date.
    ReviewFactory(appointment=appointment, closes=dt.date(2030, 1, 1))

    assert due(appointment) == dt.date(2025, 2, 10)


def test_the_cadence_is_a_setting(settings):
    settings.REVIEW_CADENCE_MONTHS = 6
    appointment = AppointmentFactory(started=dt.date(2020, 1, 1))
    ReviewFactory(
        appointment=appointment,
        opens=dt.date(2024, 1, 1),
        closes=dt.date(2024, 2, 10),
        status=Review.Status.CLOSED,
    )

    assert due(appointment) == dt.date(2024, 8, 10)


def test_the_reps_override_needs_a_reason_and_wins():
    appointment = AppointmentFactory(started=dt.date(2020, 1, 1))
    appointment.next_review_override = dt.date(2026, 1, 5)

    with pytest.raises(ValidationError, match="Say why"):
        appointment.full_clean()
    appointment.next_review_reason = "Waiting for the new chair"
    appointment.save()

    assert due(appointment) == dt.date(2026, 1, 5)
    assert "Waiting for the new chair" in (scheduled(appointment).next_review_basis)


def test_completed_areas_and_ended_appointments_have_no_next_review():
    completed = AppointmentFactory(
        partnership=PartnershipFactory(area=AreaFactory(phase=Area.Phase.COMPLETED))
    )
    ended = AppointmentFactory(
        started=dt.date(2015, 1, 1), ended=dt.date(2019, 1, 1), end_reason="changed_lto"
    )
    current = AppointmentFactory(started=dt.date(2015, 1, 1))

    rows = schedule.schedule(schedule.scheduled_appointments(programme_staff_user()))

    assert due(completed) is None and due(ended) is None
    assert [r.appointment for r in rows] == [current]


def test_overdue_and_due_in_the_next_month_by_region():
    # Never reviewed: inception due 3 months after the start.
    AppointmentFactory(
        started=dt.date(2024, 1, 1),
        partnership=PartnershipFactory(area=AreaFactory(region="london")),
    )
    AppointmentFactory(
        started=dt.date(2025, 3, 20),
        partnership=PartnershipFactory(area=AreaFactory(region="london")),
    )
    AppointmentFactory(
        started=dt.date(2025, 6, 1),
        partnership=PartnershipFactory(area=AreaFactory(region="east")),
    )
    staff = programme_staff_user()

    counts = {
        r.label: (r.due, r.overdue) for r in schedule.counts_by_region(staff, TODAY)
    }
    overdue = schedule.overdue(staff, TODAY)

    assert counts["London"] == (1, 1)
    assert counts["East of England"] == (0, 0)
    assert sum(c[0] + c[1] for c in counts.values()) == 2
    assert [r.due for r in overdue] == [dt.date(2024, 4, 1)]
