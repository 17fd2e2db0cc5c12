"""Every number the divergence report flags by, in one place, and its wording.

The report's "How we flag" box is `describe_thresholds()` of the thresholds in
force. Values are compared with a threshold through `comparable()`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Thresholds:
    """Every number the report flags by, with the defaults from PRODUCT.md."""

    rwg_min_n: int = 3
    rwg_flag_at: float = 0.30
    # (upper bound inclusive, band name), after LeBreton & Senter (2008).
    rwg_bands: tuple[tuple[float, str], ...] = (
        (0.30, "lack of agreement"),
        (0.50, "weak agreement"),
        (0.70, "moderate agreement"),
        (0.90, "strong agreement"),
        (1.00, "very strong agreement"),
    )
    gap_flag: float = 2.0
    split_min_n: int = 4
    split_share: float = 0.25
    flat_range: int = 2
    flat_min_answered: int = 7
    flat_review_share: float = 1 / 3
    unknown_share: float = 0.30
    k: int = 3


DEFAULT_THRESHOLDS = Thresholds()


def comparable(value: float) -> float:
    """`value` rounded to six places, ready to compare with a threshold."""
    # So that 6.1 - 4.1 (1.9999999999999996) counts as a gap of 2.0.
    return round(value, 6)


def _share_words(share: float) -> str:
    if math.isclose(share, 1 / 3):
        return "a third"
    if math.isclose(share, 1 / 2):
        return "half"
    return f"{share:.0%}"


def describe_thresholds(t: Thresholds = DEFAULT_THRESHOLDS) -> list[str]:
    """Plain-English lines for the report's "How we flag" box."""
    bands = []
    lower = 0.0
    for upper, name in t.rwg_bands:
        bands.append(f"{lower:.2f}–{upper:.2f} {name}")
        lower = upper + 0.01
    return [
        "Averages leave out \u201cdon\u2019t know\u201d and "
        "\u201cnot relevant to us\u201d.",
        "Flags look at how things are now; the other columns are shown for reference.",
        f"A gap of {t.gap_flag:.1f} points or more between two groups\u2019 average "
        "ratings is flagged.",
        f"Agreement within a group (r_wg) is worked out when at least {t.rwg_min_n} "
        f"people in it gave a rating; {t.rwg_flag_at:.2f} or below is flagged as "
        "\u201cthe group sees this differently\u201d.",
        "Agreement bands: " + "; ".join(bands) + " (LeBreton & Senter, 2008).",
        f"A group of at least {t.split_min_n} people who rated both columns is "
        f"flagged as split when {t.split_share:.0%} or more rate a statement higher "
        f"now than at first and {t.split_share:.0%} or more rate it lower.",
        f"A statement is flagged when {t.unknown_share:.0%} or more of a group "
        "answering it chose \u201cdon\u2019t know\u201d.",
        f"A response is flat when its ratings span {t.flat_range} points or less "
        f"across at least {t.flat_min_answered} statements; the review is flagged "
        f"when {_share_words(t.flat_review_share)} or more of the responses that "
        "rated that many statements are flat.",
        "Change is the average of now minus at first, among people who rated "
        "both: information, not a score.",
        f"Shared results show a group only when at least {t.k} people in it answered.",
    ]
