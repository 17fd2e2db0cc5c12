"""Chart figures as plain plotly dicts: lists of numbers in, JSON-ready dicts out.

Nothing here imports plotly, Django or the ORM: pages pay for neither, and the
figures go to the browser through `json_script`, where one static script
(`static/js/charts.js`) sizes each to its container and draws it. Tests check
every figure against `plotly.graph_objects.Figure`.

No figure can be zoomed, panned or rescaled (`layout.dragmode` false, fixed axis
ranges, and `chart_style.CONFIG`): a rating axis always shows the whole scale.
`layout.meta.fit` tells charts.js how a figure sizes itself: "radar" (margins,
height and font follow the width), "grid" (small multiples re-flow into as many
columns as fit); other figures keep their height and take the container's width.
Every chart has a table of its numbers beside it on the page; these functions
only draw. Rating axes follow the framework version's `Scale`, passed as `scale=`
(Big Local's 1 to 10 by default). Hover texts are formatted here, by the same
rule as the tables.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from reviews.analysis import (
    BIG_LOCAL_SCALE,
    COLUMN_HEADINGS,
    LIKE,
    NOW,
    PERSPECTIVE_LABELS,
    THEN,
    Scale,
)
from reviews.results.axis_charts import dot_plot, dot_plot_height, overlay_dots
from reviews.results.chart_style import (
    COLUMN_STYLES,
    CONFIG,
    GRID_COLOUR,
    OKABE_ITO,
    PERSPECTIVE_STYLES,
    SERIES_STYLES,
    TEMPLATE,
    Figure,
    Values,
    base_layout,
    hover_number,
    ordered,
    perspective_style,
    with_config,
    wrap_label,
)
from reviews.results.trend_charts import (
    FiveNumbers,
    box_by_statement,
    change_over_time,
)

# The straight-axis charts live in `reviews.results.axis_charts`; pages ask for every
# figure and the style they share here.
__all__ = [
    "CONFIG",
    "FiveNumbers",
    "OKABE_ITO",
    "PERSPECTIVE_STYLES",
    "TEMPLATE",
    "box_by_statement",
    "change_over_time",
    "dot_plot",
    "dot_plot_height",
    "overlay_dots",
    "overlay_now",
    "perspective_radar",
    "radar",
    "small_multiples",
    "with_config",
]


def _polar(
    labels: Sequence[str], scale: Scale, numbered: bool = False, **extra: Any
) -> dict[str, Any]:
    angular: dict[str, Any] = {
        "direction": "clockwise",
        "rotation": 90,
        "gridcolor": GRID_COLOUR,
        "linecolor": GRID_COLOUR,
        "tickmode": "array",
        "tickvals": list(labels),
        # Wrapped, so a label needs less room beside the circle.
        "ticktext": [wrap_label(label) for label in labels],
    }
    if numbered:
        # Small radars cannot fit ten labels; number the axes and keep the
        # labels for hover text and the table beside the chart.
        angular.update(
            ticktext=[str(i) for i in range(1, len(labels) + 1)],
            tickfont={"size": 10},
        )
    return {
        "bgcolor": "white",
        "radialaxis": {
            # The whole scale, always: one step below the lowest rating at the
            # centre, so the lowest ratings draw a ring rather than meet in a point.
            "range": [scale.min - 1, scale.max],
            "autorange": False,
            "tickvals": list(scale.ratings),
            "gridcolor": GRID_COLOUR,
            "linecolor": GRID_COLOUR,
            "tickfont": {"size": 10},
            "angle": 90,
        },
        "angularaxis": angular,
        **extra,
    }


def _closed(values: Sequence[Any]) -> list[Any]:
    values = list(values)
    return values + values[:1]


def _radar_trace(
    name: str,
    labels: Sequence[str],
    values: Values,
    style: Mapping[str, str],
    subplot: str = "polar",
    **extra: Any,
) -> dict[str, Any]:
    if len(values) != len(labels):
        raise ValueError("one value per label")
    return {
        "type": "scatterpolar",
        "name": name,
        "subplot": subplot,
        "r": _closed(values),
        "theta": _closed(labels),
        "text": _closed([hover_number(v) for v in values]),
        "mode": "lines+markers",
        "connectgaps": False,
        "line": {"color": style["color"], "dash": style["dash"], "width": 2},
        "marker": {"color": style["color"], "symbol": style["symbol"], "size": 7},
        "hovertemplate": f"{name}<br>%{{theta}}: %{{text}}<extra></extra>",
        **extra,
    }


def radar(
    labels: Sequence[str],
    series: Sequence[tuple[str, Values]],
    title: str = "",
    styles: Sequence[Mapping[str, str]] | None = None,
    *,
    scale: Scale = BIG_LOCAL_SCALE,
) -> Figure:
    """One closed line per series over the statements' axes, ratings outwards.

    The margins, height and font here suit a desktop column; charts.js sizes
    the radar to its container and widens a margin until every label fits.
    """
    styles = styles or [
        SERIES_STYLES[i % len(SERIES_STYLES)] for i in range(len(series))
    ]
    data = [
        _radar_trace(name, labels, values, style)
        for (name, values), style in zip(series, styles, strict=True)
    ]
    margin = {"l": 100, "r": 100, "t": 80 if title else 56, "b": 56}
    legend = {"orientation": "h", "x": 0, "y": -0.2, "yanchor": "top"}
    polar = _polar(labels, scale)
    layout = base_layout(title, 500, "radar", polar=polar, margin=margin, legend=legend)
    return {"data": data, "layout": layout}


def perspective_radar(
    labels: Sequence[str],
    then: Values | None,
    now: Values,
    like: Values | None = None,
    title: str = "",
    *,
    scale: Scale = BIG_LOCAL_SCALE,
    headings: Mapping[str, str] = COLUMN_HEADINGS,
) -> Figure:
    """At first, now and (when asked) would like, for one person or one group;
    `headings` names the columns in the page's language."""
    columns = [(THEN, then), (NOW, now), (LIKE, like)]
    present = [(column, values) for column, values in columns if values is not None]
    return radar(
        labels,
        [(headings[column], values) for column, values in present],
        title,
        styles=[COLUMN_STYLES[column] for column, _ in present],
        scale=scale,
    )


def overlay_now(
    labels: Sequence[str],
    now_by_perspective: Mapping[str, Values],
    title: str = "",
    *,
    scale: Scale = BIG_LOCAL_SCALE,
) -> Figure:
    """Every perspective's mean "now" on one radar, so gaps show as distance.

    On a phone four lines on a radar a few centimetres across are a tangle:
    pages draw `overlay_dots` there instead.
    """
    order = ordered(now_by_perspective)
    return radar(
        labels,
        [(PERSPECTIVE_LABELS.get(p, p), now_by_perspective[p]) for p in order],
        title,
        styles=[perspective_style(p, i) for i, p in enumerate(order)],
        scale=scale,
    )


# Small multiples, in pixels: each radar's caption, the room its numbered ticks
# take above and below the circle, and the legend above the grid. charts.js
# re-flows the grid with the same room when it knows the container's width.
CAPTION_PX, TICK_PX, FOOT_PX, LEGEND_PX, CELL_PX = 22, 20, 24, 36, 280


def small_multiples(
    labels: Sequence[str],
    individuals: Sequence[tuple[str, Values | None, Values]],
    title: str = "",
    per_row: int = 3,
    *,
    scale: Scale = BIG_LOCAL_SCALE,
) -> Figure:
    """One small radar per response, titled only by the pseudonym passed in.

    `individuals` holds (pseudonym, then or None, now); the statements' axes are
    numbered from 1 rather than labelled.
    """
    rows = max(1, math.ceil(len(individuals) / per_row))
    cell_w, cell_h = 1 / per_row, 1 / rows
    plot_h = rows * CELL_PX
    data: list[dict[str, Any]] = []
    annotations = []
    polars = {}
    for i, (pseudonym, then, now) in enumerate(individuals):
        row, col = divmod(i, per_row)
        subplot = "polar" if i == 0 else f"polar{i + 1}"
        x0, top = col * cell_w, 1 - row * cell_h
        domain = {
            "x": [x0 + 0.06 * cell_w, x0 + 0.94 * cell_w],
            # The caption and the top tick sit above the circle, never on it.
            "y": [
                top - cell_h + FOOT_PX / plot_h,
                top - (CAPTION_PX + TICK_PX) / plot_h,
            ],
        }
        polars[subplot] = _polar(labels, scale, numbered=True, domain=domain)
        annotations.append(_caption(pseudonym, x0 + cell_w / 2, top))
        for column, values in ((THEN, then), (NOW, now)):
            if values is None:
                continue
            trace = _radar_trace(
                COLUMN_HEADINGS[column],
                labels,
                values,
                COLUMN_STYLES[column],
                subplot=subplot,
                legendgroup=column,
                showlegend=i == 0,
            )
            trace["marker"]["size"] = 4
            data.append(trace)
    layout = base_layout(
        title,
        LEGEND_PX + plot_h,
        "grid",
        annotations=annotations,
        margin={"l": 0, "r": 0, "t": LEGEND_PX, "b": 0},
        legend={"orientation": "h", "x": 0, "y": 1, "yanchor": "bottom"},
        **polars,
    )
    layout["meta"]["cells"] = len(individuals)
    return {"data": data, "layout": layout}


def _caption(text: str, x: float, y: float) -> dict[str, Any]:
    """A title centred above one small chart, in paper coordinates."""
    return {
        "text": text,
        "x": x,
        "y": y,
        "xref": "paper",
        "yref": "paper",
        "xanchor": "center",
        "yanchor": "top",
        "showarrow": False,
        "font": {"size": 13},
    }
