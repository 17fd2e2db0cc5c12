"""Summaries of one group's ratings and how far the group agrees.

Answers are counted into a histogram over the scale (one slot per rating, then
don't know, then not relevant), and summaries are read from the histogram.
Ratings are integers, so sums and sums of squares are exact: results do not
depend on the order of the responses, not even in the last bit of a float.

Agreement is r_wg = 1 − s²/σ²_EU (James, Demaree & Wolf), truncated at 0, and
is banded after LeBreton & Senter (2008) by the thresholds in force.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from reviews.analysis.numbers import comparable
from reviews.analysis.records import Cell, Summary
from reviews.analysis.scale import BIG_LOCAL_SCALE, Scale
from reviews.analysis.thresholds import DEFAULT_THRESHOLDS, Thresholds
from reviews.analysis.words import AGREEMENT_WORDS, DONT_KNOW, NOT_RELEVANT


def rwg(
    ratings: Sequence[float], options: int = BIG_LOCAL_SCALE.options
) -> float | None:
    """Within-group agreement r_wg = 1 - s²/σ²_EU over `options` ratings, at least 0.

    None for fewer than two ratings; callers apply their own minimum n. Pass a
    framework version's `Scale.options` for its scale.
    """
    n = len(ratings)
    if n < 2:
        return None
    if options < 2:
        raise ValueError("a scale needs at least two options")
    return rwg_from_variance(
        variance(n, sum(ratings), sum(x * x for x in ratings)), options
    )


def variance(n: int, total: float, squares: float) -> float:
    """Sample variance from a count, a sum and a sum of squares (n ≥ 2)."""
    # Exact for integer ratings; max() absorbs float noise for other inputs.
    return max(0.0, (n * squares - total * total) / (n * (n - 1)))


def rwg_from_variance(s2: float, options: int) -> float:
    expected = (options * options - 1) / 12
    if s2 > expected:
        return 0.0
    return 1 - s2 / expected


def rwg_band(value: float, thresholds: Thresholds = DEFAULT_THRESHOLDS) -> str:
    for upper, name in thresholds.rwg_bands:
        if comparable(value) <= upper:
            return name
    return thresholds.rwg_bands[-1][1]


def agreement_in_words(
    value: float, thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> str:
    """r_wg in plain words, by the same bands as `rwg_band`."""
    for (upper, _), words in zip(thresholds.rwg_bands, AGREEMENT_WORDS, strict=False):
        if comparable(value) <= upper:
            return words
    return AGREEMENT_WORDS[-1]


def slots(scale: Scale) -> dict[object, int]:
    """Where each possible cell is counted: the ratings, then don't know, then NR."""
    at: dict[object, int] = {v: i for i, v in enumerate(scale.ratings)}
    at[DONT_KNOW] = scale.options
    at[NOT_RELEVANT] = scale.options + 1
    return at


def histogram_width(scale: Scale) -> int:
    return scale.options + 2


def summary_and_variance(
    counts: Sequence[int], scale: Scale
) -> tuple[Summary, float | None]:
    """Summary and exact sample variance from a histogram of answers."""
    options = scale.options
    dont_know, not_relevant = counts[options], counts[options + 1]
    n = total = squares = 0
    lowest: int | None = None
    highest = 0
    for value, c in zip(scale.ratings, counts, strict=False):
        if c:
            n += c
            total += value * c
            squares += value * value * c
            if lowest is None:
                lowest = value
            highest = value
    if n == 0:
        return Summary(0, dont_know, not_relevant), None
    var = variance(n, total, squares) if n >= 2 else None
    sd = math.sqrt(var) if var is not None else None
    # The median sits at 0-based positions (n-1)//2 and n//2 of the sorted ratings.
    median = (_nth(counts, (n - 1) // 2) + _nth(counts, n // 2)) / 2 + scale.min
    mean = total / n
    summary = Summary(n, dont_know, not_relevant, mean, median, lowest, highest, sd)
    return summary, var


def _nth(counts: Sequence[int], index: int) -> int:
    """The slot of the index-th smallest rating (0-based) in a histogram."""
    for slot, count in enumerate(counts):
        index -= count
        if index < 0:
            return slot
    raise IndexError(index)


def count_cells(cells: Iterable[Cell], scale: Scale) -> list[int]:
    """A histogram of one column's answers; skipped cells (None) are not counted."""
    counts = [0] * histogram_width(scale)
    at = slots(scale)
    for cell in cells:
        if cell is not None:
            counts[slot_of(cell, at)] += 1
    return counts


def slot_of(cell: int | str, at: dict[object, int]) -> int:
    # type() keeps True and 7.0 out: they would hash like 1 and 7.
    slot = at.get(cell) if type(cell) in (int, str) else None
    if slot is None:
        raise ValueError(f"not an answer: {cell!r}")
    return slot


def summarise(cells: Iterable[Cell], scale: Scale = BIG_LOCAL_SCALE) -> Summary:
    """Summary of one column's answers; don't know and not relevant counted apart."""
    return summary_and_variance(count_cells(cells, scale), scale)[0]
