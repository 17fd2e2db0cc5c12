"""Charts across reviews, on straight axes: a partnership's change over time and
the programme's spread of averages by statement. Same rules as
`reviews.results.charts`: plain dicts, no Django, fixed axis ranges over the whole
scale, hover texts formatted here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reviews.analysis import (
    BIG_LOCAL_SCALE,
    COLUMN_HEADINGS,
    COLUMN_LABELS,
    NOW,
    PERSPECTIVE_LABELS,
    SHARE_OF_SCALE,
    THEN,
    Scale,
)
from reviews.results.axis_charts import rating_axis
from reviews.results.chart_style import (
    COLUMN_STYLES,
    GRID_COLOUR,
    Figure,
    Values,
    base_layout,
    hover_number,
    ordered,
    perspective_style,
    wrap_label,
)


def change_over_time(
    review_labels: Sequence[str],
    means_by_perspective: Mapping[str, Values],
    title: str = "",
    *,
    column: str = NOW,
    at_first: Mapping[str, Values] | None = None,
    scale: Scale = BIG_LOCAL_SCALE,
) -> Figure:
    """One statement's mean per perspective across successive reviews, in
    `column` ("now" unless told), with `at_first` beside it when given.

    An "at first" line beside "now" has its perspective's colour and marker
    shape, dotted with the marker open, and every legend entry names its
    column, so the two read apart without colour. Each trace's `legendgroup`
    is "perspective:column".
    """
    lines = [(column, means_by_perspective)]
    if at_first is not None:
        lines.insert(0, (THEN, at_first))
    data = []
    for j, p in enumerate(ordered({**means_by_perspective, **(at_first or {})})):
        for col, means in lines:
            if p not in means:
                continue
            name = PERSPECTIVE_LABELS.get(p, p)
            if at_first is not None:
                name = f"{name} {COLUMN_LABELS[col]}"
            style = perspective_style(p, j)
            # Beside each other, the line tells the column and the marker the
            # perspective: "now" solid, "at first" dotted with open markers.
            if at_first is not None:
                dotted = col == THEN
                style = {
                    **style,
                    "dash": "dot" if dotted else "solid",
                    "symbol": f"{style['symbol']}-open" if dotted else style["symbol"],
                }
            data.append(
                _change_trace(name, f"{p}:{col}", style, review_labels, means[p])
            )
    layout = base_layout(
        title,
        380,
        xaxis={"type": "category", "gridcolor": GRID_COLOUR},
        yaxis={
            **rating_axis(scale, 0.5, _change_axis_title(column, at_first, scale)),
            "range": [
                scale.min - scale.ticks.step,
                scale.max + 0.5 * scale.ticks.step,
            ],
        },
    )
    return {"data": data, "layout": layout}


def _change_axis_title(
    column: str, at_first: Mapping[str, Values] | None, scale: Scale
) -> str:
    # With both columns the legend names each line's column: a short title
    # leaves a phone-width chart room to plot.
    title = "Average rating"
    if at_first is None:
        title += f" {COLUMN_LABELS[column]}"
    return title + _footing(scale)


def _footing(scale: Scale) -> str:
    """What the axis measures when it is the common footing, not a rating."""
    return ", % of scale" if scale == SHARE_OF_SCALE else ""


def _change_trace(
    name: str, group: str, style: Mapping[str, str], x: Sequence[str], values: Values
) -> dict[str, Any]:
    values = list(values)
    if len(values) != len(x):
        raise ValueError("one mean per review")
    return {
        "type": "scatter",
        "mode": "lines+markers",
        "name": name,
        "legendgroup": group,
        "x": list(x),
        "y": values,
        "text": [hover_number(v) for v in values],
        "connectgaps": False,
        "line": {"color": style["color"], "dash": style["dash"], "width": 2},
        "marker": {"color": style["color"], "symbol": style["symbol"]},
        "hovertemplate": f"{name}<br>%{{x}}: %{{text}}<extra></extra>",
    }


FiveNumbers = tuple[float, float, float, float, float]


def box_by_statement(
    labels: Sequence[str],
    spreads: Sequence[FiveNumbers | None],
    title: str = "",
    *,
    scale: Scale = BIG_LOCAL_SCALE,
) -> Figure:
    """Spread of "now" ratings for each statement, across many reviews, from
    each statement's lowest, lower quartile, median, upper quartile and highest
    value (None where no value).

    The box is drawn from those five numbers, so the figure's size follows the
    number of statements, not of values, and it shows exactly what its table
    says: whiskers to the lowest and highest.
    """
    if len(spreads) != len(labels):
        raise ValueError("one spread per label")
    shown = [(label, s) for label, s in zip(labels, spreads, strict=True) if s]
    style = COLUMN_STYLES[NOW]
    data = [
        {
            "type": "box",
            "orientation": "h",
            "name": COLUMN_HEADINGS[NOW],
            "y": [label for label, _ in shown],
            "lowerfence": [s[0] for _, s in shown],
            "q1": [s[1] for _, s in shown],
            "median": [s[2] for _, s in shown],
            "q3": [s[3] for _, s in shown],
            "upperfence": [s[4] for _, s in shown],
            "boxpoints": False,
            "marker": {"color": style["color"]},
            "line": {"color": style["color"]},
            "fillcolor": "rgba(0, 114, 178, 0.15)",
            "hoverinfo": "x",
        }
    ]
    # The axis title kept clear of the tick numbers.
    title_text = "Rating now" + _footing(scale)
    xaxis = rating_axis(scale, 0.5, title_text)
    xaxis.update(title={"text": title_text, "standoff": 12}, automargin=True)
    layout = base_layout(
        title,
        90 + 40 * len(labels),
        showlegend=False,
        xaxis=xaxis,
        yaxis={
            "type": "category",
            "categoryorder": "array",
            "categoryarray": list(labels),
            "autorange": "reversed",
            "automargin": True,
            # Wrapped, so a phone-width chart keeps room for the boxes.
            "tickmode": "array",
            "tickvals": list(labels),
            "ticktext": [wrap_label(label, 16) for label in labels],
        },
    )
    return {"data": data, "layout": layout}
