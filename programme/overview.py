"""The programme overview's figures, for Local Trust staff: coverage, reviews by
purpose and year, response rates, where divergence is most common, and the
spread of "now" ratings by statement.

Shares and spreads are by region, year and statement, never by area or LTO.
Response rates, divergence and the spread of "now" ratings come from the
programme's rollup (`reviews.rollups`), added up when summaries are stored, so
this page reads one small row for them; coverage and reviews by purpose, which
change with today's date or with every review opened, are counted live.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q

from partnerships.models import Area, Region
from reviews.analysis import DEFAULT_THRESHOLDS, SHARE_OF_SCALE, one_decimal
from reviews.models import Review, Statement
from reviews.results import charts
from reviews.results.page_charts import DASH, Chart, Table

GAP_FLAG = DEFAULT_THRESHOLDS.gap_flag


# Coverage: areas with a review opened within this many days.
COVERAGE_WINDOW_DAYS = 365


@dataclass(frozen=True)
class Share:
    label: str
    part: int
    whole: int

    @property
    def share(self) -> float | None:
        return self.part / self.whole if self.whole else None


def coverage_by_region(today: dt.date) -> list[Share]:
    """Areas with a review opened in the last 12 months, region by region."""
    # One uncorrelated list of the recent reviews' areas, not a subquery per
    # area (at 1,500 areas, 1,500 lookups through appointments to reviews).
    recent = Review.objects.filter(
        opens__gte=today - dt.timedelta(days=COVERAGE_WINDOW_DAYS)
    ).values("appointment__partnership__area")
    rows = (
        Area.objects.values("region")
        .annotate(total=Count("pk"), with_review=Count("pk", filter=Q(pk__in=recent)))
        .order_by("region")
    )
    names = dict(Region.choices)
    shares = [Share(names[r["region"]], r["with_review"], r["total"]) for r in rows]
    shares.sort(key=lambda s: s.label)
    return shares


def all_regions(coverage: Sequence[Share]) -> Share:
    """The regions' coverage added up."""
    return Share(
        "All regions", sum(s.part for s in coverage), sum(s.whole for s in coverage)
    )


def reviews_by_purpose_and_year() -> tuple[list[int], list[tuple[str, list[int]]]]:
    """Counts of reviews opened, as (years, [(purpose label, count per year)])."""
    # Grouped by the opening day and folded into years here: at most 366 rows a
    # year, and SQLite extracts a year through a Python function on every row
    # (18,000 reviews: 33 ms by year, 7 ms by day).
    rows = Review.objects.values_list("opens", "purpose").annotate(n=Count("pk"))
    counts: dict[tuple[int, str], int] = {}
    for day, purpose, n in rows.order_by():
        counts[day.year, purpose] = counts.get((day.year, purpose), 0) + n
    years = sorted({year for year, _ in counts})
    table = [
        (label, [counts.get((year, value), 0) for year in years])
        for value, label in Review.Purpose.choices
        if any(counts.get((year, value)) for year in years)
    ]
    return years, table


def year_totals(
    years: Sequence[int], by_purpose: Sequence[tuple[str, list[int]]]
) -> list[int]:
    """Reviews opened each year, all purposes together."""
    return [sum(counts[i] for _, counts in by_purpose) for i in range(len(years))]


@dataclass(frozen=True)
class ResponseRate:
    """A year of closed reviews: who answered, by how they came to answer.

    The invited rate counts invitations answered against invitations sent, so it
    never exceeds 100%; meeting-code and paper responses have no invitation and
    are counted beside it, not in it.
    """

    year: int
    reviews: int
    invited: Share
    through_code: int
    on_paper: int


def response_rates_by_year(figures: Mapping[str, Any]) -> list[ResponseRate]:
    """Per year of closed, summarised reviews (by the year they opened), from the
    counts each summary stored at close, added up in the programme's rollup."""
    return [
        ResponseRate(year, n, Share(str(year), answered, invited), code, paper)
        for year, n, invited, answered, code, paper in figures.get("rates", ())
    ]


@dataclass(frozen=True)
class Divergence:
    key: str
    label: str
    reviews: int
    gaps: Share
    disagreements: Share


def statement_labels() -> dict[str, tuple[int, str]]:
    """Each statement key's order and newest short label, across versions."""
    rows = Statement.objects.order_by("version__number").values_list(
        "key", "order", "short_label"
    )
    return {key: (order, label) for key, order, label in rows}


def divergence_by_statement(
    figures: Mapping[str, Any], labels: dict[str, tuple[int, str]]
) -> list[Divergence]:
    """How often reviews flagged a members-vs-LTO gap, or members disagreeing."""
    result = [
        Divergence(
            key,
            labels.get(key, (0, key))[1],
            n,
            Share("gap", gaps, n),
            Share("disagreement", disagreements, n),
        )
        for key, n, gaps, disagreements in figures.get("divergence", ())
    ]
    result.sort(key=lambda d: (labels.get(d.key, (0, d.key))[0], d.key))
    return result


def five_numbers(values: Sequence[float]) -> charts.FiveNumbers | None:
    """Lowest, lower quartile, median, upper quartile and highest; None if empty."""
    if not values:
        return None
    ordered = sorted(values)
    if len(ordered) == 1:
        q1 = median = q3 = ordered[0]
    else:
        q1, median, q3 = statistics.quantiles(ordered, n=4, method="inclusive")
    return (ordered[0], q1, median, q3, ordered[-1])


def _shown(spread: charts.FiveNumbers | None) -> tuple[str, ...]:
    return (
        (DASH,) * 5 if spread is None else tuple(f"{one_decimal(v)}%" for v in spread)
    )


def now_distribution(
    figures: Mapping[str, Any], labels: dict[str, tuple[int, str]]
) -> Chart | None:
    """The spread of average "now" ratings, statement by statement, where each
    area's most recent closed review gives one value (its stored mean, as a
    share of that review's own scale).

    So the chart says where relationships stand now, and its size follows the
    number of areas, not of reviews or answers. Reviews on different scales are
    never put into one spread as ratings: each counts by its share of its scale.
    """
    # Stored as tenths of a percent and areas: tenths / 10 is the rounded share.
    by_key = {
        key: [tenths / 10 for tenths, n in counts for _ in range(n)]
        for key, counts in figures.get("now_share", {}).items()
    }
    if not by_key:
        return None
    scales = figures.get("now_scales", {})
    keys = sorted(by_key, key=lambda k: (labels.get(k, (0, k))[0], k))
    names = [labels.get(k, (0, k))[1] for k in keys]
    spreads = [five_numbers(by_key[k]) for k in keys]
    return Chart(
        id="programme-now",
        title="Average rating now at each area's latest review, by statement, "
        "as a share of the scale",
        figure=charts.with_config(
            charts.box_by_statement(names, spreads, scale=SHARE_OF_SCALE)
        ),
        table=Table(
            caption="Average rating now at each area's latest closed review, by "
            "statement, as a share of its scale (0% the lowest option, 100% the "
            "highest): lowest, lower quartile, median, upper quartile, highest",
            headers=(
                "Statement",
                "Areas",
                "Scales",
                "Lowest",
                "Q1",
                "Median",
                "Q3",
                "Highest",
            ),
            rows=tuple(
                (
                    name,
                    (
                        str(len(by_key[k])),
                        ", ".join(scales.get(k, ())) or DASH,
                        *_shown(spread),
                    ),
                )
                for name, k, spread in zip(names, keys, spreads, strict=True)
            ),
        ),
        wide=True,
    )
