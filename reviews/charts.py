"""Chart figures as plain plotly dicts: lists of numbers in, JSON-ready dicts out.

Nothing here imports plotly, Django or the ORM: pages pay for neither, and the
figures go to the browser through `json_script`, where one static script calls
`Plotly.newPlot(element, with_config(figure))`. Tests check every figure against
`plotly.graph_objects.Figure`.

Colours come from the Okabe–Ito palette, and each series also has its own dash
and marker symbol, so charts still read in greyscale and for colour-blind readers.
Every chart has a table of its numbers beside it on the page; these functions
only draw. Rating axes follow the framework version's `Scale`, passed as `scale=`
(Big Local's 1 to 10 by default).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from reviews.analysis import (
    BIG_LOCAL_SCALE,
    COLUMN_HEADINGS,
    COLUMN_LABELS,
    LIKE,
    NOW,
    PERSPECTIVE_LABELS,
    PERSPECTIVES,
    THEN,
    Scale,
)

Figure = dict[str, Any]
Values = Sequence[float | None]

OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif'
TEXT_COLOUR = "#1a1a1a"
GRID_COLOUR = "#d0d0d0"

CONFIG: dict[str, Any] = {
    "displaylogo": False,
    "showSendToCloud": False,
    "showEditInChartStudio": False,
    "responsive": True,
    # Keep the PNG download; selection and spike tools mean nothing on these charts.
    "modeBarButtonsToRemove": [
        "select2d",
        "lasso2d",
        "autoScale2d",
        "toggleSpikelines",
        "hoverClosestCartesian",
        "hoverCompareCartesian",
    ],
    "toImageButtonOptions": {"format": "png", "scale": 2},
}

# A non-empty template stops plotly.py applying its own default when a figure is
# validated, and gives the browser our lean look.
TEMPLATE: dict[str, Any] = {
    "layout": {
        "font": {"family": FONT_FAMILY, "size": 14, "color": TEXT_COLOUR},
        "colorway": list(OKABE_ITO.values()),
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "hovermode": "closest",
    }
}


def _style(colour: str, dash: str, symbol: str) -> dict[str, str]:
    return {"color": OKABE_ITO[colour], "dash": dash, "symbol": symbol}


# "At first" light and dashed, "now" dark and solid: distinct even when printed grey.
COLUMN_STYLES = {
    THEN: _style("orange", "dash", "circle"),
    NOW: _style("blue", "solid", "square"),
    LIKE: _style("bluish_green", "dot", "diamond"),
}
PERSPECTIVE_STYLES = {
    "member": _style("blue", "solid", "circle"),
    "lto_staff": _style("vermillion", "dash", "square"),
    "worker": _style("bluish_green", "dot", "diamond"),
    "rep": _style("reddish_purple", "dashdot", "triangle-up"),
    "lt_staff": _style("black", "longdash", "x"),
    "other": _style("orange", "longdashdot", "star"),
}
SERIES_STYLES = [
    _style("blue", "solid", "circle"),
    _style("orange", "dash", "square"),
    _style("bluish_green", "dot", "diamond"),
    _style("vermillion", "dashdot", "triangle-up"),
    _style("reddish_purple", "longdash", "x"),
    _style("black", "longdashdot", "star"),
    _style("sky_blue", "8px,3px,2px,3px,2px,3px", "cross"),
]


def with_config(figure: Figure) -> Figure:
    """The object `Plotly.newPlot(element, ...)` takes: figure plus CONFIG."""
    return {**figure, "config": CONFIG}


def _ordered(by_perspective: Mapping[str, Any]) -> list[str]:
    known = [p for p in PERSPECTIVES if p in by_perspective]
    return known + sorted(p for p in by_perspective if p not in PERSPECTIVES)


def _perspective_style(perspective: str, index: int) -> dict[str, str]:
    return PERSPECTIVE_STYLES.get(
        perspective, SERIES_STYLES[index % len(SERIES_STYLES)]
    )


def _layout(title: str, height: int, **extra: Any) -> dict[str, Any]:
    layout: dict[str, Any] = {
        "template": TEMPLATE,
        "height": height,
        "margin": {"l": 40, "r": 40, "t": 48 if title else 24, "b": 24},
        "showlegend": True,
        "legend": {"orientation": "h", "x": 0, "y": -0.08, "yanchor": "top"},
    }
    if title:
        layout["title"] = {"text": title, "x": 0, "xanchor": "left"}
    layout.update(extra)
    return layout


def _polar(
    labels: Sequence[str], scale: Scale, numbered: bool = False, **extra: Any
) -> dict[str, Any]:
    angular: dict[str, Any] = {
        "direction": "clockwise",
        "rotation": 90,
        "gridcolor": GRID_COLOUR,
        "linecolor": GRID_COLOUR,
    }
    if numbered:
        # Small radars cannot fit ten labels; number the axes and keep the
        # labels for hover text and the table beside the chart.
        angular.update(
            tickmode="array",
            tickvals=list(labels),
            ticktext=[str(i) for i in range(1, len(labels) + 1)],
            tickfont={"size": 10},
        )
    return {
        "bgcolor": "white",
        "radialaxis": {
            # One step below the lowest rating at the centre, so the lowest
            # ratings draw a ring rather than meeting in a point.
            "range": [scale.min - 1, scale.max],
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
        "mode": "lines+markers",
        "connectgaps": False,
        "line": {"color": style["color"], "dash": style["dash"], "width": 2},
        "marker": {"color": style["color"], "symbol": style["symbol"], "size": 7},
        "hovertemplate": f"{name}<br>%{{theta}}: %{{r:.1f}}<extra></extra>",
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
    """One closed line per series over the statements' axes, ratings outwards."""
    styles = styles or [
        SERIES_STYLES[i % len(SERIES_STYLES)] for i in range(len(series))
    ]
    data = [
        _radar_trace(name, labels, values, style)
        for (name, values), style in zip(series, styles, strict=True)
    ]
    # Axis labels sit outside the circle: leave room for two-line labels all round.
    margin = {"l": 100, "r": 100, "t": 80 if title else 56, "b": 56}
    legend = {"orientation": "h", "x": 0, "y": -0.2, "yanchor": "top"}
    polar = _polar(labels, scale)
    layout = _layout(title, 500, polar=polar, margin=margin, legend=legend)
    return {"data": data, "layout": layout}


def perspective_radar(
    labels: Sequence[str],
    then: Values | None,
    now: Values,
    like: Values | None = None,
    title: str = "",
    *,
    scale: Scale = BIG_LOCAL_SCALE,
) -> Figure:
    """At first, now and (when asked) would like, for one person or one group."""
    columns = [(THEN, then), (NOW, now), (LIKE, like)]
    present = [(column, values) for column, values in columns if values is not None]
    return radar(
        labels,
        [(COLUMN_HEADINGS[column], values) for column, values in present],
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
    """Every perspective's mean "now" on one radar, so gaps show as distance."""
    order = _ordered(now_by_perspective)
    return radar(
        labels,
        [(PERSPECTIVE_LABELS.get(p, p), now_by_perspective[p]) for p in order],
        title,
        styles=[_perspective_style(p, i) for i, p in enumerate(order)],
        scale=scale,
    )


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
    # Leave room for each radar's pseudonym above it.
    pad_x, pad_top, pad_bottom = 0.06 * cell_w, 0.16 * cell_h, 0.04 * cell_h
    data: list[dict[str, Any]] = []
    annotations = []
    polars = {}
    for i, (pseudonym, then, now) in enumerate(individuals):
        row, col = divmod(i, per_row)
        subplot = "polar" if i == 0 else f"polar{i + 1}"
        x0, y1 = col * cell_w, 1 - row * cell_h
        domain = {
            "x": [x0 + pad_x, x0 + cell_w - pad_x],
            "y": [y1 - cell_h + pad_bottom, y1 - pad_top],
        }
        polars[subplot] = _polar(labels, scale, numbered=True, domain=domain)
        annotations.append(_caption(pseudonym, x0 + cell_w / 2, y1))
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
    layout = _layout(title, 60 + 280 * rows, annotations=annotations, **polars)
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


def dot_plot(
    labels: Sequence[str],
    ratings_by_perspective: Mapping[str, Sequence[Sequence[int]]],
    title: str = "",
    column: str = NOW,
    *,
    scale: Scale = BIG_LOCAL_SCALE,
) -> Figure:
    """Every rating, one row per statement and one lane per perspective.

    `ratings_by_perspective[p][i]` lists the ratings of perspective p for
    statement i. Equal ratings are spread sideways around their value, without
    randomness, so the figure is the same every time it is drawn.
    """
    order = _ordered(ratings_by_perspective)
    n, lanes = len(labels), max(1, len(order))
    lane_height = 0.8 / lanes
    data = [
        _dot_trace(
            p,
            _perspective_style(p, j),
            ratings_by_perspective[p],
            top=n - 1,
            # Lanes sit side by side, centred on each statement's row.
            offset=(j - (lanes - 1) / 2) * lane_height,
        )
        for j, p in enumerate(order)
    ]
    layout = _layout(
        title,
        90 + n * (22 + 14 * lanes),
        xaxis={
            # Room for equal ratings spread sideways at either end.
            "range": [scale.min - 0.6, scale.max + 0.6],
            "tickvals": list(scale.ratings),
            "title": {"text": f"Rating {COLUMN_LABELS[column]}"},
            "gridcolor": GRID_COLOUR,
            "zeroline": False,
        },
        yaxis={
            "range": [-0.6, n - 0.4],
            "tickvals": list(range(n - 1, -1, -1)),
            "ticktext": list(labels),
            "showgrid": False,
            "zeroline": False,
            "automargin": True,
        },
    )
    layout["shapes"] = _row_separators(n)
    return {"data": data, "layout": layout}


def _dot_trace(
    perspective: str,
    style: Mapping[str, str],
    ratings_by_statement: Sequence[Sequence[int]],
    top: int,
    offset: float,
) -> dict[str, Any]:
    """One perspective's dots, equal ratings spread sideways on each row."""
    xs: list[float] = []
    ys: list[float] = []
    shown: list[int] = []
    for i, ratings in enumerate(ratings_by_statement):
        # Statement 1 at the top.
        y = top - i - offset
        for rating, count in sorted(Counter(ratings).items()):
            step = min(0.12, 0.8 / count)
            for k in range(count):
                xs.append(rating + (k - (count - 1) / 2) * step)
                ys.append(y)
                shown.append(rating)
    name = PERSPECTIVE_LABELS.get(perspective, perspective)
    return {
        "type": "scatter",
        "mode": "markers",
        "name": name,
        "x": xs,
        "y": ys,
        "customdata": shown,
        "marker": {
            "color": style["color"],
            "symbol": style["symbol"],
            "size": 8,
            "opacity": 0.85,
        },
        "hovertemplate": f"{name}: %{{customdata}}<extra></extra>",
    }


def _row_separators(n: int) -> list[dict[str, Any]]:
    """Faint lines between the statements' rows."""
    return [
        {
            "type": "line",
            "xref": "paper",
            "x0": 0,
            "x1": 1,
            "y0": i - 0.5,
            "y1": i - 0.5,
            "line": {"color": GRID_COLOUR, "width": 1},
        }
        for i in range(1, n)
    ]


def change_over_time(
    review_labels: Sequence[str],
    means_by_perspective: Mapping[str, Values],
    title: str = "",
    *,
    scale: Scale = BIG_LOCAL_SCALE,
) -> Figure:
    """One statement's mean "now" per perspective across successive reviews."""
    data = []
    for j, p in enumerate(_ordered(means_by_perspective)):
        values = list(means_by_perspective[p])
        if len(values) != len(review_labels):
            raise ValueError("one mean per review")
        style = _perspective_style(p, j)
        name = PERSPECTIVE_LABELS.get(p, p)
        data.append(
            {
                "type": "scatter",
                "mode": "lines+markers",
                "name": name,
                "x": list(review_labels),
                "y": values,
                "connectgaps": False,
                "line": {"color": style["color"], "dash": style["dash"], "width": 2},
                "marker": {"color": style["color"], "symbol": style["symbol"]},
                "hovertemplate": f"{name}<br>%{{x}}: %{{y:.1f}}<extra></extra>",
            }
        )
    layout = _layout(
        title,
        380,
        xaxis={"type": "category", "gridcolor": GRID_COLOUR},
        yaxis={
            "range": [scale.min - 1, scale.max + 0.5],
            "tickvals": list(scale.ratings),
            "title": {"text": "Average rating now"},
            "gridcolor": GRID_COLOUR,
            "zeroline": False,
        },
    )
    return {"data": data, "layout": layout}


def box_by_statement(
    labels: Sequence[str],
    ratings: Sequence[Sequence[int]],
    title: str = "",
    *,
    scale: Scale = BIG_LOCAL_SCALE,
) -> Figure:
    """Spread of "now" ratings for each statement, across many reviews."""
    if len(ratings) != len(labels):
        raise ValueError("one list of ratings per label")
    xs = [rating for values in ratings for rating in values]
    ys = [label for label, values in zip(labels, ratings, strict=True) for _ in values]
    style = COLUMN_STYLES[NOW]
    data = [
        {
            "type": "box",
            "orientation": "h",
            "name": COLUMN_HEADINGS[NOW],
            "x": xs,
            "y": ys,
            "boxpoints": "outliers",
            "marker": {"color": style["color"]},
            "line": {"color": style["color"]},
            "fillcolor": "rgba(0, 114, 178, 0.15)",
            "hoverinfo": "x",
        }
    ]
    layout = _layout(
        title,
        90 + 36 * len(labels),
        showlegend=False,
        xaxis={
            "range": [scale.min - 0.5, scale.max + 0.5],
            "tickvals": list(scale.ratings),
            "title": {"text": "Rating now"},
            "gridcolor": GRID_COLOUR,
            "zeroline": False,
        },
        yaxis={
            "type": "category",
            "categoryorder": "array",
            "categoryarray": list(labels),
            "autorange": "reversed",
            "automargin": True,
        },
    )
    return {"data": data, "layout": layout}
