"""Every number the divergence report flags by, in one place, and its wording.

The report's "How we flag" box is `describe_thresholds()` of the thresholds in
force. Values are compared with a threshold through `comparable()`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reviews.analysis.numbers import one_decimal, percent, two_decimals
from reviews.analysis.phrases import Phrase, gettext, joined, listed, word
from reviews.analysis.scale import FOOTING_WORDS
from reviews.analysis.words import (
    IN_A_SENTENCE,
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


def describe_attention(r: AttentionRules = ATTENTION) -> tuple[Phrase, ...]:
    """The rules in plain words, for the area list and "How we flag"."""
    return (
        gettext(
            "in the latest closed review, two perspectives’ average ratings "
            "now differ by {share} of its scale or more ({points} points on 1 to "
            "10), each from {people} or more people",
            share=_share_words(r.gap_share),
            points=one_decimal(r.gap_points(1, 10)),
            people=r.gap_min_people,
        ),
        gettext(
            "an agreed action is still open more than {days} days after its due date",
            days=r.action_overdue_days,
        ),
        gettext(
            "a review has been open more than {days} days with fewer than {few} "
            "responses",
            days=r.open_grace_days,
            few=r.few_responses,
        ),
    )


def _share_words(share: float) -> Phrase | str:
    if math.isclose(share, 1 / 3):
        return gettext("a third")
    if math.isclose(share, 1 / 2):
        return gettext("half")
    return percent(share)


def small_group_rule(k: int) -> Phrase:
    """The small-group rule, as every page that states it says it."""
    hidden = [
        word(PERSPECTIVE_GROUPS[p], context=IN_A_SENTENCE)
        for p in PERSPECTIVES
        if p not in SHOWN_AT_ANY_SIZE
    ]
    shown = [
        word(PERSPECTIVE_ONE_PERSON[p])
        if p == "rep"
        else word(PERSPECTIVE_GROUPS[p], context=IN_A_SENTENCE)
        for p in PERSPECTIVES
        if p in SHOWN_AT_ANY_SIZE
    ]
    return gettext(
        "Shared results show the figures of {hidden} only when at least {k} of them "
        "answered. The views of {shown} are shown however few answered, and may be "
        "recognisable: they are told so before they answer.",
        hidden=listed(hidden),
        k=k,
        shown=listed(shown),
    )


def describe_thresholds(
    t: Thresholds = DEFAULT_THRESHOLDS, k: int | None = None
) -> list[Phrase]:
    """Plain lines for the report's "How we flag" box, said in the page's
    language (`Phrase.say`); `k` is the review's small-group size where it sets
    its own."""
    bands = []
    lower = 0.0
    for upper, name in t.rwg_bands:
        bands.append(
            gettext(
                "{lower}–{upper} {name}",
                lower=two_decimals(lower),
                upper=two_decimals(upper),
                name=word(name),
            )
        )
        lower = upper + 0.01
    split, unknown = percent(t.split_share), percent(t.unknown_share)
    return [
        gettext("Averages leave out “don’t know” and “not relevant to us”."),
        gettext(
            "Flags look at how things are now; the other columns are shown for "
            "reference."
        ),
        gettext(
            "A gap of {gap} points or more between two groups’ average ratings "
            "is flagged.",
            gap=one_decimal(t.gap_flag),
        ),
        gettext(
            "Agreement within a group (r_wg) is worked out when at least {n} people "
            "in it gave a rating; {flag} or below is flagged as the group "
            "“seeing this very differently from one another”.",
            n=t.rwg_min_n,
            flag=two_decimals(t.rwg_flag_at),
        ),
        gettext(
            "Agreement bands: {bands} (LeBreton & Senter, 2008).", bands=joined(bands)
        ),
        gettext(
            "A group of at least {n} people who rated both columns is flagged as "
            "split when {split} or more of them rate a statement higher now than at "
            "first and {split} or more rate it lower.",
            n=t.split_min_n,
            split=split,
        ),
        gettext(
            "A statement is flagged when {unknown} or more of a group answering it "
            "chose “don’t know”.",
            unknown=unknown,
        ),
        gettext(
            "A response is flat when its ratings span {range} points or less across "
            "at least {answered} statements; the review is flagged when {share} or "
            "more of the responses that rated that many statements are flat.",
            range=t.flat_range,
            answered=t.flat_min_answered,
            share=_share_words(t.flat_review_share),
        ),
        gettext(
            "Change is the average of now minus at first, among people who rated "
            "both: information, not a score."
        ),
        _agenda_rule(t),
        small_group_rule(t.k if k is None else k),
    ]


def describe_programme_rules() -> list[Phrase]:
    """The lines of "How we flag" about more than one review: how reviews on
    different scales are compared, and when an area needs attention. The results
    page shows them after `describe_thresholds`; the meeting pack, about one
    review, leaves them out."""
    rules = describe_attention()
    either = rules[0]
    for rule in rules[1:]:
        either = gettext("{first}; or {then}", first=either, then=rule)
    return [
        gettext(
            "Where reviews are compared (change over time, the programme overview): "
            "{footing}",
            footing=word(FOOTING_WORDS),
        ),
        gettext(
            "Across the programme, an area is marked “needs attention” when {rules}.",
            rules=either,
        ),
    ]


def _agenda_rule(t: Thresholds) -> Phrase:
    return gettext(
        "Discussion points: one for each statement with any flag, ordered by its "
        "strongest signal (a gap, then disagreement within a group, then a split, "
        "then “don’t know”), flat answers last. A gap makes a "
        "point only when at least one side has two or more people. The first "
        "{first} are the ones to talk about first. A point says first when it "
        "rests on few ratings: fewer than {share} of a group answering the "
        "statement gave it a rating.",
        first=t.agenda_first,
        share=_share_words(t.thin_share),
    )
