"""The results pages' figure scripts and tables, written in Python, match what the
template engine wrote before: the same escaping, the same cells."""

from django.utils.html import json_script

from reviews.analysis import StatementInfo
from reviews.results.page_charts import Chart, Table, figure_script
from reviews.results.pages import StatementTable
from reviews.templatetags.result_tables import statement_rows, table_rows

FIGURE = {
    "data": [{"name": "</script><b>Tom & Jerry</b>", "x": [1.5, None, 3]}],
    "layout": {"height": 300, "title": "a > b"},
}


def test_figure_script_is_the_same_element_as_json_script():
    assert figure_script(FIGURE, "f-data") == json_script(FIGURE, "f-data")


def test_figure_script_cannot_close_its_script_element():
    assert "</script><b>" not in figure_script(FIGURE, "f-data")


def test_chart_without_a_narrow_figure_has_no_narrow_script():
    chart = Chart("c", "Title", FIGURE, Table("Caption", ("A",), ()))
    assert chart.narrow_figure_script == ""
    assert chart.figure_script.startswith('<script id="c-data"')


def test_table_rows_escape_every_header_and_cell():
    table = Table("Caption", ("Statement", "Members"), (("<i>1</i>", ("2 & 3",)),))
    assert table_rows(table) == (
        '<tr><th scope="row">&lt;i&gt;1&lt;/i&gt;</th><td>2 &amp; 3</td></tr>'
    )


def test_statement_rows_span_the_perspectives_and_list_the_gaps():
    statement = StatementInfo("s1", "Trust <us>", "Text", "social", 1)
    cells = ("3", "4.0", "4.0", "3\u20135", "0.50 (weak)", "0", "1", "+0.5")
    table = StatementTable(
        column="now",
        heading="Now",
        rows=((statement, (("Members", cells), ("LTO staff", cells)), ("gap a",)),),
    )
    html = statement_rows(table)
    assert 'rowspan="3" class="statement-name">1. Trust &lt;us&gt;</th>' in html
    assert html.count('<td data-label="n">3</td>') == 2
    assert '<td data-label="Agreement (r_wg)" class="wide-cell">0.50 (weak)' in html
    assert '<span class="gap">gap a</span>' in html


def test_a_statement_without_gaps_shows_a_dash():
    statement = StatementInfo("s1", "Trust", "Text", "social", 1)
    table = StatementTable("now", "Now", ((statement, (), ()),))
    assert '<td colspan="8" class="wide-cell">\u2013</td>' in statement_rows(table)
