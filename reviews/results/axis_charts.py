"""Charts on straight axes: ratings along x, statements or reviews down y.

The overlay's phone form and the dot plot of every rating, for one review;
charts across reviews are in `reviews.results.trend_charts`. Same rules as
`reviews.results.charts`: plain dicts, no Django, fixed axis ranges over the whole
scale, hover texts formatted here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from reviews.analysis import (
    BIG_LOCAL_SCALE,
    COLUMN_LABELS,
    NOW,
    PERSPECTIVE_LABELS,
    SHARE_OF_SCALE,
    Scale,
)
from reviews.results.chart_style import (
    BACKDROP_COLOUR,
    GRID_COLOUR,
    Figure,
    Values,
    base_layout,
    hover_number,
    ordered,
    perspective_style,
    wrap_label,
)


def overlay_dots(
    labels: Sequence[str],
    now_by_perspective: Mapping[str, Values],
    title: str = "",
    *,
    scale: Scale = BIG_LOCAL_SCALE,
) -> Figure:
    """The overlay's phone form: one row per statement, one dot per perspective.

    Chosen over small radars because the question the overlay answers is "how
    far apart are the groups on each statement", and a shared straight scale
    answers it at any width: every statement keeps its full label, the distance
    between dots is the gap (a grey bar spans it), and nothing overlaps.
    """
    n = len(labels)
    rows = [n - 1 - i for i in range(n)]  # statement 1 at the top
    series = _series(now_by_perspective, n, "one value per label")
    data = [_span_trace([values for _, _, values in series], rows)]
    for name, style, values in series:
        data.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": name,
                "x": values,
                "y": rows,
                "text": [hover_number(v) for v in values],
                "customdata": list(labels),
                "marker": {
                    "color": style["color"],
                    "symbol": style["symbol"],
                    "size": 10,
                    "line": {"color": "white", "width": 1},
                },
                "hovertemplate": f"{name}<br>%{{customdata}}: %{{text}}<extra></extra>",
            }
        )
    layout = base_layout(
        title,
        70 + 44 * n,
        legend={"orientation": "h", "x": 0, "y": 1, "yanchor": "bottom"},
        margin={"l": 8, "r": 12, "t": 56 if title else 32, "b": 48},
        xaxis=rating_axis(scale, 0.5, "Average rating now"),
        yaxis=_statement_axis(labels),
    )
    return {"data": data, "layout": layout}


def _series(
    by_perspective: Mapping[str, Values], length: int, error: str
) -> list[tuple[str, dict[str, str], list[float | None]]]:
    """Each perspective's name, style and values, in perspective order."""
    result = []
    for j, p in enumerate(ordered(by_perspective)):
        values = list(by_perspective[p])
        if len(values) != length:
            raise ValueError(error)
        result.append((PERSPECTIVE_LABELS.get(p, p), perspective_style(p, j), values))
    return result


def _span_trace(series: Sequence[Values], rows: Sequence[int]) -> dict[str, Any]:
    """Grey bars from the lowest to the highest value on each row."""
    xs: list[float | None] = []
    ys: list[float | None] = []
    for i, row in enumerate(rows):
        values = [x for v in series if (x := v[i]) is not None]
        if len(values) > 1:
            xs += [min(values), max(values), None]
            ys += [row, row, None]
    return {
        "type": "scatter",
        "mode": "lines",
        "x": xs,
        "y": ys,
        "line": {"color": BACKDROP_COLOUR, "width": 6},
        "hoverinfo": "skip",
        "showlegend": False,
    }


def rating_axis(scale: Scale, pad: float, title: str) -> dict[str, Any]:
    """A straight axis over the whole scale, `pad` (in ticks) beyond either end."""
    pad *= scale.ticks.step
    axis: dict[str, Any] = {
        "range": [scale.min - pad, scale.max + pad],
        "tickvals": list(scale.ticks),
        "title": {"text": title},
        "gridcolor": GRID_COLOUR,
        "zeroline": False,
    }
    if scale == SHARE_OF_SCALE:
        # "100%" is wider than "10": room for it beside the axis title.
        axis.update(ticktext=[f"{v}%" for v in scale.ticks], automargin=True)
    return axis


def _statement_axis(labels: Sequence[str]) -> dict[str, Any]:
    """One row per statement, statement 1 at the top, labels wrapped."""
    n = len(labels)
    return {
        "range": [-0.6, n - 0.4],
        "tickvals": list(range(n - 1, -1, -1)),
        "ticktext": [wrap_label(label, 16) for label in labels],
        "showgrid": False,
        "zeroline": False,
        "automargin": True,
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
    order = ordered(ratings_by_perspective)
    n, lanes = len(labels), max(1, len(order))
    lane_height = 0.8 / lanes
    data = [
        _dot_trace(
            p,
            perspective_style(p, j),
            ratings_by_perspective[p],
            top=n - 1,
            # Lanes sit side by side, centred on each statement's row.
            offset=(j - (lanes - 1) / 2) * lane_height,
        )
        for j, p in enumerate(order)
    ]
    layout = base_layout(
        title,
        dot_plot_height(n, lanes),
        # Room for equal ratings spread sideways at either end. The scale and
        # its title on top, clear of the legend below, which wraps to a line
        # per group on a phone.
        xaxis={
            **rating_axis(scale, 0.6, f"Rating {COLUMN_LABELS[column]}"),
            "side": "top",
            "automargin": True,
        },
        yaxis=_statement_axis(labels),
    )
    layout["shapes"] = _row_separators(n)
    return {"data": data, "layout": layout}


def dot_plot_height(statements: int, lanes: int) -> int:
    """The dot plot's height in pixels: a row per statement, a lane per group."""
    return 90 + statements * (22 + 14 * max(1, lanes))


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
            step, middle = min(0.12, 0.8 / count), (count - 1) / 2
            xs += [rating + (k - middle) * step for k in range(count)]
            ys += [y] * count
            shown += [rating] * count
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
