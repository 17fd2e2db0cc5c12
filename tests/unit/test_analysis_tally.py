"""The tally: the analysis must not depend on whether equal answers arrive as
one shared object (as `reviews.results.reading` gives them) or as copies, and it keeps
the "now" counts the dot plot is drawn from."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reviews.analysis import (
    DONT_KNOW,
    LIKE,
    NOT_RELEVANT,
    NOW,
    PERSPECTIVES,
    THEN,
    ResponseData,
    StatementInfo,
    analyse,
    suppress_small_groups,
)

STATEMENTS = [
    StatementInfo(key=f"s{i}", label=f"Statement {i}", text="", capital="", order=i)
    for i in range(1, 8)
]
COLUMNS = (THEN, NOW, LIKE)
# Few distinct values, so equal answers are common.
cells = st.sampled_from([4, 5, 9, DONT_KNOW, NOT_RELEVANT, None])
answers = st.fixed_dictionaries({column: cells for column in COLUMNS})
people = st.lists(
    st.tuples(
        st.sampled_from(PERSPECTIVES[:3]),
        st.dictionaries(st.sampled_from([s.key for s in STATEMENTS]), answers),
    ),
    max_size=30,
)


def as_responses(drawn, share: bool) -> list[ResponseData]:
    """Equal answers as one shared dict each (as `reviews.results.reading` gives them),
    or as a copy per response."""
    shared: dict[tuple, dict] = {}
    result = []
    for i, (perspective, given_answers) in enumerate(drawn, start=1):
        mine = {}
        for key, cell in given_answers.items():
            copy = dict(cell)
            mine[key] = shared.setdefault(tuple(cell.items()), copy) if share else copy
        result.append(ResponseData(id=i, perspective=perspective, answers=mine))
    return result


def run(responses) -> object:
    return analyse(STATEMENTS, responses, columns=COLUMNS)


@pytest.mark.slow
@given(people)
def test_shared_answers_are_counted_as_copies_would_be(drawn):
    assert run(as_responses(drawn, share=True)) == run(as_responses(drawn, share=False))


def test_answers_made_afresh_for_each_response_are_each_read_for_themselves():
    # Each response's dicts are freed once the next is made, so a new dict can
    # take a freed one's id(): nothing may be remembered by an answer's identity.
    def afresh():
        for i in range(40):
            yield ResponseData(
                id=i, perspective="member", answers={"s1": {THEN: 1, NOW: 1 + i % 10}}
            )

    now = run(afresh()).group("s1", NOW, "member")
    assert now is not None
    assert (now.summary.n, now.summary.min, now.summary.max) == (40, 1, 10)
    assert now.summary.mean == 5.5


def test_one_shared_answer_counts_once_for_every_response_that_holds_it():
    cell = {THEN: 4, NOW: 9, LIKE: DONT_KNOW}
    responses = [
        ResponseData(id=i, perspective="member", answers={"s1": cell})
        for i in range(1, 6)
    ]
    result = run(responses)
    now = result.group("s1", NOW, "member")
    like = result.group("s1", LIKE, "member")
    assert now is not None and like is not None
    assert (now.summary.n, now.summary.mean) == (5, 9)
    assert like.summary.dont_know == 5
    (change,) = [c for c in result.changes if c.statement == "s1"]
    assert change.n == 5


def test_a_shared_answer_that_is_not_a_rating_is_still_rejected():
    bad = {NOW: 7.0}
    responses = [
        ResponseData(id=i, perspective="member", answers={"s1": bad}) for i in (1, 2)
    ]
    with pytest.raises(ValueError, match="not an answer"):
        run(responses)


def test_now_counts_give_each_statements_ratings_per_perspective():
    responses = [
        ResponseData(id=1, perspective="member", answers={"s2": {NOW: 9, THEN: 1}}),
        ResponseData(id=2, perspective="member", answers={"s2": {NOW: 9}}),
        ResponseData(id=3, perspective="member", answers={"s1": {NOW: DONT_KNOW}}),
    ]
    counts = run(responses).now_counts["member"]
    assert len(counts) == len(STATEMENTS) and len(counts[1]) == 10
    assert counts[0] == (0,) * 10
    assert counts[1] == (0,) * 8 + (2, 0)


def test_now_counts_are_dropped_when_small_groups_are_suppressed():
    responses = [
        ResponseData(id=i, perspective="member", answers={"s1": {NOW: 5}})
        for i in (1, 2)
    ]
    assert suppress_small_groups(run(responses), k=5).now_counts == {}
