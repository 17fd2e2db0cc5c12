"""The one rounding rule: numbers are shown rounded half up (5.25 shows as 5.3).

Every table, sentence, chart label, hover text, pack and export formats its
numbers here, so the same figure reads the same everywhere. Python's `round()`
and format specs round half to even on the float's binary value (5.25 shows as
5.2, 2.675 as 2.67), so neither is used for anything a person reads.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def comparable(value: float) -> float:
    """`value` rounded to six places, ready to compare with a threshold."""
    # So that 6.1 - 4.1 (1.9999999999999996) counts as a gap of 2.0.
    return round(value, 6)


def half_up(value: float, places: int = 1) -> Decimal:
    """`value` rounded half up (away from zero at a tie) to `places` decimals."""
    # comparable() first drops float noise (6.1 - 4.05 is 2.0499999999999998),
    # and repr() gives the shortest decimal that reads back as the same float,
    # so 2.675 is rounded as the 2.675 people wrote, not 2.67499999...
    exact = Decimal(repr(comparable(value)))
    result = exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    # No "-0.0": a value that rounds to nothing has no sign.
    return result.copy_abs() if result.is_zero() else result


def one_decimal(value: float) -> str:
    """`value` to one decimal place, rounded half up: 5.25 -> "5.3"."""
    return str(half_up(value, 1))


def signed_one_decimal(value: float) -> str:
    """`one_decimal` with a plus sign on positive values: "+1.5", "-0.5", "0.0"."""
    text = one_decimal(value)
    return text if text.startswith("-") or half_up(value).is_zero() else f"+{text}"


def two_decimals(value: float) -> str:
    """For agreement (r_wg), which is read to two places: 0.305 -> "0.31"."""
    return str(half_up(value, 2))


def percent(share: float) -> str:
    """A share as a whole percentage, rounded half up: 0.125 -> "13%"."""
    return f"{half_up(share * 100, 0)}%"
