"""Questions to open with in Polish and Urdu: shipped for every Big Local version
by a data migration, editable in the admin once the version is in use, and read
in the page's language with the English where a question has none."""

import re
from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from reviews.actions.frameworks import copy_last_version
from reviews.models import OpeningQuestion, OpeningQuestionTranslation
from reviews.results.questions import Question, opening_questions
from tests.factories import ReviewFactory, big_local_v1

pytestmark = pytest.mark.django_db

migration = import_module(
    "reviews.migrations.0038_big_local_questions_in_polish_and_urdu"
)
QUESTION_MARK = {"pl": "?", "ur": "\u061f"}


@pytest.mark.parametrize("language", ["pl", "ur"])
def test_each_english_question_has_one_translation_in_its_place(language):
    english = migration.ENGLISH
    words = migration.TRANSLATIONS[language]
    assert words.keys() == english.keys()
    for key, kinds in english.items():
        assert words[key].keys() == kinds.keys(), key
        for kind, texts in kinds.items():
            assert len(words[key][kind]) == len(texts), (key, kind)
            for text in words[key][kind]:
                # Still a question, in the language's own question mark.
                assert text.endswith(QUESTION_MARK[language]), text
                assert len(text.split()) <= 40, text


def test_urdu_questions_are_in_urdu_letters_throughout():
    # The LTO is named in Urdu letters, as in the rest of the Urdu framework.
    for kinds in migration.TRANSLATIONS["ur"].values():
        for texts in kinds.values():
            for text in texts:
                assert not re.search("[A-Za-z]", text), text


def translations_of(version, language="pl") -> dict[tuple[str, str, int], str]:
    return {
        (t.question.statement.key, t.question.kind, t.question.order): t.text
        for t in OpeningQuestionTranslation.objects.filter(
            question__statement__version=version, language=language
        ).select_related("question__statement")
    }


def test_a_version_copied_before_the_migration_gets_them_unless_reworded():
    """The demo's version 2 may predate the migration: it is translated too,
    but a question reworded since has no translation of words it dropped."""
    copy = copy_last_version(framework=big_local_v1().framework)
    OpeningQuestionTranslation.objects.filter(
        question__statement__version=copy
    ).delete()
    reworded = OpeningQuestion.objects.get(
        statement__version=copy, statement__key="networks", kind="split", order=1
    )
    reworded.text = "Who do we know now that we did not know at first?"
    reworded.save()
    migration.add_translations(django_apps, None)
    copied = translations_of(copy)
    shipped = translations_of(big_local_v1())
    assert ("networks", "split", 1) not in copied
    del shipped[("networks", "split", 1)]
    assert copied == shipped


def test_the_migration_keeps_translations_already_edited_and_removes_only_its_own():
    question = OpeningQuestion.objects.filter(statement__version=big_local_v1())[0]
    edited = question.translations.get(language="pl")
    edited.text = "Kiedy ostatnio?"
    edited.save()
    migration.add_translations(django_apps, None)
    edited.refresh_from_db()
    assert edited.text == "Kiedy ostatnio?"
    assert OpeningQuestionTranslation.objects.filter(question=question).count() == 2
    migration.remove_translations(django_apps, None)
    assert list(OpeningQuestionTranslation.objects.all()) == [edited]


def test_a_question_of_a_version_in_use_keeps_its_english_but_not_its_translations(
    admin_client,
):
    version = big_local_v1()
    ReviewFactory(framework_version=version)
    question = OpeningQuestion.objects.get(
        statement__version=version, statement__key="networks", kind="split", order=1
    )
    url = reverse("admin:reviews_openingquestion_change", args=[question.pk])
    page = admin_client.get(url).content.decode()
    assert 'name="text"' not in page  # the English is read-only
    assert 'name="translations-0-text"' in page
    polish, urdu = question.translations.order_by("language")
    reply = admin_client.post(
        url,
        {
            "translations-TOTAL_FORMS": "2",
            "translations-INITIAL_FORMS": "2",
            "translations-MIN_NUM_FORMS": "0",
            "translations-MAX_NUM_FORMS": "1000",
            "translations-0-id": polish.pk,
            "translations-0-question": question.pk,
            "translations-0-language": "pl",
            "translations-0-text": "Kogo znamy teraz?",
            "translations-1-id": urdu.pk,
            "translations-1-question": question.pk,
            "translations-1-language": "ur",
            "translations-1-text": urdu.text,
            "text": "Changed English?",
        },
    )
    assert reply.status_code == 302
    polish.refresh_from_db()
    question.refresh_from_db()
    assert polish.text == "Kogo znamy teraz?"
    assert question.text != "Changed English?"


def test_the_version_translation_page_names_the_questions_still_in_english(
    admin_client,
):
    question = OpeningQuestion.objects.get(
        statement__version=big_local_v1(),
        statement__key="confidence-voice",
        kind="gap",
        order=1,
    )
    question.translations.filter(language="pl").delete()
    listing = admin_client.get("/admin/reviews/versiontranslation/?language=pl")
    assert 'alt="False"' in listing.content.decode()
    row = big_local_v1().translations.get(language="pl")
    url = reverse("admin:reviews_versiontranslation_change", args=[row.pk])
    page = admin_client.get(url).content.decode()
    assert "Still in English" in page
    assert "question to open with: When did residents last feel" in page


def test_staff_find_a_languages_questions_in_the_admin(admin_client):
    listing = admin_client.get(
        "/admin/reviews/openingquestiontranslation/",
        {"language": "ur", "q": "networks"},
    )
    page = listing.content.decode()
    for text in migration.TRANSLATIONS["ur"]["networks"]["unknown"]:
        assert escape(text) in page
    assert "Do jakich sieci" not in page
    add = admin_client.get("/admin/reviews/openingquestiontranslation/add/")
    assert add.status_code == 200


def test_questions_are_read_in_the_pages_language_in_one_query():
    review = ReviewFactory()
    question = OpeningQuestion.objects.get(
        statement__version=review.framework_version,
        statement__key="confidence-voice",
        kind="gap",
        order=2,
    )
    question.translations.filter(language="pl").delete()
    with translation.override("pl"), CaptureQueriesContext(connection) as polish:
        gap = opening_questions(review)["confidence-voice"]["gap"]
    assert len(polish) == 1
    first = migration.TRANSLATIONS["pl"]["confidence-voice"]["gap"][0]
    assert gap == (Question(first, english=False), Question(question.text, True))


def test_english_pages_read_no_translations():
    review = ReviewFactory()
    with translation.override("en-gb"), CaptureQueriesContext(connection) as english:
        gap = opening_questions(review)["confidence-voice"]["gap"]
    assert len(english) == 1
    assert "openingquestiontranslation" not in english[0]["sql"].lower()
    assert all(q.english for q in gap)
    assert gap[0].text.startswith("When did residents last feel listened to")
