"""The presented screen's chart: one statement, each perspective's average and
range, on the whole scale, with nothing to hover, drag or rescale."""

import plotly.graph_objects as go

from reviews.analysis import NOW, THEN, Scale
from reviews.results.room_charts import statement_strip, strip_height

ROWS = [
    ("member", {THEN: (6.25, 3, 9), NOW: (4.0, 2, 7)}),
    ("lto_staff", {THEN: (8.0, 8, 8), NOW: (9.0, 9, 9)}),
    ("rep", {}),
]


def test_the_strip_is_a_valid_plotly_figure():
    figure = statement_strip(ROWS)
    go.Figure({"data": figure["data"], "layout": figure["layout"]})


def test_each_perspective_has_a_row_members_first_and_an_empty_group_keeps_its_row():
    axis = statement_strip(ROWS)["layout"]["yaxis"]
    assert axis["ticktext"] == ["Partnership members", "LTO staff", "Rep"]
    assert axis["tickvals"] == [2, 1, 0]


def test_averages_are_labelled_as_every_table_rounds_them():
    dots = [t for t in statement_strip(ROWS)["data"] if t["mode"] == "markers+text"]
    assert [d["name"] for d in dots] == ["At first", "Now"]
    assert dots[0]["text"] == ["6.3", "8.0"]
    assert dots[1]["text"] == ["4.0", "9.0"]


def test_bars_run_from_the_lowest_to_the_highest_rating():
    bars = [t for t in statement_strip(ROWS)["data"] if t["mode"] == "lines"]
    assert bars[1]["x"] == [2, 7, None, 9, 9, None]


def test_only_the_columns_asked_are_drawn():
    figure = statement_strip([("member", {NOW: (4.0, 2, 7)})])
    assert [t.get("name") for t in figure["data"] if "name" in t] == ["Now"]


def test_the_axis_covers_the_whole_scale_and_cannot_be_rescaled():
    figure = statement_strip(ROWS, scale=Scale(0, 5))
    axis = figure["layout"]["xaxis"]
    assert axis["range"] == [-0.5, 5.5]
    assert axis["tickvals"] == [0, 1, 2, 3, 4, 5]
    assert axis["fixedrange"] is True
    assert figure["layout"]["dragmode"] is False
    assert figure["config"]["staticPlot"] is True
    assert figure["config"]["displayModeBar"] is False


def test_the_page_reserves_the_strips_own_height():
    assert statement_strip(ROWS)["layout"]["height"] == strip_height(3)
