"""The rep's workflow actions: opening, inviting, reminding, closing and releasing."""

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from reviews.actions import invitations, workflow
from reviews.models import AuditEvent, Invitation, Response, Review
from reviews.responding.tokens import hash_token
from tests.factories import (
    AppointmentFactory,
    InvitationFactory,
    PersonFactory,
    ResponseFactory,
    ReviewFactory,
    UserFactory,
    big_local_v1,
)

pytestmark = pytest.mark.django_db


def link_token(message) -> str:
    """The token at the end of the personal link in an email's text."""
    line = next(line for line in message.body.splitlines() if "/r/" in line)
    return line.strip().rstrip("/").rsplit("/", 1)[1]


def test_opening_a_review_records_who_opened_it_and_makes_a_meeting_code():
    rep = UserFactory()
    today = timezone.localdate()
    review = workflow.open_review(
        appointment=AppointmentFactory(),
        actor=rep,
        purpose=Review.Purpose.REGULAR,
        framework_version=big_local_v1(),
        asks_would_like=True,
        min_group_size=4,
        opens=today,
        closes=today + dt.timedelta(days=14),
        meeting_code_on=True,
    )
    assert review.status == Review.Status.OPEN
    assert review.meeting_code_active and len(review.meeting_code) == 8
    assert review.title.startswith("Regular review:")
    event = review.events.get()
    assert (event.action, event.actor) == (AuditEvent.Action.OPENED, rep)


def test_invitation_email_carries_the_personal_link_and_closing_date_only():
    review = ReviewFactory(title="Secret title", closes=dt.date(2031, 3, 14))
    other = InvitationFactory(review=review, person__name="Olive Otherperson")
    ResponseFactory(review=review, invitation=other)
    ann = PersonFactory(name="Ann Example", email="ann@example.org")

    result = invitations.invite(
        review=review,
        actor=UserFactory(first_name="Rita", last_name="Repname"),
        invitees=[invitations.Invitee("member", person=ann)],
    )

    assert len(result.sent) == 1 and len(mail.outbox) == 1
    message = mail.outbox[0]
    html = message.alternatives[0][0]
    invitation = result.sent[0]
    token = link_token(message)
    assert hash_token(token) == Invitation.objects.get(pk=invitation.pk).token_hash
    for part in (message.body, html):
        assert f"http://127.0.0.1:8000/r/{token}/" in part
        assert "14 March 2031" in part
        partnership = str(review.appointment.partnership)
        for leak in ("Secret title", "Olive", "Repname", "Rita", partnership):
            assert leak not in part
    assert message.to == ["ann@example.org"]


def test_people_already_invited_are_not_invited_twice():
    review = ReviewFactory()
    ann = PersonFactory()
    invitations.invite(
        review=review,
        actor=UserFactory(),
        invitees=[invitations.Invitee("member", ann)],
    )
    invitations.invite(
        review=review,
        actor=UserFactory(),
        invitees=[invitations.Invitee("member", ann)],
    )
    assert review.invitations.count() == 1
    assert len(mail.outbox) == 1


def test_someone_added_by_name_without_email_is_invited_for_the_printed_sheet():
    review = ReviewFactory()
    result = invitations.invite(
        review=review,
        actor=UserFactory(),
        invitees=[invitations.Invitee("other", name="Pat Paper")],
    )
    assert not result.sent and len(result.not_sent) == 1
    assert review.invitations.get().person.name == "Pat Paper"
    assert mail.outbox == []


def test_reminders_go_only_to_people_who_have_not_answered():
    review = ReviewFactory()
    answered = InvitationFactory(review=review, person__email="done@example.org")
    ResponseFactory(review=review, invitation=answered)
    started = InvitationFactory(review=review, person__email="draft@example.org")
    ResponseFactory(review=review, invitation=started, status=Response.Status.DRAFT)
    waiting = InvitationFactory(review=review, person__email="wait@example.org")
    InvitationFactory(review=review, person__email="gone@example.org", revoked=True)
    InvitationFactory(review=review, person__email="")

    result = invitations.send_reminders(review=review, actor=UserFactory())

    assert sorted(m.to[0] for m in mail.outbox) == [
        "draft@example.org",
        "wait@example.org",
    ]
    assert {i.pk for i in result.sent} == {started.pk, waiting.pk}
    waiting.refresh_from_db()
    assert waiting.reminded_at is not None
    # The reminder's fresh link is the one that now works.
    message = next(m for m in mail.outbox if m.to == ["wait@example.org"])
    assert hash_token(link_token(message)) == waiting.token_hash
    assert review.events.filter(action=AuditEvent.Action.REMINDED).exists()


def test_resending_replaces_the_old_link():
    invitation = InvitationFactory()
    old_hash = invitation.token_hash
    assert invitations.resend_invitation(invitation=invitation, actor=UserFactory())
    invitation.refresh_from_db()
    assert invitation.token_hash != old_hash
    assert hash_token(link_token(mail.outbox[0])) == invitation.token_hash


def test_a_review_is_released_only_after_it_is_closed_and_reopens_until_release():
    review = ReviewFactory()
    rep = UserFactory()
    with pytest.raises(workflow.WorkflowError):
        workflow.release_review(review=review, actor=rep)
    workflow.close_review(review=review, actor=rep)
    workflow.reopen_review(review=review, actor=rep)
    assert review.status == Review.Status.OPEN
    workflow.close_review(review=review, actor=rep)
    workflow.release_review(review=review, actor=rep)
    assert review.is_released
    with pytest.raises(workflow.WorkflowError):
        workflow.reopen_review(review=review, actor=rep)
    actions = list(review.events.values_list("action", flat=True))
    assert actions == ["closed", "reopened", "closed", "released"]


def test_reopening_after_the_closing_date_gives_a_week_more():
    today = timezone.localdate()
    review = ReviewFactory(
        opens=today - dt.timedelta(days=30),
        closes=today - dt.timedelta(days=2),
        status=Review.Status.CLOSED,
    )
    invitation = InvitationFactory(review=review)
    workflow.reopen_review(review=review, actor=UserFactory())
    review.refresh_from_db()
    invitation.refresh_from_db()
    assert review.closes == today + dt.timedelta(days=7)
    assert invitation.expires > timezone.now() + dt.timedelta(days=7)


def test_the_close_command_closes_only_reviews_past_their_closing_date():
    today = timezone.localdate()
    due = ReviewFactory(
        opens=today - dt.timedelta(days=20), closes=today - dt.timedelta(days=1)
    )
    closes_today = ReviewFactory(opens=today - dt.timedelta(days=20), closes=today)
    call_command("close_due_reviews", stdout=io.StringIO())
    due.refresh_from_db()
    closes_today.refresh_from_db()
    assert due.status == Review.Status.CLOSED
    assert closes_today.status == Review.Status.OPEN
    event = due.events.get()
    assert event.actor is None and "automatically" in event.detail


def test_the_reminder_command_reminds_reviews_closing_soon_once_a_week():
    today = timezone.localdate()
    soon = ReviewFactory(closes=today + dt.timedelta(days=2))
    later = ReviewFactory(closes=today + dt.timedelta(days=20))
    InvitationFactory(review=soon, person__email="soon@example.org")
    InvitationFactory(review=later, person__email="later@example.org")

    call_command("send_reminders", stdout=io.StringIO())
    call_command("send_reminders", stdout=io.StringIO())

    assert [m.to for m in mail.outbox] == [["soon@example.org"]]
