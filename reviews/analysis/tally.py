"""One pass over the responses, counting everything the analysis reads.

This is the only loop over every answer, so it is written for speed: slots are
looked up in a dict and the answer checks are inlined rather than called per
cell (a call per cell costs about a fifth of the time of `analyse`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from reviews.analysis.agreement import histogram_width, slots
from reviews.analysis.records import Cell, ResponseData
from reviews.analysis.scale import Scale
from reviews.analysis.words import NOW, PERSPECTIVES, THEN


@dataclass
class Tally:
    """Counts per perspective, indexed by statement then column as asked."""

    # perspective -> statement -> column -> histogram (see agreement.slots).
    counts: dict[str, list[list[list[int]]]]
    # perspective -> statement -> [n, sum of now - then, rose, fell] over those
    # who rated both.
    diffs: dict[str, list[list[int]]]
    respondents: dict[str, int]
    # (response id, "now" ratings given, their range) for every response.
    now_spreads: list[tuple[int, int, int]]


def tally(
    responses: Iterable[ResponseData],
    keys: Sequence[str],
    columns: Sequence[str],
    scale: Scale,
) -> Tally:
    result = Tally({}, {}, {}, [])
    width = histogram_width(scale)
    count = _Counter(slots(scale), keys, columns, scale)
    for r in responses:
        p = r.perspective
        table = result.counts.get(p)
        if table is None:
            table = _start_perspective(result, p, len(keys), len(columns), width)
        result.respondents[p] += 1
        now_n, now_range = count(r.answers, table, result.diffs[p])
        result.now_spreads.append((r.id, now_n, now_range))
    return result


class _Counter:
    """Counts one response's answers into its perspective's tables."""

    def __init__(
        self,
        at: dict[object, int],
        keys: Sequence[str],
        columns: Sequence[str],
        scale: Scale,
    ) -> None:
        self.at = at
        self.scale = scale
        self.indexed_keys = tuple(enumerate(keys))
        self.indexed_columns = tuple(enumerate(columns))
        # Where "now" and "at first" are among the columns; -1 when not asked
        # (a change needs both).
        self.now_at = columns.index(NOW) if NOW in columns else -1
        self.then_at = columns.index(THEN) if THEN in columns and NOW in columns else -1

    def __call__(
        self,
        answers: Mapping[str, Mapping[str, Cell]],
        table: list[list[list[int]]],
        change_rows: list[list[int]],
    ) -> tuple[int, int]:
        """Count `answers`; return how many "now" ratings they hold and their range."""
        at, indexed_columns = self.at, self.indexed_columns
        now_at, then_at = self.now_at, self.then_at
        now_min, now_max, now_n = self.scale.max, self.scale.min, 0
        for si, key in self.indexed_keys:
            answer = answers.get(key)
            if not answer:
                continue
            row = table[si]
            now: int | None = None
            then: int | None = None
            for ci, column in indexed_columns:
                cell = answer.get(column)
                if cell is None:
                    continue
                # type() keeps True and 7.0 out: they would hash like 1 and 7.
                kind = type(cell)
                slot = at.get(cell) if kind is int or kind is str else None
                if slot is None:
                    raise ValueError(f"not an answer: {cell!r}")
                row[ci][slot] += 1
                if isinstance(cell, int):  # a rating (True was refused above)
                    if ci == now_at:
                        now = cell
                    elif ci == then_at:
                        then = cell
            if now is None:
                continue
            now_n += 1
            if now < now_min:
                now_min = now
            if now > now_max:
                now_max = now
            if then is not None:
                d = change_rows[si]
                d[0] += 1
                d[1] += now - then
                d[2] += now > then
                d[3] += now < then
        return now_n, now_max - now_min


def _start_perspective(
    result: Tally, p: str, statements: int, columns: int, width: int
) -> list[list[list[int]]]:
    if p not in PERSPECTIVES:
        raise ValueError(f"unknown perspective: {p!r}")
    table = result.counts[p] = [
        [[0] * width for _ in range(columns)] for _ in range(statements)
    ]
    result.diffs[p] = [[0, 0, 0, 0] for _ in range(statements)]
    result.respondents[p] = 0
    return table
