"""Erasure that erases: after a person who answered, commented, was invited and
reminded, signed in and failed a sign-in is erased, no text column of any table,
and no line of the log, holds their name, username or email address."""

import logging

import pytest
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from partnerships.models import Membership, Person
from reviews import privacy
from reviews.actions import invitations
from reviews.actions.responses import (
    open_invited_response,
    save_answers,
    submit_response,
)
from reviews.models import ERASED_NAME, Answer, OutgoingMessage, Response
from reviews.privacy import REMOVED_COMMENT, erase_person
from tests.factories import (
    MembershipFactory,
    PersonFactory,
    RepAssignmentFactory,
    ReviewFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

NAME = "Zed Erasable"
USERNAME = "zed.erasable"
EMAIL = "zed.erasable@example.org"
PASSWORD = "correct horse battery staple"
COMMENT = f"I am {NAME} ({EMAIL}) and I think the LTO is slow."
TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField)


def hits(word: str) -> list[str]:
    """Every text column of every table that holds the word, as table.column."""
    found = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, TEXT_FIELDS):
                rows = model._default_manager.filter(
                    **{f"{field.attname}__icontains": word}
                )
                if rows.exists():
                    found.append(f"{model._meta.db_table}.{field.column}")
    return found


def sign_in(password: str) -> int:
    reply = Client(REMOTE_ADDR="192.0.2.44").post(
        reverse("login"), {"username": USERNAME, "password": password}
    )
    return reply.status_code


@pytest.fixture
def zed(caplog) -> Person:
    """Zed: a member with a login, invited, reminded, answered with a comment,
    with a fresh draft, signed in once and failed once, edited in the admin,
    and named by a mail server's refusal in a finished task."""
    caplog.set_level(logging.INFO)
    review = ReviewFactory()
    rep = UserFactory(username="rita")
    RepAssignmentFactory(
        person=PersonFactory(user=rep), area=review.appointment.partnership.area
    )
    user = UserFactory(
        username=USERNAME, email=EMAIL, first_name="Zed", last_name="Erasable"
    )
    user.set_password(PASSWORD)
    user.save()
    person = PersonFactory(name=NAME, email=EMAIL, user=user)
    MembershipFactory(person=person, partnership=review.appointment.partnership)
    invitations.invite(
        review=review,
        actor=rep,
        invitees=[invitations.Invitee("member", person=person)],
    )
    invitations.send_reminders(review=review, actor=rep)
    response = open_invited_response(invitation=review.invitations.get())
    statement = review.framework_version.statements.first()
    save_answers(
        response=response,
        answers={statement.pk: {"then": "4", "now": "6"}},
        not_involved_at_start=False,
        comments=COMMENT,
    )
    submit_response(response=response)
    Response.objects.filter(pk=response.pk).update(draft={"comments": COMMENT})
    with override_settings(AXES_ENABLED=True):
        assert sign_in(PASSWORD) == 302
        assert sign_in("wrong") == 200
    LogEntry.objects.create(
        user=UserFactory(is_superuser=True),
        content_type=ContentType.objects.get_for_model(Person),
        object_id=str(person.pk),
        object_repr=str(person),
        action_flag=CHANGE,
    )
    DBTaskResult.objects.create(
        task_path="reviews.tasks.send_messages",
        args_kwargs={"args": [[1], "invitation"], "kwargs": {}},
        queue_name="default",
        backend_name="default",
        status="FAILED",
        finished_at=timezone.now(),
        traceback=f"SMTPRecipientsRefused: {{'{EMAIL}': (550, 'no such user')}}",
    )
    return person


def test_the_set_up_holds_the_person_everywhere_it_should(zed):
    assert any("axes" in table for table in hits(USERNAME))
    assert "reviews_response.comments" in hits(EMAIL)
    assert "django_admin_log.object_repr" in hits(NAME)


def test_after_erasure_no_text_column_of_any_table_names_them(zed, caplog):
    erase_person(person=zed)

    for word in (NAME, USERNAME, EMAIL, "Erasable"):
        assert hits(word) == [], word
        assert word.lower() not in caplog.text.lower(), word


def test_their_comment_is_replaced_and_their_ratings_stay_anonymous(zed):
    erase_person(person=zed)

    response = Response.objects.get()
    assert response.comments == REMOVED_COMMENT
    assert response.invitation is None
    assert response.draft is None
    assert response.is_submitted
    answer = Answer.objects.get(response=response)
    assert (answer.then_rating, answer.now_rating) == (4, 6)


def test_their_dated_roles_stay_naming_nobody(zed):
    erase_person(person=zed)
    assert Membership.objects.get().person.name == ERASED_NAME


def test_a_password_reset_message_goes_with_the_person_its_login_belongs_to(zed):
    OutgoingMessage.objects.create(
        kind=OutgoingMessage.Kind.PASSWORD_RESET,
        user=zed.user,
    )
    erase_person(person=zed)
    assert not OutgoingMessage.objects.filter(user=zed.user).exists()


def test_rows_listed_to_go_with_a_person_are_deleted(zed, monkeypatch):
    """The place the outgoing-message queue is wired in, if its rows reach the
    person other than by a cascading key to them or their invitations."""
    monkeypatch.setattr(
        privacy, "ERASED_WITH_PERSON", [("partnerships.Membership", "person")]
    )
    assert [rows.model for rows in privacy.rows_that_go_with(zed)][-1] is Membership
    erase_person(person=zed)
    assert not Membership.objects.exists()
