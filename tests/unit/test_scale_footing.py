"""The common footing for reviews on different scales: a share of the scale."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reviews.analysis import (
    BIG_LOCAL_SCALE,
    FOOTING_WORDS,
    SHARE_OF_SCALE,
    Scale,
    describe_programme_rules,
    names_another_scale,
    one_decimal,
    share_of_scale,
)

ZERO_TO_FIVE = Scale(0, 5)


def test_the_ends_of_any_scale_are_0_and_100_percent():
    for scale in (BIG_LOCAL_SCALE, ZERO_TO_FIVE, Scale(1, 5)):
        assert share_of_scale(scale.min, scale) == 0
        assert share_of_scale(scale.max, scale) == 100


def test_a_mean_is_its_distance_up_the_scale_as_a_reader_would_work_it_out():
    assert share_of_scale(5.5, BIG_LOCAL_SCALE) == 50
    assert share_of_scale(2.5, ZERO_TO_FIVE) == 50
    # The example the pages give: 6.1 on 1 to 10 is (6.1 - 1) / 9.
    assert one_decimal(share_of_scale(6.1, BIG_LOCAL_SCALE)) == "56.7"
    assert "an average of 6.1 is 56.7%" in FOOTING_WORDS


def test_the_top_of_a_short_scale_is_never_below_anything_on_a_longer_one():
    assert share_of_scale(5, ZERO_TO_FIVE) >= share_of_scale(9.9, BIG_LOCAL_SCALE)
    assert share_of_scale(0, ZERO_TO_FIVE) <= share_of_scale(1.1, BIG_LOCAL_SCALE)


@given(
    low=st.integers(0, 50),
    size=st.integers(1, 50),
    a=st.floats(0, 1),
    b=st.floats(0, 1),
)
def test_shares_keep_the_order_of_means_on_one_scale(low, size, a, b):
    scale = Scale(low, low + size)
    x, y = low + a * size, low + b * size
    if x <= y:
        assert share_of_scale(x, scale) <= share_of_scale(y, scale)


def test_an_axis_over_the_share_is_marked_every_ten_percent():
    assert list(SHARE_OF_SCALE.ticks) == list(range(0, 101, 10))
    assert list(ZERO_TO_FIVE.ticks) == [0, 1, 2, 3, 4, 5]
    assert SHARE_OF_SCALE.label == "0–100"
    assert BIG_LOCAL_SCALE.words == "from 1 (least) to 10 (most)"


@pytest.mark.parametrize(
    "text",
    [
        "On a rating between 1 and 10, where 1 is least",
        "Rate each from 1 to 10.",
        "Use the 1-10 scale.",
        "Use the 1–10 scale.",
        "Give a rating from 1 (least) to 10 (most).",
    ],
)
def test_an_instruction_naming_1_to_10_names_another_scale_than_0_to_5(text):
    assert names_another_scale(text, ZERO_TO_FIVE)
    assert not names_another_scale(text, BIG_LOCAL_SCALE)


def test_an_instruction_that_names_no_range_names_no_other_scale():
    assert not names_another_scale("Rate each statement, 0 is least.", ZERO_TO_FIVE)


def test_how_we_read_the_answers_states_the_footing():
    assert any(FOOTING_WORDS in str(line) for line in describe_programme_rules())
