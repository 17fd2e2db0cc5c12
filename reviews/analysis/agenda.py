"""Discussion points: the agenda a rep opens the meeting with.

One point per statement with any flag on "now". A point opens with the
statement's strongest signal and then gives every other signal on it, in one
paragraph of plain words about people ("the rep", "partnership members (8)").
Points are ordered by their strongest signal: a gap (largest first), then
disagreement within a group (lowest agreement first), then a direction split
(most even first), then "don't know" (largest share first); ties in the
framework's order. A review-level flat-answers point comes last.

A gap between one person and one person is not a pattern: it never makes a
statement a point on its own, but it is mentioned when the statement is a point
for another reason.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import NamedTuple

from reviews.analysis.numbers import comparable, one_decimal, percent
from reviews.analysis.records import Analysis, DiscussionPoint, Gap, StatementInfo
from reviews.analysis.words import (
    NOW,
    PERSPECTIVE_GROUPS,
    PERSPECTIVE_ONE_PERSON,
    PERSPECTIVES,
)

KINDS = ("gap", "disagreement", "split", "unknown", "flat")

_KIND_RANK = {k: i for i, k in enumerate(KINDS)}
_PERSPECTIVE_RANK = {p: i for i, p in enumerate(PERSPECTIVES)}


class _Signal(NamedTuple):
    # Smaller comes first: (kind rank, metric, perspective ranks).
    rank: tuple[float, ...]
    kind: str
    perspectives: tuple[str, ...]
    # False for a gap between one person and one person.
    makes_point: bool
    clause: str


def with_discussion_points(a: Analysis) -> Analysis:
    """`a` with its flags turned into the agenda: one point per flagged statement."""
    points = []
    for statement in a.statements:
        signals = sorted(_signals(a, statement), key=_weight)
        if signals and signals[0].makes_point:
            points.append(_point(a, statement, signals))
    points.sort(key=lambda p: p.sort_key)
    points.extend(_flat_points(a))
    return replace(a, discussion_points=tuple(points))


def _weight(signal: _Signal) -> tuple[bool, tuple[float, ...]]:
    # A one-against-one gap is mentioned after every signal that makes a point.
    return (not signal.makes_point, signal.rank)


def _point(
    a: Analysis, statement: StatementInfo, signals: list[_Signal]
) -> DiscussionPoint:
    lead = signals[0]
    kind_rank, metric = lead.rank[:2]
    return DiscussionPoint(
        kind=lead.kind,
        statement=statement.key,
        perspectives=lead.perspectives,
        heading=statement.label,
        body=_with_note(
            _thin_note(a, statement.key, lead), "; ".join(s.clause for s in signals)
        ),
        sort_key=(kind_rank, metric, statement.order),
    )


def _signals(a: Analysis, statement: StatementInfo) -> Iterator[_Signal]:
    gaps = [g for g in a.gaps if g.statement == statement.key and g.flagged]
    if gaps:
        yield _gap_signal(a, gaps)
    for p in a.perspectives:
        g = a.group(statement.key, NOW, p)
        if g is None:
            continue
        s = g.summary
        at = _PERSPECTIVE_RANK[p]
        if g.disagreement and g.rwg is not None:
            clause = (
                f"{_who(p, s.n)} see it very differently from one another: ratings "
                f"from {s.min} to {s.max}"
            )
            yield _Signal(
                _rank("disagreement", g.rwg, at), "disagreement", (p,), True, clause
            )
        if g.unknown and g.dont_know_share is not None:
            yield _Signal(
                _rank("unknown", -g.dont_know_share, at),
                "unknown",
                (p,),
                True,
                _unknown_clause(p, s.dont_know, s.answered),
            )
    for c in a.changes:
        if c.statement == statement.key and c.split:
            clause = (
                f"{PERSPECTIVE_GROUPS[c.perspective]} are split: of {c.n} who rated "
                f"both, {c.rose} ({percent(c.rose_share)}) rate it higher now than "
                f"at first and {c.fell} ({percent(c.fell_share)}) lower"
            )
            # The most even split first.
            evenness = -min(c.rose_share, c.fell_share)
            at = _PERSPECTIVE_RANK[c.perspective]
            yield _Signal(
                _rank("split", evenness, at), "split", (c.perspective,), True, clause
            )


def _thin_note(a: Analysis, statement: str, lead: _Signal) -> str:
    """ "Only 3 of 8 partnership members rated this; 5 said they don't know. ",
    first, when a group the point rests on mostly did not give a rating, so a
    thin signal is not read as a strong one. A "don't know" point says it anyway."""
    if lead.kind == "unknown":
        return ""
    notes = []
    for p in lead.perspectives:
        g = a.group(statement, NOW, p)
        if g is None or g.summary.answered < 2:
            continue
        s = g.summary
        if comparable(s.n / s.answered) >= comparable(a.thresholds.thin_share):
            continue
        note = f"only {s.n} of {s.answered} {PERSPECTIVE_GROUPS[p]} rated this"
        if s.dont_know:
            note += f"; {s.dont_know} said they don\u2019t know"
        if s.not_relevant:
            note += f"; {s.not_relevant} said it is not relevant to them"
        notes.append(note)
    return "; ".join(notes)


def _with_note(note: str, body: str) -> str:
    # A dash, not a new sentence: capitalising the body would turn "reps (2)"
    # into a label.
    return f"{note} \u2014 {body}." if note else f"{body}."


def _rank(kind: str, metric: float, *perspectives: int) -> tuple[float, ...]:
    return (_KIND_RANK[kind], comparable(metric), *perspectives)


def _gap_signal(a: Analysis, gaps: list[Gap]) -> _Signal:
    """Every flagged gap on a statement as one clause, led by the largest gap that
    has two or more people on a side; the other groups' averages follow."""
    n = {p: _rated(a, gaps[0].statement, p) for g in gaps for p in (g.a, g.b)}

    def weight(g: Gap) -> tuple[bool, float]:
        return (max(n[g.a], n[g.b]) < 2, -comparable(abs(g.gap)))

    # Gaps arrive in perspective order, so the sort keeps ties in that order.
    lead = sorted(gaps, key=weight)[0]
    mean = {g.a: g.mean_a for g in gaps} | {g.b: g.mean_b for g in gaps}
    # The larger group first: "members (8) rate it ... and the rep 9.0".
    first, second = (lead.b, lead.a) if n[lead.a] < n[lead.b] else (lead.a, lead.b)
    one_then_many = n[first] == 1 < n[second]
    clause = (
        f"{_also(first, n[first], mean[first], now=True)} and "
        f"{_who(second, n[second])} {one_decimal(mean[second])}"
        f"{' on average' if one_then_many else ''}, "
        f"a gap of {one_decimal(abs(lead.gap))} points"
    )
    others = [p for p in PERSPECTIVES if p in mean and p not in (lead.a, lead.b)]
    clause += "".join(f"; {_also(p, n[p], mean[p])}" for p in others)
    ranks = [_PERSPECTIVE_RANK[lead.a], _PERSPECTIVE_RANK[lead.b]]
    makes_point = not lead.one_against_one
    return _Signal(
        _rank("gap", -abs(lead.gap), *ranks),
        "gap",
        (lead.a, lead.b),
        makes_point,
        clause,
    )


def _rated(a: Analysis, statement: str, p: str) -> int:
    g = a.group(statement, NOW, p)
    return g.summary.n if g is not None else 0


def _who(p: str, n: int) -> str:
    """People in plain words: "the rep", "partnership members (8)"."""
    return PERSPECTIVE_ONE_PERSON[p] if n == 1 else f"{PERSPECTIVE_GROUPS[p]} ({n})"


def _rate(n: int) -> str:
    return "rates" if n == 1 else "rate"


def _also(p: str, n: int, mean: float, now: bool = False) -> str:
    """A group's average: "workers (3) rate it 6.0 on average", "the rep's
    rating is 6.0"; with `now`, "... rate it 4.0 now on average"."""
    if n == 1 and p == "rep" and not now:
        return f"the rep\u2019s rating is {one_decimal(mean)}"
    when = " now" if now else ""
    average = "" if n == 1 else " on average"
    return f"{_who(p, n)} {_rate(n)} it {one_decimal(mean)}{when}{average}"


def _unknown_clause(p: str, dont_know: int, answered: int) -> str:
    if answered == 1:
        return f"{PERSPECTIVE_ONE_PERSON[p]} said they don\u2019t know how it is now"
    return (
        f"{dont_know} of {answered} {PERSPECTIVE_GROUPS[p]} "
        f"({percent(dont_know / answered)}) said they don\u2019t know how it is now"
    )


def _flat_points(a: Analysis) -> Iterator[DiscussionPoint]:
    if a.flat_review:
        body = (
            f"{a.flat_count} of {a.flat_assessed} responses "
            f"({percent(a.flat_count / a.flat_assessed)}) give almost the same "
            f"rating to every statement now (a range of {a.thresholds.flat_range} "
            "points or less): priorities may need articulating."
        )
        sort_key = (_KIND_RANK["flat"], 0.0, 0)
        yield DiscussionPoint("flat", None, (), "Flat answers", body, sort_key)
