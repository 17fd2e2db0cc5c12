"""The questions to open with that a discussion point shows, in the page's
language: stored per framework version (`OpeningQuestion`) with their
translations, English where a question has none."""

from __future__ import annotations

from typing import NamedTuple

from django.db.models import FilteredRelation, Q, Value
from django.utils.translation import get_language

from reviews.models import OpeningQuestion, Review
from reviews.responding.words import is_english


class Question(NamedTuple):
    """A question to open with, in the page's language where it has a
    translation; `english` says it is the English (the page marks it so)."""

    text: str
    english: bool


def opening_questions(review: Review) -> dict[str, dict[str, tuple[Question, ...]]]:
    """The review's framework version's questions to open with, by statement key
    and kind of signal, in the active language: one query, cached with the rest
    of the results (per language)."""
    return _read_opening_questions(review.framework_version_id)


def _read_opening_questions(
    version_id: int,
) -> dict[str, dict[str, tuple[Question, ...]]]:
    """Each question in the active language where it has a translation, else in
    English; English pages read no translations."""
    language = get_language()
    rows = OpeningQuestion.objects.filter(statement__version=version_id).order_by(
        "statement__order", "kind", "order"
    )
    if not language or is_english(language):
        read = rows.values_list("statement__key", "kind", "text", Value(""))
    else:
        read = rows.annotate(
            own=FilteredRelation(
                "translations", condition=Q(translations__language=language)
            )
        ).values_list("statement__key", "kind", "text", "own__text")
    questions: dict[str, dict[str, list[Question]]] = {}
    for key, kind, english, own in read:
        own = (own or "").strip()
        question = Question(own or english, english=not own)
        questions.setdefault(key, {}).setdefault(kind, []).append(question)
    return {
        key: {kind: tuple(texts) for kind, texts in kinds.items()}
        for key, kinds in questions.items()
    }
