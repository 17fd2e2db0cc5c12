"""The rep's side of a meeting code: its settings, the screen to project, and
answers through it counted by perspective, set aside and counted again."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from reviews.models import AuditEvent, Review
from tests.factories import (
    MembershipFactory,
    RepAssignmentFactory,
    ReviewFactory,
    UserFactory,
    bulk_responses,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def review() -> Review:
    return ReviewFactory(
        meeting_code="ABCD2345",
        meeting_code_active=True,
        meeting_code_perspectives=["member", "worker"],
        meeting_code_expires=timezone.now() + dt.timedelta(days=1),
        meeting_code_cap=30,
    )


def rep_of(review: Review):
    user = UserFactory()
    RepAssignmentFactory(person__user=user, area=review.appointment.partnership.area)
    return user


def test_the_review_page_states_the_codes_rules_and_links_to_the_screen(client, review):
    client.force_login(rep_of(review))
    page = client.get(reverse("reviews:review-detail", args=[review.pk])).content
    text = page.decode()
    assert "For Partnership members, Workers; at most 30 answers" in text
    assert reverse("reviews:review-meeting-code", args=[review.pk]) in text


def test_the_screen_shows_the_code_large_with_a_qr_code(client, review):
    client.force_login(rep_of(review))
    page = client.get(reverse("reviews:review-meeting-code", args=[review.pk]))
    text = page.content.decode()
    assert "ABCD 2345" in text
    assert 'src="data:image/png;base64,' in text
    assert "/meet/ABCD2345/" in text


def test_an_expired_code_has_no_qr_code_on_the_screen(client, review):
    Review.objects.filter(pk=review.pk).update(meeting_code_expires=timezone.now())
    client.force_login(rep_of(review))
    page = client.get(reverse("reviews:review-meeting-code", args=[review.pk]))
    assert "not taking answers" in page.content.decode()
    assert "data:image/png" not in page.content.decode()


def test_the_rep_sets_an_answer_aside_with_a_reason_and_counts_it_again(client, review):
    bulk_responses(review, "member", [[5] * 10])
    [coded] = bulk_responses(review, "member", [[1] * 10], via_meeting_code=True)
    client.force_login(rep_of(review))
    detail = reverse("reviews:review-detail", args=[review.pk])
    assert "Partnership member" in client.get(detail).content.decode()

    aside = reverse("reviews:response-set-aside", args=[coded.pk])
    assert "Error: " in client.post(aside, {"reason": ""}).content.decode()
    done = client.post(aside, {"reason": "Answered twice"}, follow=True)

    assert done.context["code_counts"][0].set_aside == 1
    assert "“Answered twice”" in done.content.decode()
    coded.refresh_from_db()
    assert coded.is_set_aside
    results = client.get(reverse("reviews:review-results", args=[review.pk]))
    assert results.context["results"].analysis.respondents["member"] == 1

    again = reverse("reviews:response-count-again", args=[coded.pk])
    client.post(again)
    coded.refresh_from_db()
    assert not coded.is_set_aside
    actions = set(review.events.values_list("action", flat=True))
    assert {AuditEvent.Action.SET_ASIDE, AuditEvent.Action.COUNTED_AGAIN} <= actions


def test_another_areas_rep_cannot_set_an_answer_aside(client, review):
    [coded] = bulk_responses(review, "member", [[1] * 10], via_meeting_code=True)
    client.force_login(rep_of(ReviewFactory()))
    url = reverse("reviews:response-set-aside", args=[coded.pk])
    assert client.post(url, {"reason": "Mine now"}).status_code == 404
    coded.refresh_from_db()
    assert not coded.is_set_aside


def test_an_invited_answer_cannot_be_set_aside_here(client, review):
    [invited] = bulk_responses(review, "member", [[5] * 10])
    client.force_login(rep_of(review))
    url = reverse("reviews:response-set-aside", args=[invited.pk])
    assert client.get(url).status_code == 404


def test_the_screen_of_a_review_without_a_code_offers_to_switch_one_on(client):
    review = ReviewFactory(meeting_code="")
    client.force_login(rep_of(review))
    page = client.get(reverse("reviews:review-meeting-code", args=[review.pk]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "This review has no meeting code" in text
    assert reverse("reviews:review-edit", args=[review.pk]) in text


def test_switching_a_code_on_proposes_a_cap_of_the_members_and_a_margin(client):
    review = ReviewFactory(meeting_code="")
    for _ in range(8):
        MembershipFactory(partnership=review.appointment.partnership)
    client.force_login(rep_of(review))
    page = client.get(reverse("reviews:review-edit", args=[review.pk]))
    text = page.content.decode()
    assert 'name="meeting_code_cap" value="13"' in text
    assert "We suggest 13: the partnership" in text
    assert "members and 5 more" in text


def test_a_cap_the_rep_cleared_on_a_live_code_stays_clear(client, review):
    Review.objects.filter(pk=review.pk).update(meeting_code_cap=None)
    client.force_login(rep_of(review))
    page = client.get(reverse("reviews:review-edit", args=[review.pk]))
    assert 'name="meeting_code_cap" value=' not in page.content.decode()
