"""Whether a review holds a gap wide enough to mark its area "needs attention".

The rule's numbers and words are `thresholds.AttentionRules`; this reads one
review's analysis against them, on the review's own scale.
"""

from __future__ import annotations

from reviews.analysis.numbers import comparable
from reviews.analysis.records import Analysis
from reviews.analysis.thresholds import ATTENTION, AttentionRules
from reviews.analysis.words import NOW


def has_wide_gap(a: Analysis, r: AttentionRules = ATTENTION) -> bool:
    """Two perspectives, each rated by `gap_min_people` or more, whose averages
    now differ by `gap_share` of the scale or more."""
    wide = comparable(r.gap_points(a.scale.min, a.scale.max))
    return any(
        g.column == NOW
        and min(g.n_a, g.n_b) >= r.gap_min_people
        and comparable(abs(g.gap)) >= wide
        for g in a.gaps
    )
