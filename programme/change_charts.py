"""The charts of a partnership's change over time: one per statement, each average
as a share of its own review's scale, split where the LTO changed, with a phone
form and the table of its numbers. Built from the means `programme.history` reads.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reviews.analysis import (
    COLUMN_LABELS,
    PERSPECTIVE_LABELS,
    PERSPECTIVES,
    SHARE_OF_SCALE,
    Scale,
    one_decimal,
    share_of_scale,
)
from reviews.models import Review
from reviews.results import charts
from reviews.results.page_charts import DASH, Chart, Table


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


def change_chart(
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
