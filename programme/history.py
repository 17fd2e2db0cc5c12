"""A partnership's and an organisation's review history, and how the "at first"
and "now" ratings changed from one review to the next.

Reviews may be asked on framework versions with different rating scales, so
change over time draws every average as a share of its own review's scale
(`reviews.analysis.scale`), and its table gives each average on its own scale
beside the share.

Reviews are found through `Review.objects.visible_to`, so people who neither
represent the area nor work for Local Trust see only released reviews. Figures
come from the stored review summaries, never from individual answers, so each
page costs a fixed number of queries however much history there is.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from partnerships.access import AnyUser
from partnerships.models import Area, Organisation
from reviews.analysis import (
    COLUMN_HEADINGS,
    COLUMN_LABELS,
    NOW,
    PERSPECTIVE_LABELS,
    PERSPECTIVES,
    SHARE_OF_SCALE,
    THEN,
    Scale,
    is_suppressed,
    one_decimal,
    share_of_scale,
)
from reviews.models import AgreedAction, Review, StatementSummary
from reviews.results import charts
from reviews.results.page_charts import DASH, Chart, Table
from reviews.results.pages import RELEASE_PROTECTED
from reviews.results.reading import scale_of

# Statement key -> column -> perspective -> the mean at each review (None: none).
Series = dict[str, dict[str, dict[str, list[float | None]]]]

# What change over time draws, chosen by `?show=`: "now" unless asked.
CHANGE_VIEWS = {"now": (NOW,), "then": (THEN,), "both": (THEN, NOW)}
CHANGE_VIEW_LABELS = {
    "now": COLUMN_HEADINGS[NOW],
    "then": COLUMN_HEADINGS[THEN],
    "both": "Both",
}
STORED = {THEN: "then_by_perspective", NOW: "now_by_perspective"}


def change_view(value: str | None) -> str:
    """The change-over-time view asked for, or "now" for anything else."""
    return value if value in CHANGE_VIEWS else "now"


def partnership_reviews(user: AnyUser, area: Area) -> list[Review]:
    """The partnership's reviews this person may see, oldest first."""
    return list(
        Review.objects.visible_to(user)
        .filter(appointment__partnership__area=area)
        .for_history()
        .order_by("opens", "pk")
    )


def partnership_actions(user: AnyUser, area: Area) -> list[AgreedAction]:
    """Agreed actions of every review of the partnership this person may see,
    newest review first."""
    return list(
        AgreedAction.objects.filter(
            review__in=Review.objects.visible_to(user).filter(
                appointment__partnership__area=area
            )
        )
        .for_display()
        .order_by("-review__opens", "-review_id", "due", "pk")
    )


def organisation_reviews(user: AnyUser, organisation: Organisation) -> list[Review]:
    """The reviews of this organisation as LTO that this person may see, newest
    first."""
    return list(
        Review.objects.visible_to(user)
        .filter(appointment__organisation=organisation)
        .for_history()
        .order_by("-opens", "-pk")
    )


def review_label(review: Review) -> str:
    return f"{review.opens:%b %Y} ({review.get_purpose_display().split(' ')[0]})"


def _unique_labels(reviews: Iterable[Review]) -> list[str]:
    # The chart's x axis is categorical: two reviews with one label would merge.
    labels: list[str] = []
    for review in reviews:
        label = review_label(review)
        while label in labels:
            label += "\u2032"
        labels.append(label)
    return labels


def _means(
    summarised: Sequence[Review], *, protect: bool
) -> tuple[Series, dict[str, str], dict[str, int]]:
    """The "at first" and "now" series by statement key, with each key's label
    and order, from the stored statement summaries in one query."""
    rows = (
        StatementSummary.objects.filter(review__in=[r.pk for r in summarised])
        .select_related("statement")
        .order_by("review__opens", "review_id", "statement__order")
    )
    position = {r.pk: i for i, r in enumerate(summarised)}
    k_of = {r.pk: r.min_group_size for r in summarised}
    labels: dict[str, str] = {}
    order: dict[str, int] = {}
    means: Series = {}
    for row in rows:
        # The newest wording of a statement names it; rows arrive oldest first.
        labels[row.key] = row.statement.short_label
        order.setdefault(row.key, row.statement.order)
        by_column = means.setdefault(row.key, {THEN: {}, NOW: {}})
        for column, field in STORED.items():
            for p, figures in getattr(row, field).items():
                # Released results hide a small group in either column alike.
                hidden = protect and p in RELEASE_PROTECTED
                if hidden and is_suppressed(figures["n"], k_of[row.review_id]):
                    continue
                series = by_column[column].setdefault(p, [None] * len(summarised))
                series[position[row.review_id]] = figures["mean"]
    return means, labels, order


@dataclass(frozen=True)
class LtoChange:
    """Where a review first concerns a different LTO from the one before."""

    index: int
    organisation: str
    started: dt.date


def lto_changes(reviews: Sequence[Review]) -> list[LtoChange]:
    changes = []
    for i in range(1, len(reviews)):
        before, now = reviews[i - 1].appointment, reviews[i].appointment
        if now.organisation_id != before.organisation_id:
            changes.append(LtoChange(i, now.organisation.name, now.started))
    return changes


NOTE_PX = 20  # a line of LTO change notes above a chart


def _split_by_lto(
    figure: dict[str, Any], x: list[str], changes: Sequence[LtoChange]
) -> dict[str, Any]:
    """One LTO staff line per LTO, so no line joins two organisations' staff,
    and a marked line where each new LTO's reviews begin."""
    bounds = [0, *(c.index for c in changes), len(x)]
    data = []
    for trace in figure["data"]:
        # Both the "at first" and the "now" line of LTO staff.
        if not trace["legendgroup"].startswith("lto_staff:") or not changes:
            data.append(trace)
            continue
        for n, (start, end) in enumerate(itertools.pairwise(bounds)):
            ys = [y if start <= i < end else None for i, y in enumerate(trace["y"])]
            data.append(dict(trace, y=ys, showlegend=n == 0))
    layout = dict(figure["layout"])
    layout["shapes"] = [
        *layout.get("shapes", []),
        *(
            {
                "type": "line",
                "xref": "x",
                "yref": "paper",
                "x0": x[c.index],
                "x1": x[c.index],
                "y0": 0,
                "y1": 1,
                "line": {"dash": "dot", "width": 1, "color": "#555"},
            }
            for c in changes
        ),
    ]
    # One line above the plot per change, so two names never overlap; each
    # runs from its marker away from the nearer edge of the chart.
    layout["annotations"] = [
        *layout.get("annotations", []),
        *(
            {
                "xref": "x",
                "yref": "paper",
                "x": x[c.index],
                "y": 1,
                "yanchor": "bottom",
                "yshift": 4 + NOTE_PX * (len(changes) - 1 - n),
                "xanchor": "left" if 2 * c.index < len(x) else "right",
                "showarrow": False,
                "text": f"New LTO: {c.organisation} ({c.started:%b %Y})",
            }
            for n, c in enumerate(changes)
        ),
    ]
    layout["margin"] = {
        **layout["margin"],
        "t": layout["margin"]["t"] + NOTE_PX * len(changes),
    }
    return dict(figure, data=data, layout=layout)


# Room in pixels for the plot and for the review dates below it, on a page and
# on a phone (dates upright); one legend line takes LEGEND_PX.
PLOT_PX, TICKS_PX, PHONE_PLOT_PX, PHONE_TICKS_PX, LEGEND_PX = 280, 64, 260, 84, 24


def _room_below(
    layout: dict[str, Any], legend_lines: int, *, plot: int, ticks: int, **more: Any
) -> dict[str, Any]:
    """Room under the plot for the slanted dates and then the legend, so the
    legend never covers a date nor squeezes the plot (plotly's own placement
    does both once there are a few series)."""
    legend_px = legend_lines * LEGEND_PX
    return dict(
        layout,
        height=layout["margin"]["t"] + plot + ticks + legend_px,
        margin={**layout["margin"], "b": ticks + legend_px},
        # Each series is its own legend group: no gap between them.
        legend={"x": 0, "y": -ticks / plot, "yanchor": "top", "tracegroupgap": 0},
        **more,
    )


def _dates(x: list[str], angle: int) -> dict[str, Any]:
    """Review dates on the axis, without the purpose: the hover text and the
    table give it."""
    return {
        "tickangle": angle,
        "tickvals": x,
        "ticktext": [r.split(" (")[0] for r in x],
    }


def _page_form(figure: dict[str, Any], x: list[str]) -> dict[str, Any]:
    """Two legend entries a line fit beside the table on a page."""
    entries = sum(1 for t in figure["data"] if t.get("showlegend", True))
    layout = figure["layout"]
    axis = {**layout["xaxis"], **_dates(x, -30)}
    layout = _room_below(
        layout, -(-entries // 2), plot=PLOT_PX, ticks=TICKS_PX, xaxis=axis
    )
    layout["legend"]["orientation"] = "h"
    return dict(figure, layout=layout)


def _phone_form(
    figure: dict[str, Any], x: list[str], changes: Sequence[LtoChange]
) -> dict[str, Any]:
    """The chart as a phone draws it: the legend one series a line, dates
    without the purpose, and each LTO change marked along its line, where long
    names cannot collide; the paragraph above the charts and each table name
    the LTOs."""
    entries = sum(1 for t in figure["data"] if t.get("showlegend", True))
    layout = dict(figure["layout"], margin={**figure["layout"]["margin"], "t": 24})
    axis = {**layout["xaxis"], **_dates(x, -90)}
    notes = [
        {
            "xref": "x",
            "yref": "paper",
            "x": x[c.index],
            "y": 1,
            "xanchor": "right",
            "yanchor": "top",
            "textangle": -90,
            "showarrow": False,
            "font": {"size": 10},
            "bgcolor": "rgba(255, 255, 255, 0.85)",
            "text": f"New LTO {c.started:%b %Y}",
        }
        for c in changes
    ]
    layout = _room_below(
        layout,
        entries,
        plot=PHONE_PLOT_PX,
        ticks=PHONE_TICKS_PX,
        xaxis=axis,
        annotations=notes,
    )
    layout["legend"]["orientation"] = "v"
    return dict(figure, layout=layout)


def _shares(means: list[float | None], scales: Sequence[Scale]) -> list[float | None]:
    return [
        None if m is None else share_of_scale(m, scale)
        for m, scale in zip(means, scales, strict=True)
    ]


def _figure(value: float | None, scale: Scale) -> str:
    """A mean as the table shows it: its share of the scale, then the mean."""
    if value is None:
        return DASH
    return f"{one_decimal(share_of_scale(value, scale))}% ({one_decimal(value)})"


def _change_chart(
    key: str,
    label: str,
    x: list[str],
    series: dict[str, dict[str, list[float | None]]],
    ltos: Sequence[str],
    scales: Sequence[Scale],
    changes: Sequence[LtoChange],
) -> Chart:
    """`series` holds the columns drawn, "at first" before "now", as means on
    each review's own scale; the chart draws their shares of the scale."""
    shares = {
        column: {p: _shares(means, scales) for p, means in by_p.items()}
        for column, by_p in series.items()
    }
    *first, (column, shown) = shares.items()
    figure = charts.change_over_time(
        x,
        shown,
        column=column,
        at_first=first[0][1] if first else None,
        scale=SHARE_OF_SCALE,
    )
    split = _split_by_lto(figure, x, changes)
    both = len(series) > 1
    columns = [(p, c) for p in PERSPECTIVES for c in series if p in series[c]]
    words = " and ".join(COLUMN_LABELS[c] for c in series)
    return Chart(
        id=f"change-{key}",
        title=label,
        figure=charts.with_config(_page_form(split, x)),
        narrow_figure=charts.with_config(_phone_form(split, x, changes)),
        table=Table(
            caption=f"{label}: average rating {words} as a share of the scale "
            "(and on the review's own scale), by review and perspective, with the "
            "LTO each review concerned",
            headers=(
                "Review",
                "LTO",
                "Scale",
                *(
                    f"{PERSPECTIVE_LABELS[p]} {COLUMN_LABELS[c]}"
                    if both
                    else PERSPECTIVE_LABELS[p]
                    for p, c in columns
                ),
            ),
            rows=tuple(
                (
                    review,
                    (
                        ltos[i],
                        scales[i].label,
                        *(_figure(series[c][p][i], scales[i]) for p, c in columns),
                    ),
                )
                for i, review in enumerate(x)
            ),
        ),
    )


def change_over_time(
    reviews: Sequence[Review], *, protect: bool, view: str = "now"
) -> list[Chart]:
    """Per statement key, the "now" (or, by `view`, "at first", or both) mean by
    perspective across the reviews.

    Reviews on different framework versions line up by statement key, each
    mean put as a share of its own review's scale. With
    `protect`, a perspective that released results would hide (fewer than the
    review's k) is left out, in each column by its own count.
    """
    summarised = [r for r in reviews if getattr(r, "summary", None) is not None]
    if not summarised:
        return []
    means, labels, order = _means(summarised, protect=protect)
    x = _unique_labels(summarised)
    ltos = [r.appointment.organisation.name for r in summarised]
    scales = [scale_of(r) for r in summarised]
    changes = lto_changes(summarised)
    return [
        _change_chart(
            key,
            labels[key],
            x,
            {column: means[key][column] for column in CHANGE_VIEWS[view]},
            ltos,
            scales,
            changes,
        )
        for key in sorted(means, key=lambda k: (order[k], k))
    ]
