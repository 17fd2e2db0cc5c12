"""Help on every Big Local statement and capital; new versions copy the last one."""

from importlib import import_module

import pytest
from django.apps import apps as django_apps

from reviews.actions.frameworks import (
    STATEMENT_FIELDS,
    VERSION_FIELDS,
    copy_last_version,
)
from reviews.analysis.words import CAPITAL_HELP
from reviews.models import Capital, Framework, FrameworkVersion, Statement
from tests.factories import ReviewFactory, big_local_v1, framework_version

pytestmark = pytest.mark.django_db

help_migration = import_module("reviews.migrations.0011_big_local_statement_help")


def test_every_big_local_statement_has_help_saying_what_it_means_low_and_high():
    statements = list(big_local_v1().statements.all())
    assert len(statements) == 10
    for statement in statements:
        means, low, high = statement.help_text.split("\n\n")
        assert means.startswith("What this means: ")
        assert low.startswith("A low rating might look like this: ")
        assert high.startswith("A high rating might look like this: ")


def test_help_is_written_in_short_sentences():
    # A reading age of about 11: no sentence runs past about 30 words.
    for statement in big_local_v1().statements.all():
        for sentence in statement.help_text.replace(":", ".").split("."):
            assert len(sentence.split()) <= 30, sentence


def test_every_capital_has_help():
    assert set(CAPITAL_HELP) == set(Capital.values)
    assert all(CAPITAL_HELP.values())


def test_the_help_migration_keeps_help_an_administrator_wrote():
    statement = big_local_v1().statements.get(key="networks")
    Statement.objects.filter(pk=statement.pk).update(help_text="Our own words.")
    Statement.objects.exclude(pk=statement.pk).update(help_text="")
    help_migration.add_help(django_apps, None)
    statement.refresh_from_db()
    assert statement.help_text == "Our own words."
    assert not big_local_v1().statements.filter(help_text="").exists()


def test_reversing_the_help_migration_clears_only_its_own_text():
    Statement.objects.filter(key="networks").update(help_text="Our own words.")
    help_migration.remove_help(django_apps, None)
    texts = dict(big_local_v1().statements.values_list("key", "help_text"))
    assert texts.pop("networks") == "Our own words."
    assert set(texts.values()) == {""}


def test_copying_makes_the_next_number_with_every_statement_key_help_and_capital():
    last = big_local_v1()
    ReviewFactory(framework_version=last)
    assert last.is_frozen
    copy = copy_last_version(framework=last.framework)
    assert copy.number == last.number + 1
    assert not copy.is_frozen
    fields = ("key", "order", "text", "short_label", "capital", "help_text")
    assert list(copy.statements.values_list(*fields)) == list(
        last.statements.values_list(*fields)
    )
    for name in VERSION_FIELDS:
        assert getattr(copy, name) == getattr(last, name)


def test_copying_starts_from_the_last_version_not_the_first():
    framework = Framework.objects.get(slug="big-local")
    second = copy_last_version(framework=framework)
    second.statements.filter(key="networks").update(help_text="Reworded help.")
    third = copy_last_version(framework=framework)
    assert third.number == 3
    assert third.statements.get(key="networks").help_text == "Reworded help."


def test_copying_another_programmes_framework_keeps_its_scale():
    version = framework_version("other-fund", statements=4, scale_min=0, scale_max=5)
    copy = copy_last_version(framework=version.framework)
    assert (copy.scale_min, copy.scale_max, copy.number) == (0, 5, 2)
    assert copy.statements.count() == 4


def test_copying_names_every_field_a_version_or_statement_holds():
    # A field added later must be copied or knowingly left out, never forgotten.
    own = {"id", "framework", "number", "created"}
    version_fields = {f.name for f in FrameworkVersion._meta.concrete_fields}
    assert version_fields - own == set(VERSION_FIELDS)
    statement_fields = {f.name for f in Statement._meta.concrete_fields}
    assert statement_fields - {"id", "version"} == set(STATEMENT_FIELDS)


def test_a_framework_without_versions_cannot_be_copied():
    framework = Framework.objects.create(name="Empty", slug="empty")
    with pytest.raises(ValueError, match="no version"):
        copy_last_version(framework=framework)
