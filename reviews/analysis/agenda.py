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
from reviews.analysis.phrases import Phrase, Value, gettext, joined, ngettext, word
from reviews.analysis.records import Analysis, DiscussionPoint, Gap, StatementInfo
from reviews.analysis.words import (
    IN_A_SENTENCE,
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
    clause: Phrase


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
        sentence=_with_note(
            _thin_note(a, statement.key, lead), joined(s.clause for s in signals)
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
        # Disagreement is only worked out from ratings, so there is a range.
        if g.disagreement and g.rwg is not None and s.min is not None:
            clause = gettext(
                "{who} see it very differently from one another: ratings from "
                "{low} to {high}",
                who=_who(p, s.n),
                low=s.min,
                high=s.max if s.max is not None else s.min,
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
            clause = gettext(
                "{group} are split: of {n} who rated both, {rose} ({rose_share}) "
                "rate it higher now than at first and {fell} ({fell_share}) lower",
                group=_group(c.perspective),
                n=c.n,
                rose=c.rose,
                rose_share=percent(c.rose_share),
                fell=c.fell,
                fell_share=percent(c.fell_share),
            )
            # The most even split first.
            evenness = -min(c.rose_share, c.fell_share)
            at = _PERSPECTIVE_RANK[c.perspective]
            yield _Signal(
                _rank("split", evenness, at), "split", (c.perspective,), True, clause
            )


def _thin_note(a: Analysis, statement: str, lead: _Signal) -> Phrase | None:
    """ "Only 3 of 8 partnership members rated this; 5 said they don't know. ",
    first, when a group the point rests on mostly did not give a rating, so a
    thin signal is not read as a strong one. A "don't know" point says it anyway."""
    if lead.kind == "unknown":
        return None
    notes = []
    for p in lead.perspectives:
        g = a.group(statement, NOW, p)
        if g is None or g.summary.answered < 2:
            continue
        s = g.summary
        if comparable(s.n / s.answered) >= comparable(a.thresholds.thin_share):
            continue
        parts = [
            ngettext(
                "only {count} of {answered} {group} rated this",
                "only {count} of {answered} {group} rated this",
                s.n,
                answered=s.answered,
                group=_group(p),
            )
        ]
        if s.dont_know:
            parts.append(
                ngettext(
                    "{count} said they don’t know",
                    "{count} said they don’t know",
                    s.dont_know,
                )
            )
        if s.not_relevant:
            parts.append(
                ngettext(
                    "{count} said it is not relevant to them",
                    "{count} said it is not relevant to them",
                    s.not_relevant,
                )
            )
        notes.append(joined(parts))
    return joined(notes) if notes else None


def _with_note(note: Phrase | None, body: Phrase) -> Phrase:
    # A dash, not a new sentence: capitalising the body would turn "reps (2)"
    # into a label.
    if note is None:
        return gettext("{body}.", body=body)
    return gettext("{note} — {body}.", note=note, body=body)


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
    values: dict[str, Value] = {
        "first": _also(first, n[first], mean[first], now=True),
        "second": _who(second, n[second]),
        "mean": one_decimal(mean[second]),
        "gap": one_decimal(abs(lead.gap)),
    }
    if one_then_many:
        clause = gettext(
            "{first} and {second} {mean} on average, a gap of {gap} points", **values
        )
    else:
        clause = gettext("{first} and {second} {mean}, a gap of {gap} points", **values)
    others = [p for p in PERSPECTIVES if p in mean and p not in (lead.a, lead.b)]
    clause = joined([clause, *(_also(p, n[p], mean[p]) for p in others)])
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


def _group(p: str) -> Phrase:
    """A group in the middle of a sentence: "partnership members"."""
    return word(PERSPECTIVE_GROUPS[p], context=IN_A_SENTENCE)


def _who(p: str, n: int) -> Phrase:
    """People in plain words: "the rep", "partnership members (8)"."""
    if n == 1:
        return word(PERSPECTIVE_ONE_PERSON[p])
    return gettext("{group} ({n})", group=_group(p), n=n)


def _also(p: str, n: int, mean: float, now: bool = False) -> Phrase:
    """A group's average: "workers (3) rate it 6.0 on average", "the rep's
    rating is 6.0"; with `now`, "... rate it 4.0 now on average"."""
    if n == 1 and p == "rep" and not now:
        return gettext("the rep’s rating is {mean}", mean=one_decimal(mean))
    values: dict[str, Value] = {"who": _who(p, n), "mean": one_decimal(mean)}
    if now:
        return ngettext(
            "{who} rates it {mean} now",
            "{who} rate it {mean} now on average",
            n,
            **values,
        )
    return ngettext(
        "{who} rates it {mean}", "{who} rate it {mean} on average", n, **values
    )


def _unknown_clause(p: str, dont_know: int, answered: int) -> Phrase:
    if answered == 1:
        return gettext(
            "{who} said they don’t know how it is now",
            who=word(PERSPECTIVE_ONE_PERSON[p]),
        )
    return ngettext(
        "{count} of {answered} {group} ({share}) said they don’t know how it is now",
        "{count} of {answered} {group} ({share}) said they don’t know how it is now",
        dont_know,
        answered=answered,
        group=_group(p),
        share=percent(dont_know / answered),
    )


def _flat_points(a: Analysis) -> Iterator[DiscussionPoint]:
    if a.flat_review:
        sentence = ngettext(
            "{count} of {total} responses ({share}) give almost the same rating to "
            "every statement now (a range of {range} points or less): priorities "
            "may need articulating.",
            "{count} of {total} responses ({share}) give almost the same rating to "
            "every statement now (a range of {range} points or less): priorities "
            "may need articulating.",
            a.flat_count,
            total=a.flat_assessed,
            share=percent(a.flat_count / a.flat_assessed),
            range=a.thresholds.flat_range,
        )
        sort_key = (_KIND_RANK["flat"], 0.0, 0)
        yield DiscussionPoint("flat", None, (), "Flat answers", sentence, sort_key)
