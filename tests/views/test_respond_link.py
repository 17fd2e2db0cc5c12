"""Personal links: exchanged once for a session, and plain pages when they fail."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from reviews.models import Response, Review
from tests.factories import PersonFactory, RepAssignmentFactory, ReviewFactory
from tests.views.respond_helpers import invite

pytestmark = pytest.mark.django_db


def link(token: str) -> str:
    return reverse("reviews:respond-link", args=[token])


def test_a_valid_link_redirects_to_a_url_without_the_token(client):
    invitation, token = invite()
    reply = client.get(link(token))
    assert reply.status_code == 302
    assert reply.url == reverse("reviews:respond", args=[invitation.review_id])
    assert token not in reply.url
    assert reply["Referrer-Policy"] == "no-referrer"
    page = client.get(reply.url)
    assert page.status_code == 200
    assert token not in page.content.decode()


def test_first_use_creates_one_draft_response_and_records_when(client):
    invitation, token = invite(perspective="lto_staff")
    client.get(link(token))
    client.get(link(token))
    response = Response.objects.get(invitation=invitation)
    assert response.status == Response.Status.DRAFT
    assert response.perspective == "lto_staff"
    invitation.refresh_from_db()
    assert invitation.first_used is not None


def test_the_same_link_in_another_browser_reopens_the_same_response(client):
    from django.test import Client

    invitation, token = invite()
    client.get(link(token))
    other = Client()
    other.get(link(token))
    assert Response.objects.filter(invitation=invitation).count() == 1
    assert (
        other.get(reverse("reviews:respond", args=[invitation.review_id])).status_code
        == 200
    )


def test_an_unknown_link_is_a_404_that_names_no_review(client):
    review = ReviewFactory(title="Secret Street review")
    reply = client.get(link("not-a-real-token"))
    assert reply.status_code == 404
    body = reply.content.decode()
    assert "We don't recognise this link" in body
    assert review.title not in body


def test_a_tampered_link_is_treated_as_unknown(client):
    _, token = invite()
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    reply = client.get(link(tampered))
    assert reply.status_code == 404
    assert not Response.objects.exists()


def test_an_expired_link_is_gone_and_says_who_to_contact(client):
    review = ReviewFactory()
    rep = PersonFactory(name="Robin Rep", email="robin@example.org")
    RepAssignmentFactory(person=rep, area=review.appointment.partnership.area)
    _, token = invite(review, expires=timezone.now() - dt.timedelta(minutes=1))
    reply = client.get(link(token))
    assert reply.status_code == 410
    body = reply.content.decode()
    assert "This link has expired" in body
    assert "robin@example.org" in body
    assert not Response.objects.exists()


def test_a_revoked_link_is_gone(client):
    _, token = invite(revoked=True)
    reply = client.get(link(token))
    assert reply.status_code == 410
    assert "withdrawn" in reply.content.decode()


def test_a_link_to_a_closed_review_leads_to_the_wait_for_its_results(client):
    review = ReviewFactory(status=Review.Status.CLOSED)
    _, token = invite(review)
    reply = client.get(link(token), follow=True)
    assert reply.redirect_chain[-1][0] == reverse(
        "reviews:respond-results", args=[review.pk]
    )
    assert reply.status_code == 200
    assert "shared when the rep releases them" in reply.content.decode()


def test_a_link_to_a_review_not_yet_open_is_refused(client):
    _, token = invite(ReviewFactory(status=Review.Status.DRAFT))
    assert client.get(link(token)).status_code == 403


def test_the_questionnaire_without_a_session_is_a_404(client):
    review = ReviewFactory()
    reply = client.get(reverse("reviews:respond", args=[review.pk]))
    assert reply.status_code == 404
    assert "open the personal link" in reply.content.decode().lower()


def test_a_session_for_one_review_does_not_open_another(client):
    invitation, token = invite()
    client.get(link(token))
    other = ReviewFactory()
    assert client.get(reverse("reviews:respond", args=[other.pk])).status_code == 404


def test_revoking_a_link_after_use_locks_this_browser_out(client):
    invitation, token = invite()
    client.get(link(token))
    invitation.revoked = True
    invitation.save()
    reply = client.get(reverse("reviews:respond", args=[invitation.review_id]))
    assert reply.status_code == 404


def test_closing_the_review_stops_editing_from_an_open_session(client):
    invitation, token = invite()
    client.get(link(token))
    Review.objects.filter(pk=invitation.review_id).update(status=Review.Status.CLOSED)
    reply = client.get(reverse("reviews:respond", args=[invitation.review_id]))
    assert reply.url == reverse("reviews:respond-results", args=[invitation.review_id])
    posted = client.post(reverse("reviews:respond", args=[invitation.review_id]))
    assert posted.status_code == 403
