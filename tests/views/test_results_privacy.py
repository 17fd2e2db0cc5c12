"""No person's name appears in the results page, the meeting pack or the CSV, and
comments cannot be matched to a person or to a response's row of ratings."""

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


COMMENTS = (
    "Clearer reports each quarter",
    "always helpful on funding",
    "Better evening meetings",
)
SHOWN_ORDER = sorted(COMMENTS, key=str.casefold)


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
    # In response order the comments read C, A, B...: never the order shown.
    for response, comment in zip(responses, COMMENTS, strict=False):
        Response.objects.filter(pk=response.pk).update(comments=comment)
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


def comments_section(body: str) -> str:
    """The page from the comments heading to the next section's heading."""
    start = body.index('id="comments-heading"')
    ends = (body.find(f'id="{name}-heading"', start) for name in ("flat", "flag"))
    return body[start : min(end for end in ends if end > 0)]


@pytest.mark.parametrize("name", ["review-results", "review-pack", "review-released"])
def test_comments_are_shown_by_perspective_in_an_order_unlike_the_responses(
    client, named_review, name
):
    review, rep_user = named_review
    client.force_login(rep_user)
    body = client.get(reverse(f"reviews:{name}", args=[review.pk])).content.decode()
    comments = comments_section(body)
    places = [comments.index(text) for text in SHOWN_ORDER]
    assert places == sorted(places)
    assert list(COMMENTS) != SHOWN_ORDER
    # Each comment stands alone: no pseudonym or name beside it.
    assert "Partnership member " not in comments
    assert "Quartermaine" not in comments


def test_no_comment_leaves_in_the_csv(client, named_review):
    review, rep_user = named_review
    client.force_login(rep_user)
    body = client.get(reverse("reviews:review-export", args=[review.pk]))
    text = body.content.decode("utf-8-sig")
    assert not any(comment in text for comment in (*COMMENTS, "Good year"))


def test_released_results_hide_the_comments_of_a_group_too_small_to_show(client):
    review = ReviewFactory(released_at=timezone.now(), min_group_size=3)
    bulk_responses(review, "member", [[4] * 10] * 2, comments="Members only say")
    bulk_responses(review, "lto_staff", [[8] * 10], comments="The LTO says")
    staff = UserFactory()
    RepAssignmentFactory(person__user=staff, area=review.appointment.partnership.area)
    client.force_login(staff)
    released = client.get(reverse("reviews:review-released", args=[review.pk]))
    assert "The LTO says" in released.content.decode()
    assert "Members only say" not in released.content.decode()
    # The rep's own results page still shows them, by perspective only.
    results = client.get(reverse("reviews:review-results", args=[review.pk]))
    assert "Members only say" in results.content.decode()
