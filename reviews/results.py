"""A review's answers, read from the database and shaped for the results pages.

`load_review_data()` turns a review's submitted responses into the plain data that
`reviews.analysis` reads, in three queries however many responses there are
(statements, responses, answers, each as `.values_list()` rows). `build_results()`
runs the analysis and assembles what the results page, the meeting pack and the
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

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import Count, Max, Q

from reviews import analysis, charts
from reviews.analysis import (
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
    Thresholds,
)
from reviews.models import (
    SMALL_GROUP_PERSPECTIVES,
    Answer,
    Invitation,
    Response,
    Review,
    Statement,
)

# Released results hide small groups of these perspectives. LTO staff, workers and
# reps are told on their form that their answers are shown as "the LTO's view"
# (or the rep's) and may be recognisable, so their groups are shown at any size.
RELEASE_PROTECTED = tuple(p for p in PERSPECTIVES if p not in SMALL_GROUP_PERSPECTIVES)

COLUMN_HEADINGS = {THEN: "At first", NOW: "Now", LIKE: "Would like"}
STATE_SHORT = {DONT_KNOW: "DK", NOT_RELEVANT: "NR"}
DASH = "\u2013"


@dataclass(frozen=True)
class ReviewData:
    """A review's submitted answers as plain data, plus what pages say about them."""

    statements: tuple[StatementInfo, ...]
    responses: tuple[ResponseData, ...]
    comments: dict[str, list[str]]
    not_involved_ids: frozenset[int]
    paper_ids: frozenset[int]


@dataclass(frozen=True)
class ProgressRow:
    perspective: str
    label: str
    invited: int
    drafts: int
    submitted: int


@dataclass(frozen=True)
class Table:
    """A table of a chart's numbers: a header row, then (row header, cells) rows."""

    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    figure: dict[str, Any]
    table: Table
    wide: bool = False

    @property
    def table_id(self) -> str:
        return f"{self.id}-table"

    @property
    def data_id(self) -> str:
        return f"{self.id}-data"


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


def thresholds_for(review: Review) -> Thresholds:
    """The default thresholds, with the review's own k and its scale's size."""
    return Thresholds(
        scale_options=review.framework_version.scale_max,
        k=review.min_group_size,
    )


def columns_for(review: Review) -> tuple[str, ...]:
    return (THEN, NOW, LIKE) if review.asks_would_like else (THEN, NOW)


def _cell(rating: int | None, state: str) -> Cell:
    return rating if rating is not None else (state or None)


def load_review_data(review: Review) -> ReviewData:
    """Three queries: statements, submitted responses, and all their answers."""
    statement_rows = Statement.objects.filter(
        version_id=review.framework_version_id
    ).values_list("id", "key", "short_label", "text", "capital", "order")
    statements = tuple(
        StatementInfo(key=key, label=label, text=text, capital=capital, order=order)
        for _, key, label, text, capital, order in statement_rows
    )
    key_by_id = {row[0]: row[1] for row in statement_rows}

    response_rows = list(
        Response.objects.filter(review=review, status=Response.Status.SUBMITTED)
        .order_by("id")
        .values_list(
            "id", "perspective", "comments", "not_involved_at_start", "entered_by_id"
        )
    )
    answers: dict[int, dict[str, dict[str, Cell]]] = {
        row[0]: {} for row in response_rows
    }
    answer_rows = Answer.objects.filter(
        response__review=review, response__status=Response.Status.SUBMITTED
    ).values_list(
        "response_id",
        "statement_id",
        "then_rating",
        "then_state",
        "now_rating",
        "now_state",
        "like_rating",
        "like_state",
    )
    for response_id, statement_id, tr, ts, nr, ns, lr, ls in answer_rows.iterator(
        chunk_size=5000
    ):
        key = key_by_id.get(statement_id)
        if key is None or response_id not in answers:
            continue
        answers[response_id][key] = {
            THEN: _cell(tr, ts),
            NOW: _cell(nr, ns),
            LIKE: _cell(lr, ls),
        }

    comments: dict[str, list[str]] = {}
    for _, perspective, text, _, _ in response_rows:
        if text.strip():
            comments.setdefault(perspective, []).append(text.strip())
    # Sorted rather than in response order, so a comment's place in the list
    # cannot be matched to the pseudonym ("Partnership member 2") of its author.
    for texts in comments.values():
        texts.sort(key=str.casefold)
    return ReviewData(
        statements=statements,
        responses=tuple(
            ResponseData(id=rid, perspective=perspective, answers=answers[rid])
            for rid, perspective, *_ in response_rows
        ),
        comments=comments,
        not_involved_ids=frozenset(row[0] for row in response_rows if row[3]),
        paper_ids=frozenset(row[0] for row in response_rows if row[4] is not None),
    )


def analyse_review(review: Review, data: ReviewData) -> Analysis:
    return analysis.analyse(
        data.statements,
        data.responses,
        thresholds=thresholds_for(review),
        columns=columns_for(review),
    )


# Reading 500 responses' answers costs tens of milliseconds; a rep opens the
# results, the pack and the CSV of one review many times between changes to it.
ANALYSIS_CACHE_SECONDS = 600


def read_review(review: Review) -> tuple[ReviewData, Analysis]:
    """The review's data and analysis, from the cache while no answer has changed.

    The key is the count and the latest `updated` of submitted responses (every
    answer write and every submit touches `updated`), plus what the analysis
    depends on, so a change is seen at once; admin edits to answers alone wait
    for the timeout.
    """
    version = Response.objects.filter(
        review=review, status=Response.Status.SUBMITTED
    ).aggregate(n=Count("id"), last=Max("updated"))
    stamp = version["last"].timestamp() if version["last"] else 0
    key = (
        f"review-analysis:{review.pk}:{version['n']}:{stamp}:"
        f"{review.min_group_size}:{review.asks_would_like}:"
        f"{review.framework_version_id}"
    )
    cached = cache.get(key)
    if cached is None:
        data = load_review_data(review)
        cached = (data, analyse_review(review, data))
        cache.set(key, cached, ANALYSIS_CACHE_SECONDS)
    return cached


def progress_by_perspective(review: Review) -> list[ProgressRow]:
    """Invited, started and submitted per perspective: two aggregate queries."""
    invited = dict(
        Invitation.objects.filter(review=review, revoked=False)
        .values_list("perspective")
        .annotate(n=Count("id"))
        .order_by()
    )
    responses = {
        perspective: (drafts, submitted)
        for perspective, drafts, submitted in Response.objects.filter(review=review)
        .values_list("perspective")
        .annotate(
            drafts=Count("id", filter=Q(status=Response.Status.DRAFT)),
            submitted=Count("id", filter=Q(status=Response.Status.SUBMITTED)),
        )
        .order_by()
    }
    return [
        ProgressRow(
            perspective=p,
            label=PERSPECTIVE_LABELS[p],
            invited=invited.get(p, 0),
            drafts=responses.get(p, (0, 0))[0],
            submitted=responses.get(p, (0, 0))[1],
        )
        for p in PERSPECTIVES
        if p in invited or p in responses
    ]


def _fmt(value: float | None, places: int = 1) -> str:
    return DASH if value is None else f"{value:.{places}f}"


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


def _wrapped(label: str, width: int = 12) -> str:
    """A radar axis label broken over short lines, so it fits beside a phone-width
    chart instead of running off the edge."""
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def _group_charts(a: Analysis, statement_labels: list[str], prefix: str) -> list[Chart]:
    """The overlay of every perspective's "now", then one radar per perspective."""
    labels = [_wrapped(label) for label in statement_labels]
    shown = [p for p in a.perspectives if p not in a.suppressed_perspectives]
    result = []
    if len(shown) > 1:
        now = {p: a.means(NOW, p) for p in shown}
        result.append(
            Chart(
                id=f"{prefix}-overlay",
                title="How each group sees the relationship now",
                figure=charts.with_config(charts.overlay_now(labels, now)),
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
                figure=charts.with_config(charts.small_multiples(labels, individuals)),
                table=Table(
                    caption=f"{PERSPECTIVE_LABELS[p]}: each response's ratings, at "
                    "first \u2192 now, by statement number (DK don\u2019t know, NR "
                    "not relevant)",
                    headers=("Response", *(str(s.order) for s in a.statements)),
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
        figure=charts.with_config(charts.dot_plot(labels, ratings)),
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
                f"{g.gap:+.1f}{' (flagged)' if g.flagged else ''}"
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
    agreement = f"{g.rwg:.2f} ({g.rwg_band})" if g.rwg is not None else DASH
    moved = _fmt(change.mean_change) if change and column == NOW else DASH
    if moved != DASH and change is not None and change.mean_change > 0:
        moved = f"+{moved}"
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
        for rid in a.flat_response_ids
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
        thresholds=tuple(analysis.describe_thresholds(result.thresholds)),
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
    ordered = sorted(data.responses, key=lambda r: (rank[r.perspective], r.id))
    page = Paginator(ordered, INDIVIDUALS_PER_PAGE).get_page(page_number)
    labels = [s.label for s in result.statements]
    charts_on_page = _individual_charts(result, page.object_list, pseudonyms, labels)
    return Individuals(review=review, page=page, charts=tuple(charts_on_page))
