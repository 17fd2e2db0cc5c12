"""The results pages' tables, row by row, in Python.

A results page holds a few hundred table cells; a template loop resolves each
`{{ cell }}` through the template engine, which cost more than a third of the
page's rendering. These tags write the same markup with `escape()` on every
value, in one pass.
"""

from __future__ import annotations

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from reviews.results.page_charts import DASH, Table
from reviews.results.pages import StatementTable

register = template.Library()

# The statement tables' columns after the perspective, as the header names them
# (`data-label` heads each cell when the table stacks on a phone).
STATEMENT_CELLS = (
    ("n", ""),
    ("Mean", ""),
    ("Median", ""),
    ("Range", ""),
    ("Agreement (r_wg)", ' class="wide-cell"'),
    ("Don't know", ""),
    ("Not relevant", ""),
    ("Change", ""),
)


@register.simple_tag
def table_headers(table: Table) -> SafeString:
    return mark_safe(
        "".join(f'<th scope="col">{escape(h)}</th>' for h in table.headers)
    )


@register.simple_tag
def table_rows(table: Table) -> SafeString:
    """Each row: its header cell, then its cells."""
    return mark_safe(
        "\n".join(
            f'<tr><th scope="row">{escape(header)}</th>'
            + "".join(f"<td>{escape(cell)}</td>" for cell in cells)
            + "</tr>"
            for header, cells in table.rows
        )
    )


@register.simple_tag
def statement_rows(table: StatementTable) -> SafeString:
    """One `<tbody>` per statement: a row per perspective, then its gaps."""
    parts = []
    labels = {STATEMENT_CELLS[4][0]: escape(table.agreement_heading)}
    for statement, groups, gaps in table.rows:
        parts.append("<tbody>")
        for i, (perspective, cells) in enumerate(groups):
            head = (
                f'<th scope="rowgroup" rowspan="{len(groups) + 1}" '
                f'class="statement-name">{statement.order}. '
                f"{escape(statement.label)}</th>"
                if i == 0
                else ""
            )
            tds = "".join(
                f'<td data-label="{labels.get(label, label)}"{extra}>'
                f"{escape(cell)}</td>"
                for (label, extra), cell in zip(STATEMENT_CELLS, cells, strict=True)
            )
            parts.append(
                f'<tr>{head}<th scope="row">{escape(perspective)}</th>{tds}</tr>'
            )
        shown = (
            "; ".join(f'<span class="gap">{escape(gap)}</span>' for gap in gaps) or DASH
        )
        parts.append(
            '<tr class="gaps-row"><th scope="row">Gaps between groups</th>'
            f'<td colspan="8" class="wide-cell">{shown}</td></tr>'
        )
        parts.append("</tbody>")
    return mark_safe("\n".join(parts))
