"""Response writes: drafts replace answers; submits are idempotent, even at once."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from reviews.actions.responses import (
    open_invited_response,
    save_answers,
    submit_response,
)
from reviews.models import Answer, Response
from tests.factories import ReviewFactory
from tests.views.respond_helpers import answers, invite


@pytest.fixture
def framework(framework_rows) -> None:
    """These tests run in real transactions (concurrent writers)."""


def statement_ids(review) -> list[int]:
    return list(review.framework_version.statements.values_list("pk", flat=True))


@pytest.mark.django_db
def test_saving_replaces_the_previous_snapshot_of_answers():
    invitation, _ = invite()
    response = open_invited_response(invitation=invitation)
    ids = statement_ids(invitation.review)
    save_answers(
        response=response,
        answers={ids[0]: {"then": "3", "now": "dont_know"}, ids[1]: {"now": "9"}},
        not_involved_at_start=False,
        comments="first",
    )
    save_answers(
        response=response,
        answers={ids[1]: {"now": "not_relevant"}},
        not_involved_at_start=True,
        comments="second",
    )
    response.refresh_from_db()
    assert response.comments == "second"
    assert response.not_involved_at_start
    only = response.answers.get()
    assert (only.statement_id, only.now_rating, only.now_state) == (
        ids[1],
        None,
        "not_relevant",
    )


@pytest.mark.django_db
def test_saving_writes_only_the_answers_that_changed():
    invitation, _ = invite()
    response = open_invited_response(invitation=invitation)
    ids = statement_ids(invitation.review)
    draft = {ids[0]: {"now": "3"}, ids[1]: {"now": "9"}}
    save_answers(
        response=response, answers=draft, not_involved_at_start=False, comments=""
    )
    kept = response.answers.get(statement_id=ids[0])
    before = Response.objects.get(pk=response.pk).updated

    # The same snapshot again writes nothing, so `updated` stays put.
    save_answers(
        response=response, answers=draft, not_involved_at_start=False, comments=""
    )
    unchanged = Response.objects.get(pk=response.pk).updated
    save_answers(
        response=response,
        answers={ids[0]: {"now": "3"}, ids[1]: {"now": "dont_know"}},
        not_involved_at_start=False,
        comments="",
    )

    assert unchanged == before
    assert Response.objects.get(pk=response.pk).updated > before
    assert response.answers.get(statement_id=ids[0]).pk == kept.pk
    changed = response.answers.get(statement_id=ids[1])
    assert (changed.now_rating, changed.now_state) == (None, "dont_know")


@pytest.mark.django_db
def test_submitting_again_keeps_the_first_submission_time():
    invitation, _ = invite()
    response = open_invited_response(invitation=invitation)
    first = submit_response(response=response).submitted_at
    again = submit_response(response=response)
    assert again.submitted_at == first
    assert again.status == Response.Status.SUBMITTED


def run_together(*calls) -> list:
    """Start every call at the same moment in its own thread; return results."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            results[index] = call()
        except Exception as error:  # noqa: BLE001 - reported by the test
            results[index] = error
        finally:
            connection.close()

    threads = [
        threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_two_browsers_opening_a_new_link_at_once_make_one_response(framework):
    invitation, token = invite()
    link = reverse("reviews:respond-link", args=[token])
    replies = run_together(lambda: Client().get(link), lambda: Client().get(link))
    assert [reply.status_code for reply in replies] == [302, 302]
    assert Response.objects.filter(invitation=invitation).count() == 1


def test_two_concurrent_submits_of_the_same_response_make_one_response(framework):
    invitation, token = invite(ReviewFactory())
    review = invitation.review
    first, second = Client(), Client()
    first.get(reverse("reviews:respond-link", args=[token]))
    second.cookies = first.cookies
    respond = reverse("reviews:respond", args=[review.pk])
    submit = reverse("reviews:respond-submit", args=[review.pk])
    data = {**answers(review), "action": "continue"}

    saves = run_together(
        lambda: first.post(respond, data), lambda: second.post(respond, data)
    )
    assert [reply.status_code for reply in saves] == [302, 302]
    submits = run_together(lambda: first.post(submit), lambda: second.post(submit))
    assert [reply.status_code for reply in submits] == [302, 302]

    response = Response.objects.get(review=review)
    assert response.status == Response.Status.SUBMITTED
    assert Answer.objects.filter(response=response).count() == 10
    assert Response.objects.count() == 1
