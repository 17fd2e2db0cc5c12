"""Answer patterns for the demo reviews, with the signals the report looks for.

Each review gets a `ReviewPattern`: where its ten statements sit "then", "now" and
"would like", plus which statements carry a planted signal (PRODUCT.md, "Reading the
answers"): a gap between members and LTO staff, disagreement among members, a
direction split, many "don't know", and respondents who answer flat. Everything is
drawn from the seeded generator, so the same seed gives the same answers.
"""

import random
from dataclasses import dataclass, field

from demo.rows import rating
from reviews.analysis import Cell

SIGNALS = ("gap", "disagree", "split", "unknown", "flat")
STATEMENT_COUNT = 10
# Index of "Enabled residents to employ workers": not relevant to more partnerships.
EMPLOYING_WORKERS = 4
# Governance, funding and decision making: members often cannot tell.
OFTEN_UNKNOWN = (5, 7, 8)

# How each perspective tends to see the relationship, on top of the review's level.
PERSPECTIVE_OFFSET = {
    "member": 0.0,
    "lto_staff": 0.8,
    "worker": 0.4,
    "rep": 0.2,
    "other": 0.0,
}

COMMENTS = {
    "member": [
        "We hardly hear from the LTO between partnership meetings.",
        "The finance reports are much clearer than they used to be.",
        "I still don't really understand what the LTO does for us.",
        "Our worker has made a real difference to the estate.",
        "It took far too long to get the community garden lease sorted.",
        "The LTO helped us meet people at the council we would never have met.",
        "Some of us feel the LTO decides things before we have talked them over.",
        "Meetings are friendlier now and more residents come along.",
        "We need help thinking about what happens when the money runs out.",
        "Payments to small groups are slow and that puts people off.",
    ],
    "lto_staff": [
        "We would welcome clearer priorities from the partnership.",
        "Staff turnover on our side made last year difficult.",
        "The partnership has grown in confidence and takes on more itself.",
        "Our role is sometimes misunderstood as policing the spending.",
        "We are keen to talk about legacy arrangements early.",
    ],
    "worker": [
        "Being employed through the LTO works, but line management is distant.",
        "Residents lead more of the projects now than when I started.",
        "Clearer agreements about who decides what would help me.",
    ],
    "rep": [
        "The relationship has improved since the new link officer started.",
        "A facilitated conversation about roles would help both sides.",
        "Members and LTO staff describe the same events quite differently.",
    ],
    "other": [
        "A useful partnership for the neighbourhood.",
        "Hard to judge from outside, but things have moved forward.",
    ],
}
COMMENT_SHARE = 0.25


@dataclass
class ReviewPattern:
    """Where a review's statements sit, and which carry a planted signal."""

    then: list[float]
    now: list[float]
    like: list[float]
    signals: set[str] = field(default_factory=set)
    gap: dict[int, float] = field(default_factory=dict)
    disagree: set[int] = field(default_factory=set)
    split: set[int] = field(default_factory=set)
    unknown: set[int] = field(default_factory=set)
    flat_share: float = 0.0


def choose_signals(rng: random.Random, purpose: str) -> set[str]:
    """Most reviews carry one or two signals; mediation ones carry more."""
    troubled = purpose in {"mediation", "change_lto"}
    chances = {
        "gap": 0.8 if troubled else 0.35,
        "disagree": 0.7 if troubled else 0.3,
        "split": 0.2,
        "unknown": 0.25,
        "flat": 0.2,
    }
    return {signal for signal in SIGNALS if rng.random() < chances[signal]}


def make_pattern(rng: random.Random, signals: set[str]) -> ReviewPattern:
    then = [rng.uniform(2.5, 6.5) for _ in range(STATEMENT_COUNT)]
    now = [min(9.2, max(1.5, t + rng.uniform(-1.0, 3.5))) for t in then]
    like = [min(10.0, max(n, 7.0) + rng.uniform(0.5, 2.0)) for n in now]
    pattern = ReviewPattern(then=then, now=now, like=like, signals=set(signals))
    order = list(range(STATEMENT_COUNT))
    rng.shuffle(order)
    # Each signal gets its own statements so they do not blur one another.
    if "gap" in signals:
        for index in order[: rng.randint(1, 3)]:
            # Usually the LTO rates itself higher; now and then the other way round.
            pattern.gap[index] = rng.uniform(2.8, 4.5) * (
                1 if rng.random() < 0.8 else -1
            )
        order = order[len(pattern.gap) :]
    if "disagree" in signals:
        pattern.disagree = set(order[: rng.randint(1, 2)])
        order = order[len(pattern.disagree) :]
    if "split" in signals:
        pattern.split = {order.pop(0)}
    if "unknown" in signals:
        candidates = [i for i in OFTEN_UNKNOWN if i in order] or order[:1]
        pattern.unknown = set(rng.sample(candidates, min(len(candidates), 2)))
    if "flat" in signals:
        pattern.flat_share = rng.uniform(0.35, 0.5)
    return pattern


@dataclass
class Respondent:
    """One answering person's place in the review, as the pattern needs it."""

    perspective: str
    index: int  # position among the review's respondents of the same perspective
    not_involved_at_start: bool
    flat: bool


def answer_cells(
    rng: random.Random,
    pattern: ReviewPattern,
    respondent: Respondent,
    *,
    asks_like: bool,
) -> list[tuple[Cell, Cell, Cell]]:
    """Ten statements' answers, each its "then", "now" and "would like" cells."""
    perspective = respondent.perspective
    member = perspective == "member"
    offset = PERSPECTIVE_OFFSET.get(perspective, 0.0)
    bias = rng.gauss(0, 0.7)
    level = rng.randint(5, 8)
    cells = []
    for s in range(STATEMENT_COUNT):
        then = pattern.then[s] + offset + bias + rng.gauss(0, 1.0)
        now = pattern.now[s] + offset + bias + rng.gauss(0, 1.0)
        if s in pattern.gap:
            # Members below the review's level, LTO staff above, by the planned gap.
            if member:
                now -= pattern.gap[s] * 0.6
            elif perspective == "lto_staff":
                now += pattern.gap[s] * 0.4
        if member and s in pattern.disagree:
            now = rng.randint(1, 3) if respondent.index % 2 else rng.randint(8, 10)
        if member and s in pattern.split:
            then = rng.randint(4, 7)
            step = rng.randint(2, 4)
            now = then + step if respondent.index % 2 else then - step
        if respondent.flat:
            now = level + rng.choice((-1, 0, 0, 1))
        then_cell: Cell = rating(then)
        now_cell: Cell = rating(now)
        like_cell: Cell = None
        state = _state_for(rng, pattern, respondent, s)
        if state:
            then_cell = now_cell = state
        elif member and rng.random() < 0.04:
            # Knowing how things are now but not how they were is common.
            then_cell = "dont_know"
        if asks_like:
            like_cell = state or rating(pattern.like[s] + rng.gauss(0, 0.8))
        if respondent.not_involved_at_start:
            then_cell = None
        cells.append((then_cell, now_cell, like_cell))
    return cells


def _state_for(
    rng: random.Random, pattern: ReviewPattern, respondent: Respondent, s: int
) -> str:
    """ "dont_know", "not_relevant" or "" for one statement."""
    if respondent.flat:
        return ""
    member = respondent.perspective == "member"
    if member and s in pattern.unknown and rng.random() < 0.6:
        return "dont_know"
    if s == EMPLOYING_WORKERS and rng.random() < 0.06:
        return "not_relevant"
    if s in pattern.split or s in pattern.disagree or s in pattern.gap:
        return ""
    roll = rng.random()
    if roll < (0.04 if member else 0.015):
        return "dont_know"
    if roll < 0.06:
        return "not_relevant"
    return ""


def comment_for(rng: random.Random, perspective: str) -> str:
    if rng.random() >= COMMENT_SHARE:
        return ""
    pool = COMMENTS.get(perspective, COMMENTS["other"])
    return " ".join(rng.sample(pool, 1 if rng.random() < 0.7 else 2))
