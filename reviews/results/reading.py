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
from django.db.models import Count, Max, QuerySet

from reviews import analysis
from reviews.analysis import (
    LIKE,
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


# An answer's cells as the columns they are: each column's rating and state.
CELL_FIELDS = tuple(
    f"{column}_{part}" for column in (THEN, NOW, LIKE) for part in ("rating", "state")
)


def cells_of(values: tuple[Any, ...]) -> dict[str, Cell]:
    """An answer's cells from its `CELL_FIELDS` values: the rating, else the
    state, else None."""
    pairs = zip(values[0::2], values[1::2], strict=True)
    return {
        column: rating if rating is not None else state or None
        for column, (rating, state) in zip((THEN, NOW, LIKE), pairs, strict=True)
    }


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
        .values_list("response_id", "statement_id", *CELL_FIELDS)
    )


def load_review_data(review: Review) -> ReviewData:
    """Three queries: statements, submitted responses, and all their answers."""
    statement_rows = list(_statements(review.framework_version_id))
    statements = tuple(
        StatementInfo(key=key, label=label, text=text, capital=capital, order=order)
        for _, key, label, text, capital, order in statement_rows
    )
    key_by_id = {row[0]: row[1] for row in statement_rows}
    response_rows = list(_responses(review.pk))
    answers: dict[int, dict[str, Mapping[str, Cell]]] = {
        row[0]: {} for row in response_rows
    }
    answer_rows = _answers(review.pk)
    # Equal cells are one shared (read-only) dict: a few hundred rather than
    # 5,000 at 500 responses, which the cache then pickles once each.
    cells: dict[tuple[Any, ...], dict[str, Cell]] = {}
    for response_id, statement_id, *values in answer_rows:
        key = key_by_id.get(statement_id)
        mine = answers.get(response_id)
        if key is None or mine is None:
            continue
        row = tuple(values)
        cell = cells.get(row)
        if cell is None:
            cell = cells[row] = cells_of(row)
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
    latest = (
        Response.objects.counted()
        .filter(review_id=review.pk)
        .aggregate(n=Count("id"), last=Max("updated"))
    )
    # Digits only (a cache key has no spaces): it only has to change when
    # `updated` does.
    n = latest["n"]
    stamp = "".join(filter(str.isdigit, str(latest["last"])))
    return (
        f"review-analysis:{review.pk}:{n}:{stamp}:"
        f"{review.min_group_size}:{review.asks_would_like}:"
        f"{review.framework_version_id}"
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
