"""The QuerySet methods that each state one rule: which responses and answers
count, which were set aside, and which invitations (and the responses given
through them) the rep has not revoked."""

import pytest
from django.db.models import Count
from django.utils import timezone

from reviews.models import Answer, Invitation, Response, Review, not_revoked
from tests.factories import (
    AnswerFactory,
    InvitationFactory,
    ResponseFactory,
    ReviewFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def review():
    return ReviewFactory()


def test_counted_responses_leave_out_drafts_and_set_aside_ones(review):
    kept = ResponseFactory(review=review)
    ResponseFactory(review=review, status=Response.Status.DRAFT, submitted_at=None)
    ResponseFactory(review=review, set_aside_at=timezone.now())

    assert list(Response.objects.counted()) == [kept]


def test_counted_answers_are_the_answers_of_counted_responses_only(review):
    kept = AnswerFactory(response=ResponseFactory(review=review))
    AnswerFactory(
        response=ResponseFactory(
            review=review, status=Response.Status.DRAFT, submitted_at=None
        )
    )
    AnswerFactory(response=ResponseFactory(review=review, set_aside_at=timezone.now()))

    assert list(Answer.objects.counted()) == [kept]


def test_set_aside_responses_are_submitted_ones_the_rep_set_aside(review):
    ResponseFactory(review=review)
    aside = ResponseFactory(review=review, set_aside_at=timezone.now())

    assert list(Response.objects.set_aside()) == [aside]
    assert not Response.objects.counted().filter(pk=aside.pk).exists()


def test_live_invitations_leave_out_revoked_ones(review):
    live = InvitationFactory(review=review)
    InvitationFactory(review=review, revoked=True)

    assert list(Invitation.objects.live()) == [live]


def test_the_not_revoked_rule_holds_through_a_relation_too(review):
    InvitationFactory(review=review)
    InvitationFactory(review=review)
    InvitationFactory(review=review, revoked=True)

    counted = Review.objects.annotate(
        live=Count("invitations", filter=not_revoked("invitations"))
    ).get(pk=review.pk)

    assert counted.live == 2


def test_responses_through_a_revoked_link_are_left_out_and_linkless_ones_kept(
    review,
):
    through_link = ResponseFactory(
        review=review, invitation=InvitationFactory(review=review)
    )
    ResponseFactory(
        review=review, invitation=InvitationFactory(review=review, revoked=True)
    )
    by_code = ResponseFactory(review=review, via_meeting_code=True)

    assert set(Response.objects.not_revoked()) == {through_link, by_code}
