"""A review read from the database into the analysis, with its cache.

`load_review_data()` turns a review's submitted responses (leaving out any the rep
has set aside) into the plain data that
`reviews.analysis` reads, in three queries however many responses there are
(statements, responses, answers, each as `.values_list()` rows); `read_review()`
adds the analysis and keeps both in the cache until an answer changes. What the
pages show is built from this in `reviews.results.pages`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db.models import (
    Case,
    Count,
    ExpressionWrapper,
    IntegerField,
    Max,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from reviews import analysis
from reviews.analysis import (
    DONT_KNOW,
    LIKE,
    NOT_RELEVANT,
    NOW,
    THEN,
    Analysis,
    Cell,
    ResponseData,
    Scale,
    StatementInfo,
    Thresholds,
)
from reviews.models import Answer, Response, Review, Statement
from reviews.results.compiled import rows


@dataclass(frozen=True)
class ReviewData:
    """A review's submitted answers as plain data, plus what pages say about them."""

    statements: tuple[StatementInfo, ...]
    responses: tuple[ResponseData, ...]
    comments: dict[str, list[str]]
    not_involved_ids: frozenset[int]
    paper_ids: frozenset[int]


def thresholds_for(review: Review) -> Thresholds:
    """The default thresholds, with the review's own k."""
    return Thresholds(k=review.min_group_size)


def scale_of(review: Review) -> Scale:
    """The review's rating scale: its framework version's."""
    return Scale.from_range(review.framework_version.scale)


# A cell read as one integer: the rating (never negative), else a negative code
# for its state, else NULL. Each value the database hands over costs about as
# much as the work done on it here, so an answer's three cells come packed into
# one column (3 columns a row rather than 8): each cell as its code plus 3
# (states -2 and -1, ratings 0 to 100), or 0 when empty, in base 104.
STATES = {-1: DONT_KNOW, -2: NOT_RELEVANT}
BASE = 104


def _coded(column: str) -> Coalesce:
    return Coalesce(
        f"{column}_rating",
        Case(
            *(
                When(**{f"{column}_state": state}, then=Value(code))
                for code, state in STATES.items()
            ),
            output_field=IntegerField(),
        ),
        output_field=IntegerField(),
    )


def _packed() -> ExpressionWrapper:
    then, now, like = (
        Coalesce(_coded(column) + Value(3), Value(0), output_field=IntegerField())
        for column in (THEN, NOW, LIKE)
    )
    return ExpressionWrapper(
        then * Value(BASE * BASE) + now * Value(BASE) + like,
        output_field=IntegerField(),
    )


def _unpacked(code: int) -> Cell:
    return None if code == 0 else code - 3 if code >= 3 else STATES[code - 3]


def unpack_cell(packed: int) -> dict[str, Cell]:
    """An answer's cells from their packed integer (see `_packed`)."""
    then, rest = divmod(packed, BASE * BASE)
    now, like = divmod(rest, BASE)
    return {THEN: _unpacked(then), NOW: _unpacked(now), LIKE: _unpacked(like)}


def _statements(version_id: int) -> QuerySet[Statement, tuple[Any, ...]]:
    return Statement.objects.filter(version_id=version_id).values_list(
        "id", "key", "short_label", "text", "capital", "order"
    )


def _responses(review_id: int) -> QuerySet[Response, tuple[Any, ...]]:
    # In the order of each response's random key, which numbers the pseudonyms:
    # never the order people opened their link or answered.
    return (
        Response.objects.counted()
        .filter(review_id=review_id)
        .order_by("pseudonym_key", "id")
        .values_list(
            "id", "perspective", "comments", "not_involved_at_start", "entered_by_id"
        )
    )


def _answers(review_id: int) -> QuerySet[Answer, tuple[Any, ...]]:
    # Unordered: Answer's default ordering would join the review and statement
    # tables and sort every row.
    return (
        Answer.objects.counted()
        .filter(response__review_id=review_id)
        .order_by()
        .values_list("response_id", "statement_id", _packed())
    )


def load_review_data(review: Review) -> ReviewData:
    """Three queries: statements, submitted responses, and all their answers."""
    statement_rows = rows(_statements, review.framework_version_id)
    statements = tuple(
        StatementInfo(key=key, label=label, text=text, capital=capital, order=order)
        for _, key, label, text, capital, order in statement_rows
    )
    key_by_id = {row[0]: row[1] for row in statement_rows}
    response_rows = rows(_responses, review.pk)
    answers: dict[int, dict[str, Mapping[str, Cell]]] = {
        row[0]: {} for row in response_rows
    }
    answer_rows = rows(_answers, review.pk)
    # A cell is its rating, else its state, else None. Equal cells are one
    # shared (read-only) dict: a few hundred rather than 5,000 at 500 responses,
    # which the cache then pickles once each.
    cells: dict[int, dict[str, Cell]] = {}
    for response_id, statement_id, packed in answer_rows:
        key = key_by_id.get(statement_id)
        mine = answers.get(response_id)
        if key is None or mine is None:
            continue
        cell = cells.get(packed)
        if cell is None:
            cell = cells[packed] = unpack_cell(packed)
        mine[key] = cell

    comments: dict[str, list[str]] = {}
    for _, perspective, text, _, _ in response_rows:
        if text.strip():
            comments.setdefault(perspective, []).append(text.strip())
    # Sorted rather than in response order, so a comment's place in the list
    # cannot be matched to the pseudonym ("Partnership member 2") of its author.
    for texts in comments.values():
        texts.sort(key=str.casefold)
    return ReviewData(
        statements=statements,
        responses=tuple(
            ResponseData(id=rid, perspective=perspective, answers=answers[rid])
            for rid, perspective, *_ in response_rows
        ),
        comments=comments,
        not_involved_ids=frozenset(row[0] for row in response_rows if row[3]),
        paper_ids=frozenset(row[0] for row in response_rows if row[4] is not None),
    )


def analyse_review(review: Review, data: ReviewData) -> Analysis:
    return analysis.analyse(
        data.statements,
        data.responses,
        thresholds=thresholds_for(review),
        columns=review.column_keys,
        scale=scale_of(review),
    )


# Reading 500 responses' answers costs tens of milliseconds; a rep opens the
# results, the pack and the CSV of one review many times between changes to it.
ANALYSIS_CACHE_SECONDS = 600


def data_key(review: Review) -> str:
    """The cache key of the review's data as it stands: one query.

    The count and the latest `updated` of submitted responses (every answer
    write and every submit touches `updated`), plus what the analysis depends
    on, so a change is seen at once; admin edits to answers alone wait for the
    timeout. Whatever is cached under a key that starts with this one is thrown
    away with it.
    """
    # No row at all while nothing is submitted. The stamp is as the database
    # gives it (text on SQLite), its digits only (a cache key has no spaces):
    # it only has to change when `updated` does.
    n, last = (rows(_version, review.pk) or [(0, None)])[0]
    stamp = "".join(filter(str.isdigit, str(last)))
    return (
        f"review-analysis:{review.pk}:{n}:{stamp}:"
        f"{review.min_group_size}:{review.asks_would_like}:"
        f"{review.framework_version_id}"
    )


def _version(review_id: int) -> QuerySet[Response, tuple[Any, ...]]:
    return (
        Response.objects.counted()
        .filter(review_id=review_id)
        .order_by()
        .values("review_id")
        .annotate(n=Count("id"), last=Max("updated"))
        .values_list("n", "last")
    )


def read_review(
    review: Review, key: str | None = None, *, keep: bool = True
) -> tuple[ReviewData, Analysis]:
    """The review's data and analysis, from the cache while no answer has changed.

    `key`, when the caller has it, is `data_key(review)`, saving its query.
    `keep=False` reads the cache but does not fill it: for a caller that caches
    what it builds from these (the results pages), which would otherwise pickle
    500 responses' answers that no later request of theirs reads.
    """
    key = key or data_key(review)
    cached = cache.get(key)
    if cached is None:
        data = load_review_data(review)
        cached = (data, analyse_review(review, data))
        if keep:
            cache.set(key, cached, ANALYSIS_CACHE_SECONDS)
    return cached
