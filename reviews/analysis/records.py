"""The plain frozen dataclasses the analysis takes in and gives out.

Views turn model rows into `StatementInfo` and `ResponseData`; `analyse` returns
an `Analysis` of `GroupResult`, `Gap`, `Change` and `DiscussionPoint` records.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from reviews.analysis.phrases import Phrase
from reviews.analysis.scale import BIG_LOCAL_SCALE, Scale
from reviews.analysis.thresholds import Thresholds

# An answer to one column: a rating, DONT_KNOW, NOT_RELEVANT, or None (skipped).
Cell = int | str | None

# The gap every report leads with.
HEADLINE_PAIR = ("member", "lto_staff")


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
    # At the threshold's size, on "now"; whether it counts: `counted`.
    flagged: bool
    # How many people rated it in each group.
    n_a: int = 0
    n_b: int = 0

    @property
    def one_against_one(self) -> bool:
        """One person against one person: not a pattern, never a flag."""
        return max(self.n_a, self.n_b) < 2

    @property
    def counted(self) -> bool:
        """A gap the agenda counts, and the only kind a table marks "flagged"."""
        return self.flagged and not self.one_against_one


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
    """One point of the agenda: a statement (or, for flat answers, the review)."""

    # The kind and perspectives of the point's strongest signal.
    kind: str
    statement: str | None
    perspectives: tuple[str, ...]
    # The statement's label, then a paragraph giving every signal on it, which
    # a page says in its reader's language (`Phrase.say`).
    heading: str
    sentence: Phrase
    sort_key: tuple[float, ...]

    @property
    def body(self) -> str:
        """The paragraph in English."""
        return self.sentence.say()

    @property
    def text(self) -> str:
        return f"{self.heading}: {self.body}"


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
    scale: Scale = BIG_LOCAL_SCALE
    # perspective -> statement (in `statements` order) -> how many gave each
    # rating of the scale "now": the tally's counts, for the dot plot. Empty
    # once small groups are suppressed.
    now_counts: Mapping[str, tuple[tuple[int, ...], ...]] = field(default_factory=dict)

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
    def points_first(self) -> tuple[DiscussionPoint, ...]:
        """The points under "What to talk about first"."""
        return self.discussion_points[: self.thresholds.agenda_first]

    @property
    def points_later(self) -> tuple[DiscussionPoint, ...]:
        """The points under "Also worth a look"."""
        return self.discussion_points[self.thresholds.agenda_first :]

    @property
    def headline_gaps(self) -> tuple[Gap, ...]:
        return tuple(g for g in self.gaps if (g.a, g.b) == HEADLINE_PAIR)

    @property
    def flagged_gaps(self) -> tuple[Gap, ...]:
        """Gaps the agenda counts: a one-against-one gap is not among them."""
        return tuple(g for g in self.gaps if g.counted)

    @property
    def splits(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.split)
