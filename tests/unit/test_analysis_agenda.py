"""The agenda: one discussion point per flagged statement, strongest first."""

from reviews.analysis import (
    NOW,
    THEN,
    Cell,
    ResponseData,
    Thresholds,
    analyse,
    suppress_small_groups,
)
from tests.unit.test_analysis import STATEMENTS, flat_now, ratings_on, response

GOVERNANCE, CONFIDENCE = "s8", "s1"


def everyone_at_five(
    id: int, perspective: str, special: dict[str, int]
) -> ResponseData:
    """A response rating every statement 5, "at first" equal to "now", except
    the `special` ones."""
    answers: dict[str, dict[str, Cell]] = {}
    for s in STATEMENTS:
        value = special.get(s.key, 5)
        answers[s.key] = {THEN: value, NOW: value}
    return ResponseData(id, perspective, answers)


def worked_example() -> list[ResponseData]:
    governance = [3, 4, 5, 3, 4, 5, 4, 4]
    confidence = [2, 9, 1, 10, 6, 3, 7, 2]
    members = [
        everyone_at_five(i, "member", {GOVERNANCE: g, CONFIDENCE: c})
        for i, (g, c) in enumerate(zip(governance, confidence, strict=True), 1)
    ]
    staff = [
        everyone_at_five(i, "lto_staff", {GOVERNANCE: 9, CONFIDENCE: 5})
        for i in (20, 21)
    ]
    return [*members, *staff, everyone_at_five(30, "rep", {GOVERNANCE: 6})]


def test_worked_example_gives_governance_then_confidence_and_nothing_else():
    points = analyse(STATEMENTS, worked_example()).discussion_points

    assert [p.text for p in points] == [
        "Governance and risk: partnership members (8) rate it 4.0 now on average "
        "and LTO staff (2) 9.0, a gap of 5.0 points; the rep\u2019s rating is 6.0.",
        "Confidence and voice: partnership members (8) see it very differently "
        "from one another: ratings from 1 to 10.",
    ]
    assert [(p.kind, p.statement) for p in points] == [
        ("gap", GOVERNANCE),
        ("disagreement", CONFIDENCE),
    ]


def test_every_signal_on_a_statement_is_one_point_opening_with_the_strongest():
    members = [
        # s1: members split and disagree, and most don't know about s1's
        # neighbour s3.
        response(1, "member", {"s1": 10, "s3": "dont_know"}, then={"s1": 1}),
        response(2, "member", {"s1": 1, "s3": "dont_know"}, then={"s1": 10}),
        response(3, "member", {"s1": 5, "s3": 5}, then={"s1": 5}),
        response(4, "member", {"s1": 6, "s3": 5}, then={"s1": 6}),
    ]
    staff = [response(10, "lto_staff", {"s1": 9}), response(11, "lto_staff", {})]

    [s1, s3] = analyse(STATEMENTS, members + staff).discussion_points

    assert (s1.statement, s1.kind) == ("s1", "gap")
    assert s1.text == (
        "Confidence and voice: partnership members (4) rate it 5.5 now on average "
        "and the one LTO staff member who answered 9.0, a gap of 3.5 points; "
        "partnership members (4) see it very differently from one another: "
        "ratings from 1 to 10; partnership members are split: of 4 who rated "
        "both, 1 (25%) rate it higher now than at first and 1 (25%) lower."
    )
    assert (s3.statement, s3.kind) == ("s3", "unknown")


def test_points_run_gap_disagreement_split_unknown_then_flat_answers():
    responses = [
        *ratings_on("s9", "member", ["dont_know", "dont_know", 5], start=1),
        *[
            response(10 + i, "member", {"s7": now}, then={"s7": then})
            for i, (then, now) in enumerate([(3, 6), (6, 3), (5, 5), (5, 5)])
        ],
        *ratings_on("s5", "worker", [1, 5, 10], start=20),
        *ratings_on("s3", "member", [2, 2], start=30),
        *ratings_on("s3", "lto_staff", [9], start=40),
        *[flat_now(50 + i, [5] * 7, "other") for i in range(4)],
    ]

    points = analyse(STATEMENTS, responses).discussion_points

    assert [(p.kind, p.statement) for p in points] == [
        ("gap", "s3"),
        ("disagreement", "s5"),
        ("split", "s7"),
        ("unknown", "s9"),
        ("flat", None),
    ]


def test_larger_gap_comes_first():
    responses = [
        *ratings_on("s1", "member", [4, 4], start=1),
        *ratings_on("s2", "member", [2, 2], start=10),
        response(20, "lto_staff", {"s1": 7, "s2": 9}),
    ]

    points = analyse(STATEMENTS, responses).discussion_points

    assert [p.statement for p in points] == ["s2", "s1"]


def test_equal_signals_fall_back_to_framework_order():
    responses = [
        *ratings_on("s6", "member", [1, 1], start=1),
        *ratings_on("s2", "member", [1, 1], start=10),
        response(20, "lto_staff", {"s6": 5, "s2": 5}),
        *ratings_on("s9", "worker", [1, 5, 10], start=30),
        *ratings_on("s4", "worker", [1, 5, 10], start=40),
    ]

    points = analyse(STATEMENTS, responses).discussion_points

    assert [p.statement for p in points] == ["s2", "s6", "s4", "s9"]


def test_one_person_against_one_person_is_not_a_point():
    responses = [response(1, "lto_staff", {"s2": 2}), response(2, "rep", {"s2": 9})]

    result = analyse(STATEMENTS, responses)

    assert [g.flagged for g in result.gaps if g.column == NOW] == [True]
    assert result.discussion_points == ()


def test_two_people_on_one_side_make_a_gap_a_point():
    responses = [*ratings_on("s2", "lto_staff", [2, 2]), response(9, "rep", {"s2": 9})]

    [point] = analyse(STATEMENTS, responses).discussion_points

    assert point.text == (
        "Mentoring and skills: LTO staff (2) rate it 2.0 now on average and the "
        "rep 9.0, a gap of 7.0 points."
    )


def test_one_against_one_gap_is_still_told_inside_a_point_made_otherwise():
    responses = [
        *ratings_on("s2", "member", [3, 5, 8]),
        response(10, "worker", {"s2": 4}),
        response(11, "rep", {"s2": 7}),
    ]

    [point] = analyse(STATEMENTS, responses).discussion_points

    # The members' average (5.3) is within 2.0 of both; worker and rep are not.
    assert point.kind == "disagreement"
    assert point.text == (
        "Mentoring and skills: partnership members (3) see it very differently "
        "from one another: ratings from 3 to 8; the one worker who answered "
        "rates it 4.0 now and the rep 7.0, a gap of 3.0 points."
    )


def test_one_person_is_never_spoken_of_as_a_group():
    responses = [*ratings_on("s2", "member", [2, 2, 2]), response(9, "rep", {"s2": 9})]
    responses.append(response(10, "worker", {"s2": 8}))

    [point] = analyse(STATEMENTS, responses).discussion_points

    assert point.body == (
        "partnership members (3) rate it 2.0 now on average and the rep 9.0, a gap "
        "of 7.0 points; the one worker who answered rates it 8.0."
    )
    assert "Reps" not in point.text and "Workers" not in point.text


def test_one_person_who_does_not_know_is_the_one_who_answered():
    [point] = analyse(
        STATEMENTS, [response(1, "worker", {"s4": "dont_know"})]
    ).discussion_points

    assert point.text == (
        "Spaces and assets: the one worker who answered said they don\u2019t know "
        "how it is now."
    )


def seven_flagged_statements() -> list[ResponseData]:
    responses = [flat_now(100 + i, [5] * 7, "other") for i in range(3)]
    for i, key in enumerate(["s1", "s2", "s3", "s4", "s5", "s6", "s7"]):
        responses += ratings_on(key, "member", [1, 1], start=10 * i + 1)
        responses.append(response(10 * i + 5, "lto_staff", {key: 5 + i % 3}))
    return responses


def test_first_five_points_are_to_talk_about_first_and_the_rest_follow():
    result = analyse(STATEMENTS, seven_flagged_statements())

    assert len(result.discussion_points) == 8
    assert len(result.points_first) == 5
    assert [p.kind for p in result.points_later] == ["gap", "gap", "flat"]
    assert result.points_first + result.points_later == result.discussion_points


def test_how_many_points_come_first_is_a_threshold():
    result = analyse(
        STATEMENTS, seven_flagged_statements(), thresholds=Thresholds(agenda_first=2)
    )

    assert len(result.points_first) == 2
    assert len(result.points_later) == 6


def test_released_agenda_leaves_out_hidden_groups_but_keeps_the_small_ones_shown():
    released = suppress_small_groups(
        analyse(STATEMENTS, worked_example()), k=3, perspectives=("member",)
    )

    assert [p.statement for p in released.discussion_points] == [
        GOVERNANCE,
        CONFIDENCE,
    ]
