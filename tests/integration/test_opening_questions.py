"""Questions to open with: one to three per statement and kind of signal, shipped
for Big Local version 1, copied with a version, editable only while unused."""

from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.urls import reverse

from reviews.actions.frameworks import copy_last_version
from reviews.models import OpeningQuestion
from tests.factories import ReviewFactory, big_local_v1

pytestmark = pytest.mark.django_db

questions_migration = import_module(
    "reviews.migrations.0033_big_local_opening_questions"
)
KINDS = {"gap", "disagreement", "split", "unknown"}


def test_every_big_local_statement_has_one_to_three_questions_for_each_kind():
    for statement in big_local_v1().statements.all():
        questions = list(statement.opening_questions.all())
        assert {q.kind for q in questions} == KINDS, statement.key
        for kind in KINDS:
            assert 1 <= sum(q.kind == kind for q in questions) <= 3


def test_questions_are_open_questions_in_short_plain_sentences():
    for question in OpeningQuestion.objects.filter(statement__version=big_local_v1()):
        assert question.text.endswith("?"), question.text
        assert len(question.text.split()) <= 30, question.text
        # They invite people to explain, never to justify a score.
        assert "why did you" not in question.text.lower()
        assert "score" not in question.text.lower()


def test_copying_a_version_copies_each_statements_questions_by_its_key():
    version = big_local_v1()
    copy = copy_last_version(framework=version.framework)
    before = {
        (q.statement.key, q.kind, q.order, q.text)
        for q in OpeningQuestion.objects.filter(statement__version=version)
    }
    after = {
        (q.statement.key, q.kind, q.order, q.text)
        for q in OpeningQuestion.objects.filter(statement__version=copy)
    }
    assert after == before
    assert len(after) >= 40


def test_migrating_back_removes_only_the_questions_it_wrote():
    statement = big_local_v1().statements.get(key="networks")
    OpeningQuestion.objects.filter(statement=statement, kind="split").delete()
    own = OpeningQuestion.objects.create(
        statement=statement, kind="split", order=1, text="Who do we know now?"
    )
    questions_migration.remove_questions(django_apps, None)
    assert list(OpeningQuestion.objects.all()) == [own]
    # Going forward again keeps a statement's own questions as they are.
    questions_migration.add_questions(django_apps, None)
    assert list(statement.opening_questions.all()) == [own]


def test_questions_are_editable_in_the_admin_while_the_version_is_unused(
    admin_client,
):
    copy = copy_last_version(framework=big_local_v1().framework)
    statement = copy.statements.get(key="governance-risk")
    url = reverse("admin:reviews_statement_change", args=[statement.pk])
    page = admin_client.get(url).content.decode()
    assert 'name="opening_questions-0-text"' in page


def test_questions_of_a_version_in_use_are_read_only_in_the_admin(admin_client):
    version = big_local_v1()
    ReviewFactory(framework_version=version)
    statement = version.statements.get(key="governance-risk")
    url = reverse("admin:reviews_statement_change", args=[statement.pk])
    page = admin_client.get(url).content.decode()
    assert "What does the LTO do on governance" in page
    assert 'name="opening_questions-0-text"' not in page


def test_a_question_cannot_be_added_to_a_version_in_use_from_its_own_admin(
    admin_client,
):
    version = big_local_v1()
    ReviewFactory(framework_version=version)
    statement = version.statements.get(key="networks")
    reply = admin_client.post(
        reverse("admin:reviews_openingquestion_add"),
        {"statement": statement.pk, "kind": "gap", "order": 3, "text": "Who else?"},
    )
    assert reply.status_code == 200  # the form again, with the choice refused
    assert not OpeningQuestion.objects.filter(text="Who else?").exists()
