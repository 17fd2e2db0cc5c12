"""Rows both generators write the same way: answers from cells, and progress.

A cell is what one respondent gave one column of one statement: a rating, a
state such as "dont_know", or None for blank (`reviews.analysis.Cell`).
"""

from collections.abc import Callable

from reviews.analysis import Cell
from reviews.models import Answer

# Called with a stage name and the fraction done so far, for a progress bar.
Progress = Callable[[str, float], None]


def no_progress(stage: str, fraction: float) -> None:
    """The progress report when nobody is watching."""


def rating(value: float) -> int:
    """A drawn value rounded onto the 1 to 10 scale."""
    return max(1, min(10, round(value)))


def _columns(cell: Cell) -> tuple[int | None, str]:
    return (cell, "") if isinstance(cell, int) else (None, cell or "")


def answer(
    response_id: int, statement_id: int, then: Cell, now: Cell, like: Cell = None
) -> Answer:
    """One unsaved answer row from its three cells."""
    then_rating, then_state = _columns(then)
    now_rating, now_state = _columns(now)
    like_rating, like_state = _columns(like)
    # Ids rather than instances: the related-object descriptors cost more than
    # the insert itself over hundreds of thousands of rows.
    return Answer(
        response_id=response_id,
        statement_id=statement_id,
        then_rating=then_rating,
        then_state=then_state,
        now_rating=now_rating,
        now_state=now_state,
        like_rating=like_rating,
        like_state=like_state,
    )
