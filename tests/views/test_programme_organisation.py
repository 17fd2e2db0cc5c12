"""The organisation page: partnerships it serves and has served, and their reviews."""

import datetime as dt

import pytest
from django.urls import reverse

from demo.scale import ScaleSize, build_scale_data
from partnerships.models import Organisation
from reviews.models import Review
from tests.factories import (
    AppointmentFactory,
    OrganisationFactory,
    ReviewFactory,
    programme_staff_user,
    two_partnerships,
)

pytestmark = pytest.mark.django_db


def page_url(organisation: Organisation) -> str:
    return reverse("programme:organisation-detail", args=[organisation.slug])


def test_lists_current_and_past_partnerships_and_their_reviews(client):
    organisation = OrganisationFactory(name="Riverside Housing")
    current = AppointmentFactory(organisation=organisation)
    AppointmentFactory(
        organisation=organisation,
        started=dt.date(2014, 1, 1),
        ended=dt.date(2019, 1, 1),
        end_reason="changed_lto",
    )
    ReviewFactory(appointment=current, title="Regular review 2024")
    client.force_login(programme_staff_user())

    response = client.get(page_url(organisation))

    assert [a.pk for a in response.context["current"]] == [current.pk]
    assert len(response.context["past"]) == 1
    html = response.content.decode()
    assert "Regular review 2024" in html
    assert "January 2014 to January 2019 (changed lto)" in html


def test_an_organisation_unconnected_to_the_user_is_a_404(client):
    world = two_partnerships()
    client.force_login(world.users["member_b"])

    response = client.get(page_url(world.appointment_a.organisation))

    assert response.status_code == 404


def test_lto_staff_see_their_organisation_with_released_reviews_only(client):
    world = two_partnerships()
    client.force_login(world.users["lto_staff_a"])

    response = client.get(page_url(world.appointment_a.organisation))

    assert response.status_code == 200
    assert response.context["reviews"] == []
    assert world.appointment_a.partnership.name in response.content.decode()


@pytest.mark.parametrize(
    "size",
    [
        ScaleSize(areas=2, years=1, reviews_per_year=1, responses=3),
        ScaleSize(areas=8, years=3, reviews_per_year=2, responses=6),
    ],
    ids=["small", "large"],
)
def test_organisation_page_runs_the_same_queries_at_two_sizes(
    client, django_assert_num_queries, size
):
    client.force_login(programme_staff_user())
    build_scale_data(size)
    url = page_url(Review.objects.earliest("opens").appointment.organisation)

    # session, user, staff check, organisation, appointments, reviews
    with django_assert_num_queries(6):
        response = client.get(url)

    assert response.context["reviews"]
