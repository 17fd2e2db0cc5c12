"""Respondents' emails and review summaries run as tasks (reviews/tasks.py).

Each email is an OutgoingMessage row; a batch goes through one connection; a
failed send is tried again later with growing gaps when the backend can defer,
and marked "failed" after the last try (or at once where it cannot defer); the
emailed link is minted as it is sent, so a failed send leaves the person's
earlier link working.
"""

import datetime as dt
from smtplib import SMTPServerDisconnected

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.utils import timezone
from django_tasks import task_backends

from reviews import outbox, tasks
from reviews.actions import invitations, workflow
from reviews.models import Invitation, OutgoingMessage, Review, ReviewSummary
from reviews.responding.tokens import hash_token
from tests.factories import (
    InvitationFactory,
    PersonFactory,
    ResponseFactory,
    ReviewFactory,
    UserFactory,
    answer_all,
)

pytestmark = pytest.mark.django_db

FAILING = "tests.integration.test_tasks.FailingBackend"
COUNTING = "tests.integration.test_tasks.CountingBackend"
DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
Status = OutgoingMessage.Status


class FailingBackend(BaseEmailBackend):
    """A mail server that takes the connection and then refuses every message."""

    def send_messages(self, email_messages):
        raise SMTPServerDisconnected("Connection unexpectedly closed")


class CountingBackend(LocmemBackend):
    """The in-memory backend, counting how many connections are opened."""

    opened = 0

    def open(self):
        type(self).opened += 1
        return super().open()


def queued():
    """The tasks the dummy backend holds, oldest first, and forget them."""
    backend = task_backends["default"]
    results = list(backend.results)
    backend.clear()
    return results


def run(result):
    return result.task.call(*result.args, **result.kwargs)


def link_works(invitation: Invitation, message) -> bool:
    token = message.body.split("/r/")[1].split("/")[0]
    invitation.refresh_from_db()
    return invitation.token_hash == hash_token(token)


def test_an_invitation_is_queued_not_sent_during_the_request(settings):
    settings.TASKS = DUMMY
    review = ReviewFactory()

    result = invitations.invite(
        review=review,
        actor=UserFactory(),
        invitees=[invitations.Invitee("member", name="Ann", email="ann@example.org")],
    )

    assert mail.outbox == []
    [job] = queued()
    message = OutgoingMessage.objects.get()
    assert job.task.name == "send_outgoing"
    assert job.args == [[message.pk]]
    assert message.status == Status.QUEUED
    assert (message.kind, message.invitation) == ("invitation", result.sent[0])


def test_a_failed_send_is_retried_later_with_growing_gaps_then_marked_failed(
    settings,
):
    settings.TASKS = DUMMY
    settings.EMAIL_BACKEND = FAILING
    invitation = InvitationFactory(person=PersonFactory(email="ann@example.org"))
    tasks.queue_messages([invitation], "invitation")
    message = OutgoingMessage.objects.get()
    gaps = []
    job = queued()[0]
    for _ in outbox.RETRY_DELAYS:
        before = timezone.now()
        run(job)
        message.refresh_from_db()
        assert message.status == Status.QUEUED
        assert message.last_error == "SMTPServerDisconnected"
        [job] = queued()
        gaps.append(job.task.run_after - before)
        # The retry is due when its task runs, not before.
        OutgoingMessage.objects.update(next_try_at=before)
    run(job)

    message.refresh_from_db()
    assert message.status == Status.FAILED
    assert message.attempts == len(outbox.RETRY_DELAYS) + 1
    assert queued() == []
    assert gaps == sorted(gaps) and gaps[0] >= dt.timedelta(minutes=1)


def test_a_retry_that_succeeds_sends_a_working_link(settings):
    settings.TASKS = DUMMY
    settings.EMAIL_BACKEND = FAILING
    invitation = InvitationFactory(person=PersonFactory(email="ann@example.org"))
    tasks.queue_messages([invitation], "reminder")
    run(queued()[0])
    [retry] = queued()
    OutgoingMessage.objects.update(next_try_at=timezone.now())

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert run(retry) == 1

    invitation.refresh_from_db()
    sent = OutgoingMessage.objects.get()
    assert (sent.status, sent.attempts, sent.last_error) == (Status.SENT, 2, "")
    assert invitation.reminded_at is not None
    [message] = mail.outbox
    assert message.subject.startswith("Reminder")
    assert link_works(invitation, message)


def test_a_failed_reminder_leaves_the_earlier_link_working(settings):
    settings.EMAIL_BACKEND = FAILING
    invitation = InvitationFactory(person=PersonFactory(email="ann@example.org"))
    before = invitation.token_hash

    result = invitations.send_reminders(review=invitation.review, actor=None)

    invitation.refresh_from_db()
    assert invitation.token_hash == before
    # Where tasks run at once nothing can wait: the failure shows straight away.
    assert OutgoingMessage.objects.get().status == Status.FAILED
    assert result.not_sent == [invitation] and result.sent == []


def test_a_batch_goes_through_one_connection(settings):
    settings.EMAIL_BACKEND = COUNTING
    CountingBackend.opened = 0
    review = ReviewFactory()
    invitees = [
        invitations.Invitee("member", name=f"P{n}", email=f"p{n}@example.org")
        for n in range(5)
    ]

    invitations.invite(review=review, actor=UserFactory(), invitees=invitees)

    assert len(mail.outbox) == 5
    assert CountingBackend.opened == 1


def failed_message(review, kind: str, email: str) -> OutgoingMessage:
    invitation = InvitationFactory(review=review, person=PersonFactory(email=email))
    return OutgoingMessage.objects.create(
        kind=kind,
        status=Status.FAILED,
        review=review,
        invitation=invitation,
        person=invitation.person,
        attempts=4,
    )


def test_resend_failed_sends_each_message_again_as_its_own_kind(settings):
    review = ReviewFactory()
    invited = failed_message(review, "invitation", "a@example.org")
    reminded = failed_message(review, "reminder", "b@example.org")
    sent = failed_message(review, "invitation", "c@example.org")
    OutgoingMessage.objects.filter(pk=sent.pk).update(status=Status.SENT)

    result = invitations.resend_failed(review=review, actor=UserFactory())

    assert sorted(i.pk for i in result.sent) == sorted(
        [invited.invitation_id, reminded.invitation_id]
    )
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects["a@example.org"].startswith("Your view")
    assert subjects["b@example.org"].startswith("Reminder")
    assert not OutgoingMessage.objects.failed().exists()


def test_sending_again_twice_sends_each_failed_message_once(settings):
    settings.TASKS = DUMMY
    review = ReviewFactory()
    failed_message(review, "invitation", "a@example.org")

    first = invitations.resend_failed(review=review, actor=UserFactory())
    second = invitations.resend_failed(review=review, actor=UserFactory())
    for job in queued():
        run(job)

    assert len(first.sent) == 1 and not second.sent and not second.not_sent
    assert len(mail.outbox) == 1


def test_a_revoked_invitation_is_not_sent_even_if_already_queued(settings):
    settings.TASKS = DUMMY
    invitation = InvitationFactory(person=PersonFactory(email="ann@example.org"))
    tasks.queue_messages([invitation], "invitation")
    Invitation.objects.filter(pk=invitation.pk).update(revoked=True)

    assert run(queued()[0]) == 0
    assert mail.outbox == []
    assert not OutgoingMessage.objects.exists()


def test_closing_a_review_queues_its_summary(settings):
    settings.TASKS = DUMMY
    review = ReviewFactory()
    answer_all(ResponseFactory(review=review))

    workflow.close_review(review=review, actor=None)

    assert not ReviewSummary.objects.filter(review=review).exists()
    [job] = queued()
    assert run(job) is True
    assert ReviewSummary.objects.filter(review=review).exists()


def test_a_summary_task_for_a_review_reopened_meanwhile_stores_nothing(settings):
    review = ReviewFactory(status=Review.Status.OPEN)

    assert tasks.summarise.call(review.pk) is False
    assert not ReviewSummary.objects.filter(review=review).exists()


def test_with_the_immediate_backend_closing_stores_the_summary_at_once():
    review = ReviewFactory()
    answer_all(ResponseFactory(review=review))

    workflow.close_review(review=review, actor=None)

    assert ReviewSummary.objects.filter(review=review).exists()
