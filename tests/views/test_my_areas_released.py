"""A released review stays on the rep's "My areas", marked released, until the
next review of the same relationship opens; then only the new one is listed."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from reviews.models import Review
from tests.factories import (
    AppointmentFactory,
    PersonFactory,
    RepAssignmentFactory,
    ReviewFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

MY_AREAS = reverse("reviews:my-areas")


@pytest.fixture
def appointment():
    return AppointmentFactory()


@pytest.fixture
def rep_client(appointment) -> Client:
    user = UserFactory()
    RepAssignmentFactory(
        person=PersonFactory(user=user), area=appointment.partnership.area
    )
    client = Client()
    client.force_login(user)
    return client


def released(appointment, title: str, opens: dt.date) -> Review:
    return ReviewFactory(
        appointment=appointment,
        title=title,
        opens=opens,
        closes=opens + dt.timedelta(days=20),
        status=Review.Status.CLOSED,
        released_at=timezone.now(),
    )


def test_a_released_review_stays_on_my_areas_marked_released(appointment, rep_client):
    today = timezone.localdate()
    released(appointment, "Spring review", today - dt.timedelta(days=60))

    page = rep_client.get(MY_AREAS).content.decode()

    assert "Spring review" in page
    assert ">Released</span>" in page
    assert "Follow up the agreed actions" in page


def test_a_released_review_leaves_my_areas_once_the_next_review_opens(
    appointment, rep_client
):
    today = timezone.localdate()
    released(appointment, "Spring review", today - dt.timedelta(days=400))
    ReviewFactory(
        appointment=appointment,
        title="Autumn review",
        opens=today - dt.timedelta(days=5),
        closes=today + dt.timedelta(days=20),
        status=Review.Status.OPEN,
    )

    page = rep_client.get(MY_AREAS).content.decode()

    assert "Autumn review" in page
    assert "Spring review" not in page


def test_a_draft_of_the_next_review_does_not_hide_the_released_one(
    appointment, rep_client
):
    today = timezone.localdate()
    released(appointment, "Spring review", today - dt.timedelta(days=60))
    ReviewFactory(
        appointment=appointment,
        title="Draft review",
        opens=today + dt.timedelta(days=5),
        status=Review.Status.DRAFT,
    )

    page = rep_client.get(MY_AREAS).content.decode()

    assert "Spring review" in page
    assert "Draft review" in page


def test_my_areas_takes_the_same_queries_however_many_released_reviews(
    appointment, rep_client
):
    today = timezone.localdate()
    released(appointment, "First", today - dt.timedelta(days=700))
    with CaptureQueriesContext(connection) as few:
        rep_client.get(MY_AREAS)
    for n in range(2, 6):
        released(appointment, f"Review {n}", today - dt.timedelta(days=700 - n * 50))
        released(
            AppointmentFactory(partnership=appointment.partnership), "Other", today
        )
    with CaptureQueriesContext(connection) as many:
        page = rep_client.get(MY_AREAS).content.decode()

    assert len(many) == len(few)
    assert "Review 5" in page and "Review 4" not in page
