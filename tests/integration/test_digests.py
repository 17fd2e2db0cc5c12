"""Email digests (programme/digests.py): reps daily, Local Trust staff weekly,
only when there is something to say, never to someone who turned them off, and
never with a score or a respondent's name."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from accounts.models import EmailPreference
from programme import digests
from reviews.models import AgreedAction, OutgoingMessage, Review
from tests.factories import (
    AppointmentFactory,
    InvitationFactory,
    PersonFactory,
    RepAssignmentFactory,
    ResponseFactory,
    ReviewFactory,
    UserFactory,
    answer_all,
    programme_staff_user,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
FAR = TODAY + dt.timedelta(days=300)


@pytest.fixture
def rep():
    return UserFactory(username="rita", email="rita@example.org")


@pytest.fixture
def appointment(rep):
    """A relationship not yet due a review, so a quiet day is quiet."""
    appointment = AppointmentFactory(
        next_review_override=FAR, next_review_reason="Agreed at the last review"
    )
    RepAssignmentFactory(
        person=PersonFactory(user=rep, name="Rita Rep"),
        area=appointment.partnership.area,
    )
    return appointment


def sent_to(address: str) -> list:
    return [m for m in mail.outbox if m.to == [address]]


def assert_no_scores_or_names(text: str, *names: str) -> None:
    for name in names:
        assert name not in text
    text = re.sub(r"https?://\S+", "", text)
    assert not re.search(r"\b\d\.\d\b", text), "no averages"
    assert "score" not in text.lower()


def test_nothing_is_sent_when_nothing_happened(rep, appointment):
    ReviewFactory(appointment=appointment, closes=TODAY + dt.timedelta(days=20))

    call_command("send_digests", "daily")

    assert mail.outbox == []


def test_a_rep_hears_of_new_answers_closing_reviews_and_unreleased_ones(
    rep, appointment
):
    open_review = ReviewFactory(
        appointment=appointment,
        title="Spring review",
        closes=TODAY + dt.timedelta(days=2),
    )
    respondent = PersonFactory(name="Zed Respondent", email="zed@example.org")
    answered = ResponseFactory(
        review=open_review,
        invitation=InvitationFactory(review=open_review, person=respondent),
    )
    answer_all(answered, then=3, now=9)
    ResponseFactory(
        review=open_review,
        submitted_at=timezone.now() - dt.timedelta(days=3),  # not since yesterday
    )
    ReviewFactory(
        appointment=appointment,
        title="Last year's review",
        status=Review.Status.CLOSED,
        opens=TODAY - dt.timedelta(days=60),
        closes=TODAY - dt.timedelta(days=20),
    )

    call_command("send_digests", "daily")

    [message] = sent_to("rita@example.org")
    body = message.body
    assert "1 new answer: " in body and "Spring review" in body
    assert "Closing within three days" in body
    assert f"Closes {open_review.closes:%d %B}" in body
    assert "not released" in body and "Last year's review" in body
    assert_no_scores_or_names(body, "Zed", "Respondent", "zed@example.org")
    # It went through the outbox like every other email.
    [row] = OutgoingMessage.objects.filter(kind="digest")
    assert (row.user.email, row.status, row.body) == (message.to[0], "sent", body)


def test_a_rep_hears_of_relationships_due_a_review(rep):
    appointment = AppointmentFactory()  # started 2014, never reviewed: overdue
    RepAssignmentFactory(
        person=PersonFactory(user=rep), area=appointment.partnership.area
    )

    [digest] = digests.daily_digests(TODAY)

    [line] = [s for s in digest.sections if s.heading.startswith("Relation")][0].lines
    assert line.startswith("Overdue since")
    assert str(appointment.organisation) in line


def test_a_rep_hears_of_actions_due_this_week_or_overdue(rep, appointment):
    review = ReviewFactory(
        appointment=appointment,
        title="Autumn review",
        status=Review.Status.CLOSED,
        opens=TODAY - dt.timedelta(days=60),
        closes=TODAY - dt.timedelta(days=5),
    )
    for days, status in (
        (-2, AgreedAction.Status.AGREED),
        (5, AgreedAction.Status.IN_PROGRESS),
        (30, AgreedAction.Status.AGREED),
        (1, AgreedAction.Status.DONE),
    ):
        AgreedAction.objects.create(
            review=review,
            what="Meet monthly about money",
            lead=AgreedAction.Lead.LTO,
            due=TODAY + dt.timedelta(days=days),
            status=status,
        )

    [digest] = digests.daily_digests(TODAY)

    [section] = [s for s in digest.sections if s.heading.startswith("Agreed")]
    assert len(section.lines) == 2
    assert section.lines[0].startswith("Overdue since")
    assert "Autumn review" in section.lines[1]


def test_another_areas_events_stay_out_of_a_reps_digest(rep, appointment):
    other = AppointmentFactory(
        next_review_override=FAR, next_review_reason="Agreed at the last review"
    )
    ResponseFactory(review=ReviewFactory(appointment=other, title="Not yours"))

    assert digests.daily_digests(TODAY) == []


def test_a_rep_who_turned_digests_off_gets_none(rep, appointment):
    ResponseFactory(review=ReviewFactory(appointment=appointment))
    EmailPreference.objects.create(user=rep, digests=False)

    call_command("send_digests", "daily")

    assert mail.outbox == []


def test_staff_get_a_weekly_digest_of_overdue_and_unreleased(appointment):
    staff = programme_staff_user(username="lt", email="lt@example.org")
    quiet = programme_staff_user(username="quiet", email="quiet@example.org")
    EmailPreference.objects.create(user=quiet, digests=False)
    AppointmentFactory()  # overdue
    ReviewFactory(
        appointment=appointment,
        title="Waiting review",
        status=Review.Status.CLOSED,
        opens=TODAY - dt.timedelta(days=60),
        closes=TODAY - dt.timedelta(days=3),
    )

    call_command("send_digests", "weekly")

    assert sent_to("quiet@example.org") == []
    [message] = sent_to(staff.email)
    assert "Overdue relationships" in message.body
    assert "Waiting review" in message.body
    assert_no_scores_or_names(message.body, "Rita")


def test_staff_get_nothing_in_a_quiet_week(appointment):
    programme_staff_user(username="lt", email="lt@example.org")

    call_command("send_digests", "weekly")

    assert mail.outbox == []
