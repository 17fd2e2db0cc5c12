"""One statement's fieldset on the questionnaire, rendered once and kept.

A statement's fieldset (legend, help, a radio group per column) is the same for
everyone but for which radios are checked, and rendering it through the template
engine cost more than the rest of the page. So it is rendered once per statement,
columns and scale with a `SLOT` where each `checked` may go, kept for the process
keyed by everything it shows, and each page fills in the person's own choices. A
fieldset with errors on it is rendered as it is, every time: nothing the person
typed or was told is ever kept.
"""

from dataclasses import replace

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from reviews.forms.questionnaire import SLOT, Row

register = template.Library()

TEMPLATE = "reviews/respond/statement_fieldset.html"
# Fieldsets one process keeps (ten or so per framework version in use).
KEPT = 1000
_kept: dict[tuple, list[str]] = {}


@register.simple_tag
def statement_fieldset(row: Row, scale_hint: str) -> SafeString:
    if row.has_errors:
        return render_to_string(TEMPLATE, {"row": row, "scale_hint": scale_hint})
    statement = row.statement
    key = (
        statement.key,
        statement.order,
        statement.text,
        statement.help_text,
        statement.capital,
        tuple((group.column, group.name) for group in row.groups),
        row.scale,
        scale_hint,
    )
    pieces = _kept.get(key)
    if pieces is None:
        pieces = _render_pieces(row, scale_hint)
        if len(_kept) >= KEPT:
            _kept.clear()
        _kept[key] = pieces
    marks = [mark for group in row.groups for mark in group.marks()]
    if len(pieces) != len(marks) + 1:
        # A SLOT in the framework's own words: render this one as it is.
        return render_to_string(TEMPLATE, {"row": row, "scale_hint": scale_hint})
    filled = [pieces[0]]
    for mark, piece in zip(marks, pieces[1:], strict=True):
        filled += (mark, piece)
    return mark_safe("".join(filled))


def _render_pieces(row: Row, scale_hint: str) -> list[str]:
    """The fieldset split at its slots, from a row with nobody's answers in it."""
    groups = [replace(group, value=None, slots=True) for group in row.groups]
    slotted = replace(row, groups=groups)
    html = render_to_string(TEMPLATE, {"row": slotted, "scale_hint": scale_hint})
    return html.split(SLOT)
