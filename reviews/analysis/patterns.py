"""Patterns in how people answered: flat responses and "don't know".

A flat response gives almost the same "now" rating to every statement; when a
third or more of a review's responses are flat, its priorities may need
articulating. A statement is flagged as unknown when enough of a group chose
"don't know" about it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reviews.analysis.numbers import comparable
from reviews.analysis.records import Summary
from reviews.analysis.thresholds import Thresholds


@dataclass(frozen=True)
class Flatness:
    response_ids: tuple[int, ...]
    assessed: int
    review_flagged: bool


def flatness(now_spreads: Iterable[tuple[int, int, int]], t: Thresholds) -> Flatness:
    """Flat responses among (id, "now" ratings given, their range) triples."""
    assessed = [
        (response_id, spread)
        for response_id, n, spread in now_spreads
        if n >= t.flat_min_answered
    ]
    flat = sorted(
        response_id for response_id, spread in assessed if spread <= t.flat_range
    )
    review_flagged = bool(assessed) and comparable(len(flat) / len(assessed)) >= (
        comparable(t.flat_review_share)
    )
    return Flatness(tuple(flat), len(assessed), review_flagged)


def dont_know_share(summary: Summary) -> float | None:
    """The share of everyone who answered that chose "don't know"."""
    return summary.dont_know / summary.answered if summary.answered else None


def is_unknown(share: float | None, t: Thresholds) -> bool:
    return share is not None and comparable(share) >= comparable(t.unknown_share)
