"""Closing, releasing and withdrawing ask first, say who will see what, and are
audited; a second click changes nothing."""

import pytest
from django.test import Client
from django.urls import reverse

from reviews.models import AuditEvent, Review
from tests.factories import (
    AppointmentFactory,
    InvitationFactory,
    MembershipFactory,
    PersonFactory,
    RepAssignmentFactory,
    ResponseFactory,
    ReviewFactory,
    StaffRoleFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def review():
    appointment = AppointmentFactory()
    rep = UserFactory(username="rita")
    RepAssignmentFactory(
        person=PersonFactory(user=rep), area=appointment.partnership.area
    )
    return ReviewFactory(appointment=appointment, min_group_size=3)


@pytest.fixture
def client(review) -> Client:
    client = Client()
    client.force_login(
        review.appointment.partnership.area.rep_assignments.get().person.user
    )
    return client


def url(name: str, review: Review) -> str:
    return reverse(f"reviews:{name}", args=[review.pk])


def actions(review: Review) -> list[str]:
    return list(review.events.order_by("at").values_list("action", flat=True))


def test_closing_asks_first_and_says_what_will_count(client, review):
    ResponseFactory.create_batch(2, review=review)
    ResponseFactory(review=review, status="draft", submitted_at=None)
    InvitationFactory(review=review)
    page = client.get(url("review-close", review))
    text = page.content.decode()
    assert page.status_code == 200
    assert "<strong>2</strong> submitted responses" in text
    assert "<strong>1</strong> started but not submitted" in text
    assert "<strong>1</strong> invited person has not answered" in text
    review.refresh_from_db()
    assert review.is_open, "asking does not close"

    client.post(url("review-close", review))
    client.post(url("review-close", review))
    review.refresh_from_db()
    assert review.is_closed
    assert actions(review) == [AuditEvent.Action.CLOSED]


def test_release_says_who_will_see_what_with_counts(client, review):
    partnership = review.appointment.partnership
    for _ in range(2):
        MembershipFactory(
            partnership=partnership, person=PersonFactory(user=UserFactory())
        )
    MembershipFactory(partnership=partnership)  # no account: not counted
    StaffRoleFactory(
        organisation=review.appointment.organisation,
        person=PersonFactory(user=UserFactory()),
    )
    ResponseFactory.create_batch(2, review=review, perspective="member")
    ResponseFactory(review=review, perspective="lto_staff")
    client.post(url("review-close", review))

    text = client.get(url("review-release", review)).content.decode()
    assert "the <strong>3</strong> people who answered" in text
    assert "<strong>2</strong> partnership members with an account" in text
    assert "<strong>1</strong> LTO staff member with an account" in text
    assert "Partnership members (2): hidden, because fewer than 3 answered" in text
    assert "LTO staff (1): shown as that group's view at any size" in text
    review.refresh_from_db()
    assert not review.is_released, "asking does not release"


def test_release_can_be_withdrawn_and_released_again_all_audited(client, review):
    member = UserFactory()
    MembershipFactory(
        partnership=review.appointment.partnership, person=PersonFactory(user=member)
    )
    viewer = Client()
    viewer.force_login(member)
    released = url("review-released", review)
    client.post(url("review-close", review))

    client.post(url("review-release", review))
    client.post(url("review-release", review))
    assert viewer.get(released).status_code == 200

    assert (
        "Withdraw the release"
        in client.get(url("review-withdraw", review)).content.decode()
    )
    client.post(url("review-withdraw", review))
    assert viewer.get(released).status_code == 404
    review.refresh_from_db()
    assert not review.is_released and review.can_release

    client.post(url("review-release", review))
    assert viewer.get(released).status_code == 200
    assert actions(review) == [
        AuditEvent.Action.CLOSED,
        AuditEvent.Action.RELEASED,
        AuditEvent.Action.WITHDRAWN,
        AuditEvent.Action.RELEASED,
    ]


def test_the_review_page_links_to_the_questions_not_to_one_tap_buttons(client, review):
    page = client.get(url("review-detail", review)).content.decode()
    assert f'href="{url("review-close", review)}"' in page
    assert f'action="{url("review-close", review)}"' not in page
