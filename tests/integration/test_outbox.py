"""The outbox (reviews/outbox.py): each message claimed once, recorded as
"sending" before the mail server sees it, and picked up again by the sweep when
its worker died; a double "send again" sends once."""

import datetime as dt
import threading

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.core.management import get_commands
from django.utils import timezone
from django_tasks import task_backends

from reviews import outbox, tasks
from reviews.management.commands import db_worker
from reviews.models import OutgoingMessage
from tests.factories import InvitationFactory, PersonFactory

pytestmark = pytest.mark.django_db

Status = OutgoingMessage.Status
DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
SEEN = "tests.integration.test_outbox.StatusSeeingBackend"
FAILING = "tests.integration.test_tasks.FailingBackend"


class StatusSeeingBackend(LocmemBackend):
    """Records each message's row as the mail server receives it."""

    seen: list[tuple[str, bool]] = []

    def send_messages(self, messages):
        row = OutgoingMessage.objects.get()
        type(self).seen.append((row.status, row.claimed_at is not None))
        return super().send_messages(messages)


def queued_invitation(email: str = "ann@example.org") -> OutgoingMessage:
    invitation = InvitationFactory(person=PersonFactory(email=email))
    [message] = outbox.queue_for_invitations([invitation], "invitation")
    return message


def died_while_sending(message: OutgoingMessage, minutes_ago: int) -> None:
    """What a worker SIGKILLed between its claim and the mail server leaves."""
    claimed = timezone.now() - dt.timedelta(minutes=minutes_ago)
    OutgoingMessage.objects.filter(pk=message.pk).update(
        status=Status.SENDING, claimed_at=claimed, attempts=1
    )


def test_a_message_is_recorded_as_sending_before_the_mail_server_gets_it(settings):
    settings.EMAIL_BACKEND = SEEN
    StatusSeeingBackend.seen = []
    message = queued_invitation()

    outbox.deliver([message.pk], may_retry=True)

    assert StatusSeeingBackend.seen == [(Status.SENDING, True)]
    message.refresh_from_db()
    assert (message.status, message.attempts, message.claimed_at) == (
        Status.SENT,
        1,
        None,
    )


def test_a_message_delivered_by_two_tasks_is_sent_once():
    message = queued_invitation()

    first = outbox.deliver([message.pk], may_retry=True)
    second = outbox.deliver([message.pk], may_retry=True)

    assert (first.sent, second.sent) == (1, 0)
    assert len(mail.outbox) == 1


def test_the_sweep_queues_again_a_message_a_dead_worker_was_sending():
    message = queued_invitation()
    died_while_sending(message, minutes_ago=3)

    ids = outbox.sweep(timezone.now())
    outbox.deliver(ids, may_retry=True)

    message.refresh_from_db()
    assert ids == [message.pk]
    assert (message.status, message.interrupted, message.attempts) == (
        Status.SENT,
        1,
        2,
    )
    assert [m.to for m in mail.outbox] == [["ann@example.org"]]


def test_the_sweep_leaves_a_message_a_live_worker_is_sending():
    message = queued_invitation()
    died_while_sending(message, minutes_ago=0)

    assert outbox.sweep(timezone.now()) == []
    message.refresh_from_db()
    assert (message.status, message.interrupted) == (Status.SENDING, 0)


def test_the_sweep_counts_an_interrupted_send_once_however_often_it_runs():
    message = queued_invitation()
    died_while_sending(message, minutes_ago=3)

    now = timezone.now()
    outbox.sweep(now)
    outbox.sweep(now)

    message.refresh_from_db()
    assert (message.status, message.interrupted) == (Status.QUEUED, 1)


def test_the_sweep_hands_on_queued_messages_whose_task_is_gone_and_no_others():
    old = queued_invitation("old@example.org")
    OutgoingMessage.objects.filter(pk=old.pk).update(
        next_try_at=timezone.now() - dt.timedelta(minutes=5)
    )
    queued_invitation("new@example.org")
    later = queued_invitation("later@example.org")
    OutgoingMessage.objects.filter(pk=later.pk).update(
        next_try_at=timezone.now() + dt.timedelta(minutes=50)
    )

    assert outbox.sweep(timezone.now()) == [old.pk]


def test_an_interrupted_message_on_its_last_try_fails_if_that_try_fails(settings):
    settings.EMAIL_BACKEND = FAILING
    message = queued_invitation()
    died_while_sending(message, minutes_ago=3)
    OutgoingMessage.objects.update(attempts=len(outbox.RETRY_DELAYS) + 1)

    outbox.deliver(outbox.sweep(timezone.now()), may_retry=True)

    message.refresh_from_db()
    assert (message.status, message.interrupted) == (Status.FAILED, 1)
    assert message.last_error == "SMTPServerDisconnected"


def test_the_worker_sweep_enqueues_a_task_for_what_it_found(settings):
    settings.TASKS = DUMMY
    message = queued_invitation()
    died_while_sending(message, minutes_ago=3)

    assert tasks.sweep_outbox() == 1

    [job] = task_backends["default"].results
    assert (job.task.name, job.args) == ("send_outgoing", [[message.pk]])


def test_db_worker_is_ours_and_sweeps_until_told_to_stop(monkeypatch):
    runs = []
    stop = threading.Event()

    def sweep() -> int:
        runs.append(1)
        if len(runs) == 2:
            stop.set()
        return 0

    monkeypatch.setattr(tasks, "sweep_outbox", sweep)
    monkeypatch.setattr(db_worker, "SWEEP_SECONDS", 0)
    # The thread closes its own connection; here that would be the test's.
    monkeypatch.setattr(db_worker.connections, "close_all", lambda: None)

    db_worker._sweep_forever(stop)

    assert get_commands()["db_worker"] == "reviews"
    assert len(runs) == 2


def test_an_error_in_the_kind_of_refusal_never_records_the_address():
    error = outbox.smtplib.SMTPRecipientsRefused(
        {"ann@example.org": (550, b"ann@example.org: no such user")}
    )

    assert outbox._error_name(error) == "SMTPRecipientsRefused 550"


def test_queueing_an_invitation_twice_before_it_goes_sends_it_once(settings):
    settings.TASKS = DUMMY
    invitation = InvitationFactory(person=PersonFactory(email="ann@example.org"))

    tasks.queue_messages([invitation], "invitation")
    tasks.queue_messages([invitation], "invitation")  # a double click
    for job in task_backends["default"].results:
        job.task.call(*job.args)

    [message] = OutgoingMessage.objects.all()
    assert message.status == Status.SENT
    assert len(mail.outbox) == 1
