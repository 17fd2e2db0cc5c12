"""A respondent's own link through a review's life: the questionnaire while open,
the wait for results after close, the released results (with their own answers,
no login, nobody else's) after release, and the wait again after withdrawal.
The same for a meeting-code respondent's results link."""

import datetime as dt
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from reviews.models import Response, Review
from reviews.responding.tokens import hash_token
from tests.factories import ReviewFactory, bulk_responses
from tests.views.respond_helpers import answers, invite

pytestmark = pytest.mark.django_db

WAITING = "The results will be shared when the rep releases them"
SHARED = "Shared results:"


@pytest.fixture
def review():
    review = ReviewFactory(
        min_group_size=3,
        meeting_code="ABCD2345",
        meeting_code_active=True,
        meeting_code_perspectives=["member"],
        meeting_code_expires=timezone.now() + dt.timedelta(days=1),
    )
    bulk_responses(review, "member", [[3] * 10, [4] * 10, [5] * 10])
    bulk_responses(review, "lto_staff", [[9] * 10])
    return review


def link(token: str) -> str:
    return reverse("reviews:respond-link", args=[token])


def answer(client: Client, review: Review, **kwargs) -> None:
    url = reverse("reviews:respond", args=[review.pk])
    reply = client.post(url, {**answers(review, **kwargs), "action": "continue"})
    assert reply.status_code == 302
    client.post(reverse("reviews:respond-submit", args=[review.pk]))


def close(review: Review) -> None:
    Review.objects.filter(pk=review.pk).update(status=Review.Status.CLOSED)


def release(review: Review, at: dt.datetime | None = None) -> None:
    Review.objects.filter(pk=review.pk).update(
        status=Review.Status.CLOSED, released_at=at or timezone.now()
    )


def withdraw(review: Review) -> None:
    Review.objects.filter(pk=review.pk).update(released_at=None)


def open_fresh(url: str):
    """Open a link in a browser that has never seen the site."""
    return Client().get(url, follow=True)


def assert_released_with_own_answers(page, now: str) -> None:
    body = page.content.decode()
    assert page.status_code == 200
    assert SHARED in body
    assert "Your own answers" in body
    assert "/accounts/login" not in page.redirect_chain[-1][0]
    own = page.context["own"]["rows"]
    assert [str(cells[1]) for _, cells in own] == [now] * 10
    # Nothing individual about anyone else: no pseudonyms, no dot plots.
    assert "Partnership member 1" not in body
    assert "individual-" not in body
    assert "dots-now" not in body


def test_a_personal_link_opens_the_questionnaire_before_close(client, review):
    _, token = invite(review)
    reply = client.get(link(token))
    assert reply.url == reverse("reviews:respond", args=[review.pk])
    assert "Your view of the relationship" in client.get(reply.url).content.decode()


def test_a_personal_link_after_close_says_results_wait_for_release(client, review):
    _, token = invite(review)
    client.get(link(token))
    answer(client, review)
    close(review)
    page = open_fresh(link(token))
    assert page.status_code == 200
    body = page.content.decode()
    assert WAITING in body
    assert "This review has closed" in body
    assert SHARED not in body


def test_a_personal_link_after_release_opens_results_and_own_answers(client, review):
    _, token = invite(review)
    client.get(link(token))
    answer(client, review, now="8")
    release(review)
    assert_released_with_own_answers(open_fresh(link(token)), now="8")


def test_the_answering_browser_also_reaches_the_released_results(client, review):
    _, token = invite(review)
    client.get(link(token))
    answer(client, review, now="8")
    release(review)
    results = reverse("reviews:respond-results", args=[review.pk])
    assert client.get(reverse("reviews:respond", args=[review.pk])).url == results
    assert SHARED in client.get(results).content.decode()


def test_a_respondent_never_sees_another_respondents_own_answers(review):
    _, first = invite(review)
    _, second = invite(review)
    for token, now in ((first, "2"), (second, "10")):
        browser = Client()
        browser.get(link(token))
        answer(browser, review, now=now)
    release(review)
    assert_released_with_own_answers(open_fresh(link(first)), now="2")
    assert_released_with_own_answers(open_fresh(link(second)), now="10")


def test_an_invited_person_who_never_answered_sees_the_results_alone(review):
    _, token = invite(review)
    release(review)
    page = open_fresh(link(token))
    assert SHARED in page.content.decode()
    assert page.context["own"] is None
    assert not Response.objects.filter(invitation__isnull=False).exists()


def test_after_withdrawal_the_link_says_the_results_wait_again(client, review):
    _, token = invite(review)
    client.get(link(token))
    answer(client, review)
    release(review)
    withdraw(review)
    page = open_fresh(link(token))
    assert WAITING in page.content.decode()
    assert SHARED not in page.content.decode()
    assert (
        WAITING
        in client.get(
            reverse("reviews:respond-results", args=[review.pk])
        ).content.decode()
    )


def test_a_link_keeps_opening_results_long_after_the_invitation_expired(review):
    # The invitation expired (close + 90 days) long ago; release was 300 days ago.
    _, token = invite(review, expires=timezone.now() - dt.timedelta(days=200))
    release(review, at=timezone.now() - dt.timedelta(days=300))
    assert SHARED in open_fresh(link(token)).content.decode()


def test_a_link_stops_opening_results_after_the_set_lifetime(settings, review):
    settings.RESULTS_LINK_LIFETIME = dt.timedelta(days=365)
    _, token = invite(review, expires=timezone.now() - dt.timedelta(days=300))
    release(review, at=timezone.now() - dt.timedelta(days=366))
    page = open_fresh(link(token))
    assert page.status_code == 410
    assert SHARED not in page.content.decode()


def test_a_revoked_link_opens_no_results(review):
    _, token = invite(review, revoked=True)
    release(review)
    assert open_fresh(link(token)).status_code == 410


def test_the_results_route_without_a_link_is_a_404(client, review):
    release(review)
    reply = client.get(reverse("reviews:respond-results", args=[review.pk]))
    assert reply.status_code == 404
    assert SHARED not in reply.content.decode()


def test_a_link_to_one_review_opens_no_other_reviews_results(client, review):
    other = ReviewFactory(released_at=timezone.now(), status=Review.Status.CLOSED)
    _, token = invite(review)
    release(review)
    client.get(link(token))
    reply = client.get(reverse("reviews:respond-results", args=[other.pk]))
    assert reply.status_code == 404


# The meeting-code respondent's results link.


def answer_by_code(client: Client, review: Review, now: str = "7") -> str:
    """Join by the meeting code, answer, submit; return the results link shown."""
    started = client.post(reverse("reviews:meet"), {"code": "ABCD2345"})
    client.post(started.url, {"perspective": "member"})
    answer(client, review, now=now)
    thanks = client.get(reverse("reviews:respond-thanks", args=[review.pk]))
    body = thanks.content.decode()
    assert "We show this link only once" in body
    assert 'src="data:image/png;base64,' in body
    found = re.search(r'href="https?://[^"/]+(/results/[^"/]+/)"', body)
    assert found, body
    return found.group(1)


def test_the_thank_you_page_shows_a_results_link_once(client, review):
    url = answer_by_code(client, review)
    again = client.get(reverse("reviews:respond-thanks", args=[review.pk]))
    assert url not in again.content.decode()
    assert "Make a new results link" in again.content.decode()


def test_the_results_link_is_stored_only_as_a_hash(client, review):
    url = answer_by_code(client, review)
    secret = url.split("/")[2]
    response = Response.objects.get(via_meeting_code=True)
    assert response.results_secret_hash == hash_token(secret)
    stored = [str(v) for v in Response.objects.values_list().get(pk=response.pk)]
    assert not any(secret in value for value in stored)


def test_each_meeting_code_response_gets_its_own_results_link(review):
    first, second = answer_by_code(Client(), review), answer_by_code(Client(), review)
    assert first != second
    hashes = Response.objects.through_code().values_list(
        "results_secret_hash", flat=True
    )
    assert len(set(hashes)) == 2


def test_the_results_link_opens_nothing_before_release(client, review):
    url = answer_by_code(client, review)
    page = open_fresh(url)
    assert WAITING in page.content.decode()
    assert "Your view of the relationship" not in page.content.decode()
    # It gives no way to change the answers either.
    fresh = Client()
    fresh.get(url)
    reply = fresh.get(reverse("reviews:respond", args=[review.pk]))
    assert reply.status_code == 404
    close(review)
    assert WAITING in open_fresh(url).content.decode()


def test_the_results_link_opens_released_results_then_waits_after_withdrawal(
    client, review
):
    url = answer_by_code(client, review, now="6")
    release(review)
    assert_released_with_own_answers(open_fresh(url), now="6")
    withdraw(review)
    assert WAITING in open_fresh(url).content.decode()


def test_an_unknown_results_link_is_a_404(client, review):
    answer_by_code(client, review)
    release(review)
    page = open_fresh(reverse("reviews:results-link", args=["not-the-secret"]))
    assert page.status_code == 404
    assert SHARED not in page.content.decode()


def test_a_new_results_link_replaces_the_old_one(client, review):
    old = answer_by_code(client, review)
    reply = client.post(reverse("reviews:respond-new-results-link", args=[review.pk]))
    new = re.search(r'href="https?://[^"/]+(/results/[^"/]+/)"', reply.content.decode())
    assert new and new.group(1) != old
    release(review)
    assert open_fresh(old).status_code == 404
    assert SHARED in open_fresh(new.group(1)).content.decode()


def test_a_personal_links_thank_you_page_says_the_link_will_open_results(
    client, review
):
    _, token = invite(review)
    client.get(link(token))
    answer(client, review)
    page = client.get(reverse("reviews:respond-thanks", args=[review.pk]))
    assert "the personal link from your invitation will open them" in (
        page.content.decode()
    )
    assert "/results/" not in page.content.decode()
