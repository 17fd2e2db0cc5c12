"""The results pages' charts, each with the table of its numbers.

Built from an analysis (and, for per-response charts, the plain review data):
the overlay and one radar per perspective, small multiples of individual
responses under their pseudonyms, and the dot plot of every rating now.
Programme pages reuse `Chart` and `Table` for their own figures.
"""

from __future__ import annotations

import base64
import json
import sys
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import chain
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from reviews.analysis import (
    COLUMN_HEADINGS,
    DONT_KNOW,
    LIKE,
    NOT_RELEVANT,
    NOW,
    PERSPECTIVE_LABELS,
    THEN,
    Analysis,
    Cell,
    ResponseData,
    StatementInfo,
    one_decimal,
)
from reviews.results import charts
from reviews.results.vocabulary import translate_figure, word

STATE_SHORT = {DONT_KNOW: "DK", NOT_RELEVANT: "NR"}
DASH = "\u2013"


@dataclass(frozen=True)
class Table:
    """A table of a chart's numbers: a header row, then (row header, cells) rows."""

    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Chart:
    """A figure and the table of its numbers. `narrow_figure`, when given, is what
    charts.js draws instead on a phone-width screen."""

    id: str
    title: str
    figure: dict[str, Any]
    table: Table
    wide: bool = False
    narrow_figure: dict[str, Any] | None = None
    # Where the page fetches the figure when it is not written into the page
    # (`figure` then holds its layout alone, for the reserved height).
    source: str = ""

    @property
    def table_id(self) -> str:
        return f"{self.id}-table"

    @property
    def data_id(self) -> str:
        return f"{self.id}-data"

    @property
    def narrow_data_id(self) -> str:
        return f"{self.id}-narrow-data"

    @cached_property
    def figure_script(self) -> SafeString:
        if self.source:
            return SafeString("")
        return figure_script(self.figure, self.data_id)

    @cached_property
    def narrow_figure_script(self) -> SafeString:
        if self.narrow_figure is None:
            return SafeString("")
        return figure_script(self.narrow_figure, self.narrow_data_id)

    def serialise(self) -> None:
        """Serialise the figures now, so that a pickled chart (the results cache)
        carries their JSON instead of their data: see `__getstate__`."""
        _ = self.figure_script, self.narrow_figure_script

    def __getstate__(self) -> dict[str, Any]:
        # Once serialised, the layout alone is read (`fit`, `reserved`); a dot
        # plot's 5,000 points then pickle as one string rather than as numbers.
        state = dict(self.__dict__)
        if "figure_script" in state and "narrow_figure_script" in state:
            state["figure"] = {"layout": self.figure["layout"]}
            if self.narrow_figure is not None:
                state["narrow_figure"] = {"layout": self.narrow_figure["layout"]}
        return state

    @property
    def fit(self) -> str:
        """How the chart sizes itself (see `reviews.results.charts`): a CSS suffix."""
        return str(self.figure["layout"].get("meta", {}).get("fit", "fixed"))

    @property
    def reserved(self) -> str:
        """CSS custom properties that reserve the chart's height before it draws."""
        layout = self.figure["layout"]
        style = [f"--chart-height: {layout['height']}px"]
        if "cells" in layout.get("meta", {}):
            style.append(f"--cells: {layout['meta']['cells']}")
        if self.narrow_figure:
            style.append(f"--narrow-height: {self.narrow_figure['layout']['height']}px")
        return "; ".join(style)


# A trace's numeric arrays that plotly.js also reads as typed arrays.
TYPED_KEYS = ("x", "y", "customdata")
# Integer types by plotly dtype, smallest first: (dtype, array() code, limit).
_INT_TYPES = (("i1", "b", 2**7), ("i2", "h", 2**15), ("i4", "i", 2**31))


def typed_array(values: Sequence[Any]) -> dict[str, str] | None:
    """`values` in plotly.js's typed-array form ({"dtype", "bdata"}: the
    little-endian bytes in base64), or None unless every value is a number.

    Whole numbers take the smallest integer type that holds them, others 64-bit
    floats, so the chart reads exactly the numbers it was given. A dot plot's
    5,000 positions encode in a tenth of the time `json.dumps` takes to write
    them out as decimals.
    """
    types = set(map(type, values))
    if not values or not types <= {int, float}:  # None, text, True: left as JSON
        return None
    if types == {int}:
        low, high = min(values), max(values)
        fits = [t for t in _INT_TYPES if -t[2] <= low and high < t[2]]
        if not fits:  # beyond 32 bits: left as JSON, which holds them exactly
            return None
        dtype, code, _ = fits[0]
    else:
        dtype, code = "f8", "d"
    packed: array[Any] = array(code, values)
    if sys.byteorder != "little":
        packed.byteswap()
    return {"dtype": dtype, "bdata": base64.b64encode(packed.tobytes()).decode()}


def _with_typed_arrays(figure: dict[str, Any]) -> dict[str, Any]:
    """The figure with its traces' numeric x, y and customdata as typed arrays
    (copies: the figure itself is left as it is)."""
    data = []
    for trace in figure.get("data", ()):
        typed = {key: typed_array(trace[key]) for key in TYPED_KEYS if key in trace}
        data.append({**trace, **{k: v for k, v in typed.items() if v is not None}})
    return {**figure, "data": data} if "data" in figure else figure


def figure_json(figure: dict[str, Any]) -> str:
    """The figure as JSON for plotly.js, numeric trace arrays as typed arrays."""
    return json.dumps(_with_typed_arrays(figure), cls=DjangoJSONEncoder)


# Kept on purpose (bench/README.md, "Speed we keep on purpose"): the element
# Django's `json_script` writes, escaped by three `str.replace` calls rather than
# its `str.translate`, which costs a partnership page's twenty figures about
# 10 ms and takes it over its budget. `test_figure_json` checks the two agree.
_SCRIPT_ESCAPES = (("<", "\\u003C"), (">", "\\u003E"), ("&", "\\u0026"))


def figure_script(figure: dict[str, Any], element_id: str) -> SafeString:
    """The figure in a `json_script` element, its numeric arrays typed."""
    text = figure_json(figure)
    for char, escaped in _SCRIPT_ESCAPES:
        text = text.replace(char, escaped)
    return format_html(
        '<script id="{}" type="application/json">{}</script>',
        element_id,
        mark_safe(text),
    )


def fmt(value: float | None) -> str:
    """A number as every table shows it: one decimal, rounded half up."""
    return DASH if value is None else one_decimal(value)


def _means_table(
    caption: str,
    statements: Sequence[StatementInfo],
    series: Sequence[tuple[str, Sequence[float | None]]],
) -> Table:
    return Table(
        caption=caption,
        headers=(gettext("Statement"), *(name for name, _ in series)),
        rows=tuple(
            (s.label, tuple(fmt(values[i]) for _, values in series))
            for i, s in enumerate(statements)
        ),
    )


def group_charts(a: Analysis, labels: list[str], prefix: str) -> list[Chart]:
    """The overlay of every perspective's "now", then one radar per perspective.

    On a phone the overlay is drawn as rows of dots (`charts.overlay_dots`)."""
    shown = [p for p in a.perspectives if p not in a.suppressed_perspectives]
    result = []
    if len(shown) > 1:
        now = {p: a.means(NOW, p) for p in shown}
        result.append(
            Chart(
                id=f"{prefix}-overlay",
                title=gettext("How each group sees the relationship now"),
                figure=translate_figure(
                    charts.with_config(charts.overlay_now(labels, now, scale=a.scale))
                ),
                narrow_figure=translate_figure(
                    charts.with_config(charts.overlay_dots(labels, now, scale=a.scale))
                ),
                table=_means_table(
                    gettext("Average rating now, by perspective"),
                    a.statements,
                    [(word(PERSPECTIVE_LABELS[p]), now[p]) for p in shown],
                ),
            )
        )
    for p in shown:
        series = {c: a.means(c, p) for c in a.columns}
        group = word(PERSPECTIVE_LABELS[p])
        result.append(
            Chart(
                id=f"{prefix}-radar-{p}",
                title=gettext("%(group)s: at first and now") % {"group": group},
                figure=translate_figure(
                    charts.with_config(
                        charts.perspective_radar(
                            labels,
                            then=series.get(THEN),
                            now=series[NOW],
                            like=series.get(LIKE),
                            scale=a.scale,
                        )
                    )
                ),
                table=_means_table(
                    gettext("%(group)s: average ratings") % {"group": group},
                    a.statements,
                    [(word(COLUMN_HEADINGS[c]), series[c]) for c in a.columns],
                ),
            )
        )
    return result


def _short(cell: Cell) -> str:
    if cell is None:
        return DASH
    return str(cell) if isinstance(cell, int) else STATE_SHORT.get(cell, DASH)


def individual_charts(
    a: Analysis,
    responses: Sequence[ResponseData],
    pseudonyms: dict[int, str],
    labels: list[str],
) -> list[Chart]:
    """Small multiples per perspective, each response titled by its pseudonym only."""
    keys = [s.key for s in a.statements]
    result = []
    for p in a.perspectives:
        people = [r for r in responses if r.perspective == p]
        if not people:
            continue

        def column(r: ResponseData, c: str) -> list[float | None]:
            values = [r.answers.get(k, {}).get(c) for k in keys]
            return [v if isinstance(v, int) else None for v in values]

        individuals = [
            (pseudonyms[r.id], column(r, THEN), column(r, NOW)) for r in people
        ]
        rows = tuple(
            (
                pseudonyms[r.id],
                tuple(
                    f"{_short(r.answers.get(k, {}).get(THEN))} \u2192 "
                    f"{_short(r.answers.get(k, {}).get(NOW))}"
                    for k in keys
                ),
            )
            for r in people
        )
        result.append(
            Chart(
                id=f"individual-{p}",
                title=f"{PERSPECTIVE_LABELS[p]}, one radar per response",
                figure=charts.with_config(
                    charts.small_multiples(labels, individuals, scale=a.scale)
                ),
                table=Table(
                    caption=f"{PERSPECTIVE_LABELS[p]}: each response's ratings, at "
                    "first \u2192 now, by statement (DK don\u2019t know, NR not "
                    "relevant)",
                    headers=("Response", *labels),
                    rows=rows,
                ),
                wide=True,
            )
        )
    return result


def _compact(counts: Sequence[int], ratings: Sequence[int]) -> str:
    """How often each rating was given: "3, 5 ×2, 9"."""
    given = (
        f"{rating} ×{n}" if n > 1 else str(rating)
        for rating, n in zip(ratings, counts, strict=True)
        if n
    )
    return ", ".join(given) or DASH


def _in_order(counts: Sequence[int], ratings: Sequence[int]) -> list[int]:
    """Each rating repeated as often as it was given."""
    return list(
        chain.from_iterable([r] * n for r, n in zip(ratings, counts, strict=True))
    )


def dot_plot_chart(a: Analysis, source: str) -> Chart:
    """The dot plot of every rating now: its table, from the tally's counts, and
    its layout alone. The page fetches the figure (`dot_plot_figure`) from
    `source` when the chart comes into view: 5,000 dots at 500 responses cost the
    first view nothing, and the page stays the same size."""
    height = charts.dot_plot_height(len(a.statements), len(a.perspectives))
    return Chart(
        id="dots-now",
        title="Every rating now, by statement and perspective",
        figure={"layout": {"height": height}},
        table=Table(
            caption="Ratings now, by statement and perspective (value × count)",
            headers=("Statement", *(PERSPECTIVE_LABELS[p] for p in a.perspectives)),
            rows=tuple(
                (
                    s.label,
                    tuple(
                        _compact(a.now_counts[p][i], a.scale.ratings)
                        for p in a.perspectives
                    ),
                )
                for i, s in enumerate(a.statements)
            ),
        ),
        wide=True,
        source=source,
    )


def dot_plot_figure(a: Analysis, labels: list[str]) -> dict[str, Any]:
    """The dot plot's figure, from the tally's counts: no pass over the answers."""
    ratings = {
        p: [_in_order(counts, a.scale.ratings) for counts in a.now_counts[p]]
        for p in a.perspectives
    }
    return charts.with_config(charts.dot_plot(labels, ratings, scale=a.scale))
