"""Properties of reviews.analysis that must hold for any answers."""

import statistics

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviews.analysis import (
    DONT_KNOW,
    KINDS,
    NOT_RELEVANT,
    NOW,
    PERSPECTIVES,
    THEN,
    Analysis,
    ResponseData,
    Scale,
    StatementInfo,
    analyse,
    rwg,
    summarise,
    suppress_small_groups,
)

STATEMENTS = [
    StatementInfo(key=f"s{i}", label=f"Statement {i}", text="", capital="", order=i)
    for i in range(1, 11)
]

ratings = st.integers(min_value=1, max_value=10)
cells = st.one_of(ratings, st.sampled_from([DONT_KNOW, NOT_RELEVANT, None]))
# Narrow ratings make flat responses and agreement likely; wide ones, gaps.
narrow_cells = st.one_of(st.integers(4, 6), st.just(DONT_KNOW))


@st.composite
def responses(draw: st.DrawFn) -> list[ResponseData]:
    count = draw(st.integers(min_value=0, max_value=25))
    result = []
    ids = st.lists(st.integers(1, 10_000), min_size=count, max_size=count, unique=True)
    for id in draw(ids):
        column = draw(st.sampled_from([cells, narrow_cells]))
        answers = {
            s.key: {THEN: draw(column), NOW: draw(column)}
            for s in STATEMENTS
            if draw(st.booleans()) or draw(st.booleans())
        }
        perspective = draw(st.sampled_from(PERSPECTIVES[:3] + ("rep",)))
        result.append(ResponseData(id=id, perspective=perspective, answers=answers))
    return result


@given(st.lists(ratings, min_size=2, max_size=40))
def test_rwg_is_between_zero_and_one(values):
    assert 0.0 <= rwg(values, 10) <= 1.0


@given(st.lists(st.floats(1, 10), min_size=2, max_size=40))
def test_rwg_of_any_real_ratings_is_between_zero_and_one(values):
    assert 0.0 <= rwg(values, 10) <= 1.0


@given(ratings, st.integers(min_value=2, max_value=50))
def test_rwg_of_identical_ratings_is_one(value, n):
    assert rwg([value] * n, 10) == 1.0


@given(st.lists(cells, max_size=40))
def test_summary_agrees_with_the_statistics_module(values):
    summary = summarise(values)
    rated = [v for v in values if isinstance(v, int)]

    assert summary.n == len(rated)
    assert summary.dont_know == values.count(DONT_KNOW)
    if rated:
        assert summary.mean == pytest.approx(statistics.fmean(rated))
        assert summary.median == statistics.median(rated)
        assert (summary.min, summary.max) == (min(rated), max(rated))
    if len(rated) >= 2:
        assert summary.sd == pytest.approx(statistics.stdev(rated))


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(responses(), st.randoms(use_true_random=False))
def test_results_do_not_depend_on_the_order_of_responses(data, random):
    shuffled = list(data)
    random.shuffle(shuffled)

    first, second = analyse(STATEMENTS, data), analyse(STATEMENTS, shuffled)

    assert first == second
    assert suppress_small_groups(first) == suppress_small_groups(second)


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(responses())
def test_discussion_points_come_in_the_specified_kind_order(data):
    for result in (
        analyse(STATEMENTS, data),
        suppress_small_groups(analyse(STATEMENTS, data)),
    ):
        ranks = [KINDS.index(p.kind) for p in result.discussion_points]
        assert ranks == sorted(ranks)
        keys = [p.sort_key for p in result.discussion_points]
        assert keys == sorted(keys)


def shifted(data: list[ResponseData], by: int) -> list[ResponseData]:
    def move(cell):
        return cell + by if isinstance(cell, int) else cell

    return [
        ResponseData(
            r.id,
            r.perspective,
            {k: {c: move(v) for c, v in a.items()} for k, a in r.answers.items()},
        )
        for r in data
    ]


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(responses())
def test_moving_ratings_and_scale_together_moves_only_the_averages(data):
    ten = analyse(STATEMENTS, data)
    # The same answers on a 0 to 9 scale: agreement, flags and points stay.
    nine = analyse(STATEMENTS, shifted(data, -1), scale=Scale(0, 9))

    assert [(g.rwg, g.disagreement, g.unknown) for g in ten.groups] == [
        (g.rwg, g.disagreement, g.unknown) for g in nine.groups
    ]
    for a, b in zip(ten.groups, nine.groups, strict=True):
        if a.summary.mean is not None:
            assert b.summary.mean == pytest.approx(a.summary.mean - 1)
            assert b.summary.median == a.summary.median - 1
            assert b.summary.sd == pytest.approx(a.summary.sd)
    assert [g.flagged for g in ten.gaps] == [g.flagged for g in nine.gaps]
    assert ten.changes == nine.changes
    assert ten.flat_response_ids == nine.flat_response_ids
    assert [(p.kind, p.statement) for p in ten.discussion_points] == [
        (p.kind, p.statement) for p in nine.discussion_points
    ]


def strongest_signals(result: Analysis) -> dict[str, tuple[int, float]]:
    """Each flagged statement's strongest signal, worked out from the flags alone:
    (kind rank, metric), smaller first."""
    found: dict[str, list[tuple[int, float]]] = {}

    def n(statement: str, p: str) -> int:
        group = result.group(statement, NOW, p)
        return group.summary.n if group else 0

    for g in result.gaps:
        if g.flagged and max(n(g.statement, g.a), n(g.statement, g.b)) >= 2:
            found.setdefault(g.statement, []).append((0, -round(abs(g.gap), 6)))
    for group in result.groups:
        if group.disagreement:
            found.setdefault(group.statement, []).append((1, round(group.rwg, 6)))
        if group.unknown:
            share = -round(group.dont_know_share, 6)
            found.setdefault(group.statement, []).append((3, share))
    for c in result.changes:
        if c.split:
            evenness = -round(min(c.rose_share, c.fell_share), 6)
            found.setdefault(c.statement, []).append((2, evenness))
    return {statement: min(signals) for statement, signals in found.items()}


@pytest.mark.slow
@settings(max_examples=80, deadline=None)
@given(responses())
def test_agenda_lists_each_flagged_statement_once_ordered_by_strongest_signal(data):
    order = {s.key: s.order for s in STATEMENTS}
    for result in (
        analyse(STATEMENTS, data),
        suppress_small_groups(analyse(STATEMENTS, data)),
    ):
        points = [p for p in result.discussion_points if p.kind != "flat"]
        statements = [p.statement for p in points]
        strongest = strongest_signals(result)

        assert len(statements) == len(set(statements))
        assert set(statements) == set(strongest)
        keys = [(*strongest[s], order[s]) for s in statements]
        assert keys == sorted(keys)
        assert [p.kind for p in points] == [KINDS[strongest[s][0]] for s in statements]
        assert [p.kind for p in result.discussion_points].count("flat") == int(
            result.flat_review
        )
        assert "flat" not in [p.kind for p in result.discussion_points[:-1]]


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(responses())
def test_agenda_speaks_of_people_never_of_the_statistic(data):
    for point in analyse(STATEMENTS, data).discussion_points:
        assert "r_wg" not in point.text
        assert "Reps" not in point.text
        # One person is "the rep" or "the one ... who answered", never a group.
        assert "(1)" not in point.text
