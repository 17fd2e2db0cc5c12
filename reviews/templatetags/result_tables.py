"""The statement tables' one helper: each cell beside the column it is in."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from django import template

from reviews.results.pages import Column

register = template.Library()


@register.filter
def with_columns(
    cells: Sequence[str], columns: Sequence[Column]
) -> Iterator[tuple[Column, str]]:
    """`cells` of a statement table's row, each with its column (the table's
    `cell_columns`)."""
    return zip(columns, cells, strict=True)
