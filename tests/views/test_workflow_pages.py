"""The rep's pages through the test client: my areas, opening, inviting, the QR sheet,
revoking, and what close and release change for respondents and members."""

import base64
import datetime as dt
import io
import re

import pytest
import zxingcpp
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from reviews.models import AuditEvent, Invitation, Review
from reviews.responding.tokens import hash_token
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
    big_local_v1,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def rep():
    return UserFactory(username="rita")


@pytest.fixture
def appointment(rep):
    appointment = AppointmentFactory()
    RepAssignmentFactory(
        person=PersonFactory(user=rep, name="Rita Rep"),
        area=appointment.partnership.area,
    )
    return appointment


@pytest.fixture
def client(rep) -> Client:
    client = Client()
    client.force_login(rep)
    return client


def add_areas(rep, count: int) -> None:
    person = rep.person
    for _ in range(count):
        appointment = AppointmentFactory()
        RepAssignmentFactory(person=person, area=appointment.partnership.area)
        review = ReviewFactory(appointment=appointment)
        InvitationFactory(review=review)
        ResponseFactory(review=review)


def test_my_areas_shows_appointments_reviews_and_the_next_step(client, appointment):
    review = ReviewFactory(appointment=appointment)
    InvitationFactory(review=review)
    response = client.get(reverse("reviews:my-areas"))
    page = response.content.decode()
    assert str(appointment.organisation) in page
    assert review.title in page
    assert "1 invited people have not answered yet" in page
    assert reverse("reviews:review-open", args=[appointment.pk]) in page


def test_my_areas_runs_the_same_number_of_queries_for_more_areas(
    client, appointment, rep, django_assert_num_queries
):
    add_areas(rep, 2)
    with CaptureQueriesContext(connection) as small:
        assert client.get(reverse("reviews:my-areas")).status_code == 200
    add_areas(rep, 6)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(reverse("reviews:my-areas"))
    assert response.content.decode().count("Open a review<") == 9


def test_a_rep_opens_a_review_with_a_meeting_code(client, appointment):
    today = timezone.localdate()
    response = client.post(
        reverse("reviews:review-open", args=[appointment.pk]),
        {
            "purpose": "regular",
            "framework_version": big_local_v1().pk,
            "min_group_size": 3,
            "opens": today.isoformat(),
            "closes": (today + dt.timedelta(days=14)).isoformat(),
            "meeting_code_on": "on",
        },
    )
    review = Review.objects.get()
    assert response["Location"] == reverse("reviews:review-invite", args=[review.pk])
    assert review.meeting_code_active and review.created_by.username == "rita"
    detail = client.get(reverse("reviews:review-detail", args=[review.pk]))
    assert review.meeting_code in detail.content.decode()


def test_a_closing_date_before_the_opening_date_is_refused(client, appointment):
    today = timezone.localdate()
    response = client.post(
        reverse("reviews:review-open", args=[appointment.pk]),
        {
            "purpose": "regular",
            "framework_version": big_local_v1().pk,
            "min_group_size": 3,
            "opens": today.isoformat(),
            "closes": (today - dt.timedelta(days=1)).isoformat(),
        },
    )
    assert response.status_code == 200
    assert not Review.objects.exists()


def test_the_invite_page_offers_members_staff_and_workers_and_adds_others(
    client, appointment
):
    review = ReviewFactory(appointment=appointment)
    member = MembershipFactory(partnership=appointment.partnership).person
    staff = StaffRoleFactory(organisation=appointment.organisation).person
    page = client.get(reverse("reviews:review-invite", args=[review.pk]))
    assert member.name in page.content.decode()
    assert staff.name in page.content.decode()

    client.post(
        reverse("reviews:review-invite", args=[review.pk]),
        {
            "people": [f"{member.pk}:member", f"{staff.pk}:lto_staff"],
            "name": "Olu Outsider",
            "email": "olu@example.org",
            "perspective": "other",
        },
    )

    invited = dict(review.invitations.values_list("person__name", "perspective"))
    assert invited == {
        member.name: "member",
        staff.name: "lto_staff",
        "Olu Outsider": "other",
    }
    assert len(mail.outbox) == 3
    assert review.events.filter(action=AuditEvent.Action.INVITED).count() == 1


def decode_qr_codes(html: str) -> list[str]:
    found = []
    for data in re.findall(r'src="data:image/png;base64,([^"]+)"', html):
        image = Image.open(io.BytesIO(base64.b64decode(data))).convert("L")
        found += [code.text for code in zxingcpp.read_barcodes(image)]
    return found


def test_the_invitation_sheet_prints_one_scannable_code_per_person(
    client, appointment, settings
):
    review = ReviewFactory(appointment=appointment)
    first = InvitationFactory(review=review, person__email="")
    second = InvitationFactory(review=review)
    answered = InvitationFactory(review=review)
    ResponseFactory(review=review, invitation=answered)
    old_hash = first.token_hash

    chooser = client.get(reverse("reviews:review-invitation-sheet", args=[review.pk]))
    assert "earlier links for these people" in chooser.content.decode()
    assert answered.person.name not in chooser.content.decode()
    response = client.post(
        reverse("reviews:review-invitation-sheet", args=[review.pk]),
        {"invitations": [first.pk, second.pk]},
    )

    urls = decode_qr_codes(response.content.decode())
    assert len(urls) == 2
    prefix = settings.SITE_URL + "/r/"
    tokens = [url.removeprefix(prefix).rstrip("/") for url in urls]
    stored = set(Invitation.objects.filter(review=review).values_list("token_hash"))
    assert {(hash_token(t),) for t in tokens} <= stored
    for url in urls:
        assert url in response.content.decode(), "the short link is printed too"
    first.refresh_from_db()
    assert first.token_hash != old_hash
    assert "no-store" in response["Cache-Control"]


def test_a_revoked_link_stops_working(client, appointment):
    review = ReviewFactory(appointment=appointment)
    invitation = InvitationFactory(review=review, token="revoke-me-token")
    respondent = Client()
    assert respondent.get(reverse("reviews:respond-link", args=["revoke-me-token"]))[
        "Location"
    ] == reverse("reviews:respond", args=[review.pk])

    client.post(reverse("reviews:invitation-revoke", args=[invitation.pk]))

    invitation.refresh_from_db()
    assert invitation.revoked
    fresh = Client().get(reverse("reviews:respond-link", args=["revoke-me-token"]))
    assert fresh.status_code in (403, 404, 410)
    assert "Location" not in fresh


def test_resend_mails_a_new_link_and_the_old_one_stops_working(client, appointment):
    review = ReviewFactory(appointment=appointment)
    invitation = InvitationFactory(review=review, token="old-token")
    client.post(reverse("reviews:invitation-resend", args=[invitation.pk]))
    assert len(mail.outbox) == 1
    old = Client().get(reverse("reviews:respond-link", args=["old-token"]))
    assert old.status_code == 404


def test_the_remind_button_emails_only_those_who_have_not_answered(client, appointment):
    review = ReviewFactory(appointment=appointment)
    done = InvitationFactory(review=review, person__email="done@example.org")
    ResponseFactory(review=review, invitation=done)
    InvitationFactory(review=review, person__email="wait@example.org")
    client.post(reverse("reviews:review-remind", args=[review.pk]))
    assert [m.to for m in mail.outbox] == [["wait@example.org"]]


def test_progress_shows_who_answered_by_perspective_and_no_answers(client, appointment):
    review = ReviewFactory(appointment=appointment)
    done = InvitationFactory(review=review, person__name="Dee Done")
    ResponseFactory(review=review, invitation=done, comments="Secret comment")
    InvitationFactory(review=review, person__name="Wes Waiting", perspective="worker")
    ResponseFactory(review=review, perspective="lto_staff")
    page = client.get(reverse("reviews:review-detail", args=[review.pk]))
    html = page.content.decode()
    assert "Secret comment" not in html
    rows = re.findall(
        r"<tr><th scope=\"row\">([^<]+)</th><td[^>]*>(\d+)</td><td[^>]*>(\d+)", html
    )
    assert rows == [
        ("Partnership members", "1", "1"),
        ("LTO staff", "0", "1"),
        ("Workers", "1", "0"),
    ]
    assert re.search(
        r"Dee Done</th>\s*<td[^>]*>Partnership member</td>\s*<td[^>]*>Answered", html
    )
    assert re.search(
        r"Wes Waiting</th>\s*<td[^>]*>Worker</td>\s*<td[^>]*>Not yet", html
    )


def test_close_and_release_change_what_respondents_and_members_see(client, appointment):
    review = ReviewFactory(appointment=appointment)
    member_user = UserFactory(username="mo")
    MembershipFactory(
        person=PersonFactory(user=member_user), partnership=appointment.partnership
    )
    member = Client()
    member.force_login(member_user)
    invitation = InvitationFactory(review=review, token="respondent-token")
    respondent = Client()
    respondent.get(reverse("reviews:respond-link", args=["respondent-token"]))
    released_url = reverse("reviews:review-released", args=[review.pk])
    respond_url = reverse("reviews:respond", args=[review.pk])

    assert respondent.get(respond_url).status_code == 200
    assert member.get(released_url).status_code == 404
    assert respondent.get(released_url).status_code in (302, 404)

    client.post(reverse("reviews:review-close", args=[review.pk]))
    # No more editing: the respondent's pages lead to the wait for the results.
    results_url = reverse("reviews:respond-results", args=[review.pk])
    assert respondent.get(respond_url).url == results_url
    assert respondent.post(respond_url).status_code == 403
    assert member.get(released_url).status_code == 404, "closed is not released"
    assert not Review.objects.visible_to(member_user).exists()

    client.post(reverse("reviews:review-release", args=[review.pk]))
    assert member.get(released_url).status_code == 200
    assert respondent.get(released_url).status_code == 200
    assert list(Review.objects.visible_to(member_user)) == [review]
    assert invitation.review.events.count() == 2


def test_the_audit_page_lists_who_did_what(client, appointment):
    review = ReviewFactory(appointment=appointment)
    client.post(reverse("reviews:review-close", args=[review.pk]))
    page = client.get(reverse("reviews:review-audit", args=[review.pk]))
    assert "Closed the review" in page.content.decode()
    assert "rita" in page.content.decode()


def test_changing_the_closing_date_moves_the_links_expiry_and_is_audited(
    client, appointment
):
    review = ReviewFactory(appointment=appointment)
    invitation = InvitationFactory(review=review)
    new_close = review.closes + dt.timedelta(days=30)
    client.post(
        reverse("reviews:review-edit", args=[review.pk]),
        {
            "purpose": review.purpose,
            "title": review.title,
            "framework_version": review.framework_version_id,
            "min_group_size": 5,
            "opens": review.opens.isoformat(),
            "closes": new_close.isoformat(),
        },
    )
    review.refresh_from_db()
    invitation.refresh_from_db()
    assert (review.closes, review.min_group_size) == (new_close, 5)
    assert invitation.expires.date() > new_close
    event = review.events.get(action=AuditEvent.Action.EDITED)
    assert "closes" in event.detail and "min group size" in event.detail


def test_an_invitation_without_a_person_still_heads_its_row(client, appointment):
    review = ReviewFactory(appointment=appointment)
    InvitationFactory(review=review, person=None)
    body = client.get(reverse("reviews:review-detail", args=[review.pk])).content
    rows = re.findall(r'<th scope="row">([^<]*)</th>', body.decode())
    assert "" not in [row.strip() for row in rows]
    assert "Name not recorded" in rows
