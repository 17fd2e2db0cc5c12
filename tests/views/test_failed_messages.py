"""What the rep and Local Trust staff see of emails: counts by perspective on the
review page, and one programme-wide list of what could not be sent."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from reviews.models import OutgoingMessage
from tests.factories import (
    AppointmentFactory,
    InvitationFactory,
    PersonFactory,
    RepAssignmentFactory,
    ReviewFactory,
    UserFactory,
    programme_staff_user,
)

pytestmark = pytest.mark.django_db

Status = OutgoingMessage.Status
FAILED_PAGE = reverse("reviews:failed-messages")


def message(review, perspective: str, status: str, email: str) -> OutgoingMessage:
    invitation = InvitationFactory(
        review=review, perspective=perspective, person=PersonFactory(email=email)
    )
    return OutgoingMessage.objects.create(
        kind="invitation",
        status=status,
        review=review,
        invitation=invitation,
        person=invitation.person,
        attempts=4 if status == Status.FAILED else 1,
        last_error="SMTPRecipientsRefused 550" if status == Status.FAILED else "",
        claimed_at=timezone.now() if status == Status.SENDING else None,
    )


@pytest.fixture
def review():
    appointment = AppointmentFactory()
    rep = UserFactory(username="rita")
    RepAssignmentFactory(
        person=PersonFactory(user=rep, name="Rita Rep"),
        area=appointment.partnership.area,
    )
    return ReviewFactory(appointment=appointment)


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_review_page_counts_emails_by_perspective_and_offers_to_resend_failed(
    review,
):
    message(review, "member", Status.SENT, "a@example.org")
    message(review, "member", Status.FAILED, "b@example.org")
    message(review, "member", Status.SENDING, "c@example.org")
    message(review, "lto_staff", Status.QUEUED, "d@example.org")
    rep = review.appointment.partnership.area.rep_assignments.get().person.user

    page = signed_in(rep).get(reverse("reviews:review-detail", args=[review.pk]))

    html = page.content.decode()
    table = html[
        html.index('id="emails"') : html.index("</table>", html.index('id="emails"'))
    ]
    cells = [row.split("<td")[1:] for row in table.split("<tr>")[2:]]
    numbers = [[c.split(">")[1].split("<")[0] for c in row] for row in cells]
    assert numbers == [["1", "1", "1"], ["1", "0", "0"]]  # queued, sent, failed
    assert "1 message could not be sent." in html
    assert "Send it again" in html
    assert "b@example.org" not in html


def test_the_review_page_offers_no_resend_when_nothing_failed(review):
    message(review, "member", Status.SENT, "a@example.org")
    rep = review.appointment.partnership.area.rep_assignments.get().person.user

    page = signed_in(rep).get(reverse("reviews:review-detail", args=[review.pk]))

    assert "again</button>" not in page.content.decode()


def test_staff_see_every_failed_message_across_the_programme(review):
    message(review, "member", Status.FAILED, "b@example.org")
    message(ReviewFactory(), "member", Status.FAILED, "e@example.org")
    message(review, "member", Status.SENT, "a@example.org")

    page = signed_in(programme_staff_user()).get(FAILED_PAGE)

    html = page.content.decode()
    assert "2 messages." in html
    assert "b@example.org" in html and "e@example.org" in html
    assert "a@example.org" not in html
    assert "SMTPRecipientsRefused 550" in html


def test_a_rep_gets_404_for_the_failed_messages_page(review):
    rep = review.appointment.partnership.area.rep_assignments.get().person.user

    assert signed_in(rep).get(FAILED_PAGE).status_code == 404


def test_the_failed_messages_page_runs_the_same_queries_for_more_rows(
    review, django_assert_num_queries
):
    staff = signed_in(programme_staff_user())
    message(review, "member", Status.FAILED, "b@example.org")
    with CaptureQueriesContext(connection) as few:
        staff.get(FAILED_PAGE)
    for n in range(6):
        message(ReviewFactory(), "member", Status.FAILED, f"x{n}@example.org")

    with django_assert_num_queries(len(few.captured_queries)):
        assert staff.get(FAILED_PAGE).status_code == 200
