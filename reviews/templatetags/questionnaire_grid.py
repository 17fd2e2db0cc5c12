"""A statement's part of the questionnaire and of the check page, rendered once
and kept.

A statement's fieldset (legend, help, a radio group per column) is the same for
everyone but for which radios are checked, and rendering it through the template
engine cost more than the rest of the page; its section on the check page is the
same but for the answers shown. So each is rendered once per statement, columns
and scale with a `SLOT` wherever the person's own values go, kept for the process
keyed by everything else it shows, and each page fills in that person's values.
A fieldset with errors on it is rendered as it is, every time: nothing anyone
answered, typed or was told is ever kept.
"""

from collections.abc import Callable
from dataclasses import replace

from django import template
from django.template.loader import render_to_string
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from reviews.forms.questionnaire import SLOT, Row

register = template.Library()

TEMPLATE = "reviews/respond/statement_fieldset.html"
CHECK_TEMPLATE = "reviews/respond/check_statement.html"
# Pieces one process keeps (two templates, ten or so statements a version).
KEPT = 1000
_kept: dict[tuple, list[str]] = {}


@register.simple_tag
def statement_fieldset(row: Row, scale_hint: str) -> SafeString:
    def render(row: Row) -> str:
        return render_to_string(TEMPLATE, {"row": row, "scale_hint": scale_hint})

    if row.has_errors:
        return mark_safe(render(row))
    marks = [mark for group in row.groups for mark in group.marks()]
    groups = [replace(group, value=None, slots=True) for group in row.groups]
    return _filled(
        (TEMPLATE, *_statement_key(row), scale_hint),
        marks,
        lambda: render(replace(row, groups=groups)),
        lambda: render(row),
    )


@register.simple_tag
def check_statement(
    row: Row, not_involved_at_start: bool, respond_url: str
) -> SafeString:
    """One statement's answers on the check page, with links to change them."""
    answers = [group.answer_shown(not_involved_at_start) for group in row.groups]

    def render(answers: list[str], url: str) -> str:
        cells = list(zip(row.groups, answers, strict=True))
        context = {"row": row, "cells": cells, "respond_url": url}
        return render_to_string(CHECK_TEMPLATE, context)

    marks = [mark for answer in answers for mark in (answer, respond_url)]
    return _filled(
        (CHECK_TEMPLATE, *_statement_key(row)),
        [conditional_escape(mark) for mark in marks],
        lambda: render([SLOT] * len(answers), SLOT),
        lambda: render(answers, respond_url),
    )


def _statement_key(row: Row) -> tuple:
    """Everything about a statement its kept pieces show, in the page's language."""
    statement = row.statement
    return (
        get_language(),
        getattr(statement, "english", frozenset()),
        statement.key,
        statement.order,
        statement.text,
        statement.help_text,
        statement.capital,
        tuple((group.column, group.name) for group in row.groups),
        row.scale,
    )


def _filled(
    key: tuple,
    marks: list[str],
    render_slotted: Callable[[], str],
    render: Callable[[], str],
) -> SafeString:
    """The kept pieces for `key` (rendered with slots the first time) with `marks`,
    escaped already, put in their slots in order."""
    pieces = _kept.get(key)
    if pieces is None:
        pieces = render_slotted().split(SLOT)
        if len(_kept) >= KEPT:
            _kept.clear()
        _kept[key] = pieces
    if len(pieces) != len(marks) + 1:
        # A SLOT in the framework's own words: render this one as it is.
        return mark_safe(render())
    filled = [pieces[0]]
    for mark, piece in zip(marks, pieces[1:], strict=True):
        filled += (mark, piece)
    return mark_safe("".join(filled))
