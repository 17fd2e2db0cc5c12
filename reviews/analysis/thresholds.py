"""Every number the divergence report flags by, in one place, and its wording.

The report's "How we flag" box is `describe_thresholds()` of the thresholds in
force. Values are compared with a threshold through `comparable()`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reviews.analysis.numbers import one_decimal, percent, two_decimals
from reviews.analysis.scale import FOOTING_WORDS
from reviews.analysis.words import (
    PERSPECTIVE_GROUPS,
    PERSPECTIVE_ONE_PERSON,
    PERSPECTIVES,
)

# Perspectives shown in shared results at any size: their forms tell them, before
# they answer, that their answers are shown as "the LTO's view" (or the rep's)
# and may be recognisable. Every other perspective is shown only from k answers.
SHOWN_AT_ANY_SIZE = ("lto_staff", "worker", "rep")


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
    # How many discussion points go under "What to talk about first".
    agenda_first: int = 5
    # A point rests on few ratings, and says so first, when fewer than this
    # share of a group answering the statement gave it a rating.
    thin_share: float = 0.5


DEFAULT_THRESHOLDS = Thresholds()


@dataclass(frozen=True)
class AttentionRules:
    """When the area list marks an area "needs attention": each rule reads what
    its reviews hold. A marker that invites a conversation, never a rank.

    A relationship overdue its review is not among them: the schedule says so
    on its own (the list's "Overdue" filter, the overdue list), and in a
    programme where most relationships are late it would mark most areas."""

    # A gap between two perspectives' averages "now" in the latest closed review,
    # as a share of its scale's span (a third: 3.0 points on 1 to 10), each side
    # rated by at least `gap_min_people`.
    gap_share: float = 1 / 3
    gap_min_people: int = 2
    # An agreed action still open this long after its due date.
    action_overdue_days: int = 30
    # A review open this long with fewer responses than `few_responses`.
    open_grace_days: int = 14
    few_responses: int = 5

    def gap_points(self, scale_min: int, scale_max: int) -> float:
        """The gap that marks an area, in points of a scale."""
        return self.gap_share * (scale_max - scale_min)


ATTENTION = AttentionRules()


def describe_attention(r: AttentionRules = ATTENTION) -> tuple[str, ...]:
    """The rules in plain words, for the area list and "How we flag"."""
    return (
        "in the latest closed review, two perspectives\u2019 average ratings now "
        f"differ by {_share_words(r.gap_share)} of its scale or more "
        f"({one_decimal(r.gap_points(1, 10))} points on 1 to 10), each from "
        f"{r.gap_min_people} or more people",
        f"an agreed action is still open more than {r.action_overdue_days} days "
        "after its due date",
        f"a review has been open more than {r.open_grace_days} days with fewer "
        f"than {r.few_responses} responses",
    )


def _share_words(share: float) -> str:
    if math.isclose(share, 1 / 3):
        return "a third"
    if math.isclose(share, 1 / 2):
        return "half"
    return percent(share)


def _listed(words: list[str]) -> str:
    return ", ".join(words[:-1]) + " and " + words[-1] if len(words) > 1 else words[0]


def small_group_rule(k: int) -> str:
    """The small-group rule, as every page that states it says it."""
    hidden = [PERSPECTIVE_GROUPS[p] for p in PERSPECTIVES if p not in SHOWN_AT_ANY_SIZE]
    shown = [
        PERSPECTIVE_ONE_PERSON[p] if p == "rep" else PERSPECTIVE_GROUPS[p]
        for p in PERSPECTIVES
        if p in SHOWN_AT_ANY_SIZE
    ]
    return (
        f"Shared results show the figures of {_listed(hidden)} only when at least "
        f"{k} of them answered. The views of {_listed(shown)} are shown however "
        "few answered, and may be recognisable: they are told so before they answer."
    )


def describe_thresholds(
    t: Thresholds = DEFAULT_THRESHOLDS, k: int | None = None
) -> list[str]:
    """Plain-English lines for the report's "How we flag" box; `k` is the review's
    small-group size where it sets its own."""
    bands = []
    lower = 0.0
    for upper, name in t.rwg_bands:
        bands.append(f"{two_decimals(lower)}–{two_decimals(upper)} {name}")
        lower = upper + 0.01
    split, unknown = percent(t.split_share), percent(t.unknown_share)
    return [
        "Averages leave out \u201cdon\u2019t know\u201d and "
        "\u201cnot relevant to us\u201d.",
        "Flags look at how things are now; the other columns are shown for reference.",
        f"A gap of {one_decimal(t.gap_flag)} points or more between two groups\u2019 "
        "average ratings is flagged.",
        f"Agreement within a group (r_wg) is worked out when at least {t.rwg_min_n} "
        f"people in it gave a rating; {two_decimals(t.rwg_flag_at)} or below is "
        "flagged as the group \u201cseeing this very differently from one "
        "another\u201d.",
        "Agreement bands: " + "; ".join(bands) + " (LeBreton & Senter, 2008).",
        f"A group of at least {t.split_min_n} people who rated both columns is "
        f"flagged as split when {split} or more of them rate a statement higher now "
        f"than at first and {split} or more rate it lower.",
        f"A statement is flagged when {unknown} or more of a group answering it "
        "chose \u201cdon\u2019t know\u201d.",
        f"A response is flat when its ratings span {t.flat_range} points or less "
        f"across at least {t.flat_min_answered} statements; the review is flagged "
        f"when {_share_words(t.flat_review_share)} or more of the responses that "
        "rated that many statements are flat.",
        "Change is the average of now minus at first, among people who rated "
        "both: information, not a score.",
        _agenda_rule(t),
        small_group_rule(t.k if k is None else k),
    ]


def describe_programme_rules() -> list[str]:
    """The lines of "How we flag" about more than one review: how reviews on
    different scales are compared, and when an area needs attention. The results
    page shows them after `describe_thresholds`; the meeting pack, about one
    review, leaves them out."""
    return [
        "Where reviews are compared (change over time, the programme overview): "
        + FOOTING_WORDS,
        "Across the programme, an area is marked \u201cneeds attention\u201d when "
        + "; or ".join(describe_attention())
        + ".",
    ]


def _agenda_rule(t: Thresholds) -> str:
    return (
        "Discussion points: one for each statement with any flag, ordered by its "
        "strongest signal (a gap, then disagreement within a group, then a split, "
        "then \u201cdon\u2019t know\u201d), flat answers last. A gap makes a "
        "point only when at least one side has two or more people. The first "
        f"{t.agenda_first} are the ones to talk about first. A point says first "
        f"when it rests on few ratings: fewer than {_share_words(t.thin_share)} of "
        "a group answering the statement gave it a rating."
    )
