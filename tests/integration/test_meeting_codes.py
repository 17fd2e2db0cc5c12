"""Meeting codes' rules, setting answers aside, and pseudonyms that cannot be linked."""

import datetime as dt

import pytest
from axes.helpers import get_client_ip_address
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from reviews.actions.responses import (
    MeetingCodeRefused,
    count_response_again,
    set_response_aside,
    start_meeting_response,
    submit_response,
)
from reviews.actions.workflow import open_review, update_review
from reviews.analysis import individual_labels
from reviews.exports import answers_csv
from reviews.models import AuditEvent, Review
from reviews.results.reading import read_review
from reviews.summaries import summarise_review
from tests.factories import (
    AppointmentFactory,
    ReviewFactory,
    UserFactory,
    big_local_v1,
    bulk_responses,
)
from tests.views.respond_helpers import answers, invite

pytestmark = pytest.mark.django_db


def opened(**code) -> Review:
    today = timezone.localdate()
    return open_review(
        appointment=AppointmentFactory(),
        actor=UserFactory(),
        purpose="regular",
        framework_version=big_local_v1(),
        asks_would_like=False,
        min_group_size=3,
        opens=today,
        closes=today + dt.timedelta(days=21),
        meeting_code_on=True,
        **code,
    )


def test_a_new_code_is_for_members_for_one_day():
    review = opened()
    assert review.meeting_code_perspectives == ["member"]
    left = review.meeting_code_expires - timezone.now()
    assert dt.timedelta(hours=23) < left <= dt.timedelta(days=1)
    assert review.meeting_code_live


def test_a_code_lasts_fourteen_days_at_most():
    review = opened(meeting_code_days=60)
    assert review.meeting_code_expires - timezone.now() <= dt.timedelta(days=14)


def test_switching_the_code_off_stops_it_and_is_audited():
    review = opened()
    update_review(review=review, actor=UserFactory(), meeting_code_on=False)
    assert not Review.objects.get(pk=review.pk).meeting_code_live
    assert review.events.filter(detail__contains="meeting code").exists()


def test_the_action_refuses_a_perspective_the_code_was_not_opened_for():
    review = opened()
    with pytest.raises(MeetingCodeRefused):
        start_meeting_response(review=review, perspective="rep")


def test_the_action_refuses_past_the_cap_and_after_expiry():
    review = opened(meeting_code_cap=1)
    started = start_meeting_response(review=review, perspective="member")
    submit_response(response=started)
    with pytest.raises(MeetingCodeRefused, match="full"):
        start_meeting_response(review=review, perspective="member")
    Review.objects.filter(pk=review.pk).update(meeting_code_expires=timezone.now())
    with pytest.raises(MeetingCodeRefused, match="ended"):
        start_meeting_response(review=review, perspective="member")


def test_a_set_aside_answer_leaves_results_exports_and_summaries_until_counted():
    review = ReviewFactory()
    bulk_responses(review, "member", [[5] * 10, [6] * 10])
    [stuffed] = bulk_responses(review, "member", [[1] * 10], via_meeting_code=True)
    rep = UserFactory()

    set_response_aside(response=stuffed, actor=rep, reason="Answered twice")

    data, result = read_review(review)
    assert stuffed.pk not in {r.id for r in data.responses}
    assert len({row.split(",")[0] for row in answers_csv(review).splitlines()}) == 3
    summarise_review(review)
    assert review.summary.responses == 2
    event = review.events.get(action=AuditEvent.Action.SET_ASIDE)
    assert event.actor == rep and "Answered twice" in event.detail

    count_response_again(response=stuffed, actor=rep)

    data, _ = read_review(review)
    assert stuffed.pk in {r.id for r in data.responses}
    assert review.events.filter(action=AuditEvent.Action.COUNTED_AGAIN).exists()


def test_released_results_cannot_have_answers_set_aside():
    review = ReviewFactory(status=Review.Status.CLOSED, released_at=timezone.now())
    [response] = bulk_responses(review, "member", [[5] * 10], via_meeting_code=True)
    with pytest.raises(MeetingCodeRefused):
        set_response_aside(response=response, actor=UserFactory(), reason="Late")


def test_pseudonym_order_is_independent_of_the_order_links_were_opened():
    review = ReviewFactory()
    opened_in_order = []
    for _ in range(8):
        browser = Client()
        invitation, token = invite(review)
        browser.get(reverse("reviews:respond-link", args=[token]))
        browser.post(
            reverse("reviews:respond", args=[review.pk]),
            answers(review, action="continue"),
        )
        browser.post(reverse("reviews:respond-submit", args=[review.pk]))
        opened_in_order.append(invitation.responses.get().pk)

    data, _ = read_review(review)
    labels = individual_labels(data.responses)
    numbered = [labels[pk] for pk in opened_in_order]
    in_opening_order = [f"Partnership member {n}" for n in range(1, 9)]
    # 1 chance in 40,320 that a random order is the opening order.
    assert numbered != in_opening_order
    assert sorted(numbered) == sorted(in_opening_order)
    # Fixed: reading again gives the same numbers.
    assert individual_labels(read_review(review)[0].responses) == labels
    csv_order = [line.split(",")[0] for line in answers_csv(review).splitlines()[1::10]]
    assert csv_order == in_opening_order


def test_login_throttling_reads_the_client_address_through_the_same_setting(settings):
    settings.TRUSTED_PROXY_HOPS = 1
    request = RequestFactory().post(
        "/accounts/login/",
        REMOTE_ADDR="10.9.9.9",
        HTTP_X_FORWARDED_FOR="192.0.2.1, 203.0.113.7",
    )
    assert get_client_ip_address(request) == "203.0.113.7"
    settings.TRUSTED_PROXY_HOPS = 0
    assert get_client_ip_address(request) == "10.9.9.9"


def test_a_first_submission_past_the_cap_is_refused_and_stays_a_draft():
    review = opened(meeting_code_cap=1)
    first = start_meeting_response(review=review, perspective="member")
    second = start_meeting_response(review=review, perspective="member")
    submit_response(response=first)
    with pytest.raises(MeetingCodeRefused, match="full"):
        submit_response(response=second)
    second.refresh_from_db()
    assert not second.is_submitted
    submit_response(response=first)  # submitting again is not a new place
