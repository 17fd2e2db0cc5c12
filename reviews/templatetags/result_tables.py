"""The statement tables' rows, written in Python.

Kept on purpose (bench/README.md, "Speed we keep on purpose"): a review's results
show three statement tables of about 1,400 cells between them, and rendering
each cell through the template language made a first, uncached results view at
500 responses 41 ms (162x /healthz, over its 150x budget). The markup is what
`statement_tables.html` would write, and `tests/unit/test_result_markup.py`
checks it cell by cell.
"""

from __future__ import annotations

from collections.abc import Sequence

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from reviews.results.statement_tables import Column, StatementTable

register = template.Library()


@register.simple_tag
def statement_rows(
    table: StatementTable, columns: Sequence[Column], english: frozenset[str]
) -> SafeString:
    """One `<tbody>` per statement: a row per perspective, then its gaps.
    `english` names the statements whose label is still in English."""
    gaps_heading = escape(gettext("Gaps between groups"))
    labels = [
        (escape(c.label), ' class="wide-cell"' if c.wide else "") for c in columns
    ]
    parts = []
    for statement, groups, gaps in table.rows:
        lang = ' lang="en-GB"' if statement.key in english else ""
        parts.append("<tbody>")
        for i, (perspective, cells) in enumerate(groups):
            head = (
                f'<th scope="rowgroup" rowspan="{len(groups) + 1}" '
                f'class="statement-name"{lang}>{statement.order}. '
                f"{escape(statement.label)}</th>"
                if i == 0
                else ""
            )
            tds = "".join(
                f'<td data-label="{label}"{extra}>{escape(cell)}</td>'
                for (label, extra), cell in zip(labels, cells, strict=True)
            )
            parts.append(
                f'<tr>{head}<th scope="row">{escape(perspective)}</th>{tds}</tr>'
            )
        shown = "; ".join(f'<span class="gap">{escape(gap)}</span>' for gap in gaps)
        parts.append(
            f'<tr class="gaps-row"><th scope="row">{gaps_heading}</th>'
            f'<td colspan="{len(columns)}" class="wide-cell">{shown or "–"}</td></tr>'
        )
        parts.append("</tbody>")
    return mark_safe("\n".join(parts))
