"""The one rounding rule: half up to one decimal, whatever the float holds."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reviews.analysis import (
    half_up,
    one_decimal,
    percent,
    signed_one_decimal,
    two_decimals,
)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (5.25, "5.3"),
        (5.35, "5.4"),
        (2.05, "2.1"),
        (0.15, "0.2"),
        (0.25, "0.3"),
        (1.05, "1.1"),
        (2.675, "2.7"),
        (0.45, "0.5"),
        (4.0, "4.0"),
        (8, "8.0"),
        (4.249, "4.2"),
        (9.95, "10.0"),
    ],
)
def test_ties_round_half_up_to_one_decimal(value, shown):
    assert one_decimal(value) == shown


def test_a_difference_with_float_noise_rounds_as_the_decimal_it_stands_for():
    # 6.1 - 4.05 is 2.0499999999999998 in binary.
    assert one_decimal(6.1 - 4.05) == "2.1"
    assert one_decimal(107 / 20) == "5.4"


def test_negative_ties_round_away_from_zero_and_zero_has_no_sign():
    assert one_decimal(-5.25) == "-5.3"
    assert one_decimal(-0.04) == "0.0"


def test_signed_numbers_carry_a_plus_only_when_above_zero():
    assert signed_one_decimal(1.25) == "+1.3"
    assert signed_one_decimal(-1.25) == "-1.3"
    assert signed_one_decimal(0.04) == "0.0"


def test_agreement_and_shares_round_half_up_too():
    assert two_decimals(0.305) == "0.31"
    assert two_decimals(0.3) == "0.30"
    assert percent(0.125) == "13%"
    assert percent(2 / 7) == "29%"
    assert percent(0.145) == "15%"


@given(st.integers(-10_000, 10_000))
def test_every_tie_of_two_decimals_rounds_away_from_zero(hundredths):
    value = hundredths / 100
    expected = (
        Decimal(hundredths)
        .scaleb(-2)
        .quantize(Decimal("0.1"), rounding="ROUND_HALF_UP")
    )
    assert half_up(value) == expected
