"""Comparisons: gaps between perspective groups, and change from then to now.

A gap is the difference of two groups' means on one statement and column,
flagged on "now" at the threshold's size. A change is the mean of now − then
among a group's respondents who rated both: information, never good or bad. It
is flagged as a split when enough of the group rate it higher and enough lower.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations, groupby

from reviews.analysis.numbers import comparable
from reviews.analysis.records import Change, Gap, GroupResult
from reviews.analysis.thresholds import Thresholds
from reviews.analysis.words import NOW


def gaps(groups: Sequence[GroupResult], t: Thresholds) -> tuple[Gap, ...]:
    """Every pair of groups with a mean, per statement and column."""
    found = []
    rated = (g for g in groups if g.summary.mean is not None)
    # groups arrive ordered by statement, column, perspective: pair within a run.
    for _, run in groupby(rated, key=lambda g: (g.statement, g.column)):
        for a, b in combinations(run, 2):
            mean_a, mean_b = a.summary.mean, b.summary.mean
            assert mean_a is not None and mean_b is not None
            diff = mean_a - mean_b
            flagged = a.column == NOW and comparable(abs(diff)) >= comparable(
                t.gap_flag
            )
            found.append(
                Gap(a.statement, a.column, a.perspective, b.perspective,
                    mean_a, mean_b, diff, flagged, a.summary.n, b.summary.n)
            )  # fmt: skip
    return tuple(found)


def changes(
    keys: Sequence[str],
    perspectives: Sequence[str],
    diffs: dict[str, list[list[int]]],
    t: Thresholds,
) -> tuple[Change, ...]:
    """Change per statement and group, from [n, sum of now - then, rose, fell]."""
    return tuple(
        Change(
            key,
            p,
            n,
            total / n,
            rose,
            fell,
            n - rose - fell,
            is_split(n, rose, fell, t),
        )
        for si, key in enumerate(keys)
        for p in perspectives
        for n, total, rose, fell in [diffs[p][si]]
        if n
    )


def is_split(n: int, rose: int, fell: int, t: Thresholds) -> bool:
    share = comparable(t.split_share)
    return (
        n >= t.split_min_n
        and comparable(rose / n) >= share
        and comparable(fell / n) >= share
    )
