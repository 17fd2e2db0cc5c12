"""How every chart looks and behaves: palette, line styles, template and config.

Pure data, no Django: `reviews.results.charts` builds figures with these, and the
browser's `static/js/charts.js` sizes them to their containers.

Colours come from the Okabe–Ito palette, and each series also has its own dash
and marker symbol, so charts still read in greyscale and for colour-blind readers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reviews.analysis import LIKE, NOW, PERSPECTIVES, THEN, one_decimal

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
# Other perspectives behind the one a small radar is about: context, not a series.
BACKDROP_COLOUR = "#b8b8b8"

# A chart that the reader could zoom, pan or rescale could show gaps larger than
# they are (a swipe on a phone used to set a radar's axis to 3.3-10). Nothing
# here changes what a chart shows: no scroll or double-click zoom, no axis drag
# handles, and no mode bar: its one useful button, the PNG download, floated
# over the chart's title on a phone, and every chart has its table. Hover stays.
CONFIG: dict[str, Any] = {
    "displaylogo": False,
    "showSendToCloud": False,
    "showEditInChartStudio": False,
    "scrollZoom": False,
    "doubleClick": False,
    "showAxisDragHandles": False,
    "showAxisRangeEntryBoxes": False,
    "showTips": False,
    "displayModeBar": False,
    # charts.js sizes every chart to its container and redraws it on resize.
    "responsive": False,
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


def perspective_style(perspective: str, index: int) -> dict[str, str]:
    """A known perspective's own style, else the index-th of the series styles."""
    return PERSPECTIVE_STYLES.get(
        perspective, SERIES_STYLES[index % len(SERIES_STYLES)]
    )


def wrap_label(label: str, width: int = 12) -> str:
    """A label broken over short lines (plotly's `<br>`), so it fits beside a
    phone-width chart instead of running off the edge."""
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def with_config(figure: Figure) -> Figure:
    """The object charts.js draws: figure plus CONFIG."""
    return {**figure, "config": CONFIG}


def hover_number(value: float | None) -> str:
    """A value as the tables show it: whole ratings as they are, means to one
    place rounded half up (plotly's own `%{r:.1f}` would round 5.25 to 5.2 or 5.3
    depending on the float)."""
    if value is None:
        return ""
    return str(value) if isinstance(value, int) else one_decimal(value)


def ordered(by_perspective: Mapping[str, Any]) -> list[str]:
    known = [p for p in PERSPECTIVES if p in by_perspective]
    return known + sorted(p for p in by_perspective if p not in PERSPECTIVES)


def base_layout(title: str, height: int, fit: str = "", **extra: Any) -> dict[str, Any]:
    layout: dict[str, Any] = {
        "template": TEMPLATE,
        "height": height,
        "margin": {"l": 40, "r": 40, "t": 48 if title else 24, "b": 24},
        "showlegend": True,
        "legend": {"orientation": "h", "x": 0, "y": -0.08, "yanchor": "top"},
        # Hover only: a drag never zooms, pans or turns a chart.
        "dragmode": False,
    }
    if title:
        layout["title"] = {"text": title, "x": 0, "xanchor": "left"}
    if fit:
        layout["meta"] = {"fit": fit}
    layout.update(extra)
    for name, axis in extra.items():
        if name.startswith(("xaxis", "yaxis")):
            layout[name] = {**axis, "fixedrange": True}
    return layout
