"""Shared fixtures.

`framework_rows` puts the Big Local framework back for tests that run in real
transactions: those tests flush every table afterwards, including the rows the
framework's data migrations wrote (the questions, their help, the questions
to open with and their Polish and Urdu), so the next such test would find no
questions.
"""

from importlib import import_module

import pytest
from django.apps import apps as django_apps

FRAMEWORK_MIGRATION = "reviews.migrations.0002_big_local_framework_v1"
HELP_MIGRATION = "reviews.migrations.0011_big_local_statement_help"
TRANSLATIONS_MIGRATION = "reviews.migrations.0035_big_local_polish_and_urdu"
QUESTIONS_MIGRATION = "reviews.migrations.0033_big_local_opening_questions"
QUESTION_TRANSLATIONS_MIGRATION = (
    "reviews.migrations.0038_big_local_questions_in_polish_and_urdu"
)


@pytest.fixture
def framework_rows(transactional_db) -> None:
    from reviews.models import FrameworkVersion

    if not FrameworkVersion.objects.exists():
        import_module(FRAMEWORK_MIGRATION).load_framework(django_apps, None)
        import_module(HELP_MIGRATION).add_help(django_apps, None)
        import_module(TRANSLATIONS_MIGRATION).add_translations(django_apps, None)
        import_module(QUESTIONS_MIGRATION).add_questions(django_apps, None)
        import_module(QUESTION_TRANSLATIONS_MIGRATION).add_translations(
            django_apps, None
        )
