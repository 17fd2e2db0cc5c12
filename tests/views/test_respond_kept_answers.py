"""Nothing typed is lost when the session has gone (issue 13, item 8).

The session is expired between typing and Continue by deleting its row, as a
server would after SESSION_COOKIE_AGE or a cleared session table.
"""

import datetime as dt

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from reviews.models import Answer, Response, Review
from reviews.responding.session import answers_marker
from tests.factories import ReviewFactory
from tests.views.respond_helpers import answers, invite

pytestmark = pytest.mark.django_db


def url(name: str, review: Review) -> str:
    return reverse(f"reviews:{name}", args=[review.pk])


def expire_sessions() -> None:
    Session.objects.all().delete()


def typed_answers(review: Review, response: Response) -> dict:
    return answers(
        review, now="3", comments="Typed before the session went", action="continue"
    ) | {"answers_for": answers_marker(response)}


def test_continue_after_the_session_has_gone_keeps_the_answers_for_the_link(client):
    invitation, token = invite()
    review = invitation.review
    client.get(reverse("reviews:respond-link", args=[token]))
    response = Response.objects.get(review=review)
    expire_sessions()

    kept = client.post(url("respond", review), typed_answers(review, response))

    assert kept.status_code == 403
    body = kept.content.decode()
    assert "Your answers are kept in this browser" in body
    assert "Open the personal link from your invitation again" in body
    assert not Answer.objects.exists()

    reopened = client.get(reverse("reviews:respond-link", args=[token]))
    page = client.get(reopened.url)
    assert page.status_code == 200
    assert "We have put back the answers you typed" in page.content.decode()
    assert "Typed before the session went" in page.content.decode()
    response.refresh_from_db()
    assert response.comments == "Typed before the session went"
    assert set(response.answers.values_list("now_rating", flat=True)) == {3}
    # Put back once: the next visit reads what is stored.
    again = client.get(url("respond", review)).content.decode()
    assert "We have put back" not in again


def test_autosave_after_the_session_has_gone_keeps_the_answers_too(client):
    invitation, token = invite()
    review = invitation.review
    client.get(reverse("reviews:respond-link", args=[token]))
    response = Response.objects.get(review=review)
    expire_sessions()
    data = typed_answers(review, response)
    assert client.post(url("respond-autosave", review), data).status_code == 403
    client.get(reverse("reviews:respond-link", args=[token]))
    client.get(url("respond", review))
    assert response.answers.count() == review.framework_version.statements.count()


def test_kept_answers_go_back_only_into_the_response_they_were_typed_for(client):
    invitation, token = invite()
    review = invitation.review
    client.get(reverse("reviews:respond-link", args=[token]))
    first = Response.objects.get(review=review)
    expire_sessions()
    client.post(url("respond", review), typed_answers(review, first))
    # Someone else opens their own link for the same review in this browser.
    _, other_token = invite(review)
    client.get(reverse("reviews:respond-link", args=[other_token]))
    page = client.get(url("respond", review)).content.decode()
    assert "We have put back" not in page
    assert not Answer.objects.exists()


def test_a_post_without_a_valid_marker_is_not_kept(client):
    review = ReviewFactory()
    data = answers(review) | {"answers_for": "forged"}
    reply = client.post(url("respond", review), data)
    assert reply.status_code == 404


def test_a_meeting_code_browser_carries_on_after_its_session_has_gone(client):
    review = ReviewFactory(
        meeting_code="ABCD2345",
        meeting_code_active=True,
        meeting_code_perspectives=["member"],
        meeting_code_expires=timezone.now() + dt.timedelta(days=1),
    )
    start = reverse("reviews:meet-start", args=["ABCD2345"])
    client.post(start, {"perspective": "member"})
    response = Response.objects.get(review=review)
    expire_sessions()

    reply = client.post(url("respond", review), typed_answers(review, response))

    assert reply.url == url("respond-check", review)
    response.refresh_from_db()
    assert response.comments == "Typed before the session went"
    assert Response.objects.filter(review=review).count() == 1
    # Another browser with the code is another response, not this one.
    assert Client().get(url("respond", review)).status_code == 404
