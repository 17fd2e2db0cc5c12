"""What the results pages show, built from a review's data and analysis.

`reviews.results.reading` loads a review and analyses it (cached); `build_results()`
assembles what the results page, the meeting pack and the
released results show: discussion points with their questions to open with
(`questions.py`), charts each with a table of its numbers, per-statement tables
(`statement_tables.py`) and comments grouped by perspective.

Nothing here ever reads a Person: results are attributed by perspective, and
individual responses only by pseudonym ("Partnership member 2").
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.urls import reverse
from django.utils.translation import get_language, gettext, ngettext

from reviews import analysis
from reviews.analysis import (
    PERSPECTIVE_LABELS,
    PERSPECTIVES,
    Analysis,
    DiscussionPoint,
)
from reviews.models import SMALL_GROUP_PERSPECTIVES, Review
from reviews.results.page_charts import (
    Chart,
    dot_plot_chart,
    group_charts,
    individual_charts,
)
from reviews.results.questions import Question, opening_questions
from reviews.results.reading import (
    ANALYSIS_CACHE_SECONDS,
    ReviewData,
    data_key,
    read_review,
)
from reviews.results.statement_tables import StatementTable, statement_tables
from reviews.results.vocabulary import (
    say,
    statements_in_language,
    word,
)

# Released results hide small groups of these perspectives. LTO staff, workers and
# reps are told on their form that their answers are shown as "the LTO's view"
# (or the rep's) and may be recognisable, so their groups are shown at any size.
RELEASE_PROTECTED = tuple(p for p in PERSPECTIVES if p not in SMALL_GROUP_PERSPECTIVES)


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
    # How reviews are compared and areas marked: on the results page, not the pack.
    programme_rules: tuple[str, ...]
    hidden_groups: tuple[str, ...] = field(default=())
    # Statements whose words have no translation in the page's language.
    english_statements: frozenset[str] = field(default=frozenset())
    # {statement key: {kind of signal: questions to open with}}
    questions: dict[str, dict[str, tuple[Question, ...]]] = field(default_factory=dict)

    @property
    def response_count(self) -> int:
        return sum(self.analysis.respondents.values())

    @property
    def english_labels(self) -> frozenset[str]:
        """The short labels still in English: chart tables mark those rows."""
        return frozenset(
            s.label
            for s in self.analysis.statements
            if s.key in self.english_statements
        )

    @cached_property
    def agenda(self) -> tuple[AgendaPoint, ...]:
        """Every discussion point with its questions to open with, said once per
        page in its language: the statements are in the page's language, and
        the points, composed from the English, are said again here."""
        labels = {s.key: s.label for s in self.analysis.statements}
        return tuple(
            AgendaPoint(
                p,
                self.questions.get(p.statement or "", {}).get(p.kind, ()),
                heading=labels.get(p.statement or "") or word(p.heading),
                body=say(p.sentence),
                heading_in_english=p.statement in self.english_statements,
            )
            for p in self.analysis.discussion_points
        )

    @property
    def agenda_first(self) -> tuple[AgendaPoint, ...]:
        """ "What to talk about first"."""
        return self.agenda[: len(self.analysis.points_first)]

    @property
    def agenda_later(self) -> tuple[AgendaPoint, ...]:
        return self.agenda[len(self.analysis.points_first) :]


@dataclass(frozen=True)
class AgendaPoint:
    """A discussion point and the questions its strongest signal opens with."""

    point: DiscussionPoint
    questions: tuple[Question, ...]
    # The point in the page's language; a statement with no translation in
    # it keeps its English label.
    heading: str
    body: str
    heading_in_english: bool = False


def _flat_notes(a: Analysis, data: ReviewData) -> list[str]:
    pseudonyms = analysis.individual_labels(data.responses)
    notes = [
        gettext(
            "{who}: ratings now span {range} points or less across the statements."
        ).format(who=_pseudonym(pseudonyms[rid]), range=a.thresholds.flat_range)
        # In pseudonym order: flat ids come sorted, and ids follow opening order.
        for rid in (r.id for r in data.responses if r.id in set(a.flat_response_ids))
    ]
    if a.flat_assessed:
        notes.append(
            ngettext(
                "{count} of {total} responses that rated at least {answered} "
                "statements are flat.",
                "{count} of {total} responses that rated at least {answered} "
                "statements are flat.",
                a.flat_count,
            ).format(
                count=a.flat_count,
                total=a.flat_assessed,
                answered=a.thresholds.flat_min_answered,
            )
        )
    return notes


def _pseudonym(label: str) -> str:
    """ "Partnership member 2" in the page's language: the perspective's word
    translated, the number kept."""
    who, number = label.rsplit(" ", 1)
    return f"{word(who)} {number}"


def build_results(review: Review, *, released: bool = False) -> Results:
    """Everything the results pages show, from one query while it is cached.

    With `released`, small groups are hidden by the analysis module's one rule
    and nothing individual (dot plot, flat responses) is shown. One radar per
    response lives on its own paginated page (`build_individuals`), so this page
    stays the same size however many people answer.

    What is built is cached beside the review's data, under its key (so it goes
    when an answer changes), the rep's view and the released view apart: the
    pages read the charts' serialised figures and the tables from there. The
    data and analysis it is built from are read from the cache when there, but
    left for the pages that read them (individuals, CSV) to cache.
    """
    key = data_key(review)
    # Per language: the parts hold words (headings, captions, statements).
    view = "released" if released else "managed"
    parts_key = f"{key}:results:{view}:{get_language()}"
    parts = cache.get(parts_key)
    if parts is None:
        data_and_analysis = read_review(review, key, keep=False)
        parts = _results_parts(review, *data_and_analysis, released=released)
        cache.set(parts_key, parts, ANALYSIS_CACHE_SECONDS)
    return Results(review=review, released=released, **parts)


def _results_parts(
    review: Review, data: ReviewData, result: Analysis, *, released: bool
) -> dict[str, Any]:
    if released:
        result = analysis.suppress_small_groups(
            result, k=review.min_group_size, perspectives=RELEASE_PROTECTED
        )
    statements, english = statements_in_language(
        result.statements, review.framework_version_id
    )
    result = replace(result, statements=statements)
    labels = [s.label for s in result.statements]
    hidden = set(result.suppressed_perspectives)
    charts = tuple(group_charts(result, labels, "group"))
    # The rep's page fetches the dot plot's figure when it comes into view.
    dot_plot = (
        None
        if released or not data.responses
        else dot_plot_chart(result, reverse("reviews:review-dots", args=[review.pk]))
    )
    for chart in (*charts, dot_plot):
        if chart is not None:
            chart.serialise()
    return {
        "analysis": result,
        "charts": charts,
        "dot_plot": dot_plot,
        "statement_tables": tuple(statement_tables(result, in_words=released)),
        "english_statements": english,
        "comments": tuple(
            (word(PERSPECTIVE_LABELS[p]), tuple(data.comments[p]))
            for p in PERSPECTIVES
            if p in data.comments and p not in hidden
        ),
        "flat_notes": () if released else tuple(_flat_notes(result, data)),
        "thresholds": tuple(
            say(line)
            for line in analysis.describe_thresholds(
                result.thresholds, k=review.min_group_size
            )
        ),
        "programme_rules": tuple(
            say(line) for line in analysis.describe_programme_rules()
        ),
        "hidden_groups": tuple(
            word(PERSPECTIVE_LABELS[p]) for p in sorted(hidden, key=PERSPECTIVES.index)
        ),
        "questions": opening_questions(review),
    }


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
    charts_on_page = individual_charts(result, on_page, pseudonyms, labels)
    return Individuals(review=review, page=page, charts=tuple(charts_on_page))
