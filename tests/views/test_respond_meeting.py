"""Meeting codes: type the code, choose a perspective, answer; wrong codes limited."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from reviews.models import MeetingCodeAttempt, Response, Review
from reviews.respondent import MEETING_CODE_MAX_FAILURES
from tests.factories import ReviewFactory

pytestmark = pytest.mark.django_db

MEET = reverse("reviews:meet")


def meeting_review(**kwargs) -> Review:
    return ReviewFactory(meeting_code="ABCD2345", meeting_code_active=True, **kwargs)


def join(client, code: str = "abcd-2345", perspective: str = "member"):
    reply = client.post(MEET, {"code": code})
    assert reply.status_code == 302, reply.content.decode()
    return client.post(reply.url, {"perspective": perspective})


def test_a_typed_code_leads_to_the_perspective_choice_then_the_questionnaire(client):
    review = meeting_review()
    reply = client.post(MEET, {"code": " abcd 2345 "})
    assert reply.url == reverse("reviews:meet-start", args=["ABCD2345"])
    page = client.get(reply.url).content.decode()
    assert "Choose your perspective" in page
    assert "may be recognisable" in page
    started = client.post(reply.url, {"perspective": "worker"})
    assert started.url == reverse("reviews:respond", args=[review.pk])
    response = Response.objects.get(review=review)
    assert response.perspective == "worker"
    assert response.meeting_key
    assert client.get(started.url).status_code == 200


def test_each_browser_gets_its_own_response(client):
    review = meeting_review()
    join(client)
    join(Client())
    assert Response.objects.filter(review=review).count() == 2


def test_returning_to_the_code_reopens_this_browsers_response(client):
    review = meeting_review()
    join(client)
    again = client.get(reverse("reviews:meet-start", args=["ABCD2345"]))
    assert again.url == reverse("reviews:respond", args=[review.pk])
    assert Response.objects.filter(review=review).count() == 1


def test_choosing_no_perspective_is_an_error(client):
    meeting_review()
    reply = client.post(reverse("reviews:meet-start", args=["ABCD2345"]), {})
    assert reply.status_code == 200
    assert "Error: " in reply.content.decode()
    assert 'href="#id_perspective_0"' in reply.content.decode()
    assert not Response.objects.exists()


def test_a_switched_off_code_is_not_recognised(client):
    meeting_review()
    Review.objects.update(meeting_code_active=False)
    reply = client.post(MEET, {"code": "ABCD2345"})
    assert reply.status_code == 200
    assert "We don&#x27;t recognise that code" in reply.content.decode()
    direct = client.get(reverse("reviews:meet-start", args=["ABCD2345"]))
    assert direct.status_code == 404
    assert not Response.objects.exists()


def test_a_code_for_a_closed_review_is_not_recognised(client):
    meeting_review(status=Review.Status.CLOSED)
    assert client.post(MEET, {"code": "ABCD2345"}).status_code == 200
    assert MeetingCodeAttempt.objects.filter(succeeded=False).count() == 1


def test_wrong_codes_are_rate_limited_per_address(client):
    meeting_review()
    for _ in range(MEETING_CODE_MAX_FAILURES):
        assert client.post(MEET, {"code": "WRONG999"}).status_code == 200
    blocked = client.post(MEET, {"code": "ABCD2345"})
    assert blocked.status_code == 429
    assert "Wait 10 minutes" in blocked.content.decode()
    guessing = client.get(reverse("reviews:meet-start", args=["ABCD2345"]))
    assert guessing.status_code == 429
    other_address = Client(REMOTE_ADDR="10.0.0.2")
    assert other_address.post(MEET, {"code": "ABCD2345"}).status_code == 302


def test_old_failures_no_longer_count(client):
    meeting_review()
    old = timezone.now() - dt.timedelta(minutes=11)
    MeetingCodeAttempt.objects.bulk_create(
        MeetingCodeAttempt(address="127.0.0.1", at=old) for _ in range(20)
    )
    assert client.post(MEET, {"code": "ABCD2345"}).status_code == 302


def test_guessing_codes_in_the_url_counts_as_failures(client):
    meeting_review()
    for _ in range(MEETING_CODE_MAX_FAILURES):
        assert (
            client.get(reverse("reviews:meet-start", args=["ZZZZ2222"])).status_code
            == 404
        )
    assert client.post(MEET, {"code": "ABCD2345"}).status_code == 429
