"""Reading a review's answers: summaries, agreement, gaps, splits, flatness.

Plain frozen dataclasses in and out, no Django: views turn model rows into
`StatementInfo` and `ResponseData`, call `analyse()`, and (for anyone but the
review's rep and Local Trust staff) pass the result through
`suppress_small_groups()` before rendering it.

Every threshold lives in `Thresholds` (reviews/thresholds.py), and
`describe_thresholds()` words them for the report's "How we flag" box. Flags
are raised on the "now" column only; the other columns are summarised for the
tables.

Ratings are integers, so sums and sums of squares are exact: results do not
depend on the order of the responses, not even in the last bit of a float.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from itertools import combinations, groupby

# Re-exported so that callers need only this module.
from reviews.thresholds import (  # noqa: F401
    DEFAULT_THRESHOLDS,
    Thresholds,
    describe_thresholds,
)
from reviews.vocabulary import (  # noqa: F401
    COLUMN_LABELS,
    COLUMNS,
    DONT_KNOW,
    LIKE,
    NOT_RELEVANT,
    NOW,
    PERSPECTIVE_LABELS,
    PERSPECTIVE_SINGULAR,
    PERSPECTIVES,
    THEN,
    Cell,
)

# Discussion points start with the group as a plural subject ("Reps rate ...").
_SUBJECT = {**PERSPECTIVE_LABELS, "rep": "Reps", "other": "Other respondents"}
HEADLINE_PAIR = ("member", "lto_staff")
KINDS = ("gap", "disagreement", "split", "unknown", "flat")

_PERSPECTIVE_RANK = {p: i for i, p in enumerate(PERSPECTIVES)}
_KIND_RANK = {k: i for i, k in enumerate(KINDS)}


def _r(value: float) -> float:
    # Compare rounded values so that 6.1 - 4.1 (1.9999999999999996) counts as 2.0.
    return round(value, 6)


@dataclass(frozen=True)
class StatementInfo:
    key: str
    label: str
    text: str
    capital: str
    order: int


@dataclass(frozen=True)
class ResponseData:
    id: int
    perspective: str
    # statement key -> column -> Cell; missing keys mean "not answered".
    answers: Mapping[str, Mapping[str, Cell]]


@dataclass(frozen=True)
class Summary:
    n: int = 0
    dont_know: int = 0
    not_relevant: int = 0
    mean: float | None = None
    median: float | None = None
    min: int | None = None
    max: int | None = None
    sd: float | None = None

    @property
    def answered(self) -> int:
        """Everyone who gave any answer, including don't know and not relevant."""
        return self.n + self.dont_know + self.not_relevant


@dataclass(frozen=True)
class GroupResult:
    """One statement, one column, one perspective group."""

    statement: str
    column: str
    perspective: str
    summary: Summary
    rwg: float | None = None
    rwg_band: str | None = None
    disagreement: bool = False
    dont_know_share: float | None = None
    unknown: bool = False
    suppressed: bool = False


@dataclass(frozen=True)
class Gap:
    """Mean of `a` minus mean of `b`; `a` comes first in PERSPECTIVES order."""

    statement: str
    column: str
    a: str
    b: str
    mean_a: float
    mean_b: float
    gap: float
    flagged: bool


@dataclass(frozen=True)
class Change:
    """Now against then, among a group's respondents who rated both."""

    statement: str
    perspective: str
    n: int
    mean_change: float
    rose: int
    fell: int
    same: int
    split: bool

    @property
    def rose_share(self) -> float:
        return self.rose / self.n

    @property
    def fell_share(self) -> float:
        return self.fell / self.n


@dataclass(frozen=True)
class DiscussionPoint:
    kind: str
    statement: str | None
    perspectives: tuple[str, ...]
    text: str
    sort_key: tuple[float, ...]


@dataclass(frozen=True)
class Analysis:
    thresholds: Thresholds
    statements: tuple[StatementInfo, ...]
    columns: tuple[str, ...]
    perspectives: tuple[str, ...]
    respondents: Mapping[str, int]
    groups: tuple[GroupResult, ...]
    gaps: tuple[Gap, ...]
    changes: tuple[Change, ...]
    flat_response_ids: tuple[int, ...]
    flat_count: int
    flat_assessed: int
    flat_review: bool
    discussion_points: tuple[DiscussionPoint, ...]
    suppressed_perspectives: tuple[str, ...] = ()
    k: int | None = None

    @cached_property
    def _group_index(self) -> dict[tuple[str, str, str], GroupResult]:
        return {(g.statement, g.column, g.perspective): g for g in self.groups}

    def group(
        self, statement: str, column: str, perspective: str
    ) -> GroupResult | None:
        return self._group_index.get((statement, column, perspective))

    def rows(self, column: str) -> list[tuple[StatementInfo, list[GroupResult | None]]]:
        """Per statement, its groups for `column` aligned with `perspectives`."""
        return [
            (s, [self.group(s.key, column, p) for p in self.perspectives])
            for s in self.statements
        ]

    def means(self, column: str, perspective: str) -> list[float | None]:
        """Means in statement order, for charts; None where hidden or unanswered."""
        result: list[float | None] = []
        for s in self.statements:
            g = self.group(s.key, column, perspective)
            result.append(g.summary.mean if g and not g.suppressed else None)
        return result

    @property
    def headline_gaps(self) -> tuple[Gap, ...]:
        return tuple(g for g in self.gaps if (g.a, g.b) == HEADLINE_PAIR)

    @property
    def flagged_gaps(self) -> tuple[Gap, ...]:
        return tuple(g for g in self.gaps if g.flagged)

    @property
    def splits(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.split)


def is_suppressed(n: int, k: int) -> bool:
    """The one small-group rule: fewer than k people means the figure is hidden."""
    return n < k


def rwg(ratings: Sequence[float], options: int = 10) -> float | None:
    """Within-group agreement r_wg = 1 - s²/σ²_EU, truncated at 0.

    None for fewer than two ratings; callers apply their own minimum n.
    """
    n = len(ratings)
    if n < 2:
        return None
    if options < 2:
        raise ValueError("a scale needs at least two options")
    return _rwg_from_variance(
        _variance(n, sum(ratings), sum(x * x for x in ratings)), options
    )


def _variance(n: int, total: float, squares: float) -> float:
    # Exact for integer ratings; max() absorbs float noise for other inputs.
    return max(0.0, (n * squares - total * total) / (n * (n - 1)))


def _rwg_from_variance(s2: float, options: int) -> float:
    expected = (options * options - 1) / 12
    if s2 > expected:
        return 0.0
    return 1 - s2 / expected


def rwg_band(value: float, thresholds: Thresholds = DEFAULT_THRESHOLDS) -> str:
    for upper, name in thresholds.rwg_bands:
        if _r(value) <= upper:
            return name
    return thresholds.rwg_bands[-1][1]


def _slots(options: int) -> dict[object, int]:
    """Where each possible cell is counted: ratings 1..A, then don't know, then NR."""
    slots: dict[object, int] = {v: v for v in range(1, options + 1)}
    slots[DONT_KNOW] = options + 1
    slots[NOT_RELEVANT] = options + 2
    return slots


def _summary(counts: Sequence[int], options: int) -> tuple[Summary, float | None]:
    """Summary and exact sample variance from a histogram of answers."""
    dont_know, not_relevant = counts[options + 1], counts[options + 2]
    n = total = squares = 0
    lowest = highest = 0
    for value in range(1, options + 1):
        c = counts[value]
        if c:
            n += c
            total += value * c
            squares += value * value * c
            lowest = lowest or value
            highest = value
    if n == 0:
        return Summary(0, dont_know, not_relevant), None
    variance = _variance(n, total, squares) if n >= 2 else None
    sd = math.sqrt(variance) if variance is not None else None
    # The median sits at 0-based positions (n-1)//2 and n//2 of the sorted ratings.
    median = (_nth(counts, (n - 1) // 2) + _nth(counts, n // 2)) / 2
    mean = total / n
    summary = Summary(n, dont_know, not_relevant, mean, median, lowest, highest, sd)
    return summary, variance


def _nth(counts: Sequence[int], index: int) -> int:
    """The index-th smallest rating (0-based) in a histogram."""
    for value, count in enumerate(counts):
        index -= count
        if index < 0:
            return value
    raise IndexError(index)


def summarise(cells: Iterable[Cell], options: int = 10) -> Summary:
    """Summary of one column's answers; don't know and not relevant counted apart."""
    counts = [0] * (options + 3)
    slots = _slots(options)
    for cell in cells:
        if cell is not None:
            # type() keeps True and 7.0 out: they would hash like 1 and 7.
            slot = slots.get(cell) if type(cell) in (int, str) else None
            if slot is None:
                raise ValueError(f"not an answer: {cell!r}")
            counts[slot] += 1
    return _summary(counts, options)[0]


def individual_labels(responses: Iterable[ResponseData]) -> dict[int, str]:
    """Pseudonyms by response id ("Partnership member 2"); never a name."""
    by_perspective: dict[str, list[int]] = {}
    for r in responses:
        by_perspective.setdefault(r.perspective, []).append(r.id)
    labels = {}
    for perspective, ids in by_perspective.items():
        for number, response_id in enumerate(sorted(ids), start=1):
            labels[response_id] = f"{PERSPECTIVE_SINGULAR[perspective]} {number}"
    return labels


def analyse(
    statements: Iterable[StatementInfo],
    responses: Iterable[ResponseData],
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    columns: Sequence[str] = (THEN, NOW),
) -> Analysis:
    """Read a set of responses (pass submitted ones only) against the statements."""
    t = thresholds
    options = t.scale_options
    stmts = tuple(sorted(statements, key=lambda s: (s.order, s.key)))
    keys = [s.key for s in stmts]
    columns = tuple(c for c in COLUMNS if c in columns)
    with_change = THEN in columns and NOW in columns
    slots = _slots(options)
    width = options + 3
    indexed_columns = tuple(enumerate(columns))
    indexed_keys = tuple(enumerate(keys))
    answer_types = (int, str)
    now_asked = NOW in columns

    # Per perspective, per statement: a histogram per column, and
    # [n, sum of now - then, rose, fell] over those who rated both.
    counts: dict[str, list[list[list[int]]]] = {}
    diffs: dict[str, list[list[int]]] = {}
    respondents: dict[str, int] = {}
    flat_ids: list[int] = []
    assessed = 0

    for r in responses:
        p = r.perspective
        table = counts.get(p)
        if table is None:
            if p not in _PERSPECTIVE_RANK:
                raise ValueError(f"unknown perspective: {p!r}")
            table = counts[p] = [[[0] * width for _ in columns] for _ in keys]
            diffs[p] = [[0, 0, 0, 0] for _ in keys]
            respondents[p] = 0
        respondents[p] += 1
        change_rows = diffs[p]
        now_min, now_max, now_n = options + 1, 0, 0
        answers = r.answers
        for si, key in indexed_keys:
            answer = answers.get(key)
            if not answer:
                continue
            row = table[si]
            for ci, column in indexed_columns:
                cell = answer.get(column)
                if cell is None:
                    continue
                slot = slots.get(cell) if type(cell) in answer_types else None
                if slot is None:
                    raise ValueError(f"not an answer: {cell!r}")
                row[ci][slot] += 1
            now = answer.get(NOW)
            if type(now) is not int or not now_asked:
                continue
            now_n += 1
            if now < now_min:
                now_min = now
            if now > now_max:
                now_max = now
            then = answer.get(THEN)
            if with_change and type(then) is int:
                d = change_rows[si]
                d[0] += 1
                d[1] += now - then
                d[2] += now > then
                d[3] += now < then
        if now_n >= t.flat_min_answered:
            assessed += 1
            if now_max - now_min <= t.flat_range:
                flat_ids.append(r.id)

    perspectives = tuple(p for p in PERSPECTIVES if p in respondents)
    groups = [
        _group(key, column, p, counts[p][si][ci], t)
        for si, key in enumerate(keys)
        for ci, column in enumerate(columns)
        for p in perspectives
        if any(counts[p][si][ci])
    ]
    changes = [
        Change(
            key, p, n, total / n, rose, fell, n - rose - fell, _split(n, rose, fell, t)
        )
        for si, key in enumerate(keys)
        for p in perspectives
        for n, total, rose, fell in [diffs[p][si]]
        if n
    ]
    flat_count = len(flat_ids)
    flat_review = assessed > 0 and _r(flat_count / assessed) >= _r(t.flat_review_share)
    return _assemble(
        Analysis(
            thresholds=t,
            statements=stmts,
            columns=columns,
            perspectives=perspectives,
            respondents=respondents,
            groups=tuple(groups),
            gaps=_gaps(groups, t),
            changes=tuple(changes),
            flat_response_ids=tuple(sorted(flat_ids)),
            flat_count=flat_count,
            flat_assessed=assessed,
            flat_review=flat_review,
            discussion_points=(),
        )
    )


def _split(n: int, rose: int, fell: int, t: Thresholds) -> bool:
    share = _r(t.split_share)
    return n >= t.split_min_n and _r(rose / n) >= share and _r(fell / n) >= share


def _group(
    key: str, column: str, p: str, counts: Sequence[int], t: Thresholds
) -> GroupResult:
    summary, variance = _summary(counts, t.scale_options)
    value = band = None
    if summary.n >= t.rwg_min_n and variance is not None:
        value = _rwg_from_variance(variance, t.scale_options)
        band = rwg_band(value, t)
    share = summary.dont_know / summary.answered if summary.answered else None
    flags_apply = column == NOW
    return GroupResult(
        statement=key,
        column=column,
        perspective=p,
        summary=summary,
        rwg=value,
        rwg_band=band,
        disagreement=flags_apply and value is not None and _r(value) <= t.rwg_flag_at,
        dont_know_share=share,
        unknown=flags_apply and share is not None and _r(share) >= _r(t.unknown_share),
    )


def _gaps(groups: Sequence[GroupResult], t: Thresholds) -> tuple[Gap, ...]:
    gaps = []
    rated = (g for g in groups if g.summary.mean is not None)
    # groups arrive ordered by statement, column, perspective: pair within a run.
    for _, run in groupby(rated, key=lambda g: (g.statement, g.column)):
        for a, b in combinations(run, 2):
            mean_a, mean_b = a.summary.mean, b.summary.mean
            assert mean_a is not None and mean_b is not None
            diff = mean_a - mean_b
            flagged = a.column == NOW and _r(abs(diff)) >= _r(t.gap_flag)
            gaps.append(
                Gap(a.statement, a.column, a.perspective, b.perspective,
                    mean_a, mean_b, diff, flagged)
            )  # fmt: skip
    return tuple(gaps)


def _assemble(a: Analysis) -> Analysis:
    """Turn the flags of `a` into ordered discussion points."""
    labels = {s.key: s.label for s in a.statements}
    order = {s.key: s.order for s in a.statements}
    points = []

    def add(
        kind: str, metric: float, key: str | None, who: tuple[str, ...], text: str
    ) -> None:
        # Ties fall back to statement order, then perspective order.
        ranks = [_PERSPECTIVE_RANK[p] for p in who] + [-1] * (2 - len(who))
        at = order[key] if key is not None else -1
        sort_key = (_KIND_RANK[kind], _r(metric), at, *ranks)
        points.append(DiscussionPoint(kind, key, who, text, sort_key))

    for gap in a.gaps:
        if gap.flagged:
            text = (
                f"{_SUBJECT[gap.a]} rate {labels[gap.statement]} now at "
                f"{gap.mean_a:.1f} on average; {_SUBJECT[gap.b]} at "
                f"{gap.mean_b:.1f}, a gap of {abs(gap.gap):.1f} points."
            )
            add("gap", -abs(gap.gap), gap.statement, (gap.a, gap.b), text)
    for g in a.groups:
        s = g.summary
        if g.disagreement and g.rwg is not None and not g.suppressed:
            text = (
                f"{_SUBJECT[g.perspective]} see {labels[g.statement]} now differently "
                f"from one another: {s.n} ratings from {s.min} to {s.max} "
                f"(agreement r_wg {g.rwg:.2f}, {g.rwg_band})."
            )
            add("disagreement", g.rwg, g.statement, (g.perspective,), text)
    for c in a.changes:
        if c.split:
            text = (
                f"{_SUBJECT[c.perspective]} are split on {labels[c.statement]}: of "
                f"{c.n} who rated both, {c.rose} ({c.rose_share:.0%}) rate it higher "
                f"now than at first and {c.fell} ({c.fell_share:.0%}) lower."
            )
            # The most even split first.
            evenness = -min(c.rose_share, c.fell_share)
            add("split", evenness, c.statement, (c.perspective,), text)
    for g in a.groups:
        s = g.summary
        if g.unknown and g.dont_know_share is not None:
            text = (
                f"{_SUBJECT[g.perspective]}: {s.dont_know} of {s.answered} "
                f"({g.dont_know_share:.0%}) said they don\u2019t know about "
                f"{labels[g.statement]} now."
            )
            add("unknown", -g.dont_know_share, g.statement, (g.perspective,), text)
    if a.flat_review:
        text = (
            f"{a.flat_count} of {a.flat_assessed} responses "
            f"({a.flat_count / a.flat_assessed:.0%}) give almost the same rating to "
            f"every statement now (a range of {a.thresholds.flat_range} points or "
            "less): priorities may need articulating."
        )
        add("flat", 0.0, None, (), text)
    points.sort(key=lambda p: p.sort_key)
    return replace(a, discussion_points=tuple(points))


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
    groups = []
    for g in analysis.groups:
        whole = g.perspective in hidden
        if whole or (g.perspective in protected and is_suppressed(g.summary.n, k)):
            s = g.summary
            # Counts alone stay visible for a group that is itself shown.
            summary = Summary() if whole else Summary(s.n, s.dont_know, s.not_relevant)
            g = replace(
                g,
                summary=summary,
                rwg=None,
                rwg_band=None,
                disagreement=False,
                dont_know_share=None if whole else g.dont_know_share,
                unknown=False if whole else g.unknown,
                suppressed=True,
            )
        groups.append(g)
    changes = tuple(
        c
        for c in analysis.changes
        if c.perspective not in protected
        or (c.perspective not in hidden and not is_suppressed(c.n, k))
    )
    released = replace(
        analysis,
        groups=tuple(groups),
        gaps=_gaps(groups, analysis.thresholds),
        changes=changes,
        flat_response_ids=(),
        suppressed_perspectives=hidden,
        k=k,
    )
    return _assemble(released)
