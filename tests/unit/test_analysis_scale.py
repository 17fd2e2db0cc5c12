"""The analysis on a scale other than Big Local's 1 to 10: here 0 to 5 (A = 6)."""

import pytest

from reviews.analysis import (
    BIG_LOCAL_SCALE,
    DONT_KNOW,
    NOW,
    ResponseData,
    Scale,
    StatementInfo,
    analyse,
    rwg,
    summarise,
)

ZERO_TO_FIVE = Scale(0, 5)
STATEMENTS = [
    StatementInfo(key=f"s{i}", label=f"Statement {i}", text="", capital="", order=i)
    for i in range(1, 8)
]


def now_answers(id: int, values: list[int | str]) -> ResponseData:
    answers = {f"s{i}": {NOW: v} for i, v in enumerate(values, start=1)}
    return ResponseData(id=id, perspective="member", answers=answers)


def test_big_local_scale_has_ten_options_and_a_null_variance_of_8_25():
    assert (BIG_LOCAL_SCALE.min, BIG_LOCAL_SCALE.max) == (1, 10)
    assert BIG_LOCAL_SCALE.options == 10
    assert BIG_LOCAL_SCALE.null_variance == 8.25


def test_zero_to_five_has_six_options_and_a_null_variance_of_35_twelfths():
    assert ZERO_TO_FIVE.options == 6
    assert ZERO_TO_FIVE.null_variance == pytest.approx(35 / 12)
    assert list(ZERO_TO_FIVE.ratings) == [0, 1, 2, 3, 4, 5]


def test_scale_comes_from_a_framework_versions_range():
    assert Scale.from_range(range(0, 6)) == ZERO_TO_FIVE


@pytest.mark.parametrize("bounds", [(5, 5), (6, 0)])
def test_scale_needs_max_above_min(bounds):
    with pytest.raises(ValueError):
        Scale(*bounds)


def test_rwg_on_six_options_divides_by_35_twelfths():
    # s² of 2, 3, 4 is 1; 1 - 1 / (35 / 12) = 23/35 = 0.657
    assert rwg([2, 3, 4], ZERO_TO_FIVE.options) == pytest.approx(23 / 35)


def test_rwg_on_six_options_truncates_at_zero():
    # s² of 0, 5, 0, 5 is 25/3, above 35/12
    assert rwg([0, 5, 0, 5], ZERO_TO_FIVE.options) == 0.0


def test_summary_counts_a_rating_of_zero():
    summary = summarise([0, 5, 3, DONT_KNOW, None], ZERO_TO_FIVE)

    assert (summary.n, summary.dont_know) == (3, 1)
    assert summary.mean == pytest.approx(8 / 3)
    assert (summary.median, summary.min, summary.max) == (3.0, 0, 5)


def test_summary_median_of_an_even_count_on_zero_to_five():
    assert summarise([0, 0, 1, 4], ZERO_TO_FIVE).median == 0.5


@pytest.mark.parametrize("off_scale", [6, -1])
def test_summary_refuses_a_rating_off_the_scale(off_scale):
    with pytest.raises(ValueError):
        summarise([off_scale], ZERO_TO_FIVE)


def test_analyse_works_out_agreement_over_six_options():
    responses = [now_answers(i, [v]) for i, v in enumerate([2, 3, 4], start=1)]

    result = analyse(STATEMENTS, responses, scale=ZERO_TO_FIVE)

    group = result.group("s1", NOW, "member")
    assert group.summary.mean == 3.0
    assert group.rwg == pytest.approx(23 / 35)
    assert group.rwg_band == "moderate agreement"
    assert result.scale == ZERO_TO_FIVE


def test_analyse_finds_a_flat_response_at_the_bottom_of_zero_to_five():
    result = analyse(
        STATEMENTS, [now_answers(1, [0, 1, 2, 0, 1, 2, 0])], scale=ZERO_TO_FIVE
    )

    assert result.flat_response_ids == (1,)
    assert result.flat_review


def test_analyse_does_not_call_a_full_range_response_flat_on_zero_to_five():
    result = analyse(
        STATEMENTS, [now_answers(1, [0, 5, 2, 3, 1, 4, 0])], scale=ZERO_TO_FIVE
    )

    assert result.flat_response_ids == ()
    assert result.flat_assessed == 1


def test_analyse_refuses_a_rating_off_the_scale_it_is_given():
    with pytest.raises(ValueError):
        analyse(STATEMENTS, [now_answers(1, [6])], scale=ZERO_TO_FIVE)


def test_analyse_without_a_scale_reads_big_locals_1_to_10():
    assert analyse(STATEMENTS, []).scale == BIG_LOCAL_SCALE
