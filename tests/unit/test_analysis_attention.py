"""The "needs attention" gap rule: two perspectives, each rated by two or more
people, a third of the scale or more apart now; stated where the report says
how it flags."""

from reviews.analysis import (
    NOW,
    Scale,
    analyse,
    describe_attention,
    describe_programme_rules,
    has_wide_gap,
)
from tests.unit.test_analysis import STATEMENTS, ratings_on, response


def test_a_gap_of_three_points_between_two_pairs_marks_the_area():
    responses = [
        *ratings_on("s1", "member", [4, 4]),
        *ratings_on("s1", "rep", [7, 7], 9),
    ]

    assert has_wide_gap(analyse(STATEMENTS, responses))


def test_a_gap_just_under_three_points_does_not():
    responses = [
        *ratings_on("s1", "member", [4, 5]),
        *ratings_on("s1", "rep", [7, 7], 9),
    ]

    assert not has_wide_gap(analyse(STATEMENTS, responses))


def test_a_wide_gap_with_one_person_on_a_side_does_not():
    responses = [*ratings_on("s1", "member", [1, 1, 1]), response(9, "rep", {"s1": 10})]

    assert not has_wide_gap(analyse(STATEMENTS, responses))


def test_a_wide_gap_at_first_only_does_not():
    responses = [
        response(1, "member", {"s1": 5}, then={"s1": 1}),
        response(2, "member", {"s1": 5}, then={"s1": 1}),
        response(3, "lto_staff", {"s1": 5}, then={"s1": 9}),
        response(4, "lto_staff", {"s1": 5}, then={"s1": 9}),
    ]

    result = analyse(STATEMENTS, responses)

    assert not has_wide_gap(result)
    assert all(g.column != NOW for g in result.gaps if abs(g.gap) >= 3)


def test_on_a_zero_to_five_scale_the_gap_is_a_third_of_that_scale():
    scale = Scale(0, 5)
    near = [*ratings_on("s1", "member", [1, 1]), *ratings_on("s1", "rep", [2, 3], 9)]
    far = [*ratings_on("s1", "member", [1, 1]), *ratings_on("s1", "rep", [3, 3], 9)]

    assert not has_wide_gap(analyse(STATEMENTS, near, scale=scale))  # 1.5 < 1.67
    assert has_wide_gap(analyse(STATEMENTS, far, scale=scale))  # 2.0


def test_how_we_flag_states_the_needs_attention_rule():
    text = " ".join(map(str, describe_programme_rules()))

    assert "needs attention" in text
    for rule in describe_attention():
        assert str(rule) in text
