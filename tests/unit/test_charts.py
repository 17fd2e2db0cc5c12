"""Chart figures: valid plotly, closed radars, lean config, readable styles."""

import json

import plotly.graph_objects as go
import pytest

from reviews.analysis import Scale
from reviews.results import charts

LABELS = [f"Statement {i}" for i in range(1, 11)]
THEN = [3, 4, 5, 2, 6, 7, 3, 4, 5, 6]
NOW = [6, 7, 5, None, 8, 7, 6, 5, 9, 7]


def all_figures() -> dict[str, dict]:
    return {
        "radar": charts.radar(LABELS, [("A", THEN), ("B", NOW)], "Two series"),
        "perspective_radar": charts.perspective_radar(LABELS, THEN, NOW, NOW),
        "overlay_now": charts.overlay_now(
            LABELS, {"lto_staff": NOW, "member": THEN, "rep": NOW}
        ),
        "small_multiples": charts.small_multiples(
            LABELS,
            [
                ("Partnership member 1", THEN, NOW),
                ("Partnership member 2", None, NOW),
                ("LTO staff 1", THEN, NOW),
                ("Worker 1", THEN, THEN),
            ],
        ),
        "overlay_dots": charts.overlay_dots(
            LABELS, {"lto_staff": NOW, "member": THEN, "rep": NOW}
        ),
        "dot_plot": charts.dot_plot(
            LABELS[:3],
            {"member": [[5, 5, 5, 9], [1], []], "lto_staff": [[8], [8, 8], [2]]},
        ),
        "change_over_time": charts.change_over_time(
            ["March 2022", "April 2023", "May 2024"],
            {"member": [4.5, None, 6.0], "lto_staff": [8.0, 7.5, 7.0]},
        ),
        "change_over_time_at_first_and_now": charts.change_over_time(
            ["March 2022", "April 2023"],
            {"member": [4.5, 6.0], "lto_staff": [8.0, 7.5]},
            at_first={"member": [3.0, 3.5]},
        ),
        "box_by_statement": charts.box_by_statement(
            LABELS[:3], [(1, 3, 6, 8, 9), None, (4, 4, 4, 4.5, 5)]
        ),
    }


def strings_in(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings_in(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in strings_in(v)]
    return []


@pytest.mark.parametrize("name", list(all_figures()))
def test_every_figure_is_valid_plotly(name):
    figure = all_figures()[name]

    go.Figure(figure)  # raises on any attribute plotly does not know
    json.dumps(charts.with_config(figure))


@pytest.mark.parametrize("name", list(all_figures()))
def test_every_figure_carries_the_lean_template(name):
    layout = all_figures()[name]["layout"]

    assert layout["template"] == charts.TEMPLATE
    assert layout["template"]["layout"]["font"]["family"].startswith("system-ui")
    validated = go.Figure(all_figures()[name]).layout.template
    assert not validated.data.scatter  # plotly's own default was not applied


def test_radar_traces_are_closed():
    figure = charts.perspective_radar(LABELS, THEN, NOW)

    for trace in figure["data"]:
        assert trace["theta"][0] == trace["theta"][-1] == LABELS[0]
        assert trace["r"][0] == trace["r"][-1]
        assert len(trace["r"]) == len(LABELS) + 1


def test_radar_rating_axis_runs_from_0_to_10():
    radial = charts.radar(LABELS, [("Now", NOW)])["layout"]["polar"]["radialaxis"]

    assert radial["range"] == [0, 10]
    assert radial["tickvals"] == list(range(1, 11))


def test_radar_on_a_0_to_5_scale_keeps_a_ring_for_ratings_of_0():
    radial = charts.radar(LABELS, [("Now", NOW)], scale=Scale(0, 5))["layout"]
    radial = radial["polar"]["radialaxis"]

    assert radial["range"] == [-1, 5]
    assert radial["tickvals"] == [0, 1, 2, 3, 4, 5]


def test_every_rating_axis_follows_a_0_to_5_scale():
    scale = Scale(0, 5)
    radars = [
        charts.perspective_radar(LABELS, THEN, NOW, scale=scale),
        charts.overlay_now(LABELS, {"member": NOW}, scale=scale),
        charts.small_multiples(LABELS, [("Worker 1", None, NOW)], scale=scale),
    ]
    dots = charts.dot_plot(LABELS[:1], {"member": [[0, 5]]}, scale=scale)
    change = charts.change_over_time(["2024"], {"member": [3.0]}, scale=scale)
    box = charts.box_by_statement(LABELS[:1], [(0, 1, 2.5, 4, 5)], scale=scale)

    axes = [f["layout"]["polar"]["radialaxis"] for f in radars] + [
        dots["layout"]["xaxis"],
        change["layout"]["yaxis"],
        box["layout"]["xaxis"],
    ]
    assert all(axis["tickvals"] == [0, 1, 2, 3, 4, 5] for axis in axes)
    assert dots["layout"]["xaxis"]["range"] == [-0.6, 5.6]
    assert change["layout"]["yaxis"]["range"] == [-1, 5.5]
    assert box["layout"]["xaxis"]["range"] == [-0.5, 5.5]


def test_radar_needs_one_value_per_label():
    with pytest.raises(ValueError):
        charts.radar(LABELS, [("Now", NOW[:5])])


def test_perspective_radar_names_then_now_and_would_like():
    figure = charts.perspective_radar(LABELS, THEN, NOW, like=NOW)

    assert [t["name"] for t in figure["data"]] == ["At first", "Now", "Would like"]


def test_perspective_radar_without_then_draws_now_only():
    figure = charts.perspective_radar(LABELS, None, NOW)

    assert [t["name"] for t in figure["data"]] == ["Now"]


def test_config_has_no_logo_cloud_or_mode_bar():
    config = charts.CONFIG

    assert config["displaylogo"] is False
    assert config["showSendToCloud"] is False
    assert config["showEditInChartStudio"] is False
    assert config["displayModeBar"] is False  # no camera, zoom, pan or reset
    assert charts.with_config({"data": []})["config"] is config


def test_config_turns_off_every_zoom_that_is_not_a_drag():
    config = charts.CONFIG

    assert config["scrollZoom"] is False
    assert config["doubleClick"] is False
    assert config["showAxisDragHandles"] is False


@pytest.mark.parametrize("name", list(all_figures()))
def test_no_figure_can_be_dragged_zoomed_or_panned(name):
    layout = all_figures()[name]["layout"]

    assert layout["dragmode"] is False
    cartesian = [v for k, v in layout.items() if k.startswith(("xaxis", "yaxis"))]
    assert all(axis["fixedrange"] is True for axis in cartesian)
    for key in (k for k in layout if k.startswith("polar")):
        radial = layout[key]["radialaxis"]
        assert radial["autorange"] is False
        assert radial["range"] == [0, 10]


def test_radar_wraps_long_axis_labels_but_hovers_the_whole_label():
    labels = ["Sustainable partnership", *LABELS[1:]]

    figure = charts.perspective_radar(labels, THEN, NOW)

    angular = figure["layout"]["polar"]["angularaxis"]
    assert angular["ticktext"][0] == "Sustainable<br>partnership"
    assert angular["tickvals"][0] == "Sustainable partnership"
    assert figure["data"][0]["theta"][0] == "Sustainable partnership"
    assert figure["layout"]["meta"] == {"fit": "radar"}


def test_hover_shows_the_formatted_number_not_plotlys_rounding():
    figure = charts.overlay_now(LABELS, {"member": [5.25] + NOW[1:]})

    [trace] = figure["data"]
    assert trace["text"][0] == "5.3"
    assert trace["hovertemplate"].endswith("%{text}<extra></extra>")


def test_overlay_dots_put_each_perspective_on_each_statement_row():
    figure = charts.overlay_dots(
        LABELS[:2], {"lto_staff": [9.0, 8.0], "member": [4.0, None]}
    )

    span, member, staff = figure["data"]
    assert span["x"] == [4.0, 9.0, None]  # the gap on statement 1 only
    assert span["showlegend"] is False
    assert member["name"] == "Partnership members"
    assert member["y"] == [1, 0]  # statement 1 at the top
    assert staff["text"] == ["9.0", "8.0"]
    assert figure["layout"]["xaxis"]["range"] == [0.5, 10.5]


@pytest.mark.parametrize(
    "figure",
    [
        charts.perspective_radar(LABELS, THEN, NOW, NOW),
        charts.overlay_now(LABELS, {p: NOW for p in charts.PERSPECTIVE_STYLES}),
        charts.radar(LABELS, [(str(i), NOW) for i in range(7)]),
    ],
)
def test_series_differ_in_colour_dash_and_symbol(figure):
    traces = figure["data"]
    for key in ("color", "dash"):
        assert len({t["line"][key] for t in traces}) == len(traces)
    assert len({t["marker"]["symbol"] for t in traces}) == len(traces)


def test_overlay_follows_perspective_order_and_labels():
    figure = charts.overlay_now(LABELS, {"rep": NOW, "member": THEN})

    assert [t["name"] for t in figure["data"]] == ["Partnership members", "Rep"]
    assert figure["data"][0]["line"]["color"] == charts.OKABE_ITO["blue"]


def test_colours_come_from_the_okabe_ito_palette():
    palette = set(charts.OKABE_ITO.values())
    for figure in all_figures().values():
        for trace in figure["data"]:
            if trace.get("showlegend") is False and "marker" not in trace:
                continue  # a grey backdrop, not a series
            assert trace["marker"]["color"] in palette


def test_small_multiples_show_only_the_pseudonyms_passed_in():
    pseudonyms = ["Partnership member 1", "Partnership member 2", "LTO staff 1"]
    individuals = [(name, THEN, NOW) for name in pseudonyms]

    figure = charts.small_multiples(LABELS, individuals)

    titles = [a["text"] for a in figure["layout"]["annotations"]]
    assert titles == pseudonyms
    names = {t["name"] for t in figure["data"]}
    assert names == {"At first", "Now"}
    allowed_prefixes = ("At first", "Now", "%{", "Statement ")
    for text in strings_in(figure):
        if " " in text and text[0].isupper():
            assert text in pseudonyms or text.startswith(allowed_prefixes), text


def test_small_multiples_give_each_person_their_own_radar():
    individuals = [(f"Worker {i}", THEN, NOW) for i in range(1, 5)]

    figure = charts.small_multiples(LABELS, individuals, per_row=3)

    subplots = {t["subplot"] for t in figure["data"]}
    assert subplots == {"polar", "polar2", "polar3", "polar4"}
    assert sum(t["showlegend"] for t in figure["data"]) == 2
    domain = figure["layout"]["polar4"]["domain"]
    assert domain["y"][1] <= 0.5  # second row
    assert figure["layout"]["meta"] == {"fit": "grid", "cells": 4}


def test_dot_plot_shows_every_rating():
    figure = charts.dot_plot(
        LABELS[:2], {"member": [[5, 5, 5], [2]], "lto_staff": [[9], []]}
    )

    member, staff = figure["data"]
    assert member["name"] == "Partnership members"
    assert sorted(member["customdata"]) == [2, 5, 5, 5]
    assert len(set(member["x"])) == 4  # equal ratings spread apart
    assert staff["customdata"] == [9]
    assert figure["layout"]["yaxis"]["ticktext"] == LABELS[:2]


def test_dot_plot_is_the_same_every_time():
    data = {"member": [[5, 5, 7], [1, 1]]}
    assert charts.dot_plot(LABELS[:2], data) == charts.dot_plot(LABELS[:2], data)


def test_change_over_time_draws_one_line_per_perspective():
    figure = charts.change_over_time(
        ["2022", "2024"], {"lto_staff": [7.0, 8.0], "member": [5.0, None]}
    )

    assert [t["name"] for t in figure["data"]] == ["Partnership members", "LTO staff"]
    assert figure["data"][0]["y"] == [5.0, None]
    with pytest.raises(ValueError):
        charts.change_over_time(["2022"], {"member": [1.0, 2.0]})


def test_change_over_time_draws_at_first_dotted_beside_now_and_names_both():
    figure = charts.change_over_time(
        ["2022", "2024"],
        {"member": [5.0, 6.0], "lto_staff": [7.0, 8.0]},
        at_first={"member": [3.0, 4.0], "lto_staff": [6.0, None]},
    )

    names = [t["name"] for t in figure["data"]]
    assert names == [
        "Partnership members at first",
        "Partnership members now",
        "LTO staff at first",
        "LTO staff now",
    ]
    first, now = figure["data"][:2]
    # Same colour, told apart by line and marker as well.
    assert first["line"]["color"] == now["line"]["color"]
    assert (first["line"]["dash"], now["line"]["dash"]) == ("dot", "solid")
    assert figure["data"][3]["line"]["dash"] == "solid"  # LTO staff, now
    assert first["marker"]["symbol"] == f"{now['marker']['symbol']}-open"
    assert first["y"] == [3.0, 4.0] and first["legendgroup"] == "member:then"
    assert figure["layout"]["yaxis"]["title"]["text"] == "Average rating"


def test_change_over_time_of_at_first_alone_says_so_on_its_axis():
    figure = charts.change_over_time(["2022"], {"member": [3.0]}, column="then")

    assert [t["name"] for t in figure["data"]] == ["Partnership members"]
    assert figure["layout"]["yaxis"]["title"]["text"] == "Average rating at first"


def test_box_by_statement_keeps_statements_in_order():
    figure = charts.box_by_statement(
        LABELS[:3], [(1, 2, 3, 4, 5), None, (6, 7, 8, 9, 10)]
    )

    [box] = figure["data"]
    assert box["y"] == [LABELS[0], LABELS[2]]
    assert box["lowerfence"] == [1, 6]
    assert box["q1"] == [2, 7]
    assert box["median"] == [3, 8]
    assert box["q3"] == [4, 9]
    assert box["upperfence"] == [5, 10]
    assert "x" not in box
    assert figure["layout"]["yaxis"]["categoryarray"] == LABELS[:3]
