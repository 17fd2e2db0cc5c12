"""Meeting codes: type the code, choose a perspective, answer; wrong codes limited.

A right code always works; wrong codes are limited per client address (read
through a trusted proxy when there is one) and per typed code.
"""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from reviews.models import MeetingCodeAttempt, Response, Review
from reviews.responding.session import MEETING_CODE_MAX_FAILURES
from tests.factories import ReviewFactory, bulk_responses
from tests.views.respond_helpers import answers, url

pytestmark = pytest.mark.django_db

MEET = reverse("reviews:meet")
START = reverse("reviews:meet-start", args=["ABCD2345"])


def meeting_review(**kwargs) -> Review:
    kwargs.setdefault("meeting_code_perspectives", ["member", "worker"])
    kwargs.setdefault("meeting_code_expires", timezone.now() + dt.timedelta(days=1))
    return ReviewFactory(meeting_code="ABCD2345", meeting_code_active=True, **kwargs)


def join(client, code: str = "abcd-2345", perspective: str = "member"):
    reply = client.post(MEET, {"code": code})
    assert reply.status_code == 302, reply.content.decode()
    return client.post(reply.url, {"perspective": perspective})


def test_a_typed_code_leads_to_the_perspective_choice_then_the_questionnaire(client):
    review = meeting_review()
    reply = client.post(MEET, {"code": " abcd 2345 "})
    assert reply.url == START
    page = client.get(reply.url).content.decode()
    assert "Choose your perspective" in page
    assert "may be recognisable" in page
    started = client.post(reply.url, {"perspective": "worker"})
    assert started.url == reverse("reviews:respond", args=[review.pk])
    response = Response.objects.get(review=review)
    assert response.perspective == "worker"
    assert response.meeting_key
    assert response.via_meeting_code
    assert client.get(started.url).status_code == 200


def test_only_the_perspectives_the_rep_opened_are_offered():
    meeting_review(meeting_code_perspectives=["member"])
    page = Client().get(START).content.decode()
    assert 'value="member"' in page
    for other in ("lto_staff", "worker", "rep"):
        assert f'value="{other}"' not in page


@pytest.mark.parametrize("claimed", ["rep", "lto_staff", "worker"])
def test_a_perspective_the_code_does_not_allow_is_refused(client, claimed):
    meeting_review(meeting_code_perspectives=["member"])
    reply = client.post(START, {"perspective": claimed})
    assert reply.status_code == 200
    assert "This meeting code is not for that perspective" in reply.content.decode()
    assert not Response.objects.exists()


def test_each_browser_gets_its_own_response(client):
    review = meeting_review()
    join(client)
    join(Client())
    assert Response.objects.filter(review=review).count() == 2


def test_returning_to_the_code_reopens_this_browsers_response(client):
    review = meeting_review()
    join(client)
    again = client.get(START)
    assert again.url == reverse("reviews:respond", args=[review.pk])
    assert Response.objects.filter(review=review).count() == 1


def test_the_same_browser_without_its_session_still_gets_its_one_response(client):
    review = meeting_review()
    join(client)
    client.session.flush()
    client.cookies.pop("sessionid", None)
    again = client.post(START, {"perspective": "member"})
    assert again.url == reverse("reviews:respond", args=[review.pk])
    assert Response.objects.filter(review=review).count() == 1
    assert client.get(again.url).status_code == 200


def test_a_tampered_browser_cookie_starts_nothing_and_opens_nothing(client):
    review = meeting_review()
    join(client)
    client.cookies.pop("sessionid", None)
    client.cookies[f"meeting-{review.pk}"] = "ABCD2345:forged"
    assert client.get(reverse("reviews:respond", args=[review.pk])).status_code == 404


def test_the_code_refuses_new_browsers_once_its_cap_of_answers_is_submitted():
    review = meeting_review(meeting_code_cap=2)
    bulk_responses(review, "member", [[5] * 10] * 2, via_meeting_code=True)
    refused = Client().post(START, {"perspective": "member"})
    assert refused.status_code == 403
    assert "taken all the answers it allows" in refused.content.decode()
    assert Response.objects.filter(review=review).count() == 2


def test_started_empty_drafts_do_not_fill_the_cap():
    review = meeting_review(meeting_code_cap=2)
    for _ in range(5):
        join(Client())
    real_person = join(Client())
    assert real_person.url == reverse("reviews:respond", args=[review.pk])
    assert Response.objects.filter(review=review).count() == 6


def test_browsers_that_started_together_cannot_submit_past_the_cap():
    review = meeting_review(meeting_code_cap=2)
    browsers = [Client() for _ in range(3)]
    for browser in browsers:
        join(browser)
    for browser in browsers:
        browser.post(url("respond", review), answers(review, action="continue"))
    replies = [browser.post(url("respond-submit", review)) for browser in browsers]
    assert [r.status_code for r in replies] == [302, 302, 403]
    assert "taken all the answers it allows" in replies[2].content.decode()
    assert Response.objects.filter(review=review).counted().count() == 2
    assert Response.objects.filter(review=review).drafts().count() == 1


def test_a_draft_being_written_holds_a_place_for_half_an_hour():
    meeting_review(meeting_code_cap=1)
    join(Client())
    Response.objects.update(draft={"comments": "x"}, draft_saved_at=timezone.now())
    assert Client().post(START, {"perspective": "member"}).status_code == 403
    Response.objects.update(draft_saved_at=timezone.now() - dt.timedelta(minutes=31))
    assert Client().post(START, {"perspective": "member"}).status_code == 302


def test_setting_an_answer_aside_frees_its_place():
    review = meeting_review(meeting_code_cap=1)
    [answer] = bulk_responses(review, "member", [[5] * 10], via_meeting_code=True)
    assert Client().post(START, {"perspective": "member"}).status_code == 403
    Response.objects.filter(pk=answer.pk).update(set_aside_at=timezone.now())
    assert Client().post(START, {"perspective": "member"}).status_code == 302


def test_an_expired_code_says_it_has_ended(client):
    meeting_review(meeting_code_expires=timezone.now() - dt.timedelta(minutes=1))
    typed = client.post(MEET, {"code": "ABCD2345"})
    assert typed.status_code == 200
    assert "This meeting code has ended" in typed.content.decode()
    direct = client.post(START, {"perspective": "member"})
    assert direct.status_code == 410
    assert "This meeting code has ended" in direct.content.decode()
    assert not Response.objects.exists()
    assert not MeetingCodeAttempt.objects.exists()


def test_choosing_no_perspective_is_an_error(client):
    meeting_review()
    reply = client.post(START, {})
    assert reply.status_code == 200
    assert "Error: " in reply.content.decode()
    assert 'href="#id_perspective_0"' in reply.content.decode()
    assert not Response.objects.exists()


def test_a_switched_off_code_has_ended(client):
    meeting_review()
    Review.objects.update(meeting_code_active=False)
    reply = client.post(MEET, {"code": "ABCD2345"})
    assert reply.status_code == 200
    assert "This meeting code has ended" in reply.content.decode()
    assert client.get(START).status_code == 410
    assert not Response.objects.exists()


def test_a_code_for_a_closed_review_has_ended(client):
    meeting_review(status=Review.Status.CLOSED)
    reply = client.post(MEET, {"code": "ABCD2345"})
    assert "This meeting code has ended" in reply.content.decode()


def test_an_unknown_code_is_not_recognised_and_counted(client):
    meeting_review()
    reply = client.post(MEET, {"code": "WRONG999"})
    assert "We don&#x27;t recognise that code" in reply.content.decode()
    assert MeetingCodeAttempt.objects.filter(address="127.0.0.1").count() == 1


def test_ten_wrong_codes_then_the_right_one_from_the_same_address_is_accepted(client):
    meeting_review()
    for n in range(MEETING_CODE_MAX_FAILURES):
        assert client.post(MEET, {"code": f"WRONG{n:03d}"}).status_code == 200
    assert client.post(MEET, {"code": "ABCD2345"}).url == START
    assert join(client).status_code == 302


def test_past_ten_wrong_codes_more_guesses_from_that_address_get_429(client):
    meeting_review()
    for n in range(MEETING_CODE_MAX_FAILURES):
        client.post(MEET, {"code": f"WRONG{n:03d}"})
    blocked = client.post(MEET, {"code": "WRONG999"})
    assert blocked.status_code == 429
    guessing = client.get(reverse("reviews:meet-start", args=["ZZZZ2222"]))
    assert guessing.status_code == 429
    assert client.post(MEET, {"code": "ABCD2345"}).status_code == 302
    other_address = Client(REMOTE_ADDR="10.0.0.2")
    assert other_address.post(MEET, {"code": "WRONG999"}).status_code == 200


def test_a_throttled_connection_is_told_to_wait_and_keeps_what_it_typed(client):
    meeting_review()
    for n in range(MEETING_CODE_MAX_FAILURES):
        client.post(MEET, {"code": f"WRONG{n:03d}"})
    blocked = client.post(MEET, {"code": "ABCD2346"})
    text = blocked.content.decode()
    assert blocked.status_code == 429
    assert "Too many tries from this connection: wait 10 minutes or ask the rep" in text
    assert "recognise that code" not in text
    assert 'value="ABCD2346"' in text


def test_the_wait_counts_down_from_the_tenth_most_recent_wrong_try(client):
    meeting_review()
    earlier = timezone.now() - dt.timedelta(minutes=7, seconds=30)
    MeetingCodeAttempt.objects.bulk_create(
        MeetingCodeAttempt(address="127.0.0.1", code=f"W{n}", at=earlier)
        for n in range(MEETING_CODE_MAX_FAILURES)
    )
    blocked = client.get(reverse("reviews:meet-start", args=["ZZZZ2222"]))
    assert blocked.status_code == 429
    assert "wait 3 minutes or ask the rep" in blocked.content.decode()


def test_one_wrong_code_tried_from_many_addresses_is_limited():
    meeting_review()
    for n in range(MEETING_CODE_MAX_FAILURES):
        Client(REMOTE_ADDR=f"10.0.1.{n}").post(MEET, {"code": "WRONG999"})
    assert (
        Client(REMOTE_ADDR="10.0.2.1").post(MEET, {"code": "WRONG999"}).status_code
        == 429
    )
    assert (
        Client(REMOTE_ADDR="10.0.2.1").post(MEET, {"code": "WRONG998"}).status_code
        == 200
    )


def test_behind_a_trusted_proxy_two_clients_are_limited_separately(settings):
    settings.TRUSTED_PROXY_HOPS = 1
    meeting_review()
    proxy = {"REMOTE_ADDR": "10.9.9.9"}
    first = Client(HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy)
    second = Client(HTTP_X_FORWARDED_FOR="198.51.100.20", **proxy)
    for n in range(MEETING_CODE_MAX_FAILURES):
        first.post(MEET, {"code": f"WRONG{n:03d}"})
    assert first.post(MEET, {"code": "WRONG999"}).status_code == 429
    assert second.post(MEET, {"code": "WRONG999"}).status_code == 200
    assert set(MeetingCodeAttempt.objects.values_list("address", flat=True)) == {
        "203.0.113.7",
        "198.51.100.20",
    }


def test_a_forged_forwarded_entry_does_not_escape_the_limit(settings):
    settings.TRUSTED_PROXY_HOPS = 1
    meeting_review()
    proxy = {"REMOTE_ADDR": "10.9.9.9"}
    for n in range(MEETING_CODE_MAX_FAILURES):
        forged = f"192.0.2.{n}, 203.0.113.7"
        Client(HTTP_X_FORWARDED_FOR=forged, **proxy).post(MEET, {"code": f"W{n:03d}"})
    again = Client(HTTP_X_FORWARDED_FOR="192.0.2.99, 203.0.113.7", **proxy)
    assert again.post(MEET, {"code": "WRONG999"}).status_code == 429


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(settings):
    settings.TRUSTED_PROXY_HOPS = 0
    meeting_review()
    for n in range(MEETING_CODE_MAX_FAILURES):
        Client(headers={"x-forwarded-for": f"192.0.2.{n}"}).post(
            MEET, {"code": f"W{n:03d}"}
        )
    assert Client().post(MEET, {"code": "WRONG999"}).status_code == 429


def test_old_failures_no_longer_count_and_are_purged(client):
    meeting_review()
    old = timezone.now() - dt.timedelta(minutes=11)
    MeetingCodeAttempt.objects.bulk_create(
        MeetingCodeAttempt(address="127.0.0.1", at=old) for _ in range(20)
    )
    assert client.post(MEET, {"code": "WRONG999"}).status_code == 200
    assert MeetingCodeAttempt.objects.count() == 1


def test_guessing_codes_in_the_url_counts_as_failures(client):
    meeting_review()
    for _ in range(MEETING_CODE_MAX_FAILURES):
        wrong = client.get(reverse("reviews:meet-start", args=["ZZZZ2222"]))
        assert wrong.status_code == 404
    assert client.post(MEET, {"code": "WRONG999"}).status_code == 429
    assert client.get(START).status_code == 200
