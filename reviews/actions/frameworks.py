"""Framework versions: a new version is made by copying the last one.

A version in use by a review is frozen, so rewording a statement or its help
means a new version. Copying keeps every statement's stable key, so answers to a
reworded statement still line up with earlier reviews.
"""

from django.db import transaction

from reviews.models import (
    STATEMENT_WORDS,
    VERSION_WORDS,
    Framework,
    FrameworkVersion,
    OpeningQuestion,
    OpeningQuestionTranslation,
    Statement,
    StatementTranslation,
    VersionTranslation,
)

# Everything a version says, apart from its framework, number and creation time.
VERSION_FIELDS = (
    "instruction",
    "then_label",
    "now_label",
    "like_label",
    "comments_prompt",
    "scale_min",
    "scale_max",
)
STATEMENT_FIELDS = ("key", "order", "text", "short_label", "capital", "help_text")
QUESTION_FIELDS = ("kind", "order", "text")


@transaction.atomic
def copy_last_version(*, framework: Framework) -> FrameworkVersion:
    """Make version last + 1 of `framework`, a copy of its last version.

    The copy is in use by no review, so it is not frozen: it can be edited.
    """
    # Lock the framework row so two copies at once cannot both take last + 1.
    Framework.objects.select_for_update().filter(pk=framework.pk).first()
    last = framework.versions.order_by("-number").first()
    if last is None:
        raise ValueError(f"{framework} has no version to copy")
    copy = FrameworkVersion.objects.create(
        framework=framework,
        number=last.number + 1,
        **{name: getattr(last, name) for name in VERSION_FIELDS},
    )
    statements = Statement.objects.bulk_create(
        Statement(version=copy, **{name: getattr(s, name) for name in STATEMENT_FIELDS})
        for s in last.statements.order_by("order")
    )
    # Questions to open with follow their statement by its stable key.
    new_by_key = {s.key: s for s in statements}
    OpeningQuestion.objects.bulk_create(
        OpeningQuestion(
            statement=new_by_key[q.statement.key],
            **{name: getattr(q, name) for name in QUESTION_FIELDS},
        )
        for q in OpeningQuestion.objects.filter(statement__version=last)
        .select_related("statement")
        .order_by("statement__order", "kind", "order")
    )
    _copy_translations(last, copy)
    return copy


def _copy_translations(last: FrameworkVersion, copy: FrameworkVersion) -> None:
    """The copy's words in every language the last version has, still marked as
    checked or not: a reworded statement's translation needs checking again,
    which the copy's editor sees as the English and the translation side by side.
    """
    VersionTranslation.objects.bulk_create(
        VersionTranslation(
            version=copy,
            language=t.language,
            checked_at=t.checked_at,
            checked_by_id=t.checked_by_id,
            **{name: getattr(t, name) for name in VERSION_WORDS},
        )
        for t in last.translations.all()
    )
    statement_by_key = {s.key: s for s in copy.statements.all()}
    StatementTranslation.objects.bulk_create(
        StatementTranslation(
            statement=statement_by_key[t.statement.key],
            language=t.language,
            **{name: getattr(t, name) for name in STATEMENT_WORDS},
        )
        for t in StatementTranslation.objects.filter(
            statement__version=last
        ).select_related("statement")
    )
    # A question's translation follows it by statement key, kind and order.
    copied = OpeningQuestion.objects.filter(statement__version=copy)
    question_by_place = {
        (q.statement.key, q.kind, q.order): q
        for q in copied.select_related("statement")
    }
    OpeningQuestionTranslation.objects.bulk_create(
        OpeningQuestionTranslation(
            question=question_by_place[
                (t.question.statement.key, t.question.kind, t.question.order)
            ],
            language=t.language,
            text=t.text,
        )
        for t in OpeningQuestionTranslation.objects.filter(
            question__statement__version=last
        ).select_related("question__statement")
    )
