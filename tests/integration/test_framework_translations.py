"""The Big Local framework's words in Polish and Urdu, stored with the version:
its own words, its statements' and its questions to open with."""

from importlib import import_module

import pytest
from django.apps import apps as django_apps

from reviews.actions.frameworks import copy_last_version
from reviews.models import (
    DRAFT_TRANSLATION,
    STATEMENT_WORDS,
    VERSION_WORDS,
    OpeningQuestion,
    OpeningQuestionTranslation,
    StatementTranslation,
    VersionTranslation,
)
from tests.factories import big_local_v1

pytestmark = pytest.mark.django_db

translations = import_module("reviews.migrations.0035_big_local_polish_and_urdu")
LANGUAGES = ("pl", "ur")


@pytest.mark.parametrize("language", LANGUAGES)
def test_big_local_v1_is_complete_in_polish_and_urdu(language):
    translation = VersionTranslation.objects.get(
        version=big_local_v1(), language=language
    )
    assert translation.is_complete
    assert not translation.is_checked
    for statement in big_local_v1().statements.all():
        row = statement.translations.get(language=language)
        for name in STATEMENT_WORDS:
            assert getattr(row, name).strip()
            assert getattr(row, name) != getattr(statement, name)
    for question in OpeningQuestion.objects.filter(statement__version=big_local_v1()):
        own = question.translations.get(language=language).text
        assert own.strip() and own != question.text


@pytest.mark.parametrize("language", LANGUAGES)
def test_translated_help_keeps_the_three_parts_of_the_english(language):
    for row in StatementTranslation.objects.filter(language=language):
        english = row.statement.help_text.split("\n\n")
        assert len(row.help_text.split("\n\n")) == len(english) == 3


def test_a_translation_missing_one_statement_is_not_complete():
    translation = VersionTranslation.objects.get(version=big_local_v1(), language="pl")
    StatementTranslation.objects.filter(
        language="pl", statement__key="networks"
    ).update(short_label="")
    assert not translation.is_complete


@pytest.mark.parametrize("blank", [True, False], ids=["blank", "missing"])
def test_a_translation_missing_one_question_to_open_with_is_not_complete(blank):
    translation = VersionTranslation.objects.get(version=big_local_v1(), language="ur")
    assert translation.untranslated() == []
    question = OpeningQuestion.objects.get(
        statement__version=big_local_v1(),
        statement__key="networks",
        kind="split",
        order=1,
    )
    rows = OpeningQuestionTranslation.objects.filter(question=question, language="ur")
    if blank:
        rows.update(text="  ")
    else:
        rows.delete()
    assert not translation.is_complete
    assert translation.untranslated() == [f"question to open with: {question.text}"]
    # The other language is still complete.
    assert VersionTranslation.objects.get(
        version=big_local_v1(), language="pl"
    ).is_complete


def test_a_copied_version_carries_every_translation_by_statement_key():
    v1 = big_local_v1()
    copy = copy_last_version(framework=v1.framework)
    for language in LANGUAGES:
        old = VersionTranslation.objects.get(version=v1, language=language)
        new = VersionTranslation.objects.get(version=copy, language=language)
        for name in VERSION_WORDS:
            assert getattr(new, name) == getattr(old, name)
        for statement in copy.statements.all():
            mine = statement.translations.get(language=language)
            theirs = StatementTranslation.objects.get(
                statement__version=v1, statement__key=statement.key, language=language
            )
            assert (mine.text, mine.short_label, mine.help_text) == (
                theirs.text,
                theirs.short_label,
                theirs.help_text,
            )
        assert new.is_complete


def questions_in(version, language: str) -> dict[tuple[str, str, int], str]:
    """{(statement key, kind, order): the question's translation}."""
    return {
        (t.question.statement.key, t.question.kind, t.question.order): t.text
        for t in OpeningQuestionTranslation.objects.filter(
            question__statement__version=version, language=language
        ).select_related("question__statement")
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_copied_version_carries_each_questions_translation_to_its_copy(language):
    v1 = big_local_v1()
    edited = v1.statements.get(key="networks").opening_questions.get(
        kind="gap", order=2
    )
    edited.translations.filter(language=language).update(text="Edited?")
    copy = copy_last_version(framework=v1.framework)
    copied = questions_in(copy, language)
    assert copied == questions_in(v1, language)
    assert len(copied) == OpeningQuestion.objects.filter(statement__version=v1).count()
    assert copied[("networks", "gap", 2)] == "Edited?"
    # Each is attached to the copy's own question in the same place.
    for row in OpeningQuestionTranslation.objects.filter(
        question__statement__version=copy, language=language
    ).select_related("question"):
        original = OpeningQuestion.objects.get(
            statement__version=v1,
            statement__key=row.question.statement.key,
            kind=row.question.kind,
            order=row.question.order,
        )
        assert row.question.text == original.text


def test_the_migration_keeps_words_already_edited():
    row = StatementTranslation.objects.get(language="ur", statement__key="networks")
    row.short_label = "نیٹ ورک"
    row.save()
    translations.add_translations(django_apps, None)
    row.refresh_from_db()
    assert row.short_label == "نیٹ ورک"


def test_staff_can_mark_a_translation_checked_in_the_admin(admin_client):
    translation = VersionTranslation.objects.get(version=big_local_v1(), language="ur")
    listing = admin_client.get("/admin/reviews/versiontranslation/")
    assert DRAFT_TRANSLATION in listing.content.decode()
    admin_client.post(
        "/admin/reviews/versiontranslation/",
        {"action": "mark_checked", "_selected_action": [translation.pk]},
    )
    translation.refresh_from_db()
    assert translation.is_checked
