"""Autosave keeps the questionnaire as a draft in one write (issue 15, point 4).

The draft is apart from the answers: the page shows it back, Continue and Submit
replace it with stored answers, and results and exports never read it.
"""

import csv as csv_module
import datetime as dt
import io
import re
from urllib.parse import urlencode

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from reviews.models import Answer, Invitation, Response, Review
from reviews.responding.drafts import forget_shapes
from tests.factories import ReviewFactory, framework_version, programme_staff_user
from tests.views.respond_helpers import (
    answers,
    invite,
    is_checked,
    start,
    stored,
    url,
)

pytestmark = pytest.mark.django_db

FORM_ENCODED = "application/x-www-form-urlencoded"


def opened(client: Client, review: Review | None = None, **kwargs) -> Review:
    """A respondent who followed their link and has the questionnaire open."""
    review = start(client, review, **kwargs)
    assert client.get(url("respond", review)).status_code == 200
    return review


def test_an_autosave_is_a_session_read_and_one_write(client, django_assert_num_queries):
    review = opened(client)
    before = stored(review).updated
    # URL-encoded, as the page's script sends it.
    data = urlencode(answers(review, now="4", action="save"))
    with django_assert_num_queries(2) as queries:
        reply = client.post(url("respond-autosave", review), data, FORM_ENCODED)
    assert reply.status_code == 200
    assert reply.json()["saved"] is True
    assert queries.captured_queries[1]["sql"].startswith("UPDATE")
    response = stored(review)
    assert response.draft["answers"]["now-networks"] == "4"
    assert response.draft_saved_at is not None
    # A draft is no answer, and the results cache's key does not move.
    assert not Answer.objects.exists()
    assert response.updated == before


def test_a_process_that_has_not_shown_the_page_reads_the_statements_once(
    client, django_assert_max_num_queries
):
    review = opened(client)
    forget_shapes()
    reply = client.post(url("respond-autosave", review), {"now-networks": "9"})
    assert reply.status_code == 200
    assert stored(review).draft["answers"] == {"now-networks": "9"}
    with django_assert_max_num_queries(2):
        client.post(url("respond-autosave", review), {"now-networks": "8"})
    assert stored(review).draft["answers"] == {"now-networks": "8"}


def test_the_draft_comes_back_by_the_link_after_the_session_has_gone(client):
    invitation, token = invite()
    review = invitation.review
    client.get(reverse("reviews:respond-link", args=[token]))
    client.get(url("respond", review))
    data = {
        "then-networks": "2",
        "now-networks": "not_relevant",
        "comments": "Typed on the bus",
        "not_involved_at_start": "on",
    }
    assert client.post(url("respond-autosave", review), data).status_code == 200
    Session.objects.all().delete()

    later = Client()
    later.get(reverse("reviews:respond-link", args=[token]))
    body = later.get(url("respond", review)).content.decode()

    assert is_checked(body, "then-networks-2")
    assert is_checked(body, "now-networks-not_relevant")
    assert "Typed on the bus" in body
    assert re.search(r'id="id_not_involved_at_start"[^>]*checked', body)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("now-networks", "11"),
        ("now-networks", "0"),
        ("then-networks", "five"),
        ("comments", "x" * 5001),
        ("comments", "null \x00 character"),
    ],
)
def test_a_value_the_form_would_refuse_is_a_400_that_says_why(client, field, value):
    review = opened(client)
    data = {"then-governance-risk": "3", field: value}
    reply = client.post(url("respond-autosave", review), data)
    assert reply.status_code == 400
    body = reply.json()
    assert (body["saved"], body["reason"]) == (False, "invalid")
    assert list(body["errors"]) == [field]
    assert body["errors"][field][0]
    assert stored(review).draft is None


def test_the_reason_names_the_statement_and_the_choices(client):
    review = opened(client)
    reply = client.post(url("respond-autosave", review), {"now-networks": "11"})
    message = reply.json()["errors"]["now-networks"][0]
    statement = review.framework_version.statements.get(key="networks")
    assert message.startswith(f"Statement {statement.order}: “11” is not one of")


def test_names_that_are_not_answers_are_left_out(client):
    review = opened(client)
    data = {"now-networks": "5", "now-made-up": "5", "is_admin": "1", "action": "save"}
    assert client.post(url("respond-autosave", review), data).status_code == 200
    assert stored(review).draft["answers"] == {"now-networks": "5"}


def test_another_scale_is_checked_by_its_own_numbers(client):
    version = framework_version("small-fund", statements=3, scale_min=0, scale_max=5)
    review = opened(client, ReviewFactory(framework_version=version))
    ok = client.post(url("respond-autosave", review), {"now-s1": "0", "then-s3": "5"})
    assert ok.status_code == 200
    off = client.post(url("respond-autosave", review), {"now-s1": "6"})
    assert off.status_code == 400
    assert stored(review).draft["answers"] == {"now-s1": "0", "then-s3": "5"}


@pytest.mark.parametrize("shape_kept", [True, False])
def test_a_closed_review_refuses_the_autosave_with_403(client, shape_kept):
    review = opened(client)
    if not shape_kept:
        forget_shapes()
    Review.objects.filter(pk=review.pk).update(status=Review.Status.CLOSED)
    reply = client.post(url("respond-autosave", review), {"now-networks": "3"})
    assert reply.status_code == 403
    assert reply.json() == {"saved": False, "reason": "closed"}
    assert stored(review).draft is None


def test_an_expired_link_refuses_the_autosave_with_403(client):
    review = opened(client)
    Invitation.objects.filter(review=review).update(
        expires=timezone.now() - dt.timedelta(minutes=1)
    )
    reply = client.post(url("respond-autosave", review), {"now-networks": "3"})
    assert reply.status_code == 403
    assert stored(review).draft is None


def test_a_revoked_link_finds_no_response(client):
    review = opened(client)
    Invitation.objects.filter(review=review).update(revoked=True)
    reply = client.post(url("respond-autosave", review), {"now-networks": "3"})
    assert reply.status_code == 404
    assert stored(review).draft is None


def test_another_browser_cannot_autosave_into_a_response(client):
    review = opened(client)
    other = Client()
    reply = other.post(url("respond-autosave", review), {"now-networks": "3"})
    assert reply.status_code == 404
    assert stored(review).draft is None


def test_a_session_for_one_review_cannot_write_another_reviews_response(client):
    mine = opened(client)
    theirs = opened(Client())
    reply = client.post(url("respond-autosave", theirs), {"now-networks": "3"})
    assert reply.status_code == 404
    assert Response.objects.get(review=theirs).draft is None
    assert Response.objects.get(review=mine).draft is None


@pytest.mark.parametrize("action", ["continue", "save"])
def test_storing_the_answers_clears_the_draft(client, action):
    review = opened(client)
    client.post(url("respond-autosave", review), answers(review, now="2"))
    reply = client.post(url("respond", review), {**answers(review), "action": action})
    assert reply.status_code == 302
    response = stored(review)
    assert (response.draft, response.draft_saved_at) == (None, None)
    assert response.answers.filter(now_rating=7).count() == 10
    body = client.get(url("respond", review)).content.decode()
    assert is_checked(body, "now-networks-7")


def test_submitting_clears_a_draft_saved_after_continue(client):
    review = opened(client)
    client.post(url("respond", review), {**answers(review), "action": "continue"})
    client.post(url("respond-autosave", review), answers(review, now="2"))
    client.post(url("respond-submit", review))
    response = stored(review)
    assert response.is_submitted and response.draft is None
    assert response.answers.filter(now_rating=7).count() == 10


def test_a_submitted_response_shows_its_draft_and_keeps_its_answers(client):
    review = opened(client)
    client.post(url("respond", review), {**answers(review), "action": "continue"})
    client.post(url("respond-submit", review))
    client.post(url("respond-autosave", review), answers(review, now="2"))
    body = client.get(url("respond", review)).content.decode()
    assert is_checked(body, "now-networks-2")
    response = stored(review)
    assert response.is_submitted
    assert response.answers.filter(now_rating=7).count() == 10


def test_a_draft_never_reaches_the_results_or_the_csv(client):
    review = opened(client)
    client.post(
        url("respond", review),
        {**answers(review), "comments": "Stored comment", "action": "continue"},
    )
    client.post(url("respond-submit", review))
    draft = answers(review, now="1", comments="Only in the draft")
    assert client.post(url("respond-autosave", review), draft).status_code == 200
    assert stored(review).draft["comments"] == "Only in the draft"

    staff = Client()
    staff.force_login(programme_staff_user())
    results = staff.get(url("review-results", review)).content.decode()
    export = staff.get(url("review-export", review)).content.decode()

    assert "Stored comment" in results and "Only in the draft" not in results
    rows = list(csv_module.DictReader(io.StringIO(export.lstrip("\ufeff"))))
    assert len(rows) == 10
    assert {row["now"] for row in rows} == {"7"}


def test_a_meeting_code_browser_without_its_session_autosaves_into_its_response(
    client,
):
    review = ReviewFactory(
        meeting_code="ABCD2345",
        meeting_code_active=True,
        meeting_code_perspectives=["member"],
        meeting_code_expires=timezone.now() + dt.timedelta(days=1),
    )
    code = client.post(reverse("reviews:meet"), {"code": "abcd-2345"})
    client.post(code.url, {"perspective": "member"})
    assert client.get(url("respond", review)).status_code == 200
    client.cookies.pop("sessionid", None)
    reply = client.post(url("respond-autosave", review), {"now-networks": "6"})
    assert reply.status_code == 200
    assert stored(review).draft["answers"] == {"now-networks": "6"}
    assert stored(review).via_meeting_code
