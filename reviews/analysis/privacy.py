"""Keeping people unrecognisable: pseudonyms and the small-group rule.

Results say "Partnership member 2", never a name, and once released they hide
any group, or any figure, that rests on fewer than k people.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import replace

from reviews.analysis.agenda import with_discussion_points
from reviews.analysis.comparisons import gaps
from reviews.analysis.records import Analysis, GroupResult, ResponseData, Summary
from reviews.analysis.words import PERSPECTIVE_SINGULAR, PERSPECTIVES


def is_suppressed(n: int, k: int) -> bool:
    """The one small-group rule: fewer than k people means the figure is hidden."""
    return n < k


def individual_labels(responses: Iterable[ResponseData]) -> dict[int, str]:
    """Pseudonyms by response id ("Partnership member 2"); never a name.

    Numbered in the order given, within each perspective. Callers pass responses
    in an order unrelated to when anyone opened or answered (the reading layer
    orders them by a random key), since ids follow that order.
    """
    numbers: dict[str, int] = {}
    labels = {}
    for r in responses:
        numbers[r.perspective] = numbers.get(r.perspective, 0) + 1
        labels[r.id] = f"{PERSPECTIVE_SINGULAR[r.perspective]} {numbers[r.perspective]}"
    return labels


def suppress_small_groups(
    analysis: Analysis,
    k: int | None = None,
    perspectives: Collection[str] | None = None,
) -> Analysis:
    """The view of an analysis that respondents may see once results are released.

    A perspective group with fewer than k respondents is hidden whole: its rows are
    kept but marked `suppressed` with empty summaries, and it is listed in
    `suppressed_perspectives` so the page can say "fewer than k responses". Within
    a group that is shown, a statistic resting on fewer than k ratings is hidden
    too (its counts stay). Gaps and changes touching anything hidden are dropped,
    and so are the discussion points they raised; flat response ids are cleared.

    PRODUCT.md asks this of partnership members; by default it is applied to every
    perspective for safety. Pass `perspectives=("member",)` to protect members
    only, as the LTO, rep and worker forms warn that their views may be recognised.
    """
    if k is None:
        k = analysis.thresholds.k
    protected = set(PERSPECTIVES if perspectives is None else perspectives)
    hidden = tuple(
        p
        for p in analysis.perspectives
        if p in protected and is_suppressed(analysis.respondents[p], k)
    )
    groups = [
        _hide(g, whole=g.perspective in hidden)
        if g.perspective in hidden
        or (g.perspective in protected and is_suppressed(g.summary.n, k))
        else g
        for g in analysis.groups
    ]
    changes = tuple(
        c
        for c in analysis.changes
        if c.perspective not in protected
        or (c.perspective not in hidden and not is_suppressed(c.n, k))
    )
    released = replace(
        analysis,
        groups=tuple(groups),
        gaps=gaps(groups, analysis.thresholds),
        changes=changes,
        flat_response_ids=(),
        now_counts={},
        suppressed_perspectives=hidden,
        k=k,
    )
    return with_discussion_points(released)


def _hide(g: GroupResult, whole: bool) -> GroupResult:
    s = g.summary
    # Counts alone stay visible for a group that is itself shown.
    summary = Summary() if whole else Summary(s.n, s.dont_know, s.not_relevant)
    return replace(
        g,
        summary=summary,
        rwg=None,
        rwg_band=None,
        disagreement=False,
        dont_know_share=None if whole else g.dont_know_share,
        unknown=False if whole else g.unknown,
        suppressed=True,
    )
