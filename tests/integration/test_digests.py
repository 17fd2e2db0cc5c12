"""Email digests (programme/digests.py): reps daily, Local Trust staff weekly,
only when there is something to say, never to someone who turned them off, and
never with a score or a respondent's name."""

import datetime as dt
import re

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
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
    assert line.text.startswith("Overdue since")
    assert str(appointment.organisation) in line.text
    assert line.url.endswith(reverse("reviews:review-open", args=[appointment.pk]))


def test_a_rep_hears_of_each_action_due_this_week_or_overdue_by_name(rep, appointment):
    review = ReviewFactory(
        appointment=appointment,
        title="Autumn review",
        status=Review.Status.CLOSED,
        opens=TODAY - dt.timedelta(days=60),
        closes=TODAY - dt.timedelta(days=5),
    )
    for what, days, status in (
        ("Meet monthly about money", -2, AgreedAction.Status.AGREED),
        ("Share the accounts", 5, AgreedAction.Status.IN_PROGRESS),
        ("Plan the legacy", 30, AgreedAction.Status.AGREED),
        ("Done already", 1, AgreedAction.Status.DONE),
    ):
        AgreedAction.objects.create(
            review=review,
            what=what,
            lead=AgreedAction.Lead.LTO,
            due=TODAY + dt.timedelta(days=days),
            status=status,
        )

    call_command("send_digests", "daily")

    [message] = sent_to("rita@example.org")
    partnership = appointment.partnership
    overdue = TODAY - dt.timedelta(days=2)
    due = TODAY + dt.timedelta(days=5)
    actions = reverse("reviews:review-actions", args=[review.pk])
    assert (
        f"- \u201cMeet monthly about money\u201d for {partnership}, overdue since "
        f"{overdue:%d %B %Y} (agreed in Autumn review)\n  http://testserver{actions}"
    ) in message.body.replace(settings.SITE_URL, "http://testserver")
    assert f"\u201cShare the accounts\u201d for {partnership}, due {due:%d %B %Y}" in (
        message.body
    )
    assert "Plan the legacy" not in message.body
    assert "Done already" not in message.body


def test_every_review_in_a_reps_digest_links_to_its_page(rep, appointment):
    review = ReviewFactory(appointment=appointment, title="Spring review", closes=TODAY)
    OutgoingMessage.objects.create(
        kind=OutgoingMessage.Kind.INVITATION,
        review=review,
        invitation=InvitationFactory(review=review),
        status=OutgoingMessage.Status.FAILED,
    )

    [digest] = digests.daily_digests(TODAY)

    lines = [line for section in digest.sections for line in section.lines]
    assert [line.text.split(":")[0] for line in lines] == [
        f"Closes {TODAY:%d %B}",
        "1 message could not be sent",
    ]
    page = reverse("reviews:review-detail", args=[review.pk])
    assert all(line.url == settings.SITE_URL + page for line in lines)


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


def test_staff_get_a_weekly_summary_of_counts_and_the_ten_longest_overdue(
    appointment,
):
    staff = programme_staff_user(username="lt", email="lt@example.org")
    quiet = programme_staff_user(username="quiet", email="quiet@example.org")
    EmailPreference.objects.create(user=quiet, digests=False)
    for n in range(12):  # never reviewed: overdue since three months after start
        AppointmentFactory(
            started=dt.date(2014, 1, 1) + dt.timedelta(days=30 * n),
            partnership__area__name=f"Area {n:02d}",
        )
    waiting = ReviewFactory(
        appointment=appointment,
        title="Waiting review",
        status=Review.Status.CLOSED,
        opens=TODAY - dt.timedelta(days=60),
        closes=TODAY - dt.timedelta(days=20),
    )
    OutgoingMessage.objects.create(
        kind=OutgoingMessage.Kind.INVITATION,
        review=waiting,
        invitation=InvitationFactory(review=waiting),
        status=OutgoingMessage.Status.FAILED,
    )

    call_command("send_digests", "weekly")

    assert sent_to("quiet@example.org") == []
    [message] = sent_to(staff.email)
    body = message.body
    assert "12 relationships overdue for review" in body
    assert "0 relationships due a review within a month" in body
    assert "1 review closed 14 days or more and not released" in body
    assert "1 review with messages that could not be sent" in body
    assert "The 10 longest overdue" in body
    assert body.count("- Overdue since") == 10
    assert "Area 00 and" in body and "Area 09 and" in body
    assert "Area 10" not in body and "Area 11" not in body
    assert f"All 12 overdue relationships: {settings.SITE_URL}/programme/overdue/" in (
        body
    )
    assert "Waiting review" not in body  # a count, not a list
    assert_no_scores_or_names(body, "Rita")


def test_staff_get_nothing_in_a_quiet_week(appointment):
    programme_staff_user(username="lt", email="lt@example.org")

    call_command("send_digests", "weekly")

    assert mail.outbox == []
