"""The results pages' figure scripts and tables: escaped, with every cell under
the heading it belongs to."""

from django.template.loader import render_to_string
from django.utils.html import escape, json_script

from reviews.analysis import ANSWER_STATE_LABELS, NOT_RELEVANT, StatementInfo
from reviews.results.page_charts import Chart, Table, figure_script
from reviews.results.statement_tables import STATEMENT_COLUMNS, StatementTable

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


def render_table(table: Table) -> str:
    return render_to_string(
        "reviews/results/includes/table.html", {"table": table, "table_id": "t"}
    )


def render_statement_tables(*tables: StatementTable) -> str:
    return render_to_string(
        "reviews/results/includes/statement_tables.html", {"tables": tables}
    )


def now_table(groups, gaps) -> StatementTable:
    statement = StatementInfo("s1", "Trust <us>", "Text", "social", 1)
    return StatementTable(
        column="now", heading="Now", rows=((statement, groups, gaps),)
    )


CELLS = ("3", "4.0", "4.0", "3\u20135", "0.50 (weak)", "0", "1", "+0.5")


def test_a_chart_table_escapes_every_header_and_cell():
    table = Table("Caption", ("Statement", "<b>"), (("<i>1</i>", ("2 & 3",)),))
    html = render_table(table)
    assert '<th scope="col">&lt;b&gt;</th>' in html
    assert (
        '<tr><th scope="row">&lt;i&gt;1&lt;/i&gt;</th><td>2 &amp; 3</td></tr>' in html
    )


def test_statement_rows_span_the_perspectives_and_list_the_gaps():
    table = now_table((("Members", CELLS), ("LTO staff", CELLS)), ("gap a", "gap b"))
    html = render_statement_tables(table)
    assert 'rowspan="3" class="statement-name">1. Trust &lt;us&gt;</th>' in html
    assert html.count('class="statement-name"') == 1
    assert html.count('<td data-label="n">3</td>') == 2
    assert '<td data-label="Agreement (r_wg)" class="wide-cell">0.50 (weak)' in html
    assert '<span class="gap">gap a</span>; <span class="gap">gap b</span>' in html
    assert '<td colspan="8" class="wide-cell">' in html


def test_a_statement_without_gaps_shows_a_dash():
    html = render_statement_tables(now_table((), ()))
    assert '<td colspan="8" class="wide-cell">\u2013</td>' in html


def test_statement_table_headings_and_cell_labels_use_the_vocabulary():
    html = render_statement_tables(now_table((("Members", CELLS),), ()))
    label = escape(ANSWER_STATE_LABELS[NOT_RELEVANT])
    assert label == "Not relevant to us"
    assert f'<th scope="col">{label}</th>' in html
    assert f'<td data-label="{label}">1</td>' in html
    headings = [escape(column.label) for column in STATEMENT_COLUMNS]
    assert html.count('<th scope="col">') == 2 + len(headings)
    for heading in headings:
        assert f'<th scope="col">{heading}</th>' in html


def test_a_statement_still_in_english_says_so_and_its_cells_are_escaped():
    table = now_table((("Members", ("<b>", *CELLS[1:])),), ())
    html = render_to_string(
        "reviews/results/includes/statement_tables.html",
        {"tables": (table,), "results": {"english_statements": frozenset({"s1"})}},
    )
    assert 'class="statement-name" lang="en-GB">1. Trust &lt;us&gt;</th>' in html
    assert '<td data-label="n">&lt;b&gt;</td>' in html
