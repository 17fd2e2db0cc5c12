"""Autosaved drafts: what a review's questionnaire accepts, checked without a form.

The questionnaire's script posts the whole form on every change. Building the
form over every field, locking the response and reading its answers cost many
times the one write an autosave needs, so a draft is checked against the
questionnaire's `Shape` (its field names and the values each takes) and stored
whole on the response (`save_draft`), apart from the answers. Continue, save and
submit still go through the form and `save_answers`, which clear the draft.

A framework version in use by a review is frozen (editing means a new version),
so a review's shape is read once and kept in this process. The write that uses
it names the review's creation time and version in its WHERE clause, so a shape
kept for another row under the same id (a restored database, a test rolled
back) matches nothing and is read again.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.translation import gettext

from reviews.forms.questionnaire import QuestionnaireForm, field_name
from reviews.models import Answer, Response, Review, Statement

# Every column a version could ask: a draft may hold "would like" answers that a
# review does not ask; the form then ignores them, as it ignores any other name.
DRAFT_COLUMNS = Answer.COLUMNS
# Reviews whose shapes one process keeps; past it, the oldest half is dropped.
KEPT_SHAPES = 2000


@dataclass(frozen=True)
class Shape:
    """A review's questionnaire: answer field names (with their statement's
    number, for messages) and the values any of them takes."""

    review_id: int
    review_created: dt.datetime
    version_id: int
    names: dict[str, int]
    values: frozenset[str]


_shapes: dict[int, Shape] = {}


def known_shape(review_id: int) -> Shape | None:
    """The shape this process keeps for a review, if any (no query)."""
    return _shapes.get(review_id)


def remember_shape(review: Review, statements: Iterable[Statement]) -> Shape:
    """The review's shape from rows a page has already read, kept for autosaves."""
    shape = _shapes.get(review.pk)
    if (
        shape is not None
        and shape.review_created == review.created
        and shape.version_id == review.framework_version_id
    ):
        return shape
    scale = review.framework_version.scale
    shape = Shape(
        review_id=review.pk,
        review_created=review.created,
        version_id=review.framework_version_id,
        names={
            field_name(column, statement): statement.order
            for statement in statements
            for column in DRAFT_COLUMNS
        },
        values=frozenset([str(n) for n in scale] + list(Answer.State.values)),
    )
    if len(_shapes) >= KEPT_SHAPES:
        for review_id in list(_shapes)[: KEPT_SHAPES // 2]:
            _shapes.pop(review_id, None)
    _shapes[review.pk] = shape
    return shape


def forget_shapes() -> None:
    _shapes.clear()


def clean_draft(
    data: QueryDict, shape: Shape
) -> tuple[dict[str, object], dict[str, list[str]]]:
    """(draft, errors) from a posted questionnaire: its answers, comments and
    "not involved at the start". Names that are not answers are ignored, as the
    form ignores them; a value off the scale, or a comment the form would refuse,
    is an error, and then nothing should be stored."""
    answers: dict[str, str] = {}
    errors: dict[str, list[str]] = {}
    for name, number in shape.names.items():
        value = data.get(name)
        if not value:
            continue
        if value in shape.values:
            answers[name] = value
        else:
            errors[name] = [
                gettext(
                    "Statement %(number)s: “%(value)s” is not one of the answers "
                    "offered. Choose a rating on the scale, “Don't know” or "
                    "“Not relevant to us”."
                )
                % {"number": number, "value": value[:20]}
            ]
    base = QuestionnaireForm.base_fields
    cleaned: dict[str, object] = {}
    for name in ("not_involved_at_start", "comments"):
        widget = base[name].widget
        try:
            cleaned[name] = base[name].clean(widget.value_from_datadict(data, {}, name))
        except ValidationError as error:
            errors[name] = list(error.messages)
    draft = {"answers": answers, **cleaned}
    return draft, errors


def draft_initial(response: Response) -> dict[str, object] | None:
    """The questionnaire's initial values from the response's draft, if it has one.

    Continue, save and submit clear the draft as they store answers, so a draft
    that is there is newer than the stored answers, and what the person last had
    on the page: it is shown in their place.
    """
    draft = response.draft
    if not isinstance(draft, dict):
        return None
    return {
        "not_involved_at_start": bool(draft.get("not_involved_at_start")),
        "comments": draft.get("comments") or "",
        **draft.get("answers", {}),
    }
