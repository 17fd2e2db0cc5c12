"""Reading answers: numbers worked by hand against reviews.analysis."""

import math

import pytest

from reviews.analysis import (
    DONT_KNOW,
    LIKE,
    NOT_RELEVANT,
    NOW,
    THEN,
    Cell,
    ResponseData,
    StatementInfo,
    Thresholds,
    agreement_in_words,
    analyse,
    describe_thresholds,
    individual_labels,
    is_suppressed,
    rwg,
    rwg_band,
    summarise,
    suppress_small_groups,
)

LABELS = [
    ("Confidence and voice", "social"),
    ("Mentoring and skills", "social"),
    ("Aspiration and ambition", "social"),
    ("Spaces and assets", "economic"),
    ("Employing workers", "economic"),
    ("Funding and contracts", "economic"),
    ("Networks", "cultural"),
    ("Governance and risk", "cultural"),
    ("Decision making structures", "cultural"),
    ("Sustainable partnership", "overarching"),
]
STATEMENTS = [
    StatementInfo(key=f"s{i}", label=label, text=label, capital=capital, order=i)
    for i, (label, capital) in enumerate(LABELS, start=1)
]


def response(
    id: int, perspective: str, now: dict[str, Cell], then: dict[str, Cell] | None = None
) -> ResponseData:
    then = then or {}
    keys = set(now) | set(then)
    answers = {k: {NOW: now.get(k), THEN: then.get(k)} for k in keys}
    return ResponseData(id=id, perspective=perspective, answers=answers)


def ratings_on(key: str, perspective: str, values: list[Cell], start: int = 1):
    return [response(start + i, perspective, {key: v}) for i, v in enumerate(values)]


def flat_now(id: int, values: list[int], perspective: str = "member") -> ResponseData:
    return response(id, perspective, {f"s{i}": v for i, v in enumerate(values, 1)})


# r_wg


def test_rwg_of_3_5_9_is_truncated_to_zero():
    # mean 17/3; squared deviations 64/9 + 4/9 + 100/9 = 168/9; s² = 84/9 = 9.33
    assert summarise([3, 5, 9]).sd ** 2 == pytest.approx(9.3333, abs=1e-4)
    assert rwg([3, 5, 9], 10) == 0.0


def test_rwg_of_6_7_8_is_0_879_and_strong_agreement():
    # s² = 1; σ²_EU = (100 - 1) / 12 = 8.25; 1 - 1/8.25 = 0.8788
    value = rwg([6, 7, 8], 10)
    assert value == pytest.approx(0.879, abs=5e-4)
    assert rwg_band(value) == "strong agreement"


def test_rwg_needs_two_ratings():
    assert rwg([7], 10) is None
    assert rwg([], 10) is None


def test_rwg_of_identical_ratings_is_one():
    assert rwg([4, 4, 4, 4], 10) == 1.0


@pytest.mark.parametrize(
    ("value", "band"),
    [
        (0.0, "lack of agreement"),
        (0.30, "lack of agreement"),
        (0.31, "weak agreement"),
        (0.50, "weak agreement"),
        (0.51, "moderate agreement"),
        (0.70, "moderate agreement"),
        (0.71, "strong agreement"),
        (0.90, "strong agreement"),
        (0.91, "very strong agreement"),
        (1.0, "very strong agreement"),
    ],
)
def test_rwg_bands_follow_lebreton_and_senter(value, band):
    assert rwg_band(value) == band


# summaries


def test_summary_leaves_dont_know_and_not_relevant_out_of_the_mean():
    summary = summarise([4, 8, NOT_RELEVANT, DONT_KNOW, None])

    assert (summary.n, summary.dont_know, summary.not_relevant) == (2, 1, 1)
    assert summary.answered == 4
    assert summary.mean == 6.0
    assert summary.median == 6.0
    assert (summary.min, summary.max) == (4, 8)
    assert summary.sd == pytest.approx(math.sqrt(8))


def test_summary_median_of_an_odd_count_is_the_middle_rating():
    assert summarise([9, 1, 5, 2, 7]).median == 5.0


def test_summary_of_one_rating_has_no_standard_deviation():
    summary = summarise([7])
    assert (summary.mean, summary.median, summary.sd) == (7.0, 7.0, None)


def test_summary_of_only_unknowns_has_no_mean():
    summary = summarise([DONT_KNOW, NOT_RELEVANT])
    assert summary.n == 0
    assert summary.mean is summary.median is summary.min is summary.sd is None


@pytest.mark.parametrize("bad", [0, 11, True, 7.0, "seven"])
def test_analyse_rejects_answers_that_are_not_ratings(bad):
    with pytest.raises(ValueError):
        analyse(STATEMENTS, [response(1, "member", {"s1": bad})])


def test_analyse_rejects_an_unknown_perspective():
    with pytest.raises(ValueError):
        analyse(STATEMENTS, [response(1, "chair", {"s1": 5})])


def test_not_relevant_is_left_out_of_a_groups_mean():
    responses = ratings_on("s4", "member", [2, 4, NOT_RELEVANT, NOT_RELEVANT])

    group = analyse(STATEMENTS, responses).group("s4", NOW, "member")

    assert group.summary.mean == 3.0
    assert group.summary.not_relevant == 2


# agreement within a group


def test_group_of_3_5_9_is_flagged_as_seeing_it_differently():
    result = analyse(STATEMENTS, ratings_on("s7", "member", [3, 5, 9]))

    group = result.group("s7", NOW, "member")
    assert group.rwg == 0.0
    assert group.rwg_band == "lack of agreement"
    assert group.disagreement
    [point] = result.discussion_points
    assert point.kind == "disagreement"
    assert point.text == (
        "Networks: partnership members (3) see it very differently from one "
        "another: ratings from 3 to 9."
    )


def test_group_of_two_gets_no_agreement_index():
    group = analyse(STATEMENTS, ratings_on("s7", "member", [1, 10])).group(
        "s7", NOW, "member"
    )
    assert group.rwg is None
    assert not group.disagreement


def test_disagreement_about_then_is_banded_but_not_flagged():
    responses = [
        response(i, "member", {"s1": 5}, then={"s1": v})
        for i, v in enumerate([1, 5, 10], 1)
    ]

    group = analyse(STATEMENTS, responses).group("s1", THEN, "member")

    assert group.rwg_band == "lack of agreement"
    assert not group.disagreement


# gaps between perspectives


def test_gap_of_exactly_2_point_0_is_flagged_despite_float_rounding():
    # 6.1 - 4.1 is 1.9999999999999996 in floating point.
    members = ratings_on("s8", "member", [6] * 9 + [7])
    staff = ratings_on("s8", "lto_staff", [4] * 9 + [5], start=100)

    result = analyse(STATEMENTS, members + staff)

    [gap] = [g for g in result.gaps if g.column == NOW]
    assert (gap.a, gap.b) == ("member", "lto_staff")
    assert gap.flagged
    assert "a gap of 2.0 points" in result.discussion_points[0].text


def test_gap_of_1_point_9_is_not_flagged():
    members = ratings_on("s8", "member", [6] * 9 + [5])
    staff = ratings_on("s8", "lto_staff", [4] * 10, start=100)

    result = analyse(STATEMENTS, members + staff)

    [gap] = result.gaps
    assert gap.gap == pytest.approx(1.9)
    assert not gap.flagged
    assert result.discussion_points == ()


def test_gap_text_gives_both_means_and_the_gap():
    members = ratings_on("s8", "member", [4, 4, 4, 4, 5])
    staff = ratings_on("s8", "lto_staff", [8], start=100)

    [point] = analyse(STATEMENTS, members + staff).discussion_points

    assert point.text == (
        "Governance and risk: partnership members (5) rate it 4.2 now on average "
        "and the one LTO staff member who answered 8.0, a gap of 3.8 points."
    )
    assert point.perspectives == ("member", "lto_staff")
    assert point.statement == "s8"


def test_every_pair_of_perspectives_with_answers_gets_a_gap():
    responses = [
        response(1, "member", {"s1": 5}, then={"s1": 5}),
        response(2, "lto_staff", {"s1": 6}, then={"s1": 6}),
        response(3, "rep", {"s1": 7}, then={"s1": 7}),
    ]

    result = analyse(STATEMENTS, responses)

    pairs = [(g.column, g.a, g.b) for g in result.gaps]
    assert pairs == [
        (THEN, "member", "lto_staff"),
        (THEN, "member", "rep"),
        (THEN, "lto_staff", "rep"),
        (NOW, "member", "lto_staff"),
        (NOW, "member", "rep"),
        (NOW, "lto_staff", "rep"),
    ]
    assert [(g.column, g.a, g.b) for g in result.headline_gaps] == [
        (THEN, "member", "lto_staff"),
        (NOW, "member", "lto_staff"),
    ]


def test_gap_about_then_is_reported_but_not_flagged():
    responses = [
        response(1, "member", {"s1": 5}, then={"s1": 1}),
        response(2, "lto_staff", {"s1": 5}, then={"s1": 9}),
    ]

    result = analyse(STATEMENTS, responses)

    [then_gap] = [g for g in result.gaps if g.column == THEN]
    assert then_gap.gap == -8.0
    assert not then_gap.flagged
    assert result.flagged_gaps == ()


# direction splits and change


def test_direction_split_of_exactly_25_percent_each_way_is_flagged():
    responses = [
        response(1, "member", {"s6": 8}, then={"s6": 4}),
        response(2, "member", {"s6": 3}, then={"s6": 7}),
        response(3, "member", {"s6": 5}, then={"s6": 5}),
        response(4, "member", {"s6": 6}, then={"s6": 6}),
    ]

    result = analyse(STATEMENTS, responses)

    [change] = result.changes
    assert (change.n, change.rose, change.fell, change.same) == (4, 1, 1, 2)
    assert change.split
    [point] = result.discussion_points
    assert point.text == (
        "Funding and contracts: partnership members are split: of 4 who rated "
        "both, 1 (25%) rate it higher now than at first and 1 (25%) lower."
    )


def test_direction_split_under_25_percent_is_not_flagged():
    responses = [
        response(1, "member", {"s6": 8}, then={"s6": 4}),
        response(2, "member", {"s6": 3}, then={"s6": 7}),
    ] + [response(i, "member", {"s6": 5}, then={"s6": 5}) for i in range(3, 6)]

    [change] = analyse(STATEMENTS, responses).changes

    assert change.n == 5
    assert not change.split


def test_direction_split_needs_four_people():
    responses = [
        response(1, "member", {"s6": 8}, then={"s6": 4}),
        response(2, "member", {"s6": 3}, then={"s6": 7}),
        response(3, "member", {"s6": 5}, then={"s6": 5}),
    ]
    assert not analyse(STATEMENTS, responses).changes[0].split


def test_change_is_averaged_over_people_who_rated_both_columns():
    responses = [
        response(1, "member", {"s2": 7}, then={"s2": 3}),
        response(2, "member", {"s2": 4}, then={"s2": 5}),
        response(3, "member", {"s2": 9}, then={"s2": DONT_KNOW}),
        response(4, "member", {"s2": 9}),
    ]

    [change] = analyse(STATEMENTS, responses).changes

    assert change.n == 2
    assert change.mean_change == 1.5


# flat responses


def test_response_with_a_range_of_2_over_7_statements_is_flat():
    result = analyse(STATEMENTS, [flat_now(1, [5, 6, 7, 5, 6, 7, 5])])

    assert result.flat_response_ids == (1,)
    assert result.flat_review


def test_response_with_a_range_of_3_is_not_flat():
    result = analyse(STATEMENTS, [flat_now(1, [5, 6, 7, 8, 6, 7, 5])])

    assert result.flat_response_ids == ()
    assert result.flat_assessed == 1
    assert not result.flat_review


def test_response_with_6_ratings_is_not_judged_for_flatness():
    result = analyse(STATEMENTS, [flat_now(1, [5, 5, 5, 5, 5, 5])])

    assert result.flat_assessed == 0
    assert result.flat_response_ids == ()


def test_dont_know_does_not_count_towards_the_7_ratings():
    values = [5, 5, 5, 5, 5, 5, DONT_KNOW, NOT_RELEVANT]
    result = analyse(STATEMENTS, [flat_now(1, values)])

    assert result.flat_assessed == 0


def test_review_is_flagged_when_a_third_of_judged_responses_are_flat():
    varied = [1, 3, 5, 7, 9, 2, 4]
    responses = [
        flat_now(1, [5] * 7),
        flat_now(2, varied),
        flat_now(3, varied),
        flat_now(4, [5] * 6),  # too few ratings to judge
    ]

    result = analyse(STATEMENTS, responses)

    assert (result.flat_count, result.flat_assessed) == (1, 3)
    assert result.flat_review
    assert result.discussion_points[-1].text == (
        "Flat answers: 1 of 3 responses (33%) give almost the same rating to every "
        "statement now (a range of 2 points or less): priorities may need "
        "articulating."
    )


def test_review_is_not_flagged_when_under_a_third_are_flat():
    varied = [1, 3, 5, 7, 9, 2, 4]
    responses = [flat_now(1, [5] * 7)] + [flat_now(i, varied) for i in (2, 3, 4)]

    result = analyse(STATEMENTS, responses)

    assert result.flat_response_ids == (1,)
    assert not result.flat_review
    assert "flat" not in [p.kind for p in result.discussion_points]


# unknowns


def test_dont_know_from_exactly_30_percent_of_a_group_is_flagged():
    # Denominator: everyone in the group who answered, not relevant included.
    values = [DONT_KNOW] * 3 + [NOT_RELEVANT] * 2 + [5, 5, 5, 5, 5]
    result = analyse(STATEMENTS, ratings_on("s4", "member", values))

    group = result.group("s4", NOW, "member")
    assert group.dont_know_share == pytest.approx(0.3)
    assert group.unknown
    [point] = result.discussion_points
    assert point.text == (
        "Spaces and assets: 3 of 10 partnership members (30%) said they "
        "don\u2019t know how it is now."
    )


def test_dont_know_from_under_30_percent_is_not_flagged():
    values = [DONT_KNOW] * 3 + [5] * 8
    group = analyse(STATEMENTS, ratings_on("s4", "member", values)).group(
        "s4", NOW, "member"
    )
    assert not group.unknown


def test_dont_know_about_then_is_not_flagged():
    responses = [
        response(i, "member", {"s4": 5}, then={"s4": DONT_KNOW}) for i in range(4)
    ]
    assert not analyse(STATEMENTS, responses).group("s4", THEN, "member").unknown


# discussion points


def test_disagreements_are_ordered_lowest_agreement_first():
    responses = ratings_on("s1", "member", [1, 5, 10])  # r_wg 0
    responses += ratings_on("s2", "member", [3, 5, 7], start=10)  # r_wg 0.52
    responses += ratings_on("s3", "member", [2, 5, 8], start=20)  # r_wg 0
    low = Thresholds(rwg_flag_at=0.6)

    points = analyse(STATEMENTS, responses, thresholds=low).discussion_points

    assert [p.statement for p in points] == ["s1", "s3", "s2"]


def test_would_like_column_is_summarised_when_asked():
    answers = {"s1": {THEN: 2, NOW: 5, LIKE: 9}}
    result = analyse(
        STATEMENTS, [ResponseData(1, "member", answers)], columns=(THEN, NOW, LIKE)
    )

    assert result.columns == (THEN, NOW, LIKE)
    assert result.group("s1", LIKE, "member").summary.mean == 9.0
    assert analyse(STATEMENTS, [ResponseData(1, "member", answers)]).columns == (
        THEN,
        NOW,
    )


def test_means_and_rows_follow_statement_order():
    responses = [response(1, "member", {"s2": 4}), response(2, "rep", {"s1": 8})]

    result = analyse(STATEMENTS, responses)

    assert result.means(NOW, "member")[:3] == [None, 4.0, None]
    statement, groups = result.rows(NOW)[0]
    assert statement.key == "s1"
    assert result.perspectives == ("member", "rep")
    assert groups[0] is None
    assert groups[1].summary.mean == 8.0


def test_answers_to_statements_outside_the_framework_are_ignored():
    result = analyse(STATEMENTS, [response(1, "member", {"retired": 3, "s1": 4})])
    assert {g.statement for g in result.groups} == {"s1"}


# pseudonyms and small groups


def test_individual_labels_number_each_perspective_in_the_order_given():
    # Ids follow the order people opened their links, so they never set numbers.
    responses = [
        response(30, "member", {}),
        response(7, "lto_staff", {}),
        response(12, "member", {}),
        response(2, "other", {}),
    ]

    assert individual_labels(responses) == {
        30: "Partnership member 1",
        12: "Partnership member 2",
        7: "LTO staff 1",
        2: "Other respondent 1",
    }


def test_is_suppressed_below_k_only():
    assert is_suppressed(2, 3)
    assert not is_suppressed(3, 3)


def test_released_view_hides_a_group_of_fewer_than_k_members():
    members = ratings_on("s8", "member", [2, 2])
    staff = ratings_on("s8", "lto_staff", [9, 9, 9], start=100)
    full = analyse(STATEMENTS, members + staff)
    assert full.discussion_points

    released = suppress_small_groups(full, k=3)

    group = released.group("s8", NOW, "member")
    assert group.suppressed
    assert group.summary.n == 0
    assert group.summary.mean is None
    assert released.suppressed_perspectives == ("member",)
    assert released.k == 3
    assert released.gaps == ()
    assert released.discussion_points == ()
    assert released.means(NOW, "member")[7] is None
    assert released.group("s8", NOW, "lto_staff").summary.mean == 9.0


def test_released_view_shows_a_group_of_k_members():
    members = ratings_on("s8", "member", [2, 2, 3])
    staff = ratings_on("s8", "lto_staff", [9, 9, 9], start=100)

    released = suppress_small_groups(analyse(STATEMENTS, members + staff))

    assert released.suppressed_perspectives == ()
    assert released.group("s8", NOW, "member").summary.mean == pytest.approx(7 / 3)
    assert [p.kind for p in released.discussion_points] == ["gap"]


def test_released_view_hides_a_statistic_resting_on_fewer_than_k_ratings():
    values = [4, 6, DONT_KNOW, DONT_KNOW, DONT_KNOW]
    released = suppress_small_groups(
        analyse(STATEMENTS, ratings_on("s3", "member", values))
    )

    group = released.group("s3", NOW, "member")
    assert group.suppressed
    assert group.summary.mean is None
    assert (group.summary.n, group.summary.dont_know) == (2, 3)
    assert [p.kind for p in released.discussion_points] == ["unknown"]


def test_released_view_can_protect_members_only():
    members = ratings_on("s8", "member", [2, 2, 2])
    staff = ratings_on("s8", "lto_staff", [9], start=100)
    full = analyse(STATEMENTS, members + staff)

    everyone = suppress_small_groups(full)
    members_only = suppress_small_groups(full, perspectives=("member",))

    assert everyone.suppressed_perspectives == ("lto_staff",)
    assert everyone.discussion_points == ()
    assert members_only.suppressed_perspectives == ()
    assert [p.kind for p in members_only.discussion_points] == ["gap"]


def test_released_view_drops_which_responses_were_flat():
    responses = [flat_now(i, [5] * 7) for i in range(1, 4)]

    released = suppress_small_groups(analyse(STATEMENTS, responses))

    assert released.flat_response_ids == ()
    assert released.flat_review
    assert released.discussion_points[0].kind == "flat"


def test_describe_thresholds_gives_every_number():
    text = " ".join(map(str, describe_thresholds(Thresholds(k=5))))

    for number in ["2.0 points", "0.30", "25%", "30%", "a third", "at least 5"]:
        assert number in text


def test_describe_thresholds_states_the_real_small_group_rule():
    lines = [str(line) for line in describe_thresholds(Thresholds(k=3), k=4)]
    rule = lines[-1]

    assert rule == (
        "Shared results show the figures of partnership members, Local Trust staff "
        "and other respondents only when at least 4 of them answered. The views of "
        "LTO staff, workers and the rep are shown however few answered, and may be "
        "recognisable: they are told so before they answer."
    )
    assert "The first 5 are the ones to talk about first." in " ".join(lines)


def test_analyse_handles_ten_thousand_responses():
    responses = [
        response(
            i,
            ("member", "lto_staff", "worker")[i % 3],
            {s.key: (i * 7 + n) % 10 + 1 for n, s in enumerate(STATEMENTS)},
            then={s.key: (i + n) % 10 + 1 for n, s in enumerate(STATEMENTS)},
        )
        for i in range(10_000)
    ]

    result = analyse(STATEMENTS, responses)

    assert sum(result.respondents.values()) == 10_000
    assert len(result.groups) == 10 * 2 * 3


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (0.0, "see this very differently from one another"),
        (0.30, "see this very differently from one another"),
        (0.45, "see this quite differently"),
        (0.70, "partly agree"),
        (0.81, "mostly agree"),
        (0.95, "agree closely"),
    ],
)
def test_agreement_in_words_follows_the_same_bands_as_r_wg(value, words):
    assert agreement_in_words(value) == words
