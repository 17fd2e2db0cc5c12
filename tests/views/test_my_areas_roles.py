"""My areas speaks to who is looking: a partnership member and the LTO's staff
see their partnership's reviews, released results and agreed actions; Local
Trust staff are pointed to the whole programme; nobody but a person with no
role at all is told they have nothing. The area directory's filters show only
where there is more than one area to filter."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from reviews.models import AgreedAction, Review
from tests.factories import (
    AppointmentFactory,
    AreaFactory,
    MembershipFactory,
    ReviewFactory,
    StaffRoleFactory,
    UserFactory,
    programme_staff_user,
)

pytestmark = pytest.mark.django_db

MY_AREAS = reverse("reviews:my-areas")
NOT_THE_REP = "You are not the rep for any area"


@pytest.fixture
def appointment():
    return AppointmentFactory(
        partnership__name="Northfield Big Local", organisation__name="Northfield CVS"
    )


def released_review(appointment, title: str, actions: int = 1) -> Review:
    review = ReviewFactory(
        appointment=appointment,
        title=title,
        status=Review.Status.CLOSED,
        released_at=timezone.now(),
    )
    for n in range(actions):
        AgreedAction.objects.create(
            review=review,
            what=f"{title}: action {n + 1}",
            lead=AgreedAction.Lead.LTO,
            due=timezone.localdate() + dt.timedelta(days=30),
        )
    return review


def member_of(appointment):
    user = UserFactory()
    MembershipFactory(person__user=user, partnership=appointment.partnership)
    return user


def lto_staff_of(appointment):
    user = UserFactory()
    StaffRoleFactory(person__user=user, organisation=appointment.organisation)
    return user


@pytest.mark.parametrize("who", [member_of, lto_staff_of])
def test_members_and_lto_staff_see_their_reviews_results_and_actions(
    client, appointment, who
):
    released = released_review(appointment, "Spring review")
    ReviewFactory(appointment=appointment, title="Autumn review")
    client.force_login(who(appointment))
    page = client.get(MY_AREAS).content.decode()
    assert NOT_THE_REP not in page
    assert reverse("reviews:review-released", args=[released.pk]) in page
    assert "Spring review: action 1" in page
    assert "Autumn review" in page
    assert "taking answers until" in page


def test_an_unreleased_review_is_listed_without_its_results(client, appointment):
    closed = ReviewFactory(
        appointment=appointment, title="Closed review", status=Review.Status.CLOSED
    )
    AgreedAction.objects.create(
        review=closed, what="Not shared yet", lead="lto", due=timezone.localdate()
    )
    client.force_login(member_of(appointment))
    page = client.get(MY_AREAS).content.decode()
    assert "Closed review" in page
    assert "will be shared when the rep releases them" in page
    assert reverse("reviews:review-released", args=[closed.pk]) not in page
    assert reverse("reviews:review-results", args=[closed.pk]) not in page
    assert "Not shared yet" not in page


def test_another_partnerships_reviews_and_actions_are_not_shown(client, appointment):
    other = AppointmentFactory()
    released_review(other, "Elsewhere review")
    client.force_login(member_of(appointment))
    page = client.get(MY_AREAS).content.decode()
    assert "Elsewhere review" not in page
    assert "No review has been opened yet." in page


def test_local_trust_staff_are_pointed_to_the_programme(client):
    client.force_login(programme_staff_user())
    page = client.get(MY_AREAS).content.decode()
    assert NOT_THE_REP not in page
    assert reverse("programme:overview") in page


def test_my_areas_for_a_member_takes_the_same_queries_however_many_reviews(
    client, appointment
):
    user = member_of(appointment)
    client.force_login(user)
    released_review(appointment, "First", actions=1)
    client.get(MY_AREAS)
    with CaptureQueriesContext(connection) as few:
        client.get(MY_AREAS)
    for n in range(4):
        released_review(appointment, f"More {n}", actions=3)
    with CaptureQueriesContext(connection) as many:
        page = client.get(MY_AREAS).content.decode()
    assert "More 3: action 3" in page
    assert len(many) == len(few)


def test_the_directory_shows_no_filters_to_someone_with_one_area(client, appointment):
    client.force_login(member_of(appointment))
    page = client.get(reverse("programme:area-list")).content.decode()
    assert "Filter the list" not in page
    assert reverse("programme:area-export") in page


def test_the_directory_shows_filters_where_there_is_a_choice(client, appointment):
    AreaFactory()
    client.force_login(programme_staff_user())
    page = client.get(reverse("programme:area-list")).content.decode()
    assert "Filter the list" in page


def test_filters_stay_to_clear_a_search_that_left_one_area(client, appointment):
    AreaFactory(name="Zed")
    client.force_login(programme_staff_user())
    page = client.get(reverse("programme:area-list"), {"q": "Zed"}).content.decode()
    assert "Filter the list" in page
