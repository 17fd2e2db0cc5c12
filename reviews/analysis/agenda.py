"""Discussion points: the flags of an analysis, worded and put in order.

Points come kind by kind (gaps first, flat answers last); within a kind the
largest first, then statement order, then perspective order, so the agenda is
the same however the responses arrived.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import NamedTuple

from reviews.analysis.records import Analysis, DiscussionPoint
from reviews.analysis.thresholds import comparable
from reviews.analysis.words import PERSPECTIVE_SUBJECTS as SUBJECT
from reviews.analysis.words import PERSPECTIVES

KINDS = ("gap", "disagreement", "split", "unknown", "flat")

_PERSPECTIVE_RANK = {p: i for i, p in enumerate(PERSPECTIVES)}
_KIND_RANK = {k: i for i, k in enumerate(KINDS)}


class _Flag(NamedTuple):
    kind: str
    # Smaller comes first within a kind.
    metric: float
    statement: str | None
    perspectives: tuple[str, ...]
    text: str


def with_discussion_points(a: Analysis) -> Analysis:
    """`a` with its flags turned into ordered discussion points."""
    labels = {s.key: s.label for s in a.statements}
    order = {s.key: s.order for s in a.statements}
    flags = [
        *_gap_flags(a, labels),
        *_disagreement_flags(a, labels),
        *_split_flags(a, labels),
        *_unknown_flags(a, labels),
        *_flat_flags(a),
    ]
    points = [_point(flag, order) for flag in flags]
    points.sort(key=lambda p: p.sort_key)
    return replace(a, discussion_points=tuple(points))


def _point(flag: _Flag, order: Mapping[str, int]) -> DiscussionPoint:
    # Ties fall back to statement order, then perspective order.
    who = flag.perspectives
    ranks = [_PERSPECTIVE_RANK[p] for p in who] + [-1] * (2 - len(who))
    at = order[flag.statement] if flag.statement is not None else -1
    sort_key = (_KIND_RANK[flag.kind], comparable(flag.metric), at, *ranks)
    return DiscussionPoint(flag.kind, flag.statement, who, flag.text, sort_key)


def _gap_flags(a: Analysis, labels: Mapping[str, str]) -> Iterator[_Flag]:
    for gap in a.gaps:
        if gap.flagged:
            text = (
                f"{SUBJECT[gap.a]} rate {labels[gap.statement]} now at "
                f"{gap.mean_a:.1f} on average; {SUBJECT[gap.b]} at "
                f"{gap.mean_b:.1f}, a gap of {abs(gap.gap):.1f} points."
            )
            yield _Flag("gap", -abs(gap.gap), gap.statement, (gap.a, gap.b), text)


def _disagreement_flags(a: Analysis, labels: Mapping[str, str]) -> Iterator[_Flag]:
    for g in a.groups:
        s = g.summary
        if g.disagreement and g.rwg is not None and not g.suppressed:
            text = (
                f"{SUBJECT[g.perspective]} see {labels[g.statement]} now differently "
                f"from one another: {s.n} ratings from {s.min} to {s.max} "
                f"(agreement r_wg {g.rwg:.2f}, {g.rwg_band})."
            )
            yield _Flag("disagreement", g.rwg, g.statement, (g.perspective,), text)


def _split_flags(a: Analysis, labels: Mapping[str, str]) -> Iterator[_Flag]:
    for c in a.changes:
        if c.split:
            text = (
                f"{SUBJECT[c.perspective]} are split on {labels[c.statement]}: of "
                f"{c.n} who rated both, {c.rose} ({c.rose_share:.0%}) rate it higher "
                f"now than at first and {c.fell} ({c.fell_share:.0%}) lower."
            )
            # The most even split first.
            evenness = -min(c.rose_share, c.fell_share)
            yield _Flag("split", evenness, c.statement, (c.perspective,), text)


def _unknown_flags(a: Analysis, labels: Mapping[str, str]) -> Iterator[_Flag]:
    for g in a.groups:
        s = g.summary
        if g.unknown and g.dont_know_share is not None:
            text = (
                f"{SUBJECT[g.perspective]}: {s.dont_know} of {s.answered} "
                f"({g.dont_know_share:.0%}) said they don\u2019t know about "
                f"{labels[g.statement]} now."
            )
            share = -g.dont_know_share
            yield _Flag("unknown", share, g.statement, (g.perspective,), text)


def _flat_flags(a: Analysis) -> Iterator[_Flag]:
    if a.flat_review:
        text = (
            f"{a.flat_count} of {a.flat_assessed} responses "
            f"({a.flat_count / a.flat_assessed:.0%}) give almost the same rating to "
            f"every statement now (a range of {a.thresholds.flat_range} points or "
            "less): priorities may need articulating."
        )
        yield _Flag("flat", 0.0, None, (), text)
