"""`analyse`: read a review's responses against its statements.

One pass counts every answer (tally.py); the steps after it read only the
counts: summaries and agreement per group, gaps and changes between them,
flat responses, then the discussion points. Flags are raised on the "now"
column only; the other columns are summarised for the tables.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reviews.analysis.agenda import with_discussion_points
from reviews.analysis.agreement import rwg_band, rwg_from_variance, summary_and_variance
from reviews.analysis.comparisons import changes, gaps
from reviews.analysis.numbers import comparable
from reviews.analysis.patterns import dont_know_share, flatness, is_unknown
from reviews.analysis.records import Analysis, GroupResult, ResponseData, StatementInfo
from reviews.analysis.scale import BIG_LOCAL_SCALE, Scale
from reviews.analysis.tally import Tally, tally
from reviews.analysis.thresholds import DEFAULT_THRESHOLDS, Thresholds
from reviews.analysis.words import COLUMNS, NOW, PERSPECTIVES, THEN


def analyse(
    statements: Iterable[StatementInfo],
    responses: Iterable[ResponseData],
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    columns: Sequence[str] = (THEN, NOW),
    scale: Scale | None = None,
) -> Analysis:
    """Read a set of responses (pass submitted ones only) against the statements.

    `scale` is the framework version's rating scale; without one, ratings run
    from 1 to 10 (Big Local's).
    """
    t = thresholds
    scale = scale or BIG_LOCAL_SCALE
    stmts = tuple(sorted(statements, key=lambda s: (s.order, s.key)))
    keys = [s.key for s in stmts]
    asked = tuple(c for c in COLUMNS if c in columns)
    counted = tally(responses, keys, asked, scale)
    perspectives = tuple(p for p in PERSPECTIVES if p in counted.respondents)
    groups = _group_results(counted, keys, asked, perspectives, scale, t)
    flat = flatness(counted.now_spreads, t)
    return with_discussion_points(
        Analysis(
            thresholds=t,
            statements=stmts,
            columns=asked,
            perspectives=perspectives,
            respondents=counted.respondents,
            groups=groups,
            gaps=gaps(groups, t),
            changes=changes(keys, perspectives, counted.diffs, t),
            flat_response_ids=flat.response_ids,
            flat_count=len(flat.response_ids),
            flat_assessed=flat.assessed,
            flat_review=flat.review_flagged,
            discussion_points=(),
            scale=scale,
            now_counts=_now_counts(counted, asked, perspectives, scale),
        )
    )


def _now_counts(
    counted: Tally, columns: Sequence[str], perspectives: Sequence[str], scale: Scale
) -> dict[str, tuple[tuple[int, ...], ...]]:
    if NOW not in columns:
        return {}
    ci, options = columns.index(NOW), scale.options
    return {
        p: tuple(tuple(row[ci][:options]) for row in counted.counts[p])
        for p in perspectives
    }


def _group_results(
    counted: Tally,
    keys: Sequence[str],
    columns: Sequence[str],
    perspectives: Sequence[str],
    scale: Scale,
    t: Thresholds,
) -> tuple[GroupResult, ...]:
    """Every answered group, ordered by statement, column, then perspective."""
    return tuple(
        group_result(key, column, p, counted.counts[p][si][ci], scale, t)
        for si, key in enumerate(keys)
        for ci, column in enumerate(columns)
        for p in perspectives
        if any(counted.counts[p][si][ci])
    )


def group_result(
    key: str, column: str, p: str, counts: Sequence[int], scale: Scale, t: Thresholds
) -> GroupResult:
    """Summary, agreement and flags of one group from its histogram of answers."""
    summary, variance = summary_and_variance(counts, scale)
    value = band = None
    if summary.n >= t.rwg_min_n and variance is not None:
        value = rwg_from_variance(variance, scale.options)
        band = rwg_band(value, t)
    share = dont_know_share(summary)
    flags_apply = column == NOW
    return GroupResult(
        statement=key,
        column=column,
        perspective=p,
        summary=summary,
        rwg=value,
        rwg_band=band,
        disagreement=flags_apply
        and value is not None
        and comparable(value) <= t.rwg_flag_at,
        dont_know_share=share,
        unknown=flags_apply and is_unknown(share, t),
    )
