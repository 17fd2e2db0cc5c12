"""What the room sees when the rep presents a closed review at the meeting.

Screen 0 is the title, then one screen per agenda point in agenda order, then
"What we agreed". The room is an audience, not the rep: every screen is built
from the released view of the results (`build_results(released=True)`), so it
shows the small-group rule, averages and ranges by perspective, and never a
pseudonym, one person's answers or an agreement statistic, released or not.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext

from reviews.analysis import NOW, PERSPECTIVE_LABELS, THEN, Analysis, StatementInfo
from reviews.models import Review
from reviews.results.page_charts import DASH, figure_script, fmt
from reviews.results.pages import AgendaPoint, Results, build_results
from reviews.results.room_charts import Spread, statement_strip
from reviews.results.vocabulary import translate_figure, word

TITLE = "title"
POINT = "point"
AGREED = "agreed"


@dataclass(frozen=True)
class GroupNumbers:
    """One perspective's numbers on a point's screen, as the room reads them."""

    label: str
    rated: str
    now: str
    then: str


@dataclass(frozen=True)
class Deck:
    """The presented screens of one review, numbered from 0."""

    results: Results

    @property
    def review(self) -> Review:
        return self.results.review

    @property
    def agenda(self) -> tuple[AgendaPoint, ...]:
        return self.results.agenda

    @property
    def last(self) -> int:
        return len(self.agenda) + 1

    def kind(self, number: int) -> str | None:
        if number == 0:
            return TITLE
        if number == self.last:
            return AGREED
        return POINT if 0 < number < self.last else None

    def item(self, number: int) -> AgendaPoint | None:
        return self.agenda[number - 1] if self.kind(number) == POINT else None

    def statement(self, number: int) -> StatementInfo | None:
        item = self.item(number)
        if item is None or item.point.statement is None:
            return None
        return next(
            s for s in self.results.analysis.statements if s.key == item.point.statement
        )

    def title(self, number: int) -> str:
        item = self.item(number)
        if item is not None:
            return f"{number}. {item.heading}"
        return gettext("What we agreed") if number == self.last else self.review.title

    def answered(self) -> list[tuple[str, str]]:
        """How many answered, by perspective; a hidden small group says so."""
        a = self.results.analysis
        hidden = set(a.suppressed_perspectives)
        return [
            (
                word(PERSPECTIVE_LABELS[p]),
                _fewer_than(a.k) if p in hidden else str(a.respondents[p]),
            )
            for p in a.perspectives
            if a.respondents.get(p)
        ]

    def numbers(self, statement: StatementInfo) -> list[GroupNumbers]:
        a = self.results.analysis
        rows = []
        for p in a.perspectives:
            now = a.group(statement.key, NOW, p)
            if now is None:
                continue
            then = a.group(statement.key, THEN, p)
            if now.suppressed and now.summary.answered == 0:
                rated = gettext("{fewer}: not shown").format(fewer=_fewer_than(a.k))
            else:
                rated = str(now.summary.n)
            rows.append(
                GroupNumbers(
                    label=word(PERSPECTIVE_LABELS[p]),
                    rated=rated,
                    now=fmt(now.summary.mean),
                    then=fmt(then.summary.mean) if then is not None else DASH,
                )
            )
        return rows

    def chart_script(self, statement: StatementInfo, element_id: str) -> SafeString:
        a = self.results.analysis
        figure = translate_figure(
            statement_strip(_spreads(a, statement), scale=a.scale)
        )
        # The rows are perspectives, named on the axis.
        yaxis = figure["layout"]["yaxis"]
        yaxis["ticktext"] = [word(label) for label in yaxis["ticktext"]]
        return figure_script(figure, element_id)


def _fewer_than(k: int | None) -> str:
    # A group is only hidden under a small-group rule, which sets k.
    k = k or 0
    return ngettext("fewer than {k}", "fewer than {k}", k).format(k=k)


def _spreads(
    a: Analysis, statement: StatementInfo
) -> list[tuple[str, dict[str, Spread]]]:
    rows = []
    for p in a.perspectives:
        spreads: dict[str, Spread] = {}
        for column in (THEN, NOW):
            g = a.group(statement.key, column, p)
            s = g.summary if g is not None else None
            if s is not None and s.mean is not None and s.min is not None:
                spreads[column] = (s.mean, s.min, s.max if s.max is not None else s.min)
        if a.group(statement.key, NOW, p) is not None:
            rows.append((p, spreads))
    return rows


def build_deck(review: Review) -> Deck:
    """The released view of the review's results, cached as it is for members."""
    return Deck(build_results(review, released=True))
