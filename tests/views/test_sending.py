"""The rep's pages send email through tasks: invitation and reminder pages never
wait for the mail server, failures show on the review page with a resend, and
releasing tells each invited person once, with their link and nothing else."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks import task_backends

from reviews.models import Invitation, OutgoingMessage, Review
from reviews.responding.tokens import hash_token
from tests.factories import (
    AppointmentFactory,
    InvitationFactory,
    PersonFactory,
    RepAssignmentFactory,
    ResponseFactory,
    ReviewFactory,
    UserFactory,
    answer_all,
)

pytestmark = pytest.mark.django_db

FAILING = "tests.integration.test_tasks.FailingBackend"
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"
DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
LINK = re.compile(r"/r/([^/\s]+)/")


@pytest.fixture
def rep():
    return UserFactory(username="rita")


@pytest.fixture
def appointment(rep):
    appointment = AppointmentFactory()
    RepAssignmentFactory(
        person=PersonFactory(user=rep, name="Rita Rep"),
        area=appointment.partnership.area,
    )
    return appointment


@pytest.fixture
def client(rep) -> Client:
    client = Client()
    client.force_login(rep)
    return client


def invite(client: Client, review: Review, name: str, email: str):
    return client.post(
        reverse("reviews:review-invite", args=[review.pk]),
        {"name": name, "email": email, "perspective": "member"},
        follow=True,
    )


def run_queued() -> None:
    backend = task_backends["default"]
    jobs = list(backend.results)
    backend.clear()
    for job in jobs:
        job.task.call(*job.args, **job.kwargs)


def token_in(message) -> str:
    return LINK.search(message.body).group(1)


def test_the_invitation_page_hands_the_email_to_a_task_and_returns(
    client, appointment, settings
):
    settings.TASKS = DUMMY
    settings.EMAIL_BACKEND = FAILING
    review = ReviewFactory(appointment=appointment)

    page = invite(client, review, "Ann Example", "ann@example.org")

    # Nothing was sent while the page was answered: the send waits in the queue.
    assert page.status_code == 200
    assert mail.outbox == []
    [job] = task_backends["default"].results
    assert job.task.name == "send_outgoing"
    assert OutgoingMessage.objects.get().status == OutgoingMessage.Status.QUEUED


def test_a_failing_mail_server_is_recorded_and_a_retry_succeeds(
    client, appointment, settings
):
    settings.TASKS = DUMMY
    settings.EMAIL_BACKEND = FAILING
    review = ReviewFactory(appointment=appointment)
    invite(client, review, "Ann Example", "ann@example.org")

    run_queued()  # the worker meets the failing server

    message = OutgoingMessage.objects.get()
    assert (message.status, message.attempts) == (OutgoingMessage.Status.QUEUED, 1)
    [retry] = task_backends["default"].results
    assert retry.task.run_after is not None
    OutgoingMessage.objects.update(next_try_at=timezone.now())

    settings.EMAIL_BACKEND = LOCMEM
    run_queued()  # the server is back when the retry comes round

    invitation = Invitation.objects.get()
    assert OutgoingMessage.objects.get().status == OutgoingMessage.Status.SENT
    [message] = mail.outbox
    assert message.to == ["ann@example.org"]
    assert hash_token(token_in(message)) == invitation.token_hash


def test_the_review_page_says_what_could_not_be_sent_and_sends_it_again(
    client, appointment, settings
):
    settings.EMAIL_BACKEND = FAILING
    review = ReviewFactory(appointment=appointment)
    invite(client, review, "Ann Example", "ann@example.org")
    invite(client, review, "Bo Example", "bo@example.org")
    detail = reverse("reviews:review-detail", args=[review.pk])

    assert "2 messages could not be sent" in client.get(detail).content.decode()

    settings.EMAIL_BACKEND = LOCMEM
    page = client.post(
        reverse("reviews:review-resend-failed", args=[review.pk]), follow=True
    )

    assert 'id="unsent"' not in page.content.decode()
    assert sorted(m.to[0] for m in mail.outbox) == ["ann@example.org", "bo@example.org"]
    for message in mail.outbox:
        invitation = Invitation.objects.get(person__email=message.to[0])
        assert hash_token(token_in(message)) == invitation.token_hash


def test_with_tasks_run_at_once_the_whole_invitation_flow_works(client, appointment):
    review = ReviewFactory(appointment=appointment)

    page = invite(client, review, "Ann Example", "ann@example.org")
    assert "Emailed 1 personal link." in page.content.decode()
    [message] = mail.outbox

    respondent = Client()
    opened = respondent.get(reverse("reviews:respond-link", args=[token_in(message)]))
    assert opened.status_code == 302
    assert respondent.get(opened.url).status_code == 200

    client.post(reverse("reviews:review-remind", args=[review.pk]))
    reminder = mail.outbox[1]
    assert reminder.subject.startswith("Reminder")
    assert (
        Client()
        .get(reverse("reviews:respond-link", args=[token_in(reminder)]))
        .status_code
        == 302
    )
    invitation = Invitation.objects.get()
    assert invitation.sent_at and invitation.reminded_at
    statuses = OutgoingMessage.objects.values_list("kind", "status")
    assert sorted(statuses) == [("invitation", "sent"), ("reminder", "sent")]


def closed_review_with_people(appointment) -> tuple[Review, list[Invitation]]:
    review = ReviewFactory(appointment=appointment, status=Review.Status.CLOSED)
    people = [
        PersonFactory(name="Ann Answerer", email="ann@example.org"),
        PersonFactory(name="Bo Quiet", email="bo@example.org"),
    ]
    invitations = [InvitationFactory(review=review, person=p) for p in people]
    answered = ResponseFactory(review=review, invitation=invitations[0])
    answer_all(answered, then=2, now=9)
    InvitationFactory(review=review, person=PersonFactory(email=""))
    InvitationFactory(
        review=review, person=PersonFactory(email="gone@example.org"), revoked=True
    )
    ResponseFactory(review=review, via_meeting_code=True)
    return review, invitations


def test_release_tells_only_the_people_who_answered_and_each_once(client, appointment):
    review, invitations = closed_review_with_people(appointment)
    release = reverse("reviews:review-release", args=[review.pk])

    client.post(release)
    client.post(release)  # the double click

    assert [m.to[0] for m in mail.outbox] == ["ann@example.org"]
    assert mail.outbox[0].subject == "The results you helped with are ready to see"
    for message in mail.outbox:
        invitation = Invitation.objects.get(person__email=message.to[0])
        assert hash_token(token_in(message)) == invitation.results_token_hash
        assert invitation.release_sent_at is not None
    assert review.events.filter(action="released").count() == 1


def test_people_who_did_not_answer_get_their_own_message_only_when_the_rep_ticks_it(
    client, appointment
):
    review, invitations = closed_review_with_people(appointment)

    client.post(
        reverse("reviews:review-release", args=[review.pk]), {"tell_not_answered": "1"}
    )

    sent = {m.to[0]: m for m in mail.outbox}
    assert sorted(sent) == ["ann@example.org", "bo@example.org"]
    quiet = sent["bo@example.org"]
    assert quiet.subject == "The results of a review you were invited to"
    assert "Thank you for giving your view" not in quiet.body
    assert "did not receive your answers" in quiet.body
    assert "did not receive" not in sent["ann@example.org"].body
    # The link it carries opens the released results.
    opened = Client().get(
        reverse("reviews:respond-link", args=[token_in(quiet)]), follow=True
    )
    assert opened.status_code == 200


def test_the_release_page_counts_exactly_who_will_be_emailed(client, appointment):
    review, invitations = closed_review_with_people(appointment)
    page = client.get(reverse("reviews:review-release", args=[review.pk]))
    emails = page.content.decode()
    emails = re.sub(r"\s+", " ", emails[emails.index('id="release-emails"') :])

    assert "<strong>1</strong> person who answered by their personal link" in emails
    assert "1 person answered with the meeting code" in emails
    assert "1 person invited by email did not answer" in emails
    assert 'name="tell_not_answered"' in emails

    client.post(reverse("reviews:review-release", args=[review.pk]))
    assert len(mail.outbox) == 1


def test_no_email_says_a_link_replaces_an_old_one_unless_the_old_one_stops(
    client, appointment
):
    review, invitations = closed_review_with_people(appointment)
    client.post(
        reverse("reviews:review-release", args=[review.pk]), {"tell_not_answered": "1"}
    )

    assert len(mail.outbox) == 2
    for message in mail.outbox:
        assert "replaces" not in message.body
        assert "replaces" not in str(message.alternatives[0][0])


def test_release_messages_carry_no_scores_and_no_names(client, appointment):
    review, invitations = closed_review_with_people(appointment)

    client.post(
        reverse("reviews:review-release", args=[review.pk]), {"tell_not_answered": "1"}
    )

    assert len(mail.outbox) == 2
    for message in mail.outbox:
        html = "".join(str(a[0]) for a in message.alternatives)
        text = message.body + re.sub(r"<[^>]+>", "", html)  # words, not styles
        text = re.sub(r"https?://\S+", "", text)  # the link's own digits
        for name in ("Ann", "Answerer", "Bo Quiet", "Rita"):
            assert name not in text
        assert not re.search(r"\b\d+(\.\d+)?\s*(/|out of)\s*10\b", text)
        assert not re.search(r"\b[0-9]\.[0-9]\b", text)


def test_a_second_release_after_withdrawal_sends_nothing_again(client, appointment):
    review, _ = closed_review_with_people(appointment)
    release = reverse("reviews:review-release", args=[review.pk])
    client.post(release, {"tell_not_answered": "1"})
    client.post(reverse("reviews:review-withdraw", args=[review.pk]))

    client.post(release, {"tell_not_answered": "1"})

    assert len(mail.outbox) == 2


def test_two_quick_clicks_on_remind_email_each_person_once(client, appointment):
    review = ReviewFactory(appointment=appointment)
    invite(client, review, "Ann Example", "ann@example.org")
    invite(client, review, "Bo Example", "bo@example.org")
    remind = reverse("reviews:review-remind", args=[review.pk])

    client.post(remind)
    second = client.post(remind, follow=True)

    reminders = [m.to[0] for m in mail.outbox if m.subject.startswith("Reminder")]
    assert sorted(reminders) == ["ann@example.org", "bo@example.org"]
    assert "Sent 0 reminders." in second.content.decode()
    assert "2 not reminded again" in second.content.decode()


@pytest.mark.parametrize("hours_ago, reminded", [(23, False), (25, True)])
def test_a_person_is_reminded_again_only_after_a_day(
    client, appointment, hours_ago, reminded
):
    review = ReviewFactory(appointment=appointment)
    invite(client, review, "Ann Example", "ann@example.org")
    Invitation.objects.update(
        reminded_at=timezone.now() - dt.timedelta(hours=hours_ago)
    )

    client.post(reverse("reviews:review-remind", args=[review.pk]))

    assert any(m.subject.startswith("Reminder") for m in mail.outbox) is reminded


def test_the_remind_page_says_who_is_emailed_and_who_is_skipped(client, appointment):
    review = ReviewFactory(appointment=appointment)
    invite(client, review, "Ann Example", "ann@example.org")
    invite(client, review, "Bo Example", "bo@example.org")
    invite(client, review, "Cy Answered", "cy@example.org")
    answer_all(
        ResponseFactory(
            review=review, invitation=Invitation.objects.get(person__name="Cy Answered")
        )
    )
    Invitation.objects.filter(person__name="Bo Example").update(
        reminded_at=timezone.now() - dt.timedelta(hours=2)
    )

    page = client.get(reverse("reviews:review-remind", args=[review.pk]))

    html = re.sub(r"\s+", " ", page.content.decode())
    assert "<strong>1</strong> person who has not answered will be emailed" in html
    skipped = html[html.index('id="remind-skipped"') :]
    assert "Bo Example" in skipped
    assert "Ann Example" not in skipped
    assert "Cy Answered" not in html
    client.post(reverse("reviews:review-remind", args=[review.pk]))
    reminders = [m.to[0] for m in mail.outbox if m.subject.startswith("Reminder")]
    assert reminders == ["ann@example.org"]


def test_the_link_a_person_already_holds_still_opens_results_after_release(
    client, appointment
):
    review = ReviewFactory(appointment=appointment)
    invite(client, review, "Ann Example", "ann@example.org")
    first_link = token_in(mail.outbox[0])
    client.post(reverse("reviews:review-close", args=[review.pk]))
    client.post(
        reverse("reviews:review-release", args=[review.pk]), {"tell_not_answered": "1"}
    )
    release_link = token_in(mail.outbox[-1])
    assert release_link != first_link

    for token in (first_link, release_link):
        browser = Client()
        opened = browser.get(reverse("reviews:respond-link", args=[token]))
        assert opened.status_code == 302
        assert opened.url == reverse("reviews:respond-results", args=[review.pk])
        assert browser.get(opened.url).status_code == 200
