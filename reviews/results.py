"""What the results pages show, built from a review's data and analysis.

`reviews.reading` loads a review and analyses it (cached); `build_results()`
assembles what the results page, the meeting pack and the
released results show: discussion points, charts each with a table of its numbers,
per-statement tables and comments grouped by perspective.

Nothing here ever reads a Person: results are attributed by perspective, and
individual responses only by pseudonym ("Partnership member 2").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page, Paginator

from reviews import analysis, charts
from reviews.analysis import (
    COLUMN_HEADINGS,
    DONT_KNOW,
    LIKE,
    NOT_RELEVANT,
    NOW,
    PERSPECTIVE_LABELS,
    PERSPECTIVES,
    THEN,
    Analysis,
    Cell,
    ResponseData,
    StatementInfo,
    one_decimal,
    signed_one_decimal,
    two_decimals,
)
from reviews.models import (
    SMALL_GROUP_PERSPECTIVES,
    Review,
)
from reviews.reading import ReviewData, read_review

# Released results hide small groups of these perspectives. LTO staff, workers and
# reps are told on their form that their answers are shown as "the LTO's view"
# (or the rep's) and may be recognisable, so their groups are shown at any size.
RELEASE_PROTECTED = tuple(p for p in PERSPECTIVES if p not in SMALL_GROUP_PERSPECTIVES)

STATE_SHORT = {DONT_KNOW: "DK", NOT_RELEVANT: "NR"}
DASH = "\u2013"


@dataclass(frozen=True)
class Table:
    """A table of a chart's numbers: a header row, then (row header, cells) rows."""

    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Chart:
    """A figure and the table of its numbers. `narrow_figure`, when given, is what
    charts.js draws instead on a phone-width screen."""

    id: str
    title: str
    figure: dict[str, Any]
    table: Table
    wide: bool = False
    narrow_figure: dict[str, Any] | None = None

    @property
    def table_id(self) -> str:
        return f"{self.id}-table"

    @property
    def data_id(self) -> str:
        return f"{self.id}-data"

    @property
    def narrow_data_id(self) -> str:
        return f"{self.id}-narrow-data"

    @property
    def fit(self) -> str:
        """How the chart sizes itself (see `reviews.charts`): a CSS class suffix."""
        return str(self.figure["layout"].get("meta", {}).get("fit", "fixed"))

    @property
    def reserved(self) -> str:
        """CSS custom properties that reserve the chart's height before it draws."""
        layout = self.figure["layout"]
        style = [f"--chart-height: {layout['height']}px"]
        if "cells" in layout.get("meta", {}):
            style.append(f"--cells: {layout['meta']['cells']}")
        if self.narrow_figure:
            style.append(f"--narrow-height: {self.narrow_figure['layout']['height']}px")
        return "; ".join(style)


@dataclass(frozen=True)
class StatementTable:
    """Per statement and perspective, one column's summary figures."""

    column: str
    heading: str
    # (statement, ((perspective label, cells), ...), gap descriptions)
    rows: tuple[
        tuple[StatementInfo, tuple[tuple[str, tuple[str, ...]], ...], tuple[str, ...]],
        ...,
    ]


@dataclass(frozen=True)
class Results:
    review: Review
    analysis: Analysis
    released: bool
    charts: tuple[Chart, ...]
    dot_plot: Chart | None
    statement_tables: tuple[StatementTable, ...]  # "now" first
    comments: tuple[tuple[str, tuple[str, ...]], ...]
    flat_notes: tuple[str, ...]
    thresholds: tuple[str, ...]
    hidden_groups: tuple[str, ...] = field(default=())

    @property
    def response_count(self) -> int:
        return sum(self.analysis.respondents.values())


def _fmt(value: float | None) -> str:
    """A number as every table shows it: one decimal, rounded half up."""
    return DASH if value is None else one_decimal(value)


def _means_table(
    caption: str,
    statements: Sequence[StatementInfo],
    series: Sequence[tuple[str, Sequence[float | None]]],
) -> Table:
    return Table(
        caption=caption,
        headers=("Statement", *(name for name, _ in series)),
        rows=tuple(
            (s.label, tuple(_fmt(values[i]) for _, values in series))
            for i, s in enumerate(statements)
        ),
    )


def _group_charts(a: Analysis, labels: list[str], prefix: str) -> list[Chart]:
    """The overlay of every perspective's "now", then one radar per perspective.

    On a phone the overlay is drawn as rows of dots (`charts.overlay_dots`)."""
    shown = [p for p in a.perspectives if p not in a.suppressed_perspectives]
    result = []
    if len(shown) > 1:
        now = {p: a.means(NOW, p) for p in shown}
        result.append(
            Chart(
                id=f"{prefix}-overlay",
                title="How each group sees the relationship now",
                figure=charts.with_config(
                    charts.overlay_now(labels, now, scale=a.scale)
                ),
                narrow_figure=charts.with_config(
                    charts.overlay_dots(labels, now, scale=a.scale)
                ),
                table=_means_table(
                    "Average rating now, by perspective",
                    a.statements,
                    [(PERSPECTIVE_LABELS[p], now[p]) for p in shown],
                ),
            )
        )
    for p in shown:
        series = {c: a.means(c, p) for c in a.columns}
        result.append(
            Chart(
                id=f"{prefix}-radar-{p}",
                title=f"{PERSPECTIVE_LABELS[p]}: at first and now",
                figure=charts.with_config(
                    charts.perspective_radar(
                        labels,
                        then=series.get(THEN),
                        now=series[NOW],
                        like=series.get(LIKE),
                        scale=a.scale,
                    )
                ),
                table=_means_table(
                    f"{PERSPECTIVE_LABELS[p]}: average ratings",
                    a.statements,
                    [(COLUMN_HEADINGS[c], series[c]) for c in a.columns],
                ),
            )
        )
    return result


def _short(cell: Cell) -> str:
    if cell is None:
        return DASH
    return str(cell) if isinstance(cell, int) else STATE_SHORT.get(cell, DASH)


def _individual_charts(
    a: Analysis,
    responses: Sequence[ResponseData],
    pseudonyms: dict[int, str],
    labels: list[str],
) -> list[Chart]:
    """Small multiples per perspective, each response titled by its pseudonym only."""
    keys = [s.key for s in a.statements]
    result = []
    for p in a.perspectives:
        people = [r for r in responses if r.perspective == p]
        if not people:
            continue

        def column(r: ResponseData, c: str) -> list[float | None]:
            values = [r.answers.get(k, {}).get(c) for k in keys]
            return [v if isinstance(v, int) else None for v in values]

        individuals = [
            (pseudonyms[r.id], column(r, THEN), column(r, NOW)) for r in people
        ]
        rows = tuple(
            (
                pseudonyms[r.id],
                tuple(
                    f"{_short(r.answers.get(k, {}).get(THEN))} \u2192 "
                    f"{_short(r.answers.get(k, {}).get(NOW))}"
                    for k in keys
                ),
            )
            for r in people
        )
        result.append(
            Chart(
                id=f"individual-{p}",
                title=f"{PERSPECTIVE_LABELS[p]}, one radar per response",
                figure=charts.with_config(
                    charts.small_multiples(labels, individuals, scale=a.scale)
                ),
                table=Table(
                    caption=f"{PERSPECTIVE_LABELS[p]}: each response's ratings, at "
                    "first \u2192 now, by statement (DK don\u2019t know, NR not "
                    "relevant)",
                    headers=("Response", *labels),
                    rows=rows,
                ),
                wide=True,
            )
        )
    return result


def _compact(ratings: Sequence[int]) -> str:
    if not ratings:
        return DASH
    return ", ".join(
        f"{value} \u00d7{count}" if count > 1 else str(value)
        for value, count in sorted(Counter(ratings).items())
    )


def _dot_plot(a: Analysis, data: ReviewData, labels: list[str]) -> Chart:
    keys = [s.key for s in a.statements]
    ratings: dict[str, list[list[int]]] = {
        p: [[] for _ in keys] for p in a.perspectives
    }
    for r in data.responses:
        lanes = ratings[r.perspective]
        for i, k in enumerate(keys):
            value = r.answers.get(k, {}).get(NOW)
            if isinstance(value, int):
                lanes[i].append(value)
    return Chart(
        id="dots-now",
        title="Every rating now, by statement and perspective",
        figure=charts.with_config(charts.dot_plot(labels, ratings, scale=a.scale)),
        table=Table(
            caption="Ratings now, by statement and perspective (value \u00d7 count)",
            headers=("Statement", *(PERSPECTIVE_LABELS[p] for p in a.perspectives)),
            rows=tuple(
                (s.label, tuple(_compact(ratings[p][i]) for p in a.perspectives))
                for i, s in enumerate(a.statements)
            ),
        ),
        wide=True,
    )


def _statement_tables(a: Analysis) -> list[StatementTable]:
    changes = {(c.statement, c.perspective): c for c in a.changes}
    tables = []
    # "Now" first: it is what the flags read; the other columns are reference.
    for column in sorted(a.columns, key=lambda c: c != NOW):
        rows = []
        for statement, groups in a.rows(column):
            cells = []
            for p, g in zip(a.perspectives, groups, strict=True):
                cells.append(
                    (
                        PERSPECTIVE_LABELS[p],
                        _group_cells(g, changes.get((statement.key, p)), column, a.k),
                    )
                )
            gaps = tuple(
                f"{PERSPECTIVE_LABELS[g.a]} \u2212 {PERSPECTIVE_LABELS[g.b]}: "
                f"{signed_one_decimal(g.gap)}{' (flagged)' if g.flagged else ''}"
                for g in a.gaps
                if g.statement == statement.key and g.column == column
            )
            rows.append((statement, tuple(cells), gaps))
        tables.append(
            StatementTable(
                column=column,
                heading=COLUMN_HEADINGS[column],
                rows=tuple(rows),
            )
        )
    return tables


def _group_cells(
    g: analysis.GroupResult | None,
    change: analysis.Change | None,
    column: str,
    k: int | None,
) -> tuple[str, ...]:
    """n, mean, median, range, r_wg and band, don't know, not relevant, change."""
    if g is None:
        return ("0", DASH, DASH, DASH, DASH, "0", "0", DASH)
    s = g.summary
    if g.suppressed and s.answered == 0:
        return (f"fewer than {k} responses",) + (DASH,) * 7
    spread = f"{s.min}{DASH}{s.max}" if s.min is not None else DASH
    agreement = f"{two_decimals(g.rwg)} ({g.rwg_band})" if g.rwg is not None else DASH
    moved = signed_one_decimal(change.mean_change) if change and column == NOW else DASH
    return (
        str(s.n),
        _fmt(s.mean),
        _fmt(s.median),
        spread,
        agreement,
        str(s.dont_know),
        str(s.not_relevant),
        moved,
    )


def _flat_notes(a: Analysis, data: ReviewData) -> list[str]:
    pseudonyms = analysis.individual_labels(data.responses)
    notes = [
        f"{pseudonyms[rid]}: ratings now span {a.thresholds.flat_range} points or "
        "less across the statements."
        # In pseudonym order: flat ids come sorted, and ids follow opening order.
        for rid in (r.id for r in data.responses if r.id in set(a.flat_response_ids))
    ]
    if a.flat_assessed:
        notes.append(
            f"{a.flat_count} of {a.flat_assessed} responses that rated at least "
            f"{a.thresholds.flat_min_answered} statements are flat."
        )
    return notes


def build_results(review: Review, *, released: bool = False) -> Results:
    """Everything the results pages show, from three queries.

    With `released`, small groups are hidden by the analysis module's one rule
    and nothing individual (dot plot, flat responses) is shown. One radar per
    response lives on its own paginated page (`build_individuals`), so this page
    stays the same size however many people answer.
    """
    data, result = read_review(review)
    if released:
        result = analysis.suppress_small_groups(
            result, k=review.min_group_size, perspectives=RELEASE_PROTECTED
        )
    labels = [s.label for s in result.statements]
    hidden = set(result.suppressed_perspectives)
    shown_comments = tuple(
        (PERSPECTIVE_LABELS[p], tuple(data.comments[p]))
        for p in PERSPECTIVES
        if p in data.comments and p not in hidden
    )
    return Results(
        review=review,
        analysis=result,
        released=released,
        charts=tuple(_group_charts(result, labels, "group")),
        dot_plot=None
        if released or not data.responses
        else _dot_plot(result, data, labels),
        statement_tables=tuple(_statement_tables(result)),
        comments=shown_comments,
        flat_notes=() if released else tuple(_flat_notes(result, data)),
        thresholds=tuple(
            analysis.describe_thresholds(result.thresholds, k=review.min_group_size)
        ),
        hidden_groups=tuple(
            PERSPECTIVE_LABELS[p] for p in sorted(hidden, key=PERSPECTIVES.index)
        ),
    )


INDIVIDUALS_PER_PAGE = 24


@dataclass(frozen=True)
class Individuals:
    review: Review
    page: Page
    charts: tuple[Chart, ...]


def build_individuals(review: Review, page_number: str | int | None) -> Individuals:
    """One page of per-response radars, numbered over the whole review so that
    "Partnership member 7" is the same response on every page."""
    data, result = read_review(review)
    pseudonyms = analysis.individual_labels(data.responses)
    rank = {p: i for i, p in enumerate(PERSPECTIVES)}
    # A stable sort keeps the reading layer's random order, the pseudonyms' order.
    ordered = sorted(data.responses, key=lambda r: rank[r.perspective])
    page = Paginator(ordered, INDIVIDUALS_PER_PAGE).get_page(page_number)
    labels = [s.label for s in result.statements]
    on_page = list(page.object_list)  # a slice of `ordered`, as a Sequence for mypy
    charts_on_page = _individual_charts(result, on_page, pseudonyms, labels)
    return Individuals(review=review, page=page, charts=tuple(charts_on_page))
