"""No person's name appears in the results page, the meeting pack or the CSV."""

import pytest
from django.urls import reverse
from django.utils import timezone

from reviews.models import Response
from tests.factories import (
    InvitationFactory,
    MembershipFactory,
    PersonFactory,
    RepAssignmentFactory,
    ReviewFactory,
    StaffRoleFactory,
    UserFactory,
    bulk_responses,
)

pytestmark = pytest.mark.django_db


def distinctive(n: int) -> str:
    return f"Zebedee Quartermaine-{n}"


@pytest.fixture
def named_review():
    review = ReviewFactory(released_at=timezone.now())
    partnership = review.appointment.partnership
    rep_user = UserFactory(first_name="Zebedee", last_name="Quartermaine-rep")
    RepAssignmentFactory(
        person__user=rep_user,
        person__name=distinctive(0),
        area=partnership.area,
    )
    rows = [[(i + s) % 10 + 1 for s in range(10)] for i in range(6)]
    responses = bulk_responses(review, "member", rows, comments="Good year")
    responses += bulk_responses(review, "lto_staff", [[8] * 10])
    for n, response in enumerate(responses, start=1):
        person = PersonFactory(name=distinctive(n), email=f"zq{n}@example.org")
        MembershipFactory(person=person, partnership=partnership)
        invitation = InvitationFactory(
            review=review, person=person, perspective=response.perspective
        )
        Response.objects.filter(pk=response.pk).update(invitation=invitation)
    StaffRoleFactory(
        person__name=distinctive(99), organisation=review.appointment.organisation
    )
    return review, rep_user


@pytest.mark.parametrize(
    "name",
    [
        "review-results",
        "review-individuals",
        "review-pack",
        "review-export",
        "review-released",
    ],
)
def test_no_name_appears_in_results_pack_or_csv(client, named_review, name):
    review, rep_user = named_review
    client.force_login(rep_user)
    response = client.get(reverse(f"reviews:{name}", args=[review.pk]))
    assert response.status_code == 200
    body = response.content.decode("utf-8-sig")
    assert "Partnership member" in body
    assert "Quartermaine" not in body
    assert "Zebedee" not in body
    assert "zq1@example.org" not in body
