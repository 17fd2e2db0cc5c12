"""The presented screen's chart: one statement, every perspective, on its scale.

Plain dicts, no Django, as in `reviews.results.charts`. Made for a projector or
a television across a room: large dots and type, no hover, no mode bar, and no
gesture changes what it shows (a static plot over the whole scale).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reviews.analysis import (
    BIG_LOCAL_SCALE,
    COLUMN_HEADINGS,
    NOW,
    PERSPECTIVE_LABELS,
    THEN,
    Scale,
    one_decimal,
)
from reviews.results.axis_charts import rating_axis
from reviews.results.chart_style import COLUMN_STYLES, CONFIG, Figure, base_layout

# A group's ratings of one statement in one column: (average, lowest, highest).
Spread = tuple[float, int, int]

# Nothing to point at or drag on a shared screen: no hover, no mode bar.
ROOM_CONFIG: dict[str, Any] = {**CONFIG, "staticPlot": True, "displayModeBar": False}
ROOM_FONT = 20
ROW_HEIGHT = 44
# "At first" just above each row's line, "now" just below.
OFFSETS = {THEN: 0.18, NOW: -0.18}


def statement_strip(
    rows: Sequence[tuple[str, Mapping[str, Spread]]],
    *,
    scale: Scale = BIG_LOCAL_SCALE,
) -> Figure:
    """One row per perspective (the first at the top): for each column asked, a
    bar from the lowest to the highest rating and a large dot at the average,
    labelled (the page says so beside the chart).

    Only averages and ranges, never one person's rating on its own row: what
    released results would show. A group with nothing to show keeps its row,
    empty, so the room sees who answered.
    """
    n = len(rows)
    columns = [c for c in (THEN, NOW) if any(c in spreads for _, spreads in rows)]
    data = []
    for column in columns:
        style = COLUMN_STYLES[column]
        bars_x: list[float | None] = []
        bars_y: list[float | None] = []
        dots_x: list[float] = []
        dots_y: list[float] = []
        for i, (_, spreads) in enumerate(rows):
            if column not in spreads:
                continue
            mean, low, high = spreads[column]
            y = n - 1 - i + OFFSETS[column]
            bars_x += [low, high, None]
            bars_y += [y, y, None]
            dots_x.append(mean)
            dots_y.append(y)
        data.append(
            {
                "type": "scatter",
                "mode": "lines",
                "x": bars_x,
                "y": bars_y,
                "line": {"color": style["color"], "width": 10},
                "opacity": 0.35,
                "hoverinfo": "skip",
                "showlegend": False,
            }
        )
        data.append(
            {
                "type": "scatter",
                "mode": "markers+text",
                "name": COLUMN_HEADINGS[column],
                "x": dots_x,
                "y": dots_y,
                "text": [one_decimal(x) for x in dots_x],
                "textposition": "middle right",
                "textfont": {"size": ROOM_FONT},
                "marker": {
                    "color": style["color"],
                    "symbol": style["symbol"],
                    "size": 22,
                    "line": {"color": "white", "width": 2},
                },
                "hoverinfo": "skip",
            }
        )
    layout = base_layout(
        "",
        strip_height(n),
        font={"size": ROOM_FONT},
        legend={"orientation": "h", "x": 0, "y": 1, "yanchor": "bottom"},
        margin={"l": 8, "r": 24, "t": 36, "b": 52},
        xaxis=rating_axis(scale, 0.5, "Rating"),
        yaxis={
            "range": [-0.6, n - 0.4],
            "tickvals": list(range(n - 1, -1, -1)),
            "ticktext": [PERSPECTIVE_LABELS.get(p, p) for p, _ in rows],
            "showgrid": True,
            "zeroline": False,
            "automargin": True,
        },
    )
    return {"data": data, "layout": layout, "config": ROOM_CONFIG}


def strip_height(rows: int) -> int:
    """The strip's height in pixels for `rows` perspectives (legend and axis
    included), so the page can reserve it before the chart draws."""
    return 88 + ROW_HEIGHT * max(rows, 1)
