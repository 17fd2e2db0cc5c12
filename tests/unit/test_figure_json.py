"""Figures as the page carries them: numeric trace arrays as plotly.js typed
arrays ({"dtype", "bdata"}), which must read back as exactly the same numbers."""

import json
import re

import pytest
from django.utils.html import json_script
from hypothesis import given
from hypothesis import strategies as st

from reviews.results import charts
from reviews.results.page_charts import _with_typed_arrays, figure_script, typed_array
from tests.typed_arrays import decoded


@pytest.mark.parametrize(
    ("values", "dtype"),
    [
        ([0, 5, 10, -3], "i1"),
        ([0, 500], "i2"),
        ([-(2**20), 2**20], "i4"),
        ([0.6148148148148148, 1.0, 9.2], "f8"),
        ([1, 2.5], "f8"),
    ],
)
def test_numbers_take_the_smallest_exact_type(values, dtype):
    spec = typed_array(values)
    assert spec is not None and spec["dtype"] == dtype
    assert decoded(spec) == values


@pytest.mark.parametrize(
    "values",
    [[], [1, None, 3], ["a", "b"], [True, False], [1, 2**40], [[1, 2], [3, 4]]],
)
def test_anything_but_plain_numbers_stays_as_it_is(values):
    assert typed_array(values) is None


@pytest.mark.slow
@given(st.lists(st.integers(-(2**31), 2**31 - 1) | st.floats(allow_nan=False)))
def test_every_typed_array_reads_back_exactly(values):
    spec = typed_array(values)
    if spec is not None:
        assert decoded(spec) == values


def test_a_dot_plot_on_the_page_reads_back_as_its_figure():
    figure = charts.dot_plot(
        ["One", "Two"], {"member": [[5, 5, 5, 9], [1]], "lto_staff": [[8], [8, 8]]}
    )
    script = figure_script(figure, "dots")
    sent = json.loads(re.search(r">(.*)</script>", script).group(1))
    for trace, original in zip(sent["data"], figure["data"], strict=True):
        for key in ("x", "y", "customdata"):
            assert set(trace[key]) == {"dtype", "bdata"}
            assert decoded(trace[key]) == original[key]
        assert trace["marker"] == original["marker"]
    # The figure itself keeps its lists: tables and tests read them.
    assert isinstance(figure["data"][0]["x"], list)
    assert sent["layout"] == json.loads(json.dumps(figure["layout"]))


@given(
    st.text(alphabet=st.sampled_from("<>&'\"abc/\u2028 é"), max_size=30),
    st.lists(st.floats(allow_nan=False, allow_infinity=False), max_size=5),
)
def test_figure_script_writes_what_djangos_json_script_would(text, numbers):
    figure = {"layout": {"title": {"text": text}}, "data": [{"name": text}]}
    figure["data"][0]["hovertext"] = [text, *map(str, numbers)]
    ours = figure_script(figure, "chart-1")
    assert ours == json_script(_with_typed_arrays(figure), "chart-1")
