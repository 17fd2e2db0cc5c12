"""Retention: RETENTION_MONTHS (72) after a review closes, its invitations,
comments, drafts and the people it invited who have nothing current go; its
anonymous answers and the summaries the programme pages read stay. A dry run
lists the same and removes nothing."""

import datetime as dt
import io

import pytest
from axes.models import AccessLog
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from partnerships.cadence import add_months
from partnerships.models import Person
from reviews.actions.retention import remove_expired_identities
from reviews.models import ERASED_NAME, Answer, Invitation, Response, Review
from reviews.summaries import summarise_review
from tests.factories import (
    InvitationFactory,
    MembershipFactory,
    PersonFactory,
    ReviewFactory,
    UserFactory,
    answer_all,
)

pytestmark = pytest.mark.django_db


def closed_months_ago(months: int) -> Review:
    closes = add_months(timezone.localdate(), -months)
    return ReviewFactory(
        status=Review.Status.CLOSED, opens=closes - dt.timedelta(days=21), closes=closes
    )


def answered(review: Review, person: Person, comment: str = "") -> Response:
    invitation = InvitationFactory(review=review, person=person)
    response = Response.objects.create(
        review=review,
        perspective="member",
        invitation=invitation,
        status=Response.Status.SUBMITTED,
        comments=comment,
        draft={"comments": comment},
    )
    answer_all(response, then=4, now=7)
    return response


@pytest.fixture
def old_and_recent():
    old = closed_months_ago(73)
    recent = closed_months_ago(71)
    gone = PersonFactory(name="Olive Oldham", email="olive@example.org")
    current = PersonFactory(name="Carl Current")
    MembershipFactory(person=current, partnership=old.appointment.partnership)
    answered(old, gone, "Olive Oldham thinks it went well")
    answered(old, current, "Carl says so too")
    answered(recent, PersonFactory(name="Rhea Recent"), "Recent comment")
    summarise_review(old)
    return old, recent, gone, current


def test_the_period_is_72_months_after_a_review_closes_by_default():
    assert settings.RETENTION_MONTHS == 72
    assert list(Review.objects.past_retention()) == []
    old = closed_months_ago(73)
    closed_months_ago(71)
    ReviewFactory(status=Review.Status.OPEN, opens=old.opens, closes=old.closes)
    assert list(Review.objects.past_retention()) == [old]


def test_what_identifies_people_in_old_reviews_goes(old_and_recent):
    old, recent, gone, current = old_and_recent

    report = remove_expired_identities()

    assert report.reviews == [(old.pk, old.title)]
    assert not Invitation.objects.filter(review=old).exists()
    assert set(
        Response.objects.filter(review=old).values_list("comments", "draft")
    ) == {("", None)}
    gone.refresh_from_db()
    assert (gone.name, gone.email) == (ERASED_NAME, "")
    assert report.people == [gone.pk]
    assert Person.objects.get(pk=current.pk).name == "Carl Current"


def test_anonymous_answers_and_summaries_stay(old_and_recent):
    old, *_ = old_and_recent
    answers = Answer.objects.filter(response__review=old).count()

    remove_expired_identities()

    assert Answer.objects.filter(response__review=old).count() == answers == 20
    assert Response.objects.filter(review=old).counted().count() == 2
    old.refresh_from_db()
    assert old.summary.responses == 2


def test_reviews_still_within_the_period_are_left_alone(old_and_recent):
    _, recent, *_ = old_and_recent
    remove_expired_identities()
    assert Invitation.objects.filter(review=recent).count() == 1
    assert Response.objects.get(review=recent).comments == "Recent comment"
    assert Person.objects.filter(name="Rhea Recent").exists()


def test_someone_invited_to_a_recent_review_keeps_their_details(old_and_recent):
    _, recent, gone, _ = old_and_recent
    InvitationFactory(review=recent, person=gone)
    remove_expired_identities()
    gone.refresh_from_db()
    assert gone.name == "Olive Oldham"


def test_a_dry_run_lists_what_would_go_and_removes_nothing(old_and_recent):
    old, _, gone, _ = old_and_recent
    out = io.StringIO()

    call_command("apply_retention", "--dry-run", stdout=out)

    text = out.getvalue()
    assert f"review {old.pk}: {old.title}" in text
    assert "Would remove 2 invitation(s)" in text
    assert "Would remove the text of 2 comment(s)" in text
    assert f"person(s) with no current role: ids {gone.pk}" in text
    assert "Olive" not in text
    assert Invitation.objects.filter(review=old).count() == 2
    assert Person.objects.get(pk=gone.pk).name == "Olive Oldham"


def test_the_command_queues_the_task_which_removes_them(old_and_recent):
    old, *_ = old_and_recent
    out = io.StringIO()
    call_command("apply_retention", stdout=out)
    assert "Queued the retention task" in out.getvalue()
    assert not Invitation.objects.filter(review=old).exists()


def test_someone_who_signed_in_within_the_period_keeps_their_details(
    old_and_recent,
):
    _, _, gone, _ = old_and_recent
    gone.user = UserFactory(last_login=timezone.now() - dt.timedelta(days=30))
    gone.save()
    remove_expired_identities()
    assert Person.objects.get(pk=gone.pk).name == "Olive Oldham"


def test_sign_in_records_older_than_the_period_go():
    long_ago = timezone.now() - dt.timedelta(days=73 * 31)
    AccessLog.objects.create(username="old", ip_address="192.0.2.1", user_agent="x")
    AccessLog.objects.create(username="new", ip_address="192.0.2.1", user_agent="x")
    AccessLog.objects.filter(username="old").update(attempt_time=long_ago)
    report = remove_expired_identities()
    assert report.sign_in_records == 1
    assert list(AccessLog.objects.values_list("username", flat=True)) == ["new"]
